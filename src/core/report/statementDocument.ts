import type { Day } from '../calendar/day';
import { agingCaption, makeAger } from '../aging/agingSpec';
import type { Language } from '../i18n/language';
import { ENTRY_TYPES } from '../ledger/entryTypes';
import type { Minor } from '../money/money';
import type { ComputeResult, CustomerStatement, StatementStyle } from '../statements/model';
import { LABELS, type StatementLabels } from './labels';

/**
 * A customer's statement ready to render (sheet, PDF, Word, CSV, e-mail): values stay typed (days,
 * minor units) so each renderer formats them its own way; texts are already in the customer's language.
 */
export interface StatementDocument {
  readonly language: Language;
  readonly labels: StatementLabels;
  readonly title: string;
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

export interface DocumentSection {
  readonly currency: string;
  readonly openingBalance: Minor;
  readonly closingBalance: Minor;
  readonly overdue: Minor;
  readonly aging: readonly Minor[];
  readonly lines: readonly DocumentLine[];
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
  readonly balance: Minor;
  readonly daysOverdue: number;
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
    sections: statement.sections.map((s) => ({
      currency: s.currency,
      openingBalance: s.openingBalance,
      closingBalance: s.closingBalance,
      overdue: s.overdue,
      aging: s.aging,
      lines: s.lines.map((l) => ({
        date: l.entry.posting,
        type: l.entry.type,
        typeLabel: ENTRY_TYPES[l.entry.type].label[language],
        documentNo: l.entry.documentNo,
        reference: l.entry.reference,
        description: l.entry.description,
        matchingCode: l.entry.matchingCode,
        dueDate: l.entry.due,
        amount: l.entry.amount,
        applied: l.applied,
        open: l.open,
        balance: l.balance,
        daysOverdue: l.daysOverdue,
      })),
    })),
    agingLabels: ager.labels(language),
    agingCaption: agingCaption(result.aging, result.agingBasis, result.asOf, language),
  };
}
