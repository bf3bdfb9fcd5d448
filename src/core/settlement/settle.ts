import { formatIsoDay, type Day } from '../calendar/day';
import { amountIssueCode, makeIssue, type Issue, type IssueLocation } from '../issues/issue';
import type { ApplicationRow, Entry, EntryOrigin, Ledger } from '../ledger/model';
import { cellAddress } from '../ledger/rawTable';
import { currencyExponent } from '../money/currencies';
import { formatMinor, parseDecimalToMinor, type Minor } from '../money/money';
import { AllocationColumns, type AllocateMode, type Allocation } from './allocation';
import { StringIndex } from '../collections/stringIndex';

export interface Settlement {
  /** Every allocation, in the order made, as typed arrays (`columns.at(i)` builds one Allocation). */
  readonly columns: AllocationColumns;
  readonly issues: readonly Issue[];
}

/**
 * The entries of every document something names (an applies_to, an application row), instalments
 * earliest due first. Only those are indexed: most of a large ledger is never looked up by number.
 * The reader's document keys are reused when the ledger has them; otherwise named documents are hashed here.
 */
class DocumentLookup {
  private readonly lists: Entry[][] = [];
  /** List of the document each entry's applies_to names (−1: none), by entry index. */
  readonly appliesTo: Int32Array;
  /** Lists of each application row's documents, by position in ledger.applications. */
  readonly from: Int32Array;
  readonly to: Int32Array;

  /** `linking`: the entries whose applies_to names a document. */
  constructor(ledger: Ledger, linking: readonly Entry[]) {
    const entries = ledger.entries;
    const keys = ledger.documents !== undefined && ledger.documents.entries === entries && ledger.documents.ofEntry.length === entries.length ? ledger.documents : undefined;
    const index = keys?.index ?? new StringIndex(1024);
    // Document key → position in `lists`, −1 when nothing names it.
    const listOf = keys === undefined ? undefined : new Int32Array(keys.count).fill(-1);
    const name = (doc: string): number => {
      if (doc === '') return -1;
      if (listOf === undefined) {
        const k = index.setIfAbsent(doc, this.lists.length);
        if (k >= 0) return k;
        this.lists.push([]);
        return this.lists.length - 1;
      }
      const k = index.get(doc);
      if (k < 0) return -1; // no entry has it
      let l = listOf[k] as number;
      if (l < 0) {
        l = this.lists.length;
        listOf[k] = l;
        this.lists.push([]);
      }
      return l;
    };
    this.appliesTo = new Int32Array(entries.length).fill(-1);
    for (const e of linking) this.appliesTo[e.index] = name(e.appliesTo);
    const applications = ledger.applications;
    this.from = new Int32Array(applications.length);
    this.to = new Int32Array(applications.length);
    for (let i = 0; i < applications.length; i++) {
      const a = applications[i] as ApplicationRow;
      this.from[i] = name(a.from);
      this.to[i] = name(a.to);
    }
    if (this.lists.length === 0) return;
    if (keys !== undefined && listOf !== undefined) {
      const ofEntry = keys.ofEntry;
      for (let i = 0; i < entries.length; i++) {
        const l = listOf[ofEntry[i] as number] as number;
        if (l >= 0) (this.lists[l] as Entry[]).push(entries[i] as Entry);
      }
    } else {
      for (const e of entries) {
        const k = index.get(e.documentNo);
        if (k >= 0) (this.lists[k] as Entry[]).push(e);
      }
    }
    for (const list of this.lists) if (list.length > 1) list.sort(byAge);
  }

  /** The entries of list l (from `appliesTo`, `from`, `to`), undefined when none. */
  list(l: number): Entry[] | undefined {
    const list = l < 0 ? undefined : this.lists[l];
    return list === undefined || list.length === 0 ? undefined : list;
  }
}

/** Oldest first: posting date, then due date, then document number; row order never decides. */
function byAge(a: Entry, b: Entry): number {
  return a.posting - b.posting || a.due - b.due || (a.documentNo < b.documentNo ? -1 : a.documentNo > b.documentNo ? 1 : 0);
}

/**
 * Settles credits against debits in the order of precedence of DESIGN.md §3: explicit applications,
 * `applies_to`, matching codes (oldest first), then FIFO when asked. What stays is unapplied.
 *
 * The allocations are those of the books as they stood at `asOf` (DESIGN.md §4: later payments never
 * leak into an earlier statement): entries posted later and applications dated later take no part,
 * so a July payment that names a May invoice cannot take that invoice away from the May credit note
 * FIFO gave it. The issues are the whole ledger's, the same whatever `asOf`: every application row
 * is still checked in date order against the applications before it, as if the books had no end.
 */
