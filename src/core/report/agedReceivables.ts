import { agingCaption, makeAger } from '../aging/agingSpec';
import type { Language } from '../i18n/language';
import { addMinor, type Minor } from '../money/money';
import type { ComputeResult } from '../statements/model';
import { LABELS, withColon } from './labels';

/**
 * The aged-receivables table of a run, decided once for every door (text summary, workbook sheet,
 * task pane): one row per customer and currency, blocked and left-out customers with their status,
 * then a total row per currency. Values stay typed (minor units with their currency); the labels are
 * in the table's language.
 */
export interface AgedReceivablesTable {
  readonly language: Language;
  /** Customer no., Customer, Currency, Balance, Overdue, one per aging column, E-mail, Status. */
  readonly headers: readonly string[];
  readonly agingLabels: readonly string[];
  /** How the aging is computed, to print under the table. */
  readonly agingCaption: string;
  readonly rows: readonly AgedReceivablesRow[];
  /** One per currency, alphabetical: the rows of that currency added up, never across currencies. */
  readonly totals: readonly AgedReceivablesTotal[];
}

export type AgedReceivablesStatus = 'ok' | 'blocked' | 'excluded';

/** The money columns of a row: balance, overdue and the aging columns, in one currency. */
export interface AgedAmounts {
  readonly currency: string;
  readonly balance: Minor;
  readonly overdue: Minor;
  readonly aging: readonly Minor[];
}

/** An amount with its currency, as a renderer formats it. */
export interface AgedMoney {
  readonly minor: Minor;
  readonly currency: string;
}

/** A cell in the order of `headers`: text, money, or empty. */
export type AgedCell = string | AgedMoney | null;

export interface AgedReceivablesRow {
  readonly customerId: string;
  readonly name: string;
  /** The customer's addresses, "; " between them. */
  readonly email: string;
  readonly status: AgedReceivablesStatus;
  /** The status as shown: "ok", "blocked", "left out: zero balance". */
  readonly statusText: string;
  /** Undefined for a customer with no section (blocked, left out, or nothing to show). */
  readonly amounts: AgedAmounts | undefined;
  /** The row's cells, in the order of `headers`. */
  readonly cells: readonly AgedCell[];
}

export interface AgedReceivablesTotal extends AgedAmounts {
  /** "Total", blank, the currency, the amounts, blank, blank: in the order of `headers`. */
  readonly cells: readonly AgedCell[];
}

/** Positions of the columns in `headers` and `cells` (the aging columns follow OVERDUE, then E-mail and Status). */
export const AGED_COLUMN = { customerNo: 0, customer: 1, currency: 2, balance: 3, overdue: 4, firstAging: 5 } as const;

function moneyCells(a: AgedAmounts): AgedMoney[] {
  return [a.balance, a.overdue, ...a.aging].map((minor) => ({ minor, currency: a.currency }));
}

export function agedReceivablesTable(result: ComputeResult, language: Language): AgedReceivablesTable {
  const labels = LABELS[language];
  const agingLabels = makeAger(result.aging, result.asOf).labels(language);
  const blanks = (): null[] => new Array<null>(2 + agingLabels.length).fill(null);
  const rows: AgedReceivablesRow[] = [];
  const totals = new Map<string, { balance: Minor; overdue: Minor; aging: Minor[] }>();

  const push = (customerId: string, name: string, email: string, status: AgedReceivablesStatus, statusText: string, amounts: AgedAmounts | undefined): void => {
    const money: AgedCell[] = amounts === undefined ? blanks() : moneyCells(amounts);
    rows.push({ customerId, name, email, status, statusText, amounts, cells: [customerId, name, amounts?.currency ?? null, ...money, email, statusText] });
  };

  for (const s of result.statements) {
    const name = s.customer?.name ?? '';
    const email = (s.customer?.emails ?? []).join('; ');
    const statusText = s.status === 'ok' ? labels.ok : labels.blocked;
    if (s.sections.length === 0) push(s.customerId, name, email, s.status, statusText, undefined);
    for (const section of s.sections) {
      const amounts: AgedAmounts = { currency: section.currency, balance: section.closingBalance, overdue: section.overdue, aging: section.aging };
      push(s.customerId, name, email, s.status, statusText, amounts);
      const t = totals.get(section.currency) ?? { balance: 0, overdue: 0, aging: agingLabels.map(() => 0) };
      t.balance = addMinor(t.balance, section.closingBalance);
      t.overdue = addMinor(t.overdue, section.overdue);
      section.aging.forEach((x, i) => (t.aging[i] = addMinor(t.aging[i] ?? 0, x)));
      totals.set(section.currency, t);
    }
  }
  for (const x of result.excluded) {
    const statusText = `${withColon(labels.excluded, language)} ${labels.exclusions[x.reason]}`;
    push(x.customerId, x.customer?.name ?? '', (x.customer?.emails ?? []).join('; '), 'excluded', statusText, undefined);
  }

  const totalRows = [...totals.keys()].sort().map((currency): AgedReceivablesTotal => {
    const t = totals.get(currency) as { balance: Minor; overdue: Minor; aging: Minor[] };
    const amounts: AgedAmounts = { currency, ...t };
    return { ...amounts, cells: [labels.total, null, currency, ...moneyCells(amounts), null, null] };
  });
  return {
    language,
    headers: [labels.customerNo, labels.customer, labels.currency, labels.balance, labels.overdue, ...agingLabels, labels.email, labels.status],
    agingLabels,
    agingCaption: agingCaption(result.aging, result.agingBasis, result.asOf, language),
    rows,
    totals: totalRows,
  };
}
