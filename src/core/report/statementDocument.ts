import type { Day } from '../calendar/day';
import { agingCaption, makeAger } from '../aging/agingSpec';
import type { Language } from '../i18n/language';
import { ENTRY_TYPES } from '../ledger/entryTypes';
import type { Entry } from '../ledger/model';
import { addMinor, type Minor } from '../money/money';
import type { ComputeResult, CustomerStatement, OverdueItem, Section, StatementStyle } from '../statements/model';
import { LABELS, type StatementLabels } from './labels';

/**
 * A customer's statement ready to render (sheet, PDF, Word, CSV, e-mail): values stay typed (days,
 * minor units) so each renderer formats them its own way; texts are already in the customer's language.
 * It decides what every output shows (the opening-balance row, the overdue list, the totals), so
 * the renderers only lay it out and every door shows the same statement.
 */
export interface StatementDocument {
  readonly language: Language;
  readonly labels: StatementLabels;
  readonly title: string;
  /** The caption of the closing total: "Closing balance" (activity) or "Balance due" (open item). */
  readonly closingLabel: string;
  readonly style: StatementStyle;
  readonly asOf: Day;
  readonly from: Day | undefined;
  readonly customer: {
    readonly id: string;
    readonly name: string;
    readonly addressLines: readonly string[];
    readonly contact: string;
    readonly emails: readonly string[];
    readonly cc: readonly string[];
    readonly template: string;
  };
  readonly sections: readonly DocumentSection[];
  readonly agingLabels: readonly string[];
  readonly agingCaption: string;
}

/**
 * One currency of the statement, in the order a renderer lays it out: the opening-balance row (if
 * any), the lines, the totals (closing balance, overdue), the overdue list with its total, the aging
 * with its total. Totals are the engine's, summed in minor units; never across currencies.
 */
export interface DocumentSection {
  readonly currency: string;
  /** The row "Opening balance" before the lines, or undefined for none (see `openingRow`). */
  readonly opening: OpeningRow | undefined;
  /** The balance brought forward (0 when the statement has no period start). */
  readonly openingBalance: Minor;
  readonly lines: readonly DocumentLine[];
  /** Sums of the lines' amount, paid/credited and open columns. */
  readonly lineTotals: { readonly amount: Minor; readonly applied: Minor; readonly open: Minor };
  /** Balance due (open item) or closing balance (activity): opening + the lines' movements. */
  readonly closingBalance: Minor;
  /** Total of the open items due before the statement date (= the sum of `overdueLines`' open amounts). */
  readonly overdue: Minor;
  /**
   * The overdue list (DESIGN.md §4): every item open at the statement date whose due date is
   * before it, in statement order, in every style and period: also those posted before the period
   * and those an activity statement shows as movements. Empty when `overdue` is 0, so it is shown
   * exactly when it has a total. Each line's `balance` is the running total of the list.
   */
  readonly overdueLines: readonly DocumentLine[];
  /** One amount per aging column (`StatementDocument.agingLabels`); `agingTotal` is their sum (= closingBalance). */
  readonly aging: readonly Minor[];
  readonly agingTotal: Minor;
}

/** The opening-balance row: dated the first day of the period. */
export interface OpeningRow {
  readonly date: Day;
  readonly balance: Minor;
}

export interface DocumentLine {
  readonly date: Day;
  readonly type: string;
  readonly typeLabel: string;
  readonly documentNo: string;
  readonly reference: string;
  readonly description: string;
  readonly matchingCode: string;
  readonly dueDate: Day;
  readonly amount: Minor;
  readonly applied: Minor;
  readonly open: Minor;
  /** Running balance (in the overdue list: running total of the list). */
  readonly balance: Minor;
  /** Days past due of what the customer owes; 0 for items not due and for unapplied credits. */
  readonly daysOverdue: number;
}

/**
 * Whether a section has an opening-balance row: whenever the statement has a period start, i.e.
 * every activity statement (DESIGN.md §4: opening + movements = closing, so the row is where the
 * running balance starts) and every open-item statement run with `--from` (its older open items are
 * brought forward as one balance). It is printed even when zero: an accountant reads "Opening
 * balance 0.00" as "nothing brought forward", while a missing row would leave the reader unsure
 * whether older items were left out; and every customer of a run gets the same layout. Without a
 * period start there is nothing before the lines, so no row.
 */
export function openingRow(from: Day | undefined, openingBalance: Minor): OpeningRow | undefined {
  return from === undefined ? undefined : { date: from, balance: openingBalance };
}

/** The document of one ok statement, in the customer's language unless one is forced. */
export function statementDocument(result: ComputeResult, statement: CustomerStatement, forced?: Language): StatementDocument {
  const c = statement.customer;
  const language = forced ?? c?.language ?? 'en';
  const labels = LABELS[language];
  const ager = makeAger(result.aging, result.asOf);
  return {
    language,
    labels,
    title: result.style === 'activity' ? labels.activityTitle : labels.statementTitle,
    closingLabel: result.style === 'activity' ? labels.closingBalance : labels.balanceDue,
    style: result.style,
    asOf: result.asOf,
    from: result.from,
    customer: {
      id: statement.customerId,
      name: c?.name ?? '',
      addressLines: c?.addressLines ?? [],
      contact: c?.contact ?? '',
      emails: c?.emails ?? [],
      cc: c?.cc ?? [],
      template: c?.template ?? '',
    },
    sections: statement.sections.map((s) => documentSection(s, result.from, language)),
    agingLabels: ager.labels(language),
    agingCaption: agingCaption(result.aging, result.agingBasis, result.asOf, language),
  };
}

function documentSection(s: Section, from: Day | undefined, language: Language): DocumentSection {
  let amount = 0;
  let applied = 0;
  let open = 0;
  const lines = s.lines.map((l) => {
    amount = addMinor(amount, l.entry.amount);
    applied = addMinor(applied, l.applied);
    open = addMinor(open, l.open);
    return documentLine(l.entry, l.applied, l.open, l.balance, l.daysOverdue, language);
  });
  let agingTotal = 0;
  for (const a of s.aging) agingTotal = addMinor(agingTotal, a);
  return {
    currency: s.currency,
    opening: openingRow(from, s.openingBalance),
    openingBalance: s.openingBalance,
    lines,
    lineTotals: { amount, applied, open },
    closingBalance: s.closingBalance,
    overdue: s.overdue,
    overdueLines: s.overdue === 0 ? [] : overdueLines(s.overdueItems, language),
    aging: s.aging,
    agingTotal,
  };
}

function overdueLines(items: readonly OverdueItem[], language: Language): DocumentLine[] {
  let total = 0;
  return items.map((x) => {
    total = addMinor(total, x.open);
    return documentLine(x.entry, x.applied, x.open, total, x.daysOverdue, language);
  });
}

function documentLine(entry: Entry, applied: Minor, open: Minor, balance: Minor, daysOverdue: number, language: Language): DocumentLine {
  return {
    date: entry.posting,
    type: entry.type,
    typeLabel: ENTRY_TYPES[entry.type].label[language],
    documentNo: entry.documentNo,
    reference: entry.reference,
    description: entry.description,
    matchingCode: entry.matchingCode,
    dueDate: entry.due,
    amount: entry.amount,
    applied,
    open,
    balance,
    daysOverdue,
  };
}
