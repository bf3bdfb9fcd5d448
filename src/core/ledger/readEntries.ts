import { parseIsoDay, type Day } from '../calendar/day';
import { parseDateText, type DateOrder } from '../tables/coerce';
import { amountIssueCode, makeIssue, type Issue } from '../issues/issue';
import { CURRENCY_CODES, currencyExponent, currencyPosition } from '../money/currencies';
import { formatMinor, parseDecimalToMinor, type Minor } from '../money/money';
import { ByteKeys } from '../collections/byteKeys';
import { grownTo } from '../collections/grow';
import { memo } from '../collections/memo';
import { ENTRY_TYPES, parseEntryType, parseStatus, type EntryStatus, type EntryType } from './entryTypes';
import { EntryStore, TYPE_CODES } from './entryStore';
import { fastEntryReader } from './fastEntryReader';
import { blankHeaderIndexes, cell, cellBeyondHeaders, locate, mapHeaders, type ColumnIndex } from './headerMap';
import type { Customer } from './model';
import { isBlankRow, rowNumberOf, type RawTable } from './rawTable';

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

const SIGN_TEXT = {
  debit: { en: 'positive', fr: 'positif' },
  credit: { en: 'negative', fr: 'négatif' },
};

/**
 * First occurrence of every document number, by document key, column by column (a million small
 * objects would cost more than the rest of the reading): what instalments of the same document must share.
 */
export class DocumentsSeen {
  /** First row of each document (0: not seen as an entry yet: a key applies_to named first). */
  private rows: Int32Array;
  private customers: Int32Array;
  private types: Uint8Array;
  private currencies: Int32Array;
  private dues: Int32Array;
  /** Due dates of further instalments, by key; most documents have none. */
  private readonly moreDues = new Map<number, Day[]>();

  constructor(expected: number) {
    const n = Math.max(16, expected);
    this.rows = new Int32Array(n);
    this.customers = new Int32Array(n);
    this.types = new Uint8Array(n);
    this.currencies = new Int32Array(n);
    this.dues = new Int32Array(n);
  }

  /**
   * Records the row of document key k; returns the first row of a conflicting document (a
   * duplicate), else undefined. A conflict changes nothing, so asking again gives the same answer.
   * `customer` and `currency` are keys (an unknown customer or currency has one too).
   */
  check(k: number, row: number, customer: number, type: number, currency: number, due: Day): number | undefined {
    if (k >= this.rows.length) this.grow(k);
    if (this.rows[k] === 0) {
      this.rows[k] = row;
      this.customers[k] = customer;
      this.types[k] = type;
      this.currencies[k] = currency;
      this.dues[k] = due;
      return undefined;
    }
    const more = this.moreDues.get(k);
    // Instalments: same customer, type and currency, a due date of their own (two currencies would let one settlement mix them).
    if (this.customers[k] !== customer || this.types[k] !== type || this.currencies[k] !== currency || this.dues[k] === due || (more?.includes(due) ?? false)) return this.rows[k];
    if (more === undefined) this.moreDues.set(k, [due]);
    else more.push(due);
    return undefined;
  }

  /** Customer key of document k's first entry, or −1. */
  customerOf(k: number): number {
    return k < this.rows.length && this.rows[k] !== 0 ? (this.customers[k] as number) : -1;
  }

  private grow(k: number): void {
    const n = Math.max(k + 1, this.rows.length * 2);
    this.rows = grownTo(this.rows, n);
    this.customers = grownTo(this.customers, n);
    this.types = grownTo(this.types, n);
    this.currencies = grownTo(this.currencies, n);
    this.dues = grownTo(this.dues, n);
  }
}

/** The keys every entries table of a ledger shares, and what its rows are checked against. */
export interface EntryReadState {
  readonly store: EntryStore;
  readonly docs: DocumentsSeen;
  /** Customer ids: the ledger's customers first, by position (key = position); unknown ids after them. */
  readonly customerKeys: ByteKeys;
  readonly customers: readonly Customer[];
  readonly options: EntryReadOptions;
  /** What a row's currency text is to the duplicate check (any text, the unknown ones too). */
  readonly currencyKeys: CurrencyKeys;
  /** An export's entry numbers seen, with their first row (rule 14). */
  entryRows?: Map<string, number>;
}

