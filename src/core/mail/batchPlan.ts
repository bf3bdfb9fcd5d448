import { formatDayForPeople, formatIsoDay } from '../calendar/day';
import type { Language, Localised } from '../i18n/language';
import { formatCurrencyAmount } from '../money/localeFormat';
import { statementDocument, type StatementDocument } from '../report/statementDocument';
import { statementNumber, type StatementSettings } from '../report/settings';
import type { ComputeResult, CustomerStatement } from '../statements/model';
import type { MailSettings } from './mailSettings';
import { fillMailTemplate, templateFor, type Placeholder } from './mailTemplates';
import { isPlainAddress, splitAddresses } from './recipients';
import { statementIdentity, type StatementIdentity } from './statementIdentity';

/** One statement to send: who gets it, at which addresses, with which attachment. */
export interface MailItem {
  readonly kind: 'send';
  readonly customerId: string;
  readonly customerName: string;
  readonly language: Language;
  readonly document: StatementDocument;
  readonly identity: StatementIdentity;
  readonly statementNumber: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly replyTo: string;
  readonly from: string;
  readonly subject: string;
  readonly body: string;
  /** File names of the attachments: the statement PDF, then the reconciliation CSV when asked for. */
  readonly pdfName: string;
  readonly csvName: string | undefined;
}

/** Not sent, with the reason: no usable address (→ the print list), blocked by an input problem, or already sent. */
export interface SkippedItem {
  readonly kind: 'print' | 'blocked' | 'already-sent';
  readonly customerId: string;
  readonly customerName: string;
  readonly reason: Localised;
  readonly statement: CustomerStatement;
  readonly identity: StatementIdentity | undefined;
}

export type PlanItem = MailItem | SkippedItem;

export interface PlanOptions {
  readonly mail: MailSettings;
  readonly documents: StatementSettings;
  /** The mailbox sending (copy to self goes there); '' when unknown (.eml without a sender). */
  readonly sender: string;
  /** Identity keys the send log records as delivered; skipped unless `resend`. */
  readonly delivered: ReadonlySet<string>;
  readonly resend: boolean;
}

const amounts = (doc: StatementDocument, pick: (s: StatementDocument['sections'][number]) => number): { text: string; zero: boolean } => {
  const parts = doc.sections.filter((s) => pick(s) !== 0).map((s) => formatCurrencyAmount(pick(s), s.currency, doc.language));
  if (parts.length === 0) return { text: formatCurrencyAmount(0, doc.sections[0]?.currency ?? 'EUR', doc.language), zero: true };
  return { text: parts.join(' + '), zero: false };
};

/** A file name that any mail client keeps: the statement number with risky characters replaced. */
const attachmentStem = (number: string): string => number.replace(/[^\w.-]+/g, '_').slice(0, 100);

/** Decides, for every statement of a run, what goes to whom (the batch preview shows exactly this). */
export function planBatch(result: ComputeResult, o: PlanOptions): PlanItem[] {
  const plan: PlanItem[] = [];
  for (const statement of result.statements) {
    const name = statement.customer?.name ?? '';
    const base = { customerId: statement.customerId, customerName: name, statement };
    if (statement.status === 'blocked') {
      const first = statement.issues.find((i) => i.severity === 'error');
      plan.push({ kind: 'blocked', ...base, identity: undefined, reason: first?.message ?? { en: 'blocked by an input problem', fr: 'bloqué par un problème dans les données' } });
      continue;
    }
    const doc = statementDocument(result, statement);
    const identity = statementIdentity(doc);
    const to = splitAddresses(doc.customer.emails);
    const cc = splitAddresses(doc.customer.cc);
    if (to.length === 0) {
      plan.push({ kind: 'print', ...base, identity, reason: { en: 'no e-mail address', fr: "pas d'adresse e-mail" } });
      continue;
    }
    const bad = [...to, ...cc].filter((a) => !isPlainAddress(a));
    if (bad.length > 0) {
      plan.push({ kind: 'print', ...base, identity, reason: { en: `not an e-mail address: ${bad.join(', ')}`, fr: `adresse e-mail incorrecte : ${bad.join(', ')}` } });
      continue;
    }
    if (!o.resend && o.delivered.has(identity.key)) {
      plan.push({ kind: 'already-sent', ...base, identity, reason: { en: 'already sent (send log); --resend to send again', fr: 'déjà envoyé (journal des envois) ; --resend pour renvoyer' } });
      continue;
    }
    plan.push(mailItem(doc, identity, to, cc, o));
  }
  return plan;
}

function mailItem(doc: StatementDocument, identity: StatementIdentity, to: string[], cc: string[], o: PlanOptions): MailItem {
  const number = statementNumber(o.documents, formatIsoDay(doc.asOf), doc.customer.id);
  const balance = amounts(doc, (s) => s.closingBalance);
  const overdue = amounts(doc, (s) => s.overdue);
  const firm = o.documents.company.name;
  const values: Record<Placeholder, string> = {
    customer: doc.customer.name === '' ? doc.customer.id : doc.customer.name,
    balance: balance.text,
    overdue: overdue.text,
    asOf: formatDayForPeople(doc.asOf, doc.language),
    number,
    firm,
  };
  const blank = new Set<Placeholder>([...(overdue.zero ? ['overdue' as const] : []), ...(firm === '' ? ['firm' as const] : [])]);
  const t = templateFor(o.mail.templates, doc.language);
  const self = o.mail.from !== '' ? o.mail.from : o.sender;
  const stem = attachmentStem(number);
  return {
    kind: 'send',
    customerId: doc.customer.id,
    customerName: doc.customer.name,
    language: doc.language,
    document: doc,
    identity,
    statementNumber: number,
    to,
    cc,
    bcc: o.mail.copyToSelf && self !== '' ? [self] : [],
    replyTo: o.mail.replyTo,
    from: o.mail.from,
    // A subject is one line whatever a customer's name holds.
    subject: fillMailTemplate(t.subject, values, new Set()).replace(/[\r\n]+/g, ' ').trim(),
    body: fillMailTemplate(t.body, values, blank),
    pdfName: `${stem}.pdf`,
    csvName: o.mail.attachCsv ? `${stem}.csv` : undefined,
  };
}