export function settle(ledger: Ledger, mode: AllocateMode, asOf: Day = Infinity): Settlement {
  const entries = ledger.entries;
  const remaining = new Float64Array(entries.length); // minor units: integers, exact in a double
  // One pass over the entries (a million objects: each pass costs): what is open, what names a document, what has a code.
  const linking: Entry[] = [];
  const coded: Entry[] = [];
  for (const e of entries) {
    remaining[e.index] = Math.abs(e.amount);
    if (e.appliesTo !== '') linking.push(e);
    if (e.matchingCode !== '') coded.push(e);
  }
  const columns = new AllocationColumns();
  const issues: Issue[] = [];

  const byDoc = new DocumentLookup(ledger, linking);

  /**
   * Settles as much of debit d by credit c as both have left (and `cap` allows), dated `date` or
   * else the later posting date; returns the amount moved. Every kind of settlement goes through it.
   */
  const move: Move = (c, d, source, date = Math.max(c.posting, d.posting), cap = Infinity) => {
    const amount = Math.min(remaining[c.index] as number, remaining[d.index] as number, cap);
    if (amount <= 0) return 0;
    columns.push(c.index, d.index, amount, date, source);
    remaining[c.index] = (remaining[c.index] as number) - amount;
    remaining[d.index] = (remaining[d.index] as number) - amount;
    return amount;
  };
  /** Moves as much as both sides have left, across instalments earliest due first. */
  const settlePair = (credits: readonly Entry[], debits: readonly Entry[], source: Allocation['source']): void => {
    for (const c of credits) for (const d of debits) move(c, d, source);
  };

  applyExplicit(ledger, byDoc, remaining, issues, move);
  // Explicit applications come first, so undoing the ones dated after D leaves the state at D.
  columns.keepOnly((i) => {
    if ((columns.date[i] as number) <= asOf) return true;
    const amount = columns.amount[i] as number;
    remaining[columns.credit[i] as number] = (remaining[columns.credit[i] as number] as number) + amount;
    remaining[columns.debit[i] as number] = (remaining[columns.debit[i] as number] as number) + amount;
    return false;
  });

  // applies_to: the entry names the document it settles.
  const whereAppliesTo = appliesToPlace(ledger);
  linking.sort(byAge);
  for (const e of linking) {
    const named = byDoc.list(byDoc.appliesTo[e.index] as number) ?? [];
    // Most documents are one entry: keep the list rather than filter a copy of it, 200,000 times.
    const targets = named.length === 1 && fits(named[0] as Entry, e) ? named : named.filter((t) => fits(t, e));
    if (targets.length === 0) {
      issues.push(makeIssue('applies-to-unknown', whereAppliesTo(e)));
      continue;
    }
    const eCredit = e.amount < 0;
    const first = targets[0] as Entry;
    let sameSide = e.amount === 0;
    for (let i = 0; i < targets.length && !sameSide; i++) {
      const t = targets[i] as Entry;
      sameSide = (t.amount < 0) === eCredit && t.amount !== 0;
    }
    if (sameSide) {
      issues.push(makeIssue('application-sides', whereAppliesTo(e), { from: e.documentNo, to: first.documentNo, fromType: e.type, toType: first.type }));
      continue;
    }
    // settlePair([e], targets) or settlePair(targets, [e]): the same allocations, in the same order.
    // A pair with an entry posted after D would be dated after D: checked above, never settled at D.
    if (e.posting > asOf) continue;
    for (const t of targets) if (t.posting <= asOf) move(eCredit ? e : t, eCredit ? t : e, 'applies-to');
  }

  // Matching codes (lettrage): entries of one customer and currency sharing a code settle each other.
  const groups = new Groups();
  for (const e of coded) if (remaining[e.index] !== 0 && e.posting <= asOf) groups.add(e, e.matchingCode);
  for (const g of groups.inOrder) settleOldestFirst(g, settlePair, 'matching-code');

  if (mode === 'fifo') {
    const books = new Groups();
    for (const e of entries) {
      if (remaining[e.index] === 0 || e.posting > asOf) continue;
      books.add(e, '');
    }
    for (const g of books.inOrder) settleOldestFirst(g, settlePair, 'fifo');
  }
  return { columns, issues };
}

const fits = (t: Entry, e: Entry): boolean => t.customerId === e.customerId && t.currency === e.currency && t.index !== e.index;

/** Where an entry's applies_to problem is: its row and column, and its cell when it came from a sheet. */
function appliesToPlace(ledger: Ledger): (e: Entry) => IssueLocation & { customerId: string } {
  const origins = ledger.entryOrigins ?? [];
  return (e) => {
    let origin: EntryOrigin | undefined;
    for (const o of origins) {
      if (o.first > e.index) break;
      origin = o;
    }
    const cell = origin === undefined ? undefined : cellAddress(origin.table, e.row, origin.index['applies_to'] ?? -1);
    return { table: 'entries', row: e.row, column: 'applies_to', value: e.appliesTo, customerId: e.customerId, ...(cell !== undefined ? { cell } : {}) };
  };
}

/**
 * Entries grouped by customer, currency and a code, groups in order of their first entry. Nested maps
 * keyed by the ledger's shared strings: no key string built per entry.
 */
class Groups {
  private readonly byCustomer = new Map<string, Map<string, Map<string, Entry[]>>>();
  readonly inOrder: Entry[][] = [];

