import { parseIsoDay, type Day } from '../calendar/day';
import { parseDateText, type DateOrder } from '../tables/coerce';
import { amountIssueCode, makeIssue, type Issue } from '../issues/issue';
import { currencyExponent } from '../money/currencies';
import { parseDecimalToMinor, type Minor } from '../money/money';
import { StringIndex } from '../collections/stringIndex';
import { ENTRY_TYPES, parseEntryType, parseStatus, type EntryStatus, type EntryType } from './entryTypes';
import { blankHeaderIndexes, cell, cellBeyondHeaders, locate, mapHeaders, type ColumnIndex } from './headerMap';
import type { Customer, DocumentKeys, Entry, EntryOrigin } from './model';
import { rowNumberOf, type RawTable } from './rawTable';

export interface EntryReadOptions {
  /** Currency for rows whose own cell and customer are both silent. */
  readonly defaultCurrency?: string | undefined;
  /**
   * Also read dates typed d/m/y (or m/d/y): a CSV export has them as the accountant's software
   * wrote them. Unset: ISO only (a workbook's reader has already turned its dates into ISO).
   */
  readonly dateOrder?: DateOrder | undefined;
}

/** ISO days, and with an order also typed dates ("31/10/2026"); undefined when the text is no date. */
export function dayReader(order: DateOrder | undefined): (text: string) => Day | undefined {
  if (order === undefined) return parseIsoDay;
  return (text) => {
    const iso = parseIsoDay(text);
    if (iso !== undefined) return iso;
    const typed = parseDateText(text, order);
    return typed.ok ? typed.day : undefined;
  };
}

/** Small caches: a ledger repeats a handful of type, status and currency spellings a million times. */
function memo<T>(f: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = f(s);
      if (cache.size < 1000) cache.set(s, v);
    }
    return v as T;
  };
}

const SIGN_TEXT = {
  debit: { en: 'positive', fr: 'positif' },
  credit: { en: 'negative', fr: 'négatif' },
};

/**
 * First occurrence of every document number, column by column (a million small objects would cost
 * more than the rest of the reading): what instalments of the same document must share.
 */
class DocumentsSeen {
  readonly index: StringIndex;
  /** Documents seen so far; each column below is by document key (typed arrays: nothing for the collector to trace). */
  count = 0;
  readonly rows: Int32Array;
  readonly customers: string[];
  readonly types: Uint8Array;
  readonly currencies: string[];
  readonly dues: Float64Array;
  /** Due dates of further instalments, by position; most documents have none. */
  readonly moreDues = new Map<number, Day[]>();
  /** Key of the document of the last row checked. */
  lastKey = -1;

  /** `expected`: at least the number of rows to be checked. */
  constructor(expected: number) {
    this.index = new StringIndex(expected);
    this.rows = new Int32Array(expected);
    this.customers = new Array<string>(expected);
    this.types = new Uint8Array(expected);
    this.currencies = new Array<string>(expected);
    this.dues = new Float64Array(expected);
  }

  /** Records the row; returns the first row of a conflicting document (a duplicate), else undefined. */
  check(documentNo: string, row: number, customerId: string, type: EntryType, currency: string, due: Day): number | undefined {
    const k = this.index.setIfAbsent(documentNo, this.count);
    const typeCode = TYPE_CODES[type];
    if (k < 0) {
      const n = this.count++;
      this.lastKey = n;
      this.rows[n] = row;
      this.customers[n] = customerId;
      this.types[n] = typeCode;
      this.currencies[n] = currency;
      this.dues[n] = due;
      return undefined;
    }
    this.lastKey = k;
    const more = this.moreDues.get(k);
    // Instalments: same customer, type and currency, a due date of their own (two currencies would let one settlement mix them).
    if (this.customers[k] !== customerId || this.types[k] !== typeCode || this.currencies[k] !== currency || this.dues[k] === due || (more?.includes(due) ?? false)) return this.rows[k];
    if (more === undefined) this.moreDues.set(k, [due]);
    else more.push(due);
    return undefined;
  }
}

const TYPE_CODES = Object.fromEntries(Object.keys(ENTRY_TYPES).map((t, i) => [t, i])) as Record<EntryType, number>;

/**
 * The same string for the same text, for columns that repeat a few values a million times
 * (descriptions, matching codes): one retained string instead of one per row. Bounded.
 */
function interner(): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    if (s === '') return s;
    const v = cache.get(s);
    if (v !== undefined) return v;
    if (cache.size < 4096) cache.set(s, s);
    return s;
  };
}

