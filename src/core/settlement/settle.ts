import { formatIsoDay, type Day } from '../calendar/day';
import { amountIssueCode, makeIssue, type Issue, type IssueLocation } from '../issues/issue';
import type { EntryStore } from '../ledger/entryStore';
import type { ApplicationRow, Ledger } from '../ledger/model';
import { cellAddress } from '../ledger/rawTable';
import { currencyExponent } from '../money/currencies';
import { formatMinor, parseDecimalToMinor, type Minor } from '../money/money';
import { AllocationColumns, type AllocateMode, type Allocation } from './allocation';

export interface Settlement {
  /** Every allocation, in the order made, as typed arrays (`columns.at(i)` builds one Allocation). */
  readonly columns: AllocationColumns;
  readonly issues: readonly Issue[];
}

/** Oldest first: posting date, then due date, then document number; row order never decides (the index only breaks exact ties). */
function ageOrder(s: EntryStore): (a: number, b: number) => number {
  const { posting, due, document } = s;
  return (a, b) => {
    const d = (posting[a] as number) - (posting[b] as number) || (due[a] as number) - (due[b] as number);
    if (d !== 0) return d;
    const ka = document[a] as number;
    const kb = document[b] as number;
    if (ka !== kb) {
      const x = s.documentText(ka);
      const y = s.documentText(kb);
      if (x !== y) return x < y ? -1 : 1;
    }
    return a - b;
  };
}

/**
 * The entries of every document something names (an applies_to, an application row), instalments
 * earliest due first, as runs of entry indices. Only those are gathered: most of a large ledger is
 * never looked up by number.
 */
class DocumentLists {
  private readonly starts: Int32Array;
  private readonly items: Int32Array;
  /** List of the document each entry's applies_to names (−1: none), by entry index. */
  readonly appliesTo: Int32Array;
  /** Lists of each application row's documents, by position in ledger.applications. */
  readonly from: Int32Array;
  readonly to: Int32Array;

  constructor(ledger: Ledger, byAge: (a: number, b: number) => number) {
    const s = ledger.entries;
    const n = s.length;
    const listOf = new Int32Array(s.documents.count).fill(-1);
    let lists = 0;
    const name = (k: number): number => {
      if (k < 0) return -1;
      let l = listOf[k] as number;
      if (l < 0) listOf[k] = l = lists++;
      return l;
    };
    this.appliesTo = new Int32Array(n);
    for (let i = 0; i < n; i++) this.appliesTo[i] = name(s.appliesTo[i] as number);
    const applications = ledger.applications;
    this.from = new Int32Array(applications.length);
    this.to = new Int32Array(applications.length);
    for (let i = 0; i < applications.length; i++) {
      const a = applications[i] as ApplicationRow;
      this.from[i] = name(a.from === '' ? -1 : s.documents.findText(a.from));
      this.to[i] = name(a.to === '' ? -1 : s.documents.findText(a.to));
    }
    // Counting sort of the named documents' entries into runs, in entry order, then each run by age.
    const starts = new Int32Array(lists + 1);
    for (let i = 0; i < n; i++) {
      const l = listOf[s.document[i] as number] as number;
      if (l >= 0) starts[l + 1] = (starts[l + 1] as number) + 1;
    }
    for (let l = 0; l < lists; l++) starts[l + 1] = (starts[l + 1] as number) + (starts[l] as number);
    const fill = starts.slice(0, lists);
    const items = new Int32Array(starts[lists] as number);
    for (let i = 0; i < n; i++) {
      const l = listOf[s.document[i] as number] as number;
      if (l >= 0) items[(fill[l] as number)++] = i;
    }
    for (let l = 0; l < lists; l++) {
      if ((starts[l + 1] as number) - (starts[l] as number) > 1) items.subarray(starts[l], starts[l + 1]).sort(byAge);
    }
    this.starts = starts;
    this.items = items;
  }

