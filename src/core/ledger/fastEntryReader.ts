import { currencyExponent } from '../money/currencies';
import { CELL, CELLS_PER_ROW, EntryRowParser, newPreparsedEntries, type PreparsedEntries } from './entryRowParser';
import { blankHeaderIndexes, type ColumnIndex } from './headerMap';
import { rowNumberOf, type RawTable } from './rawTable';
import type { EntryReadState } from './readEntries';

/** True when the fast path can read a table with these headers: cells under blank headers, and debit/credit layouts, are the general reader's (rules 1, 10). */
export function fastPathApplies(t: RawTable, ix: ColumnIndex): boolean {
  // (an export's entry numbers and open amounts, rules 14 and 15, are the general reader's)
  return blankHeaderIndexes(t).length === 0 && (ix['amount'] ?? -1) >= 0 && (ix['entry_no'] ?? -1) < 0 && (ix['open_amount'] ?? -1) < 0;
}

/**
 * The entries reader's fast path for a CSV table: a row that is plainly good is stored straight
 * from its bytes; for anything else it returns false and the row takes the general reader, which
 * reports every problem. So the fast path decides nothing the general reader would not: it only
 * spares a million ordinary rows a dozen strings each.
 *
 * Two steps: what the row alone tells (EntryRowParser: done here, or beforehand on another thread
 * when the table brings `preparsed`), then what needs the ledger: the customer exists, its currency
 * when the cell is blank, the amount's decimals for that currency, and the document number not a
 * duplicate. That last check is the one step with an effect the general reader would see, so it
 * comes after everything that can still refuse the row. The rules, and which side checks each:
 * ROW RULES in readEntries.ts (tagged `rule N` here and there).
 */
export function fastEntryReader(t: RawTable, ix: ColumnIndex, state: EntryReadState): ((i: number) => boolean) | undefined {
  const source = t.bytes;
  if (source === undefined || !fastPathApplies(t, ix)) return undefined;
  const { bytes, rowStart, delimiter } = source;
  const { store, docs, customerKeys, customers, options } = state;
  const p = source.preparsed;
  const given = p !== undefined && p.ok.length === t.rows.length && sameColumns(p.columns, ix) ? p : undefined;
  const parser = given === undefined ? new EntryRowParser(bytes, rowStart, delimiter, ix, t.headers.length) : undefined;
  const one = newPreparsedEntries(1, ix);

  const customerCount = customers.length;
  const exponents: number[] = [];
  const exponentOf = (code: number): number => (exponents[code] ??= currencyExponent(store.currencies[code] as string) as number);
  /** Store code of each customer's currency when its cell is blank (−1: it has none). */
  const defaultCode = customers.map((c) => {
    const currency = c.currency ?? options.defaultCurrency ?? '';
    return store.currencyCode(currency);
  });

  const readAhead = given?.readAhead;
  /** Rows before this are read (all of them when none are still being read). */
  let readyUntil = readAhead === undefined ? t.rows.length : 0;

  return (i) => {
    let p: PreparsedEntries = one;
    let k = 0;
    if (given !== undefined) {
      if (readAhead !== undefined && i >= readyUntil) readyUntil = readAhead.ready(i);
      p = given;
      k = i;
    } else (parser as EntryRowParser).parse(i, one, 0);
    if (p.ok[k] !== 1) return false;

    const cells = k * CELLS_PER_ROW;
    // Customer ids are unique and listed first in customerKeys: a key past them is an unknown id.
    const customer = customerKeys.findHashed(bytes, p.cells[cells + CELL.customer] as number, p.cells[cells + CELL.customer + 1] as number, p.customerHash[k] as number);
    if (customer < 0 || customer >= customerCount) return false; // rule 4 (known)
    const currencyIndex = p.currency[k] as number;
    const currency = currencyIndex < 0 ? (defaultCode[customer] as number) : currencyIndex; // a position in CURRENCY_CODES: the store's code
    if (currency < 0) return false; // rule 9 (the customer's or default currency)
    const exponent = exponentOf(currency);
    const decimals = p.decimals[k] as number;
    if (decimals > exponent) return false; // rule 10 (decimals)
    const amount = (p.digits[k] as number) * 10 ** (exponent - decimals);
    if (!Number.isSafeInteger(amount)) return false;

    const document = store.documents.internHashed(bytes, p.cells[cells + CELL.document] as number, p.cells[cells + CELL.document + 1] as number, p.documentHash[k] as number);
    const type = p.type[k] as number;
    const posting = p.posting[k] as number;
    const due = p.due[k] as number;
    if (docs.check(document, rowNumberOf(t, i), customer, type, currency, due) !== undefined) return false; // rule 12: a duplicate, the general reader reports it

    const appliesFrom = p.cells[cells + CELL.appliesTo] as number;
    const appliesTo = p.cells[cells + CELL.appliesTo + 1] as number;
    const matchingFrom = p.cells[cells + CELL.matching] as number;
    const matchingTo = p.cells[cells + CELL.matching + 1] as number;
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

function sameColumns(a: ColumnIndex, b: ColumnIndex): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? -1) !== (b[key] ?? -1)) return false;
  return true;
}