/**
 * Currency texts → keys for the duplicate check: a known currency's key is its store code (what the
 * fast path has), any other text gets one after them. Unbounded, unlike the store's codes.
 */
export class CurrencyKeys {
  private readonly others = new Map<string, number>();
  of(currency: string): number {
    const code = currencyPosition(currency);
    if (code >= 0) return code;
    let k = this.others.get(currency);
    if (k === undefined) this.others.set(currency, (k = CURRENCY_CODES.length + this.others.size));
    return k;
  }
}

/** Reads every entries table (a workbook may have several sheets); document numbers are unique across all. */
export function readEntries(
  tables: readonly RawTable[],
  customers: readonly Customer[],
  options: EntryReadOptions,
): { entries: EntryStore; issues: Issue[]; usable: boolean; docs: DocumentsSeen; customerKeys: ByteKeys } {
  const issues: Issue[] = [];
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  const customerKeys = new ByteKeys(customers.length);
  for (const c of customers) customerKeys.internText(c.id); // ids are unique: readCustomers refuses a second one
  const store = new EntryStore(rows, customers, new ByteKeys(rows), new ByteKeys(1024), []);
  const state: EntryReadState = { store, docs: new DocumentsSeen(rows), customerKeys, customers, options, currencyKeys: new CurrencyKeys() };
  let usable = true;
  for (const t of tables) {
    const first = store.length;
    const index = readEntryTable(t, state, issues);
    if (index === undefined) usable = false;
    else store.origins.push({ first, table: t, index });
  }
  return { entries: store, issues, usable, docs: state.docs, customerKeys };
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

/*
 * ROW RULES: what makes an entry row good, and which side implements each rule. The general reader
 * (readRow below) implements all of them and reports every failure. The CSV fast path stores a row
 * only when it is plainly good, and hands any other row to the general reader, so for each rule it
 * either checks the same or refuses more. "parser" is EntryRowParser.read (entryRowParser.ts: the row
 * alone, possibly on another thread), "fast" is fastEntryReader (fastEntryReader.ts: needs the
 * ledger). Each rule is tagged `rule N` on both sides: change one side, then check the other.
 *
 *  N  rule                                      general reader (readRow)              fast path
 *  1  cells under blank headers or past them:   extra-cells                           fastPathApplies (none) + parser (cell count = headers)
 *  2  quoted cells are unquoted; cells trimmed  String.trim                           parser.cell: no quotes in a cell read; ASCII spaces only, a non-ASCII edge refused
 *  3  status blank or posted; void/draft        ignored-status (info), unknown-status parser: blank or posted, else general
 *  4  customer id present and known             missing-value, unknown-customer       parser: present; fast: known
 *  5  type present and known                    missing-value, unknown-type           parser
 *  6  document number present                   missing-value                         parser
 *  7  posting date: ISO, or typed with an order missing-value, bad-date               parser: ISO only
 *  8  due date: blank = posting date, else 7    bad-date                              parser: ISO only
 *  9  currency: cell, else customer's, else     missing-currency, unknown-currency    parser: known or blank; fast: the customer's or default
 *     --currency; known
 * 10  amount: exact decimal, at most the        amount issues; debit/credit columns   fastPathApplies (an amount column) + parser (-digits.digits,
 *     currency's decimals                                                             ≤ 15 digits) + fast (decimals ≤ exponent, safe integer)
 * 11  amount's sign as the type wants           sign-mismatch                         parser
 * 12  document number not a duplicate (same     duplicate-document                    fast: DocumentsSeen.check, last (its one effect)
 *     customer, type, currency, another due
 *     date: an instalment)
 * 13  applies_to, matching code: trimmed text   (stored; blank = none)                parser (ranges), fast (interned)
 * 14  entry_no (an export's): unique; with it,  duplicate-entry-no                    fastPathApplies (no entry_no column)
 *     a document number may repeat (rule 12
 *     is the entry number's then)
 * 15  open_amount (an export's): blank, or the  bad-open-amount, amount issues        fastPathApplies (no open_amount column)
 *     amount's sign and at most the amount
 */

/** Reads one table's rows into the store; its column positions, or undefined when the table cannot be read. */
function readEntryTable(t: RawTable, state: EntryReadState, issues: Issue[]): ColumnIndex | undefined {
  const map = mapHeaders(t);
  issues.push(...map.issues);
  if (!map.usable) return undefined;
  const { store, docs, customerKeys, options } = state;
  const blankHeaders = blankHeaderIndexes(t);
  const ix = map.index;
  const dayOf = dayReader(options.dateOrder);
  const typeOf = memo(parseEntryType);
  const statusOf = memo(parseStatus);
  const currencyOf = memo((s: string) => s.trim().toUpperCase());
  const hasAmount = (ix['amount'] ?? -1) >= 0;
  const col = (name: string): number => ix[name] ?? -1;
  const cAmount = col('amount');
  const [cCustomer, cType, cDoc, cPosting, cDue, cCurrency, cMatching, cAppliesTo, cStatus, cEntryNo, cOpen] = [
    'customer_id', 'type', 'document_no', 'posting_date', 'due_date', 'currency', 'matching_code', 'applies_to', 'status', 'entry_no', 'open_amount',
  ].map(col) as [number, number, number, number, number, number, number, number, number, number, number];
  // An export's entry numbers (first row of each, for the duplicate's message) and open amounts.
  if (cEntryNo >= 0) store.entryNumbers ??= new Map();
  const entryRows = cEntryNo >= 0 ? (state.entryRows ??= new Map<string, number>()) : undefined;
  const openColumn = cOpen >= 0 ? store.openAmountColumn() : undefined;
  const ctx: RowContext = { row: 0, customerId: '', issues: undefined };
  const at = (column: string, value: string) => locate(t, ix, ctx.row, column, value, ctx.customerId);
  const bad: Bad = (code, column, value, params = {}) => (ctx.issues ??= []).push(makeIssue(code, at(column, value), params));
  const known = state.customers.length;

  /** The reader every row can take: the cells as strings, every problem reported. */
  const readRow = (i: number): void => {
    const r = t.rows.at(i) ?? [];
    if (isBlankRow(r)) return;
    const row = rowNumberOf(t, i);
    const customerId = cellAt(r, cCustomer).trim();
    ctx.row = row;
    ctx.customerId = customerId;
    ctx.issues = undefined;
    if (r.length > t.headers.length || blankHeaders.length > 0) { // rule 1
      const beyond = cellBeyondHeaders(t, r, blankHeaders);
      if (beyond !== undefined) bad('extra-cells', beyond.column, beyond.value);
    }

    const statusText = cellAt(r, cStatus).trim(); // rule 3
    const status: EntryStatus | undefined = statusOf(statusText);
    if (status === undefined) bad('unknown-status', 'status', statusText);
    else if (status !== 'posted') {
      issues.push(makeIssue('ignored-status', at('status', statusText), { status, statusFr: status === 'void' ? 'annulée' : 'brouillon' }));
      return;
    }

    const customerKey = customerId === '' ? -1 : customerKeys.internText(customerId); // rule 4
    const customer = customerKey >= 0 && customerKey < known ? state.customers[customerKey] : undefined;
    if (customerId === '') bad('missing-value', 'customer_id', '');
    else if (customer === undefined) bad('unknown-customer', 'customer_id', customerId);

    const typeText = cellAt(r, cType); // rule 5
    const type = typeText === '' ? undefined : typeOf(typeText);
    if (typeText.trim() === '') bad('missing-value', 'type', '');
    else if (type === undefined) bad('unknown-type', 'type', typeText.trim());

    const documentNo = cellAt(r, cDoc).trim(); // rule 6
    if (documentNo === '') bad('missing-value', 'document_no', '');

    const postingText = cellAt(r, cPosting); // rule 7
    const posting = dayOf(postingText);
    if (posting === undefined) {
      if (postingText.trim() === '') bad('missing-value', 'posting_date', '');
      else bad('bad-date', 'posting_date', postingText);
    }

    const dueText = cellAt(r, cDue); // rule 8
    let due = posting;
    if (dueText !== '' && dueText.trim() !== '') {
      due = dayOf(dueText);
      if (due === undefined) bad('bad-date', 'due_date', dueText);
    }

    let currency = currencyOf(cellAt(r, cCurrency)); // rule 9
    if (currency === '') currency = customer?.currency ?? options.defaultCurrency ?? '';
    const exponent = currency === '' ? undefined : currencyExponent(currency);
    // (an unknown customer has no currency to fall back on; its row is already an error)
    if (currency === '' && customer !== undefined) bad('missing-currency', 'currency', '');
    else if (currency !== '' && exponent === undefined) bad('unknown-currency', 'currency', currency);

    let amount: Minor | undefined;
    if (exponent !== undefined) { // rule 10
      // The usual case without a closure per row: an amount column whose cell parses.
      const parsed = hasAmount ? parseDecimalToMinor(cellAt(r, cAmount), exponent) : undefined;
      amount = parsed?.ok === true ? parsed.minor : readAmount(r, ix, hasAmount, exponent, currency, bad);
    }

    if (amount !== undefined && type !== undefined) { // rule 11
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

    const entryNo = cellAt(r, cEntryNo).trim(); // rule 14
    if (entryRows !== undefined && entryNo !== '') {
      const firstRow = entryRows.get(entryNo);
      if (firstRow !== undefined) bad('duplicate-entry-no', 'entry_no', entryNo, { firstRow });
      else entryRows.set(entryNo, row);
    }

    let open = NaN; // rule 15
    const openText = cellAt(r, cOpen).trim();
    if (openColumn !== undefined && openText !== '' && exponent !== undefined) {
      const p = parseDecimalToMinor(openText, exponent);
      if (!p.ok) bad(amountIssueCode(p.reason), 'open_amount', openText, { currency, digits: exponent });
      else if (amount !== undefined && (Math.abs(p.minor) > Math.abs(amount) || (p.minor !== 0 && p.minor < 0 !== amount < 0))) {
        bad('bad-open-amount', 'open_amount', openText, { amount: formatMinor(amount, exponent) });
      } else open = Math.abs(p.minor);
    }

    let documentKey = -1;
    if (documentNo !== '' && type !== undefined && due !== undefined && entryNo !== '') documentKey = store.documents.internText(documentNo); // rule 14: the entry number is the key
    else if (documentNo !== '' && type !== undefined && due !== undefined) { // rule 12
      documentKey = store.documents.internText(documentNo);
      const firstRow = docs.check(documentKey, row, customerKey, TYPE_CODES[type], state.currencyKeys.of(currency), due);
      if (firstRow !== undefined) bad('duplicate-document', 'document_no', documentNo, { firstRow });
    }

    const found = ctx.issues as Issue[] | undefined; // filled through `bad`, which TypeScript cannot follow
    if (found !== undefined) {
      issues.push(...found);
      return;
    }
    // Checked above: an entry has a known customer, a type, a document number, dates and an amount.
    const appliesTo = cellAt(r, cAppliesTo).trim(); // rule 13
    const matchingCode = cellAt(r, cMatching).trim();
    store.push(
      customerKey,
      store.currencyCode(currency), // known: checked above
      TYPE_CODES[type as EntryType],
      posting as Day,
      due as Day,
      amount as Minor,
      documentKey,
      appliesTo === '' ? -1 : store.documents.internText(appliesTo),
      matchingCode === '' ? -1 : store.matchingCodes.internText(matchingCode),
      i,
    );
    if (openColumn !== undefined) openColumn[store.length - 1] = open;
    if (entryNo !== '') store.entryNumbers?.set(entryNo, store.length - 1);
  };

  const fast = fastEntryReader(t, ix, state);
  for (let i = 0; i < t.rows.length; i++) if (fast === undefined || !fast(i)) readRow(i);
  return ix;
}

type Bad = (code: Parameters<typeof makeIssue>[0], column: string, value: string, params?: Record<string, string | number>) => void;

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
