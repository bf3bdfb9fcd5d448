import type { Day } from '../calendar/day';
import type { Ager, AgingBasis } from '../aging/agingSpec';
import { ENTRY_TYPES } from '../ledger/entryTypes';
import type { Entry } from '../ledger/model';
import type { Minor } from '../money/money';
import { AllocationColumns, type Allocation } from '../settlement/allocation';
import type { Section, StatementLine, StatementStyle } from './model';

/** Part of an entry settled by allocations dated on or before D, with the entry's sign. */
export function appliedAsOf(entry: Entry, allocations: readonly Allocation[] | undefined, asOf: Day): Minor {
  if (allocations === undefined) return 0;
  let sum = 0;
  for (const a of allocations) if (a.date <= asOf) sum += a.amount;
  return entry.amount < 0 ? -sum : sum;
}

/** Statement order: posting date; invoice, credit, payment; then document number and due date. */
export function statementOrder(a: Entry, b: Entry): number {
  return (
    a.posting - b.posting ||
    ENTRY_TYPES[a.type].order - ENTRY_TYPES[b.type].order ||
    (a.documentNo < b.documentNo ? -1 : a.documentNo > b.documentNo ? 1 : 0) ||
    a.due - b.due
  );
}

/** What appliedAsOf gives every entry, computed in one pass over the allocations: compact arrays by entry index. */
export interface AppliedByEntry {
  /** Allocated as of D, unsigned (minor units: integers, exact in a double). */
  readonly sum: Float64Array;
  /** 1 when the entry has any allocation, whatever its date. */
  readonly touched: Uint8Array;
}

export function appliedByEntry(allocations: readonly Allocation[] | AllocationColumns, entries: number, asOf: Day): AppliedByEntry {
  const sum = new Float64Array(entries);
  const touched = new Uint8Array(entries);
  const add = (credit: number, debit: number, amount: number, date: number): void => {
    touched[credit] = 1;
    touched[debit] = 1;
    if (date > asOf) return;
    sum[credit] = (sum[credit] as number) + amount;
    sum[debit] = (sum[debit] as number) + amount;
  };
  if (allocations instanceof AllocationColumns) {
    for (let i = 0; i < allocations.count; i++) add(allocations.credit[i] as number, allocations.debit[i] as number, allocations.amount[i] as number, allocations.date[i] as number);
  } else {
    for (const a of allocations) add(a.credit, a.debit, a.amount, a.date);
  }
  return { sum, touched };
}

/** appliedAsOf from the arrays (same value, signed zero included). */
function appliedFrom(entry: Entry, applied: AppliedByEntry): Minor {
  if (applied.touched[entry.index] !== 1) return 0;
  const sum = applied.sum[entry.index] as number;
  return entry.amount < 0 ? -sum : sum;
}

export interface SectionInput {
  readonly currency: string;
  /** The customer's entries in this currency. */
  readonly entries: readonly Entry[];
  /** Allocations by entry index; or `applied`, the same summed as of D (appliedByEntry). */
  readonly byEntry?: readonly (readonly Allocation[] | undefined)[] | undefined;
  readonly applied?: AppliedByEntry | undefined;
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
  const inPeriod: { entry: Entry; applied: Minor; open: Minor }[] = [];
  for (const e of input.entries) {
    if (e.posting > asOf) continue;
    const applied = input.applied !== undefined ? appliedFrom(e, input.applied) : appliedAsOf(e, input.byEntry?.[e.index], asOf);
    const open = e.amount - applied;
    if (open !== 0) {
      const slot = ager.bucket(input.basis === 'due' ? e.due : e.posting);
      aging[slot] = (aging[slot] as number) + open;
      if (e.due < asOf) overdue += open;
    }
    const before = from !== undefined && e.posting < from;
    if (before) {
      opening += style === 'activity' ? e.amount : open;
      continue;
    }
    hasActivity = true;
    if (style === 'activity' || open !== 0) inPeriod.push({ entry: e, applied, open });
  }
  let closing = opening;
  const lines: StatementLine[] = [];
  if (input.withLines) inPeriod.sort((a, b) => statementOrder(a.entry, b.entry));
  for (const l of inPeriod) {
    closing += style === 'activity' ? l.entry.amount : l.open;
    if (input.withLines) {
      // Only what the customer owes can be late: unapplied credits show 0 days.
      const daysOverdue = l.open > 0 && l.entry.due < asOf ? asOf - l.entry.due : 0;
      lines.push({ entry: l.entry, applied: l.applied, open: l.open, balance: closing, daysOverdue });
    }
  }
  return { currency: input.currency, openingBalance: opening, closingBalance: closing, overdue, aging, lines, hasActivity };
}
