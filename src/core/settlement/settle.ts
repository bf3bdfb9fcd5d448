import { formatIsoDay, type Day } from '../calendar/day';
import { amountIssueCode, makeIssue, type Issue, type IssueLocation } from '../issues/issue';
import { groupIndices } from '../collections/groupIndices';
import { entriesByCustomer, type EntriesByCustomer } from '../ledger/entriesByCustomer';
import type { EntryStore } from '../ledger/entryStore';
import type { ApplicationRow, Ledger } from '../ledger/model';
import { cellAddress } from '../ledger/rawTable';
import { currencyExponent } from '../money/currencies';
import { formatMinor, parseDecimalToMinor, type Minor } from '../money/money';
import { AllocationColumns, type AllocateMode } from './allocation';
import { applyOpenAmounts } from './openAmounts';

export interface Settlement {
  /**
   * What each entry still has open at `asOf`, unsigned, by entry index. Every allocation kept is
   * dated on or before `asOf`, so an entry's settled part is |amount| − remaining.
   */
  readonly remaining: Float64Array;
  readonly issues: readonly Issue[];
}

/** Oldest first: posting date, then due date, then document number; row order never decides (the index only breaks exact ties). */
function ageOrder(s: EntryStore): (a: number, b: number) => number {
  const { posting, due, document, documents } = s;
  return (a, b) => (posting[a] as number) - (posting[b] as number) || (due[a] as number) - (due[b] as number) || documents.compare(document[a] as number, document[b] as number) || a - b;
}

/**
 * Sorts a long list of entries oldest first (as ageOrder) without calling a comparison a few
 * million times: posting and due date packed with the entry's position into one number and sorted
 * natively; only entries tying on both dates are then ordered by document text.
 */
function sortOldestFirst(s: EntryStore, list: Int32Array): void {
  const { posting, due, document, documents } = s;
  const n = list.length;
  let low = Infinity;
  let high = -Infinity;
  for (let k = 0; k < n; k++) {
    const i = list[k] as number;
    low = Math.min(low, posting[i] as number, due[i] as number);
    high = Math.max(high, posting[i] as number, due[i] as number);
  }
  const span = high - low + 1;
  if (n < 2 || span * span * n >= 2 ** 52) {
    list.sort(ageOrder(s));
    return;
  }
  // key · n + position: exact in a double, sorted as numbers; equal dates keep entry order.
  const packed = new Float64Array(n);
  for (let k = 0; k < n; k++) packed[k] = (((posting[list[k] as number] as number) - low) * span + ((due[list[k] as number] as number) - low)) * n + k;
  packed.sort();
  const sorted = new Int32Array(n);
  let runStart = 0;
  for (let k = 0; k <= n; k++) {
    const dateKey = k < n ? Math.floor((packed[k] as number) / n) : -1;
    if (k < n && (k === runStart || dateKey === Math.floor((packed[runStart] as number) / n))) continue;
    const run = Array.from(packed.subarray(runStart, k), (v) => list[v % n] as number);
    if (run.length > 1) run.sort((x, y) => documents.compare(document[x] as number, document[y] as number) || x - y);
    sorted.set(run, runStart);
    runStart = k;
  }
  list.set(sorted);
}

/** True when no two applies_to entries can reach the same entry (see settle). */
function linksAreIndependent(s: EntryStore, byDoc: DocumentLists, linking: Int32Array): boolean {
  const named = new Uint8Array(byDoc.listCount);
  for (let k = 0; k < linking.length; k++) {
    const l = byDoc.namedBy(linking[k] as number);
    if (named[l] === 1) return false;
    named[l] = 1;
  }
  for (let k = 0; k < linking.length; k++) {
    const own = byDoc.listOf[s.document[linking[k] as number] as number] as number;
    if (own >= 0 && named[own] === 1) return false;
  }
  return true;
}

/**
 * The entries of every document something names (an applies_to, an application row), instalments
 * earliest due first, as runs of entry indices. Only those are gathered: most of a large ledger is
 * never looked up by number.
 */
class DocumentLists {
  private readonly starts: Int32Array;
  readonly items: Int32Array;
  /** The store's applies_to keys (EntryStore.appliesTo). */
  private readonly appliesToKey: Int32Array;
  /** List of each document key (−1: nothing names it). */
  readonly listOf: Int32Array;
  readonly listCount: number;
  /** Lists of each application row's documents, by position in ledger.applications. */
  readonly from: Int32Array;
  readonly to: Int32Array;