/** Reads every entries table (a workbook may have several sheets); document numbers are unique across all. */
export function readEntries(
  tables: readonly RawTable[],
  customers: ReadonlyMap<string, Customer>,
  options: EntryReadOptions,
): { entries: Entry[]; issues: Issue[]; usable: boolean; documents: DocumentKeys; origins: EntryOrigin[] } {
  const entries: Entry[] = [];
  const issues: Issue[] = [];
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  const docs = new DocumentsSeen(rows);
  const keys = new Int32Array(rows);
  let usable = true;
  const origins: EntryOrigin[] = [];
  for (const t of tables) {
    const first = entries.length;
    const index = readEntryTable(t, customers, options, docs, keys, entries, issues);
    if (index === undefined) usable = false;
    else origins.push({ first, table: t, index });
  }
  return { entries, issues, usable, documents: { index: docs.index, count: docs.count, ofEntry: keys.subarray(0, entries.length), entries }, origins };
}

/** Per-row state the issue helpers read; one object reused for every row (a million closures cost seconds). */
interface RowContext {
  row: number;
  customerId: string;
  issues: Issue[] | undefined;
}

function cellAt(r: readonly string[], k: number): string {
  return k < 0 ? '' : (r[k] ?? '');
}

function isBlankRow(r: readonly string[]): boolean {
  for (const c of r) if (c !== '' && c.trim() !== '') return false;
  return true;
}

/** Reads one table's rows into `entries`; its column positions, or undefined when the table cannot be read. */
function readEntryTable(t: RawTable, customers: ReadonlyMap<string, Customer>, options: EntryReadOptions, docs: DocumentsSeen, keys: Int32Array, entries: Entry[], issues: Issue[]): ColumnIndex | undefined {
  const map = mapHeaders(t);
  issues.push(...map.issues);
  if (!map.usable) return undefined;
  const blankHeaders = blankHeaderIndexes(t);
  const ix = map.index;
  const dayOf = dayReader(options.dateOrder);
  const typeOf = memo(parseEntryType);
  const statusOf = memo(parseStatus);
  const currencyOf = memo((s: string) => s.trim().toUpperCase());
  const description = interner();
  const reference = interner();
  const matchingCode = interner();
  const hasAmount = (ix['amount'] ?? -1) >= 0;
  const col = (name: string): number => ix[name] ?? -1;
  const cAmount = col('amount');
  const [cCustomer, cType, cDoc, cPosting, cDue, cCurrency, cDescription, cReference, cMatching, cAppliesTo, cStatus] = [
    'customer_id', 'type', 'document_no', 'posting_date', 'due_date', 'currency', 'description', 'reference', 'matching_code', 'applies_to', 'status',
  ].map(col) as [number, number, number, number, number, number, number, number, number, number, number];
  const ctx: RowContext = { row: 0, customerId: '', issues: undefined };
  const at = (column: string, value: string) => locate(t, ix, ctx.row, column, value, ctx.customerId);
  const bad: Bad = (code, column, value, params = {}) => (ctx.issues ??= []).push(makeIssue(code, at(column, value), params));

  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows.at(i) ?? [];
    if (r.length === 0 || isBlankRow(r)) continue;
    const row = rowNumberOf(t, i);
    const customerId = cellAt(r, cCustomer).trim();
    ctx.row = row;
    ctx.customerId = customerId;
    ctx.issues = undefined;
    if (r.length > t.headers.length || blankHeaders.length > 0) {
      const beyond = cellBeyondHeaders(t, r, blankHeaders);
      if (beyond !== undefined) bad('extra-cells', beyond.column, beyond.value);
    }

    const statusText = cellAt(r, cStatus).trim();
    const status: EntryStatus | undefined = statusOf(statusText);
    if (status === undefined) bad('unknown-status', 'status', statusText);
    else if (status !== 'posted') {
      issues.push(makeIssue('ignored-status', at('status', statusText), { status, statusFr: status === 'void' ? 'annulée' : 'brouillon' }));
      continue;
    }

    const customer = customers.get(customerId);
    if (customerId === '') bad('missing-value', 'customer_id', '');
    else if (customer === undefined) bad('unknown-customer', 'customer_id', customerId);

    const typeText = cellAt(r, cType);
    const type = typeText === '' ? undefined : typeOf(typeText);
    if (typeText.trim() === '') bad('missing-value', 'type', '');
    else if (type === undefined) bad('unknown-type', 'type', typeText.trim());

    const documentNo = cellAt(r, cDoc).trim();
    if (documentNo === '') bad('missing-value', 'document_no', '');

    const postingText = cellAt(r, cPosting);
    const posting = dayOf(postingText);
    if (posting === undefined) {
      if (postingText.trim() === '') bad('missing-value', 'posting_date', '');
      else bad('bad-date', 'posting_date', postingText);
    }

    const dueText = cellAt(r, cDue);
    let due = posting;
    if (dueText !== '' && dueText.trim() !== '') {
      due = dayOf(dueText);
      if (due === undefined) bad('bad-date', 'due_date', dueText);
    }

    let currency = currencyOf(cellAt(r, cCurrency));
    if (currency === '') currency = customer?.currency ?? options.defaultCurrency ?? '';
    const exponent = currency === '' ? undefined : currencyExponent(currency);
    // (an unknown customer has no currency to fall back on; its row is already an error)
    if (currency === '' && customer !== undefined) bad('missing-currency', 'currency', '');
    else if (currency !== '' && exponent === undefined) bad('unknown-currency', 'currency', currency);

    let amount: Minor | undefined;
    if (exponent !== undefined) {
      // The usual case without a closure per row: an amount column whose cell parses.
      const parsed = hasAmount ? parseDecimalToMinor(cellAt(r, cAmount), exponent) : undefined;
      amount = parsed?.ok === true ? parsed.minor : readAmount(r, ix, hasAmount, exponent, currency, bad);
    }

    if (amount !== undefined && type !== undefined) {
      const side = ENTRY_TYPES[type].side;
      if (side !== 'either' && amount !== 0 && (side === 'debit') !== amount > 0) {
        bad('sign-mismatch', hasAmount ? 'amount' : side === 'debit' ? 'credit' : 'debit', cell(r, ix, hasAmount ? 'amount' : side === 'debit' ? 'credit' : 'debit'), {
          type: ENTRY_TYPES[type].label.en.toLowerCase(),
          typeFr: ENTRY_TYPES[type].label.fr.toLowerCase(),
          expected: SIGN_TEXT[side].en,
          expectedFr: SIGN_TEXT[side].fr,
        });
      }
    }

    if (documentNo !== '' && type !== undefined && due !== undefined) {
      const firstRow = docs.check(documentNo, row, customerId, type, currency, due);
      if (firstRow !== undefined) bad('duplicate-document', 'document_no', documentNo, { firstRow });
    }

    const found = ctx.issues as Issue[] | undefined; // filled through `bad`, which TypeScript cannot follow
    if (found !== undefined) {
      issues.push(...found);
      continue;
    }
    keys[entries.length] = docs.lastKey; // checked above: an entry has a document number, a type and a due date
    entries.push({
      index: entries.length,
      row,
      customerId: (customer as Customer).id, // one shared string per customer, not one per row
      type: type as EntryType,
      documentNo,
      posting: posting as Day,
      due: due as Day,
      amount: smallInteger(amount as Minor),
      currency,
      description: description(cellAt(r, cDescription).trim()),
      reference: reference(cellAt(r, cReference).trim()),
      matchingCode: matchingCode(cellAt(r, cMatching).trim()),
      appliesTo: cellAt(r, cAppliesTo).trim(),
    });
  }
  return ix;
}

