import { dayFromCivil, isValidCivil, type Day } from '../calendar/day';
import { ByteKeys } from '../collections/byteKeys';
import { currencyExponent } from '../money/currencies';
import { fieldText, RowFields, scanRow } from '../tables/csvBytes';
import { SIDE_BY_CODE, TYPE_CODES } from './entryStore';
import { parseEntryType, parseStatus } from './entryTypes';
import { blankHeaderIndexes, type ColumnIndex } from './headerMap';
import { rowNumberOf, type RawTable } from './rawTable';
import type { EntryReadState } from './readEntries';

/**
 * The entries reader's fast path for a CSV table: reads a row straight from its bytes when it is
 * plainly good (ISO dates, a plain amount, known customer, type and currency, nothing to report)
 * and stores it; returns false for anything else, and the row then takes the general reader, which
 * reports every problem. So the fast path decides nothing the general reader would not: it only
 * spares a million ordinary rows a dozen strings each.
 *
 * Everything that can refuse a row is checked before the document number is recorded, the one step
 * with an effect the general reader would see.
 */
export function fastEntryReader(t: RawTable, ix: ColumnIndex, state: EntryReadState): ((i: number) => boolean) | undefined {
  const source = t.bytes;
  const col = (name: string): number => ix[name] ?? -1;
  // Cells under blank headers, and debit/credit layouts, are the general reader's.
  if (source === undefined || blankHeaderIndexes(t).length > 0 || col('amount') < 0) return undefined;
  const { bytes, rowStart, delimiter } = source;
  const { store, docs, customerKeys, customers, options } = state;
  const width = t.headers.length;
  const known = customers.length;
  const [cCustomer, cType, cDoc, cPosting, cDue, cAmount, cCurrency, cMatching, cAppliesTo, cStatus] = [
    'customer_id', 'type', 'document_no', 'posting_date', 'due_date', 'amount', 'currency', 'matching_code', 'applies_to', 'status',
  ].map(col) as [number, number, number, number, number, number, number, number, number, number];
  const fields = new RowFields();
  const types = new ByteMemo((text) => {
    const type = parseEntryType(text);
    return type === undefined ? -1 : TYPE_CODES[type];
  });
  const posted = new ByteMemo((text) => (parseStatus(text.trim()) === 'posted' ? 1 : 0));
  /** Currency cell → its code in the store (−1: unknown currency). */
  const currencies = new ByteMemo((text) => {
    const currency = text.trim().toUpperCase();
    return currencyExponent(currency) === undefined ? -1 : store.currencyCode(currency);
  });
  const exponentOf: number[] = [];
  const exponent = (code: number): number => (exponentOf[code] ??= currencyExponent(store.currencies[code] as string) as number);
  /** Code of each customer's default currency (−1 when it has none). */
  const defaultCode = customers.map((c) => {
    const currency = c.currency ?? options.defaultCurrency ?? '';
    return currency === '' || currencyExponent(currency) === undefined ? -1 : store.currencyCode(currency);
  });

  // The trimmed bytes of a cell: [lo, hi). False when the cell is not plain (quotes to undo, or a
  // non-ASCII character at an edge that trim() might remove).
  let lo = 0;
  let hi = 0;
  const cellAt = (c: number): boolean => {
    if (c < 0) {
      lo = hi = 0;
      return true;
    }
    if (fields.raw[c] === 1) return false;
    lo = fields.start[c] as number;
    hi = fields.end[c] as number;
    while (lo < hi && isSpace(bytes[lo] as number)) lo++;
    while (hi > lo && isSpace(bytes[hi - 1] as number)) hi--;
    return lo === hi || ((bytes[lo] as number) < 0x80 && (bytes[hi - 1] as number) < 0x80);
  };

  return (i) => {
    scanRow(bytes, rowStart[i] as number, delimiter, fields);
    if (fields.count !== width || fields.open) return false;

    if (!cellAt(cStatus) || (lo < hi && posted.get(bytes, lo, hi, fields, cStatus) !== 1)) return false;

    if (!cellAt(cCustomer) || lo === hi) return false;
    const customer = customerKeys.find(bytes, lo, hi);
    if (customer < 0 || customer >= known) return false;

    if (!cellAt(cType) || lo === hi) return false;
    const type = types.get(bytes, fields.start[cType] as number, fields.end[cType] as number, fields, cType);
    if (type < 0) return false;

    if (!cellAt(cPosting)) return false;
    const posting = isoDay(bytes, lo, hi);
    if (posting === undefined) return false;
    if (!cellAt(cDue)) return false;
    const due = lo === hi ? posting : isoDay(bytes, lo, hi);
    if (due === undefined) return false;

    if (!cellAt(cCurrency)) return false;
    const currency = lo === hi ? (defaultCode[customer] as number) : currencies.get(bytes, lo, hi, fields, cCurrency);
    if (currency < 0) return false;

    if (!cellAt(cAmount)) return false;
    const amount = plainAmount(bytes, lo, hi, exponent(currency));
    if (amount === undefined) return false;
    const side = SIDE_BY_CODE[type] as number;
    if (side !== 0 && amount !== 0 && side === 1 !== amount > 0) return false;

    if (!cellAt(cAppliesTo)) return false;
    const appliesFrom = lo;
    const appliesTo = hi;
    if (!cellAt(cMatching)) return false;
    const matchingFrom = lo;
    const matchingTo = hi;

    if (!cellAt(cDoc) || lo === hi) return false;
    const document = store.documents.intern(bytes, lo, hi);
    if (docs.check(document, rowNumberOf(t, i), customer, type, currency, due) !== undefined) return false; // a duplicate: the general reader reports it

    store.push(
      customer,
      currency,
      type,
      posting,
      due,
      amount,
      document,
      appliesFrom === appliesTo ? -1 : store.documents.intern(bytes, appliesFrom, appliesTo),
      matchingFrom === matchingTo ? -1 : store.matchingCodes.intern(bytes, matchingFrom, matchingTo),
      i,
    );
    return true;
  };
}

function isSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13);
}

/** Cell bytes → a small number, computed once per spelling from the cell's text (a ledger repeats a few spellings a million times). */
class ByteMemo {
  private readonly keys = new ByteKeys(64);
  private readonly values: number[] = [];
  constructor(private readonly compute: (text: string) => number) {}

  /** The value for bytes[lo, hi); the text given to `compute` is the whole cell, as the general reader sees it. */
  get(bytes: Uint8Array, lo: number, hi: number, fields: RowFields, column: number): number {
    const k = this.keys.find(bytes, lo, hi);
    if (k >= 0) return this.values[k] as number;
    const value = this.compute(fieldText(bytes, fields, column));
    if (this.keys.count < 1000) {
      this.keys.intern(bytes, lo, hi);
      this.values.push(value);
    }
    return value;
  }
}

/** "YYYY-MM-DD" → Day, or undefined for anything else (other forms are the general reader's). */
function isoDay(bytes: Uint8Array, lo: number, hi: number): Day | undefined {
  if (hi - lo !== 10 || bytes[lo + 4] !== 45 || bytes[lo + 7] !== 45) return undefined;
  let year = 0;
  for (let k = lo; k < lo + 4; k++) {
    const d = (bytes[k] as number) - 48;
    if (d < 0 || d > 9) return undefined;
    year = year * 10 + d;
  }
  const m1 = (bytes[lo + 5] as number) - 48;
  const m2 = (bytes[lo + 6] as number) - 48;
  const d1 = (bytes[lo + 8] as number) - 48;
  const d2 = (bytes[lo + 9] as number) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  return isValidCivil(year, month, day) ? dayFromCivil(year, month, day) : undefined;
}

/**
 * "-1234.5" → minor units: an optional minus, digits, an optional point and at most `exponent`
 * decimals. Anything else (a plus, a comma, more decimals, a huge number) is the general reader's.
 */
function plainAmount(bytes: Uint8Array, lo: number, hi: number, exponent: number): number | undefined {
  let k = lo;
  const negative = k < hi && bytes[k] === 45;
  if (negative) k++;
  let whole = 0;
  let wholeDigits = 0;
  while (k < hi) {
    const d = (bytes[k] as number) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
    wholeDigits++;
    k++;
  }
  let frac = 0;
  let fracDigits = 0;
  if (k < hi && bytes[k] === 46) {
    k++;
    while (k < hi) {
      const d = (bytes[k] as number) - 48;
      if (d < 0 || d > 9) break;
      frac = frac * 10 + d;
      fracDigits++;
      k++;
    }
  }
  if (k !== hi || wholeDigits + fracDigits === 0 || wholeDigits > 15 || fracDigits > exponent) return undefined;
  for (let f = fracDigits; f < exponent; f++) frac *= 10;
  const minor = whole * 10 ** exponent + frac;
  if (!Number.isSafeInteger(minor)) return undefined;
  return negative && minor !== 0 ? -minor : minor;
}
