import type { Day } from '../calendar/day';
import type { Ager, AgingBasis } from '../aging/agingSpec';
import { ENTRY_TYPES } from '../ledger/entryTypes';
import type { EntryStore } from '../ledger/entryStore';
import type { Entry } from '../ledger/model';
import type { Minor } from '../money/money';
import type { OverdueItem, Section, StatementLine, StatementStyle } from './model';

/** Statement order: posting date; invoice, credit, payment; then document number and due date. */
export function statementOrder(a: Entry, b: Entry): number {
  return (
    a.posting - b.posting ||
    ENTRY_TYPES[a.type].order - ENTRY_TYPES[b.type].order ||
    (a.documentNo < b.documentNo ? -1 : a.documentNo > b.documentNo ? 1 : 0) ||
    a.due - b.due
  );
}

/** The part of an entry's amount settled as of D, with the entry's sign (0 when nothing is). */
function appliedFrom(amount: number, remaining: number): Minor {
  const settled = Math.abs(amount) - remaining;
  if (settled === 0) return 0;
  return amount < 0 ? -settled : settled;
}

export interface SectionInput {
  readonly currency: string;
  readonly store: EntryStore;
  /** The customer's entries in this currency: indices into the store at entries[start, end), in ledger order. */
  readonly entries: ArrayLike<number>;
  readonly start: number;
  readonly end: number;
  /** What each entry still has open at D (Settlement.remaining). */
  readonly remaining: Float64Array;
  readonly style: StatementStyle;
  readonly asOf: Day;
  readonly from: Day | undefined;
  readonly ager: Ager;
  readonly basis: AgingBasis;
  readonly withLines: boolean;
}

/** One currency section (DESIGN.md §4): opening, lines with running balance, closing, overdue, aging. */
export function buildSection(input: SectionInput): Section {
  const { asOf, from, style, ager } = input;
  const aging: Minor[] = new Array<Minor>(ager.size).fill(0);
  let opening = 0;
  let overdue = 0;
  let hasActivity = false;
  let movements = 0;
  let lineCount = 0;
  const inPeriod: { entry: Entry; applied: Minor; open: Minor }[] = [];
  /** Overdue items posted before the period, which no line shows. */
  const earlierOverdue: OverdueItem[] = [];
  const { store } = input;
  const { posting: postings, due: dues, amount: amounts } = store;
  for (let k = input.start; k < input.end; k++) {
    const i = input.entries[k] as number;
    const posting = postings[i] as number;
    if (posting > asOf) continue;
    const amount = amounts[i] as number;
    const due = dues[i] as number;
    const applied = appliedFrom(amount, input.remaining[i] as number);
    const open = amount - applied;
    if (open !== 0) {
      const slot = ager.bucket(input.basis === 'due' ? due : posting);
      aging[slot] = (aging[slot] as number) + open;
      if (due < asOf) overdue += open;
    }
    const before = from !== undefined && posting < from;
    if (before) {
      opening += style === 'activity' ? amount : open;
      if (input.withLines && open !== 0 && due < asOf) earlierOverdue.push({ entry: store.entry(i), applied, open, daysOverdue: daysOverdue(open, due, asOf) });
      continue;
    }
    hasActivity = true;
    movements += style === 'activity' ? amount : open;
    if (style === 'activity' || open !== 0) {
      lineCount++;
      // A summary needs the totals only: no line built (half a million objects on a large ledger).
      if (input.withLines) inPeriod.push({ entry: store.entry(i), applied, open });
    }
  }
  const lines: StatementLine[] = [];
  inPeriod.sort((a, b) => statementOrder(a.entry, b.entry));
  let balance = opening;
  for (const l of inPeriod) {
    balance += style === 'activity' ? l.entry.amount : l.open;
    lines.push({ entry: l.entry, applied: l.applied, open: l.open, balance, daysOverdue: daysOverdue(l.open, l.entry.due, asOf) });
  }
  const overdueItems = overdueItemsOf(earlierOverdue, lines, asOf);
  // Minor units are integers, exact in a double: the order of the sum cannot change it.
  return { currency: input.currency, openingBalance: opening, closingBalance: opening + movements, overdue, aging, lines, overdueItems, lineCount, hasActivity };
}

/** Only what the customer owes can be late: unapplied credits show 0 days. */
function daysOverdue(open: Minor, due: Day, asOf: Day): number {
  return open > 0 && due < asOf ? asOf - due : 0;
}

/** The overdue items: those before the period, then the lines' own (open and due before D), in statement order. */
function overdueItemsOf(earlier: OverdueItem[], lines: readonly StatementLine[], asOf: Day): OverdueItem[] {
  const items = earlier;
  for (const l of lines) if (l.open !== 0 && l.entry.due < asOf) items.push({ entry: l.entry, applied: l.applied, open: l.open, daysOverdue: l.daysOverdue });
  if (earlier.length > 0) items.sort((a, b) => statementOrder(a.entry, b.entry));
  return items;
}