  constructor(ledger: Ledger, byAge: (a: number, b: number) => number) {
    const s = ledger.entries;
    const n = s.length;
    const listOf = new Int32Array(s.documents.count).fill(-1);
    this.listOf = listOf;
    let lists = 0;
    const name = (k: number): number => {
      if (k < 0) return -1;
      let l = listOf[k] as number;
      if (l < 0) listOf[k] = l = lists++;
      return l;
    };
    this.appliesToKey = s.appliesTo;
    for (let i = 0; i < n; i++) name(s.appliesTo[i] as number);
    const applications = ledger.applications;
    this.from = new Int32Array(applications.length);
    this.to = new Int32Array(applications.length);
    for (let i = 0; i < applications.length; i++) {
      const a = applications[i] as ApplicationRow;
      if (a.byEntry === true) continue; // a list of one entry each, after the documents' lists
      this.from[i] = name(a.from === '' ? -1 : s.documents.findText(a.from));
      this.to[i] = name(a.to === '' ? -1 : s.documents.findText(a.to));
    }
    // The named documents' entries in runs, in entry order, then each run by age.
    const keys = new Int32Array(n);
    for (let i = 0; i < n; i++) keys[i] = listOf[s.document[i] as number] as number;
    const grouped = groupIndices(keys, lists);
    for (let l = 0; l < lists; l++) if ((grouped.starts[l + 1] as number) - (grouped.starts[l] as number) > 1) sortPart(grouped.items, grouped.starts[l] as number, grouped.starts[l + 1] as number, byAge);
    // Sides named by entry number (an export's links): one list of the one entry (−1: no such entry).
    const byEntry: number[] = [];
    const entryList = (no: string): number => {
      const e = no === '' ? -1 : s.entryIndex(no);
      return e < 0 ? -1 : lists + byEntry.push(e) - 1;
    };
    for (let i = 0; i < applications.length; i++) {
      const a = applications[i] as ApplicationRow;
      if (a.byEntry !== true) continue;
      this.from[i] = entryList(a.from);
      this.to[i] = entryList(a.to);
    }
    if (byEntry.length === 0) {
      this.starts = grouped.starts;
      this.items = grouped.items;
    } else {
      const used = grouped.items.length;
      this.starts = new Int32Array(lists + byEntry.length + 1);
      this.starts.set(grouped.starts.subarray(0, lists + 1));
      this.items = new Int32Array(used + byEntry.length);
      this.items.set(grouped.items);
      byEntry.forEach((e, k) => {
        this.items[used + k] = e;
        (this.starts as Int32Array)[lists + k + 1] = used + k + 1;
      });
    }
    this.listCount = lists + byEntry.length;
  }

  /** List of the document entry e's applies_to names (−1: none). */
  namedBy(e: number): number {
    const k = this.appliesToKey[e] as number;
    return k < 0 ? -1 : (this.listOf[k] as number);
  }

  /** Where list l's entries lie in `items` (empty for −1), without making a view of them. */
  start(l: number): number {
    return l < 0 ? 0 : (this.starts[l] as number);
  }

