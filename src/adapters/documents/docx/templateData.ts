/**
 * The data a Word template is filled with (docs/templates.md documents every tag): one statement,
 * every value already formatted for the customer's language, every value a string, a boolean or a
 * list, never undefined or null. Pure: no Node APIs, so the task pane can build the same data.
 */
import {
  formatAmount,
  formatCurrencyAmount,
  formatDayForPeople,
  formatIsoDay,
  LABELS,
  statementNumber,
  type DocumentLine,
  type DocumentSection,
  type Language,
  type Minor,
  type StatementDocument,
  type StatementSettings,
} from '../../../core';

/**
 * The `{labels.…}` of a template: every text label of core's LABELS (the one wording of every
 * renderer), plus the names older templates use for three of them (`statementNumber`, `page`, `of`).
 */
export function templateLabels(language: Language): Record<string, string> {
  const l = LABELS[language];
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(l)) if (typeof value === 'string') labels[key] = value;
  return { ...labels, statementNumber: l.statementNo, page: l.pageWord, of: l.pageOf };
}

/** One row of a section's lines table. Amounts without currency symbol (the section names the currency). */
export interface TemplateLine {
  readonly date: string;
  readonly type: string;
  readonly typeCode: string;
  readonly document: string;
  readonly reference: string;
  readonly description: string;
  readonly matchingCode: string;
  readonly dueDate: string;
  readonly amount: string;
  readonly applied: string;
  readonly open: string;
  readonly balance: string;
  /** Whole days past due ("" when not overdue). */
  readonly daysOverdue: string;
  readonly isOverdue: boolean;
}

export interface TemplateAgingBucket {
  readonly label: string;
  /** With currency symbol. */
  readonly amount: string;
  /** Without currency symbol. */
  readonly amountPlain: string;
}

export interface TemplateSection {
  readonly currency: string;
  readonly openingBalance: string;
  /** The opening-balance row's date (the period's first day); empty when there is no such row. */
  readonly openingDate: string;
  readonly closingBalance: string;
  readonly balanceDue: string;
  readonly overdue: string;
  readonly openingBalancePlain: string;
  readonly closingBalancePlain: string;
  readonly overduePlain: string;
  /** An opening-balance row belongs in the table: whenever the statement has a period (core's `openingRow`). */
  readonly showOpeningBalance: boolean;
  readonly hasOverdue: boolean;
  readonly showOverdue: boolean;
  readonly hasOverdueLines: boolean;
  readonly overdueLines: readonly TemplateLine[];
  readonly lines: readonly TemplateLine[];
  readonly lineCount: string;
  readonly hasLines: boolean;
  readonly totalAmount: string;
  readonly totalApplied: string;
  readonly totalOpen: string;
  readonly aging: readonly TemplateAgingBucket[];
  readonly agingTotal: string;
  /** aging1 … agingN: the buckets one by one, for templates with a fixed horizontal aging table. */
  readonly [agingN: `aging${number}`]: string;
}

/**
 * The template data of one statement (see docs/templates.md). Typed loosely as a record because the
 * template side is untyped: fillTemplate checks every tag against it.
 */