  add(e: Entry, code: string): void {
    let byCurrency = this.byCustomer.get(e.customerId);
    if (byCurrency === undefined) this.byCustomer.set(e.customerId, (byCurrency = new Map()));
    let byCode = byCurrency.get(e.currency);
    if (byCode === undefined) byCurrency.set(e.currency, (byCode = new Map()));
    const g = byCode.get(code);
    if (g !== undefined) {
      g.push(e);
      return;
    }
    const created = [e];
    byCode.set(code, created);
    this.inOrder.push(created);
  }
}

function settleOldestFirst(group: Entry[], settlePair: (c: readonly Entry[], d: readonly Entry[], s: Allocation['source']) => void, source: Allocation['source']): void {
  const credits = group.filter((e) => e.amount < 0).sort(byAge);
  const debits = group.filter((e) => e.amount > 0).sort(byAge);
  if (credits.length > 0 && debits.length > 0) settlePair(credits, debits, source);
}

type Move = (credit: Entry, debit: Entry, source: Allocation['source'], date?: Day, cap?: Minor) => Minor;

/** The applications table: each row checked for documents, sides, currency, customer, dates and amounts. */
function applyExplicit(ledger: Ledger, byDoc: DocumentLookup, remaining: Float64Array, issues: Issue[], move: Move): void {
  // In date order, so an over-application is blamed on the row that overdraws on its own date.
  const latestPostingOf = (i: number) => Math.max(...[...(byDoc.list(byDoc.from[i] as number) ?? []), ...(byDoc.list(byDoc.to[i] as number) ?? [])].map((e) => e.posting), -Infinity);
  const ordered = ledger.applications.map((a, i) => ({ a, i, date: a.date ?? latestPostingOf(i) })).sort((x, y) => x.date - y.date || x.a.row - y.a.row);
  for (const { a, i } of ordered) {
    const froms = byDoc.list(byDoc.from[i] as number);
    const tos = byDoc.list(byDoc.to[i] as number);
    const customerId = froms?.[0]?.customerId ?? tos?.[0]?.customerId;
    const at = (column: string, value: string, who = customerId) => {
      const cell = a.origin === undefined ? undefined : cellAddress(a.origin.table, a.row, a.origin.index[column] ?? -1);
      return { table: 'applications' as const, row: a.row, column, value, customerId: who, ...(cell !== undefined ? { cell } : {}) };
    };
    if (froms === undefined || tos === undefined) {
      const column = froms === undefined ? 'from_document' : 'to_document';
      issues.push(makeIssue('unknown-document', at(column, froms === undefined ? a.from : a.to)));
      continue;
    }
    const f = froms[0] as Entry;
    const t = tos[0] as Entry;
    if (f.customerId !== t.customerId) {
      const params = { from: a.from, to: a.to, fromCustomer: f.customerId, toCustomer: t.customerId };
      issues.push(makeIssue('cross-customer-application', at('to_document', a.to, f.customerId), params));
      issues.push(makeIssue('cross-customer-application', at('to_document', a.to, t.customerId), params));
      continue;
    }
    if (f.currency !== t.currency) {
      issues.push(makeIssue('cross-currency-application', at('to_document', a.to), { from: a.from, to: a.to, fromCurrency: f.currency, toCurrency: t.currency }));
      continue;
    }
    if (!froms.every((e) => e.amount < 0) || !tos.every((e) => e.amount > 0)) {
      issues.push(makeIssue('application-sides', at('from_document', a.from), { from: a.from, to: a.to, fromType: f.type, toType: t.type }));
      continue;
    }
    const exponent = currencyExponent(f.currency) as number;
    const parsed = parseDecimalToMinor(a.amountText, exponent);
    if (!parsed.ok || parsed.minor <= 0) {
      const code = parsed.ok ? 'not-positive' : amountIssueCode(parsed.reason);
      issues.push(makeIssue(code, at('amount', a.amountText), { currency: f.currency, digits: exponent }));
      continue;
    }
    const latestPosting = Math.max(...froms.map((e) => e.posting), ...tos.map((e) => e.posting));
    let date = a.date;
    if (date === undefined) {
      date = latestPosting;
      issues.push(makeIssue('application-date-defaulted', at('date', ''), { date: formatIsoDay(date) }));
    } else if (date < latestPosting) {
      const late = [...froms, ...tos].find((e) => e.posting === latestPosting) as Entry;
      issues.push(makeIssue('application-before-posting', at('date', formatIsoDay(date)), { date: formatIsoDay(date), document: late.documentNo, posting: formatIsoDay(late.posting) }));
      continue;
    }
    const sum = (list: readonly Entry[]) => list.reduce((s, e) => s + (remaining[e.index] as number), 0);
    const fromOpen = sum(froms);
    const toOpen = sum(tos);
    if (parsed.minor > fromOpen || parsed.minor > toOpen) {
      const short = parsed.minor > fromOpen ? { document: a.from, open: fromOpen } : { document: a.to, open: toOpen };
      issues.push(makeIssue('over-application', at('amount', a.amountText), { amount: formatMinor(parsed.minor, exponent), document: short.document, open: formatMinor(short.open, exponent), date: formatIsoDay(date) }));
      continue;
    }
    let left = parsed.minor;
    for (const c of froms) for (const d of tos) left -= move(c, d, 'application', date, left);
  }
}