  end(l: number): number {
    return l < 0 ? 0 : (this.starts[l + 1] as number);
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
 * Another system's export may carry each entry's own open amount at its export date (`open_amount`):
 * what no link reaches takes it (`openAmounts.ts`, after the links and FIFO; `exported` is that date).
 *
 * Works on the ledger's columns (entry indices, typed arrays): a million entry objects chased in
 * random order cost more than the settling itself. `byCustomer`: the entries posted by `asOf` by
 * customer, when the caller already has them.
 */
export function settle(ledger: Ledger, mode: AllocateMode, asOf: Day = Infinity, byCustomer?: EntriesByCustomer, exported?: Day): Settlement {
  const core = settleLinks(ledger, mode, asOf, byCustomer);
  if (ledger.entries.openAmounts === undefined) return core;
  // An export's own open amounts (issue 16): where no link reaches an entry, its open amount at the export date.
  const remainingAt = (d: Day): Float64Array => (d === asOf ? core.remaining : settleLinks(ledger, mode, d).remaining);
  const openIssues = applyOpenAmounts(ledger, core.remaining, core.linked, asOf, exported, remainingAt);
  return { remaining: core.remaining, issues: [...core.issues, ...openIssues] };
}

/** Settlement by what the ledger links (applications, applies_to, matching codes) and FIFO; `linked`: entries a link reaches. */
function settleLinks(ledger: Ledger, mode: AllocateMode, asOf: Day = Infinity, byCustomer?: EntriesByCustomer): Settlement & { linked: Uint8Array | undefined } {
  const s = ledger.entries;
  const n = s.length;
  const { amount, posting, matching, currency, customer } = s;
  const remaining = new Float64Array(n); // minor units: integers, exact in a double
  for (let i = 0; i < n; i++) remaining[i] = Math.abs(amount[i] as number);
  const explicit = new AllocationColumns(ledger.applications.length);
  let recording = true; // the explicit applications only: those dated after D are undone below
  const issues: Issue[] = [];
  const byAge = ageOrder(s);
  const byDoc = new DocumentLists(ledger, byAge);
  // Entries a link reaches keep our settlement against an export's open amounts: marked only for such a ledger.
  const openAmounts = s.openAmounts;
  const linked = openAmounts === undefined ? undefined : linkedEntries(ledger, byDoc);

  /**
   * Settles as much of debit d by credit c as both have left (and `cap` allows), dated `date` or
   * else the later posting date; returns the amount moved. Every kind of settlement goes through it.
   */
  const move: Move = (c, d, date = Math.max(posting[c] as number, posting[d] as number), cap = Infinity) => {
    const moved = Math.min(remaining[c] as number, remaining[d] as number, cap);
    if (moved <= 0) return 0;
    if (recording) explicit.push(c, d, moved, date);
    remaining[c] = (remaining[c] as number) - moved;
    remaining[d] = (remaining[d] as number) - moved;
    return moved;
  };
  /**
   * Every credit against every debit in order, as much as both have left: a debit once used up
   * stays so, so one pointer over the debits gives the same allocations as the nested loops.
   */
  const settlePair = (credits: ArrayLike<number>, creditCount: number, debits: ArrayLike<number>, debitCount: number): void => {
    let j = 0;
    for (let k = 0; k < creditCount && j < debitCount; k++) {
      const c = credits[k] as number;
      while ((remaining[c] as number) > 0 && j < debitCount) {
        const d = debits[j] as number;
        if ((remaining[d] as number) > 0) move(c, d);
        if ((remaining[d] as number) <= 0) j++;
      }
    }
  };

  applyExplicit(ledger, byDoc, remaining, issues, move);
  // Explicit applications come first, so undoing the ones dated after D leaves the state at D.
  explicit.keepOnly((i) => {
    if ((explicit.date[i] as number) <= asOf) return true;
    const moved = explicit.amount[i] as number;
    remaining[explicit.credit[i] as number] = (remaining[explicit.credit[i] as number] as number) + moved;
    remaining[explicit.debit[i] as number] = (remaining[explicit.debit[i] as number] as number) + moved;
    return false;
  });
  recording = false;

  // applies_to: the entry names the document it settles.
  const whereAppliesTo = appliesToPlace(s);
  let linkCount = 0;
  for (let i = 0; i < n; i++) if ((s.appliesTo[i] as number) >= 0) linkCount++;
  const linking = new Int32Array(linkCount);
  for (let i = 0, k = 0; i < n; i++) if ((s.appliesTo[i] as number) >= 0) linking[k++] = i;
  // Oldest first decides only between entries that reach the same entries: two naming one document,
  // or one naming a document whose entry names another. Without such pairs (a payment per invoice,
  // the usual case) every order gives the same allocations, and only the problems' order needs sorting.
  const independent = linksAreIndependent(s, byDoc, linking);
  if (!independent) sortOldestFirst(s, linking);
  const linkIssues: { e: number; issue: Issue }[] = [];
  const report = (e: number, issue: Issue): void => {
    if (independent) linkIssues.push({ e, issue });
    else issues.push(issue);
  };
  const targets: number[] = [];
  const items = byDoc.items;
  for (let k = 0; k < linking.length; k++) {
    const e = linking[k] as number;
    const l = byDoc.namedBy(e);
    targets.length = 0;
    for (let j = byDoc.start(l), end = byDoc.end(l); j < end; j++) {
      const t = items[j] as number;
      if (customer[t] === customer[e] && currency[t] === currency[e] && t !== e) targets.push(t);
    }
    if (targets.length === 0) {
      report(e, makeIssue('applies-to-unknown', whereAppliesTo(e)));
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
      report(e, makeIssue('application-sides', whereAppliesTo(e), { from: s.documentNo(e), to: s.documentNo(first), fromType: s.typeOf(e), toType: s.typeOf(first) }));
      continue;
    }
    // A pair with an entry posted after D would be dated after D: checked above, never settled at D.
    if ((posting[e] as number) > asOf) continue;
    for (const t of targets) if ((posting[t] as number) <= asOf) move(eCredit ? e : t, eCredit ? t : e);
  }
  if (linkIssues.length > 0) {
    linkIssues.sort((a, b) => byAge(a.e, b.e));
    for (const { issue } of linkIssues) issues.push(issue);
  }

  // Matching codes (lettrage): entries of one customer and currency sharing a code settle each other.
  // Then FIFO: what is still open, customer by customer and currency by currency. Both walk each
  // customer's entries (in ledger order), so no sort of the whole ledger is needed.
  const own = byCustomer ?? entriesByCustomer(s, ledger.customers.length, asOf);
  // Lists reused for every customer: fifty thousand customers' small arrays, filters and
  // sorts made more garbage than the settling itself.
  let longest = 0;
  for (let c = 0; c < ledger.customers.length; c++) longest = Math.max(longest, (own.starts[c + 1] as number) - (own.starts[c] as number));
  const open = new Int32Array(longest);
  const credits = new Int32Array(longest);
  const debits = new Int32Array(longest);
  for (const pass of ['matching-code', 'fifo'] as const) {
    if (pass === 'fifo' && mode !== 'fifo') break;
    const key = pass === 'fifo' ? currency : matching;
    const sameGroup = (a: number, b: number): boolean => currency[a] === currency[b] && key[a] === key[b];
    const byGroup = (a: number, b: number): number => (currency[a] as number) - (currency[b] as number) || (key[a] as number) - (key[b] as number) || a - b;
    for (let c = 0; c < ledger.customers.length; c++) {
      let m = 0;
      let mixed = false;
      for (let k = own.starts[c] as number, end = own.starts[c + 1] as number; k < end; k++) {
        const i = own.entries[k] as number;
        if (remaining[i] === 0 || (pass === 'matching-code' && (matching[i] as number) < 0)) continue;
        if (pass === 'fifo' && openAmounts !== undefined && !Number.isNaN(openAmounts[i])) continue; // the export says what is open
        if (m > 0 && !sameGroup(open[0] as number, i)) mixed = true;
        open[m++] = i;
      }
      if (m < 2) continue;
      // Usually one currency and code; otherwise each group apart, in entry order.
      if (mixed) sortPart(open, 0, m, byGroup);
      // Each run of one currency and code: its credits against its debits, oldest first.
      for (let start = 0, i = 1; i <= m; i++) {
        if (i < m && sameGroup(open[start] as number, open[i] as number)) continue;
        let nc = 0;
        let nd = 0;
        for (let k = start; k < i; k++) {
          const e = open[k] as number;
          if ((amount[e] as number) < 0) credits[nc++] = e;
          else if ((amount[e] as number) > 0) debits[nd++] = e;
        }
        if (nc > 0 && nd > 0) {
          sortPart(credits, 0, nc, byAge);
          sortPart(debits, 0, nd, byAge);
          settlePair(credits, nc, debits, nd);
        }
        start = i;
      }
    }
  }
  return { issues, remaining, linked };
}

/** Entries an application row, an applies_to or a matching code reaches (applications of any date: the link exists). */
function linkedEntries(ledger: Ledger, byDoc: DocumentLists): Uint8Array {
  const s = ledger.entries;
  const linked = new Uint8Array(s.length);
  const mark = (l: number): void => {
    for (let j = byDoc.start(l), end = byDoc.end(l); j < end; j++) linked[byDoc.items[j] as number] = 1;
  };
  for (let i = 0; i < ledger.applications.length; i++) {
    mark(byDoc.from[i] as number);
    mark(byDoc.to[i] as number);
  }
  for (let i = 0; i < s.length; i++) {
    if ((s.matching[i] as number) >= 0) linked[i] = 1;
    if ((s.appliesTo[i] as number) >= 0) {
      linked[i] = 1;
      mark(byDoc.namedBy(i));
    }
  }
  return linked;
}

/** Sorts list[from, to) in place: by insertion when short (no work array made), natively otherwise. */
function sortPart(list: Int32Array, from: number, to: number, order: (a: number, b: number) => number): void {
  if (to - from > 32) {
    list.subarray(from, to).sort(order);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = list[i] as number;
    let j = i - 1;
    while (j >= from && order(list[j] as number, x) > 0) {
      list[j + 1] = list[j] as number;
      j--;
    }
    list[j + 1] = x;
  }
}

/**
 * Positions 0 … n−1 by date, then row, then position. When rows rise with the position (one table
 * read in order, the usual case), row and position order agree, so date · n + position is one exact
 * number per row and a native sort of numbers does it; otherwise (or with a date missing: −∞) the
 * comparison does.
 */
export function inDateOrder(dates: Float64Array, rows: Int32Array): Int32Array {
  const n = dates.length;
  const order = new Int32Array(n);
  let low = Infinity;
  let high = -Infinity;
  let rowsRise = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    low = Math.min(low, dates[i] as number);
    high = Math.max(high, dates[i] as number);
    if (i > 0 && (rows[i] as number) < (rows[i - 1] as number)) rowsRise = false;
  }
  if (n < 2 || !rowsRise || !Number.isFinite(low) || !Number.isFinite(high) || (high - low + 1) * n >= 2 ** 52) {
    return order.sort((x, y) => (dates[x] as number) - (dates[y] as number) || (rows[x] as number) - (rows[y] as number) || x - y);
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = ((dates[i] as number) - low) * n + i;
  packed.sort();
  for (let k = 0; k < n; k++) order[k] = (packed[k] as number) % n;
  return order;
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

type Move = (credit: number, debit: number, date?: Day, cap?: Minor) => Minor;

/** The applications table: each row checked for documents, sides, currency, customer, dates and amounts. */
function applyExplicit(ledger: Ledger, byDoc: DocumentLists, remaining: Float64Array, issues: Issue[], move: Move): void {
  const s = ledger.entries;
  const { posting, amount } = s;
  const items = byDoc.items;
  // (no array, closure or string made per row: a hundred thousand rows made more garbage than work)
  const latestIn = (l: number, latest: number): number => {
    for (let j = byDoc.start(l), end = byDoc.end(l); j < end; j++) latest = Math.max(latest, posting[items[j] as number] as number);
    return latest;
  };
  const latestPosting = (from: number, to: number): number => latestIn(to, latestIn(from, -Infinity));
  const openIn = (l: number): number => {
    let total = 0;
    for (let j = byDoc.start(l), end = byDoc.end(l); j < end; j++) total += remaining[items[j] as number] as number;
    return total;
  };
  const exponents: number[] = [];
  const exponentOf = (e: number): number => (exponents[s.currency[e] as number] ??= currencyExponent(s.currencyOf(e)) as number);
  // In date order, so an over-application is blamed on the row that overdraws on its own date.
  const applications = ledger.applications;
  const dates = new Float64Array(applications.length);
  const rows = new Int32Array(applications.length);
  for (let i = 0; i < applications.length; i++) {
    const a = applications[i] as ApplicationRow;
    dates[i] = a.date ?? latestPosting(byDoc.from[i] as number, byDoc.to[i] as number);
    rows[i] = a.row;
  }
  const order = inDateOrder(dates, rows);
  /** Where application a's problem is, blamed on customer `who` (by default the one of its first document's entry). */
  const at = (a: ApplicationRow, column: string, value: string, who: string | undefined) => {
    const cell = a.origin === undefined ? undefined : cellAddress(a.origin.table, a.row, a.origin.index[column] ?? -1);
    return { table: 'applications' as const, row: a.row, column, value, customerId: who, ...(cell !== undefined ? { cell } : {}) };
  };
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    let a = applications[i] as ApplicationRow;
    // Each side's entries lie at items[fromStart, fromEnd) and items[toStart, toEnd).
    const fromList = byDoc.from[i] as number;
    const toList = byDoc.to[i] as number;
    const fromStart = byDoc.start(fromList);
    const fromEnd = byDoc.end(fromList);
    const toStart = byDoc.start(toList);
    const toEnd = byDoc.end(toList);
    if (fromStart === fromEnd || toStart === toEnd) {
      const first = fromStart < fromEnd ? items[fromStart] : toStart < toEnd ? items[toStart] : undefined;
      const side = fromStart === fromEnd ? 'from' : 'to';
      const column = a.byEntry === true ? `${side}_entry` : `${side}_document`;
      issues.push(makeIssue(a.byEntry === true ? 'unknown-entry' : 'unknown-document', at(a, column, side === 'from' ? a.from : a.to, first === undefined ? undefined : s.customerId(first))));
      continue;
    }
    const f = items[fromStart] as number;
    const t = items[toStart] as number;
    // Messages name documents; a side named by entry number is its document with that number ("INV-1 (#1234)").
    if (a.byEntry === true) a = { ...a, from: `${s.documentNo(f)} (#${a.from})`, to: `${s.documentNo(t)} (#${a.to})` };
    if (s.customer[f] !== s.customer[t]) {
      const params = { from: a.from, to: a.to, fromCustomer: s.customerId(f), toCustomer: s.customerId(t) };
      issues.push(makeIssue('cross-customer-application', at(a, 'to_document', a.to, s.customerId(f)), params));
      issues.push(makeIssue('cross-customer-application', at(a, 'to_document', a.to, s.customerId(t)), params));
      continue;
    }
    if (s.currency[f] !== s.currency[t]) {
      issues.push(makeIssue('cross-currency-application', at(a, 'to_document', a.to, s.customerId(f)), { from: a.from, to: a.to, fromCurrency: s.currencyOf(f), toCurrency: s.currencyOf(t) }));
      continue;
    }
    let sidesRight = true;
    for (let j = fromStart; j < fromEnd; j++) sidesRight &&= (amount[items[j] as number] as number) < 0;
    for (let j = toStart; j < toEnd; j++) sidesRight &&= (amount[items[j] as number] as number) > 0;
    if (!sidesRight) {
      issues.push(makeIssue('application-sides', at(a, 'from_document', a.from, s.customerId(f)), { from: a.from, to: a.to, fromType: s.typeOf(f), toType: s.typeOf(t) }));
      continue;
    }
    const exponent = exponentOf(f);
    const parsed = parseDecimalToMinor(a.amountText, exponent);
    if (!parsed.ok || parsed.minor <= 0) {
      const code = parsed.ok ? 'not-positive' : amountIssueCode(parsed.reason);
      issues.push(makeIssue(code, at(a, 'amount', a.amountText, s.customerId(f)), { currency: s.currencyOf(f), digits: exponent }));
      continue;
    }
    const latest = latestPosting(fromList, toList);
    let date = a.date;
    if (date === undefined) {
      date = latest;
      issues.push(makeIssue('application-date-defaulted', at(a, 'date', '', s.customerId(f)), { date: formatIsoDay(date) }));
    } else if (date < latest) {
      const late = [...items.subarray(fromStart, fromEnd), ...items.subarray(toStart, toEnd)].find((e) => posting[e] === latest) as number;
      issues.push(makeIssue('application-before-posting', at(a, 'date', formatIsoDay(date), s.customerId(f)), { date: formatIsoDay(date), document: s.documentNo(late), posting: formatIsoDay(latest) }));
      continue;
    }
    const fromOpen = openIn(fromList);
    const toOpen = openIn(toList);
    if (parsed.minor > fromOpen || parsed.minor > toOpen) {
      const short = parsed.minor > fromOpen ? { document: a.from, open: fromOpen } : { document: a.to, open: toOpen };
      issues.push(makeIssue('over-application', at(a, 'amount', a.amountText, s.customerId(f)), { amount: formatMinor(parsed.minor, exponent), document: short.document, open: formatMinor(short.open, exponent), date: formatIsoDay(date) }));
      continue;
    }
    let left = parsed.minor;
    for (let x = fromStart; x < fromEnd; x++) for (let y = toStart; y < toEnd; y++) left -= move(items[x] as number, items[y] as number, date, left);
  }
}
