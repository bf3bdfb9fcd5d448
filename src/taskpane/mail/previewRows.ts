import { colon, type Language, type PlanItem } from '../../core';
import type { MailTexts } from './mailTexts';

/** One line of the batch preview: who, at which addresses, which files, or why not. */
export interface PreviewRow {
  readonly key: string;
  readonly kind: PlanItem['kind'];
  readonly customerId: string;
  readonly customer: string;
  readonly to: string;
  readonly cc: string;
  readonly bcc: string;
  readonly subject: string;
  readonly files: string;
  readonly status: string;
}

export function previewRows(plan: readonly PlanItem[], t: MailTexts, language: Language, attachment: 'pdf' | 'word-pdf'): PreviewRow[] {
  return plan.map((p, i) => {
    const customer = p.customerName === '' ? p.customerId : `${p.customerId} ${p.customerName}`;
    if (p.kind === 'send') {
      const pdf = attachment === 'word-pdf' ? `${p.pdfName} (Word)` : p.pdfName;
      return {
        key: `${i}`, kind: p.kind, customerId: p.customerId, customer, to: p.to.join(', '), cc: p.cc.join(', '), bcc: p.bcc.join(', '), subject: p.subject,
        files: [pdf, ...(p.csvName !== undefined ? [p.csvName] : [])].join(', '), status: t.kinds.send,
      };
    }
    const reason = p.kind === 'already-sent' ? t.alreadySent : p.reason[language];
    return { key: `${i}`, kind: p.kind, customerId: p.customerId, customer, to: '', cc: '', bcc: '', subject: '', files: '', status: `${t.kinds[p.kind]}${colon(language)} ${reason}` };
  });
}

export const countKinds = (plan: readonly PlanItem[]) => {
  const n = (k: PlanItem['kind']) => plan.filter((p) => p.kind === k).length;
  return { send: n('send'), print: n('print'), blocked: n('blocked'), already: n('already-sent') };
};