export function statementTemplateData(doc: StatementDocument, settings: StatementSettings): Record<string, unknown> {
  const language = doc.language;
  const day = (d: number) => formatDayForPeople(d, language);
  const asOfIso = formatIsoDay(doc.asOf);
  const hasPeriod = doc.from !== undefined;
  const periodFrom = doc.from === undefined ? '' : day(doc.from);
  const periodTo = day(doc.asOf);
  const company = settings.company;
  const message = settings.message[language] ?? '';
  const sections = doc.sections.map((s) => sectionData(s, doc, settings.showOverdueSection));
  const labels = templateLabels(language);

  const data: Record<string, unknown> = {
    language,
    style: doc.style,
    isActivity: doc.style === 'activity',
    isOpenItem: doc.style === 'open-item',
    title: doc.title,
    closingLabel: doc.closingLabel,
    statementDate: day(doc.asOf),
    statementDateIso: asOfIso,
    statementNumber: statementNumber(settings, asOfIso, doc.customer.id),
    hasPeriod,
    period: hasPeriod ? `${periodFrom} – ${periodTo}` : '',
    periodFrom,
    periodTo,
    paper: settings.paper,
    company: {
      name: company.name,
      addressLines: [...company.addressLines],
      address: company.addressLines.join('\n'),
      registration: company.registration,
      vatNumber: company.vatNumber,
      email: company.email,
      phone: company.phone,
      bankName: company.bank.name,
      iban: company.bank.iban,
      bic: company.bank.bic,
      hasBank: company.bank.iban !== '' || company.bank.bic !== '' || company.bank.name !== '',
    },
    customer: {
      no: doc.customer.id,
      name: doc.customer.name,
      addressLines: [...doc.customer.addressLines],
      address: doc.customer.addressLines.join('\n'),
      contact: doc.customer.contact,
      hasContact: doc.customer.contact !== '',
      email: doc.customer.emails.join('; '),
    },
    labels,
    sections,
    sectionCount: String(sections.length),
    hasSections: sections.length > 0,
    totals: doc.sections.map((s) => ({
      currency: s.currency,
      balanceDue: formatCurrencyAmount(s.closingBalance, s.currency, language),
      overdue: formatCurrencyAmount(s.overdue, s.currency, language),
    })),
    agingLabels: [...doc.agingLabels],
    agingCaption: doc.agingCaption,
    message,
    hasMessage: message.trim() !== '',
  };
  doc.agingLabels.forEach((label, i) => (data[`agingLabel${i + 1}`] = label));
  return data;
}

function sectionData(s: DocumentSection, doc: StatementDocument, showOverdueSection: boolean): TemplateSection {
  const { language, agingLabels } = doc;
  const money = (m: Minor) => formatCurrencyAmount(m, s.currency, language);
  const plain = (m: Minor) => formatAmount(m, s.currency, language);
  const lines = s.lines.map((l) => lineData(l, s.currency, language));
  // The document's overdue list, in every style and period: it adds up to {overdue}, as in the PDF.
  const overdueLines = s.overdueLines.map((l) => lineData(l, s.currency, language));
  const section: Record<string, unknown> = {
    currency: s.currency,
    openingBalance: money(s.openingBalance),
    openingDate: s.opening === undefined ? '' : formatDayForPeople(s.opening.date, language),
    closingBalance: money(s.closingBalance),
    balanceDue: money(s.closingBalance),
    overdue: money(s.overdue),
    openingBalancePlain: plain(s.openingBalance),
    closingBalancePlain: plain(s.closingBalance),
    overduePlain: plain(s.overdue),
    showOpeningBalance: s.opening !== undefined,
    hasOverdue: s.overdue !== 0,
    showOverdue: showOverdueSection && s.overdue !== 0,
    hasOverdueLines: overdueLines.length > 0,
    overdueLines,
    lines,
    lineCount: String(lines.length),
    hasLines: lines.length > 0,
    totalAmount: plain(s.lineTotals.amount),
    totalApplied: plain(s.lineTotals.applied),
    totalOpen: plain(s.lineTotals.open),
    aging: s.aging.map((a, i) => ({ label: agingLabels[i] ?? '', amount: money(a), amountPlain: plain(a) })),
    agingTotal: money(s.agingTotal),
  };
  s.aging.forEach((a, i) => (section[`aging${i + 1}`] = money(a)));
  return section as unknown as TemplateSection;
}

function lineData(l: DocumentLine, currency: string, language: Language): TemplateLine {
  const plain = (m: Minor) => formatAmount(m, currency, language);
  return {
    date: formatDayForPeople(l.date, language),
    type: l.typeLabel,
    typeCode: l.type,
    document: l.documentNo,
    reference: l.reference,
    description: l.description,
    matchingCode: l.matchingCode,
    dueDate: formatDayForPeople(l.dueDate, language),
    amount: plain(l.amount),
    applied: plain(l.applied),
    open: plain(l.open),
    balance: plain(l.balance),
    daysOverdue: l.daysOverdue > 0 ? String(l.daysOverdue) : '',
    isOverdue: l.daysOverdue > 0,
  };
}