  /** The entries of list l (from `appliesTo`, `from`, `to`), undefined when none. */
  list(l: number): Int32Array | undefined {
    if (l < 0) return undefined;
    const from = this.starts[l] as number;
    const to = this.starts[l + 1] as number;
    return from === to ? undefined : this.items.subarray(from, to);
  }
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
 *
 * Works on the ledger's columns (entry indices, typed arrays): a million entry objects chased in
 * random order cost more than the settling itself.
 */
export function settle(ledger: Ledger, mode: AllocateMode, asOf: Day = Infinity): Settlement {
  const s = ledger.entries;
  const n = s.length;
  const { amount, posting, matching, customer, currency } = s;
  const remaining = new Float64Array(n); // minor units: integers, exact in a double
  for (let i = 0; i < n; i++) remaining[i] = Math.abs(amount[i] as number);
  const columns = new AllocationColumns();
  const issues: Issue[] = [];
  const byAge = ageOrder(s);
  const byDoc = new DocumentLists(ledger, byAge);

  /**
   * Settles as much of debit d by credit c as both have left (and `cap` allows), dated `date` or
   * else the later posting date; returns the amount moved. Every kind of settlement goes through it.
   */
  const move: Move = (c, d, source, date = Math.max(posting[c] as number, posting[d] as number), cap = Infinity) => {
    const moved = Math.min(remaining[c] as number, remaining[d] as number, cap);
    if (moved <= 0) return 0;
    columns.push(c, d, moved, date, source);
    remaining[c] = (remaining[c] as number) - moved;
    remaining[d] = (remaining[d] as number) - moved;
    return moved;
  };
  /**
   * Every credit against every debit in order, as much as both have left: a debit once used up
   * stays so, so one pointer over the debits gives the same allocations as the nested loops.
   */
  const settlePair = (credits: ArrayLike<number>, debits: ArrayLike<number>, source: Allocation['source']): void => {
    let j = 0;
    for (let k = 0; k < credits.length && j < debits.length; k++) {
      const c = credits[k] as number;
      while ((remaining[c] as number) > 0 && j < debits.length) {
        const d = debits[j] as number;
        if ((remaining[d] as number) > 0) move(c, d, source);
        if ((remaining[d] as number) <= 0) j++;
      }
    }
  };

  applyExplicit(ledger, byDoc, remaining, issues, move);
  // Explicit applications come first, so undoing the ones dated after D leaves the state at D.
  columns.keepOnly((i) => {
    if ((columns.date[i] as number) <= asOf) return true;
    const moved = columns.amount[i] as number;
    remaining[columns.credit[i] as number] = (remaining[columns.credit[i] as number] as number) + moved;
    remaining[columns.debit[i] as number] = (remaining[columns.debit[i] as number] as number) + moved;
    return false;
  });

  // applies_to: the entry names the document it settles.
  const whereAppliesTo = appliesToPlace(s);
  const linking: number[] = [];
  for (let i = 0; i < n; i++) if ((s.appliesTo[i] as number) >= 0) linking.push(i);
  linking.sort(byAge);
  const targets: number[] = [];
  for (const e of linking) {
    const named = byDoc.list(byDoc.appliesTo[e] as number);
    targets.length = 0;
    if (named !== undefined) for (const t of named) if (customer[t] === customer[e] && currency[t] === currency[e] && t !== e) targets.push(t);
    if (targets.length === 0) {
      issues.push(makeIssue('applies-to-unknown', whereAppliesTo(e)));
      continue;
    }
    const eAmount = amount[e] as number;
    const eCredit = eAmount < 0;
    const first = targets[0] as number;
    let sameSide = eAmount === 0;
    for (let i = 0; i < targets.length && !sameSide; i++) {
      const t = amount[targets[i] as number] as number;
      sameSide = t < 0 === eCredit && t !== 0;
    }
    if (sameSide) {
      issues.push(makeIssue('application-sides', whereAppliesTo(e), { from: s.documentNo(e), to: s.documentNo(first), fromType: s.typeOf(e), toType: s.typeOf(first) }));
      continue;
    }
    // A pair with an entry posted after D would be dated after D: checked above, never settled at D.
    if ((posting[e] as number) > asOf) continue;
    for (const t of targets) if ((posting[t] as number) <= asOf) move(eCredit ? e : t, eCredit ? t : e, 'applies-to');
  }

  // Matching codes (lettrage): entries of one customer and currency sharing a code settle each other.
  const coded: number[] = [];
  for (let i = 0; i < n; i++) if ((matching[i] as number) >= 0 && remaining[i] !== 0 && (posting[i] as number) <= asOf) coded.push(i);
  coded.sort((a, b) => (customer[a] as number) - (customer[b] as number) || (currency[a] as number) - (currency[b] as number) || (matching[a] as number) - (matching[b] as number) || a - b);
  forEachRun(coded, (a, b) => customer[a] === customer[b] && currency[a] === currency[b] && matching[a] === matching[b], (group) => settleOldestFirst(group, amount, byAge, settlePair, 'matching-code'));

  if (mode === 'fifo') {
    // The open entries of each customer and currency: a counting sort by customer keeps entry order.
    const starts = new Int32Array(ledger.customers.length + 1);
    for (let i = 0; i < n; i++) if (remaining[i] !== 0 && (posting[i] as number) <= asOf) {
      const c = (customer[i] as number) + 1;
      starts[c] = (starts[c] as number) + 1;
    }
    for (let c = 0; c < ledger.customers.length; c++) starts[c + 1] = (starts[c + 1] as number) + (starts[c] as number);
    const fill = starts.slice(0, ledger.customers.length);
    const open = new Int32Array(starts[ledger.customers.length] as number);
    for (let i = 0; i < n; i++) {
      if (remaining[i] === 0 || (posting[i] as number) > asOf) continue;
      const c = customer[i] as number;
      open[fill[c] as number] = i;
      fill[c] = (fill[c] as number) + 1;
    }
    for (let c = 0; c < ledger.customers.length; c++) {
      const own = Array.from(open.subarray(starts[c], starts[c + 1]));
      if (own.length < 2) continue;
      // Usually one currency; otherwise each currency apart, in entry order.
      own.sort((a, b) => (currency[a] as number) - (currency[b] as number) || a - b);
      forEachRun(own, (a, b) => currency[a] === currency[b], (group) => settleOldestFirst(group, amount, byAge, settlePair, 'fifo'));
    }
  }
  return { columns, issues };
}

/** Calls `f` with each run of neighbours that `same` says belong together. */
function forEachRun(list: readonly number[], same: (a: number, b: number) => boolean, f: (run: number[]) => void): void {
  let start = 0;
  for (let i = 1; i <= list.length; i++) {
    if (i < list.length && same(list[start] as number, list[i] as number)) continue;
    f(list.slice(start, i));
    start = i;
  }
}

function settleOldestFirst(group: readonly number[], amount: Float64Array, byAge: (a: number, b: number) => number, settlePair: (c: ArrayLike<number>, d: ArrayLike<number>, s: Allocation['source']) => void, source: Allocation['source']): void {
  const credits = group.filter((e) => (amount[e] as number) < 0);
  const debits = group.filter((e) => (amount[e] as number) > 0);
  if (credits.length === 0 || debits.length === 0) return;
  settlePair(credits.sort(byAge), debits.sort(byAge), source);
}

/** Where an entry's applies_to problem is: its row and column, and its cell when it came from a sheet. */
function appliesToPlace(s: EntryStore): (e: number) => IssueLocation & { customerId: string } {
  return (e) => {
    const origin = s.originOf(e);
    const row = s.row(e);
    const cell = cellAddress(origin.table, row, origin.index['applies_to'] ?? -1);
    return { table: 'entries', row, column: 'applies_to', value: s.documentText(s.appliesTo[e] as number), customerId: s.customerId(e), ...(cell !== undefined ? { cell } : {}) };
  };
}

type Move = (credit: number, debit: number, source: Allocation['source'], date?: Day, cap?: Minor) => Minor;

/** The applications table: each row checked for documents, sides, currency, customer, dates and amounts. */
function applyExplicit(ledger: Ledger, byDoc: DocumentLists, remaining: Float64Array, issues: Issue[], move: Move): void {
  const s = ledger.entries;
  const { posting, amount } = s;
  const postings = (list: Int32Array | undefined): number[] => (list === undefined ? [] : Array.from(list, (e) => posting[e] as number));
  // In date order, so an over-application is blamed on the row that overdraws on its own date.
  const latestPostingOf = (i: number) => Math.max(...postings(byDoc.list(byDoc.from[i] as number)), ...postings(byDoc.list(byDoc.to[i] as number)), -Infinity);
  const ordered = ledger.applications.map((a, i) => ({ a, i, date: a.date ?? latestPostingOf(i) })).sort((x, y) => x.date - y.date || x.a.row - y.a.row);
  for (const { a, i } of ordered) {
    const froms = byDoc.list(byDoc.from[i] as number);
    const tos = byDoc.list(byDoc.to[i] as number);
    const first = froms?.[0] ?? tos?.[0];
    const customerId = first === undefined ? undefined : s.customerId(first);
    const at = (column: string, value: string, who = customerId) => {
      const cell = a.origin === undefined ? undefined : cellAddress(a.origin.table, a.row, a.origin.index[column] ?? -1);
      return { table: 'applications' as const, row: a.row, column, value, customerId: who, ...(cell !== undefined ? { cell } : {}) };
    };
    if (froms === undefined || tos === undefined) {
      const column = froms === undefined ? 'from_document' : 'to_document';
      issues.push(makeIssue('unknown-document', at(column, froms === undefined ? a.from : a.to)));
      continue;
    }
    const f = froms[0] as number;
    const t = tos[0] as number;
    if (s.customer[f] !== s.customer[t]) {
      const params = { from: a.from, to: a.to, fromCustomer: s.customerId(f), toCustomer: s.customerId(t) };
      issues.push(makeIssue('cross-customer-application', at('to_document', a.to, s.customerId(f)), params));
      issues.push(makeIssue('cross-customer-application', at('to_document', a.to, s.customerId(t)), params));
      continue;
    }
    if (s.currency[f] !== s.currency[t]) {
      issues.push(makeIssue('cross-currency-application', at('to_document', a.to), { from: a.from, to: a.to, fromCurrency: s.currencyOf(f), toCurrency: s.currencyOf(t) }));
      continue;
    }
    if (!froms.every((e) => (amount[e] as number) < 0) || !tos.every((e) => (amount[e] as number) > 0)) {
      issues.push(makeIssue('application-sides', at('from_document', a.from), { from: a.from, to: a.to, fromType: s.typeOf(f), toType: s.typeOf(t) }));
      continue;
    }
    const exponent = currencyExponent(s.currencyOf(f)) as number;
    const parsed = parseDecimalToMinor(a.amountText, exponent);
    if (!parsed.ok || parsed.minor <= 0) {
      const code = parsed.ok ? 'not-positive' : amountIssueCode(parsed.reason);
      issues.push(makeIssue(code, at('amount', a.amountText), { currency: s.currencyOf(f), digits: exponent }));
      continue;
    }
    const both = [...froms, ...tos];
    const latestPosting = Math.max(...both.map((e) => posting[e] as number));
    let date = a.date;
    if (date === undefined) {
      date = latestPosting;
      issues.push(makeIssue('application-date-defaulted', at('date', ''), { date: formatIsoDay(date) }));
    } else if (date < latestPosting) {
      const late = both.find((e) => posting[e] === latestPosting) as number;
      issues.push(makeIssue('application-before-posting', at('date', formatIsoDay(date)), { date: formatIsoDay(date), document: s.documentNo(late), posting: formatIsoDay(latestPosting) }));
      continue;
    }
    const sum = (list: Int32Array) => list.reduce((total, e) => total + (remaining[e] as number), 0);
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
