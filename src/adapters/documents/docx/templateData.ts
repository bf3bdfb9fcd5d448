/**
 * The data a Word template is filled with (docs/templates.md documents every tag): one statement,
 * every value already formatted for the customer's language, every value a string, a boolean or a
 * list, never undefined or null. Pure: no Node APIs, so the task pane can build the same data.
 */
import {
  addMinor,
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

/** Texts a template needs beyond core's statement labels (company block, payment details, footer). */
export interface TemplateLabels {
  readonly statementNumber: string;
  readonly registration: string;
  readonly vatNumber: string;
  readonly phone: string;
  readonly bank: string;
  readonly iban: string;
  readonly bic: string;
  readonly paymentDetails: string;
  readonly contact: string;
  readonly ofWhichOverdue: string;
  readonly page: string;
  readonly of: string;
}

/** Captions from core's LABELS (the same wording as the PDF), plus the few a template needs besides. */
function templateLabels(language: Language, extra: Pick<TemplateLabels, 'ofWhichOverdue' | 'page' | 'of'>): TemplateLabels {
  const l = LABELS[language];
  return { statementNumber: l.statementNo, registration: l.registration, vatNumber: l.vatNumber, phone: l.phone, bank: l.bank, iban: l.iban, bic: l.bic, paymentDetails: l.paymentDetails, contact: l.contact, ...extra };
}

export const TEMPLATE_LABELS: Readonly<Record<Language, TemplateLabels>> = {
  en: templateLabels('en', { ofWhichOverdue: 'of which overdue', page: 'Page', of: 'of' }),
  fr: templateLabels('fr', { ofWhichOverdue: 'dont échu', page: 'Page', of: 'sur' }),
};

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
  readonly closingBalance: string;
  readonly balanceDue: string;
  readonly overdue: string;
  readonly openingBalancePlain: string;
  readonly closingBalancePlain: string;
  readonly overduePlain: string;
  /** An opening-balance row belongs in the table: activity statements, and any with a balance brought forward. */
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
  // Complete only when the lines are every open item as of the statement date.
  const linesAreOpenItems = doc.style === 'open-item' && doc.from === undefined;

  const sections = doc.sections.map((s) => sectionData(s, doc, settings.showOverdueSection, linesAreOpenItems));
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc.labels)) if (typeof value === 'string') labels[key] = value;
  Object.assign(labels, TEMPLATE_LABELS[language]);

  const data: Record<string, unknown> = {
    language,
    style: doc.style,
    isActivity: doc.style === 'activity',
    isOpenItem: doc.style === 'open-item',
    title: doc.title,
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

function sectionData(s: DocumentSection, doc: StatementDocument, showOverdueSection: boolean, linesAreOpenItems: boolean): TemplateSection {
  const { language, agingLabels } = doc;
  const money = (m: Minor) => formatCurrencyAmount(m, s.currency, language);
  const plain = (m: Minor) => formatAmount(m, s.currency, language);
  const lines = s.lines.map((l) => lineData(l, s.currency, language));
  // DESIGN.md §4: open items due before D, unapplied credits included, so the list adds up to the Overdue total (as in the PDF).
  const overdueLines = linesAreOpenItems ? s.lines.filter((l) => l.open !== 0 && l.dueDate < doc.asOf).map((l) => lineData(l, s.currency, language)) : [];
  let totalAmount = 0;
  let totalApplied = 0;
  let totalOpen = 0;
  for (const l of s.lines) {
    totalAmount = addMinor(totalAmount, l.amount);
    totalApplied = addMinor(totalApplied, l.applied);
    totalOpen = addMinor(totalOpen, l.open);
  }
  let agingTotal = 0;
  for (const a of s.aging) agingTotal = addMinor(agingTotal, a);
  const section: Record<string, unknown> = {
    currency: s.currency,
    openingBalance: money(s.openingBalance),
    closingBalance: money(s.closingBalance),
    balanceDue: money(s.closingBalance),
    overdue: money(s.overdue),
    openingBalancePlain: plain(s.openingBalance),
    closingBalancePlain: plain(s.closingBalance),
    overduePlain: plain(s.overdue),
    showOpeningBalance: doc.style === 'activity' || s.openingBalance !== 0,
    hasOverdue: s.overdue !== 0,
    showOverdue: showOverdueSection && s.overdue !== 0,
    hasOverdueLines: overdueLines.length > 0,
    overdueLines,
    lines,
    lineCount: String(lines.length),
    hasLines: lines.length > 0,
    totalAmount: plain(totalAmount),
    totalApplied: plain(totalApplied),
    totalOpen: plain(totalOpen),
    aging: s.aging.map((a, i) => ({ label: agingLabels[i] ?? '', amount: money(a), amountPlain: plain(a) })),
    agingTotal: money(agingTotal),
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
