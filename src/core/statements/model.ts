import type { Day } from '../calendar/day';
import type { AgingBasis, AgingSpec } from '../aging/agingSpec';
import type { Issue } from '../issues/issue';
import type { Customer, Entry } from '../ledger/model';
import type { Minor } from '../money/money';
import type { AllocateMode } from '../settlement/allocation';
import type { ExclusionReason, SelectionOptions } from './selection';

export type StatementStyle = 'open-item' | 'activity';

export interface ComputeOptions {
  readonly asOf: Day;
  /** Start of the period; activity statements need one (default: first day of the as-of month). */
  readonly from?: Day | undefined;
  readonly style: StatementStyle;
  readonly aging: AgingSpec;
  readonly agingBasis: AgingBasis;
  readonly allocate: AllocateMode;
  /** Only these customers (others are not mentioned at all). */
  readonly customers?: readonly string[] | undefined;
  readonly selection: SelectionOptions;
  /** Aged-receivables view: totals and aging without lines. */
  readonly summary: boolean;
  /** The date another system's export was taken, when it carries open amounts (`open_amount`); default: its latest posting date. */
  readonly exported?: Day | undefined;
}

export interface StatementLine {
  readonly entry: Entry;
  /** Part of the amount settled as of the statement date, same sign as the amount. */
  readonly applied: Minor;
  readonly open: Minor;
  readonly balance: Minor;
  /** Statement date − due date for debit items still open and past due, else 0. */
  readonly daysOverdue: number;
}

/** An item still open at the statement date whose due date is before it (DESIGN.md §4, overdue section). */
export interface OverdueItem {
  readonly entry: Entry;
  readonly applied: Minor;
  readonly open: Minor;
  /** Statement date − due date for what the customer owes; 0 for an unapplied credit. */
  readonly daysOverdue: number;
}

/** One currency of one customer's statement. Never summed across currencies. */
export interface Section {
  readonly currency: string;
  readonly openingBalance: Minor;
  readonly closingBalance: Minor;
  readonly overdue: Minor;
  readonly aging: readonly Minor[];
  readonly lines: readonly StatementLine[];
  /**
   * Every open item at D due before D, in statement order, whether its line is in the period or
   * not (activity lines are movements; `from` leaves older items out of the lines): they add up to
   * `overdue`. Empty in a summary. Not part of the JSON contract.
   */
  readonly overdueItems: readonly OverdueItem[];
  /** How many lines the statement has: `lines.length`, also in a summary, which keeps none. */
  readonly lineCount: number;
  /** True when any entry of the period exists, for "customers with entries" selection. */
  readonly hasActivity: boolean;
}

export interface CustomerStatement {
  readonly customerId: string;
  /** Undefined for an id that appears only in entries (unknown customer; always blocked). */
  readonly customer: Customer | undefined;
  readonly status: 'ok' | 'blocked';
  readonly sections: readonly Section[];
  /** Every issue attached to this customer; errors among them block the statement. */
  readonly issues: readonly Issue[];
}

export interface Exclusion {
  readonly customerId: string;
  /** For name and e-mail on the aged-receivables sheet. */
  readonly customer?: Customer;
  readonly reason: ExclusionReason;
}

export interface ComputeResult {
  readonly asOf: Day;
  readonly from: Day | undefined;
  readonly style: StatementStyle;
  readonly aging: AgingSpec;
  readonly agingBasis: AgingBasis;
  readonly summary: boolean;
  readonly statements: readonly CustomerStatement[];
  readonly excluded: readonly Exclusion[];
  readonly issues: readonly Issue[];
}