type Bad = (code: Parameters<typeof makeIssue>[0], column: string, value: string, params?: Record<string, string | number>) => void;

/**
 * The same number, stored by the engine as a small integer when it is one: the parser's arithmetic
 * gives a boxed double (13146.0), a separate heap object for every entry.
 */
function smallInteger(x: number): number {
  const i = x | 0;
  return i === x && (i !== 0 || Object.is(x, 0)) ? i : x;
}

/** Signed amount from `amount`, or from debit (+) and credit (−) columns. */
function readAmount(r: readonly string[], ix: Readonly<Record<string, number>>, hasAmount: boolean, exponent: number, currency: string, bad: Bad): Minor | undefined {
  const one = (column: string): Minor | undefined | null => {
    const text = cell(r, ix, column);
    if (text.trim() === '') return null;
    const p = parseDecimalToMinor(text, exponent);
    if (p.ok) return p.minor;
    bad(amountIssueCode(p.reason), column, text, { currency, digits: exponent });
    return undefined;
  };
  if (hasAmount) {
    const a = one('amount');
    if (a === null) bad('missing-value', 'amount', '');
    return a ?? undefined;
  }
  const debit = one('debit');
  const credit = one('credit');
  if (debit === undefined || credit === undefined) return undefined;
  if (debit === null && credit === null) {
    bad('missing-value', 'debit', '');
    return undefined;
  }
  if (debit !== null && credit !== null && debit !== 0 && credit !== 0) {
    bad('debit-and-credit', 'credit', cell(r, ix, 'credit'));
    return undefined;
  }
  return (debit ?? 0) - (credit ?? 0);
}
