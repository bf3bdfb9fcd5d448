import { colon, formatIsoDay, type ComputeResult, type Language, type PlanItem } from '../core';

const T = {
  en: { title: 'Batch preview', send: 'Send', print: 'Print', blocked: 'Blocked', 'already-sent': 'Skipped', via: 'via', counts: (s: number, p: number, b: number, a: number) => `${s} to send, ${p} to print (no usable address), ${b} blocked, ${a} already sent` },
  fr: { title: "Aperçu de l'envoi", send: 'Envoi', print: 'À imprimer', blocked: 'Bloqué', 'already-sent': 'Ignoré', via: 'par', counts: (s: number, p: number, b: number, a: number) => `${s} à envoyer, ${p} à imprimer (pas d'adresse utilisable), ${b} bloqués, ${a} déjà envoyés` },
};

/** Who gets what, at which address, with which attachment; who is skipped and why (`--dry-run`, and before a send). */
export function batchPreview(result: ComputeResult, plan: readonly PlanItem[], transport: string, language: Language): string {
  const t = T[language];
  const lines = [`${t.title} — ${formatIsoDay(result.asOf)}${result.from !== undefined ? ` (${formatIsoDay(result.from)}..)` : ''}, ${result.style}, ${t.via} ${transport}`];
  for (const p of plan) {
    const who = `${p.customerId}${p.customerName !== '' ? ` ${p.customerName}` : ''}`;
    if (p.kind === 'send') {
      const cc = p.cc.length > 0 ? `; cc ${p.cc.join(', ')}` : '';
      const bcc = p.bcc.length > 0 ? `; bcc ${p.bcc.join(', ')}` : '';
      const files = [p.pdfName, ...(p.csvName !== undefined ? [p.csvName] : [])].join(', ');
      const subject = language === 'fr' ? `« ${p.subject} »` : `"${p.subject}"`;
      lines.push(`  ${t.send.padEnd(10)} ${who} → ${p.to.join(', ')}${cc}${bcc} [${files}] ${subject}`);
    } else {
      lines.push(`  ${t[p.kind].padEnd(10)} ${who}${colon(language)} ${p.reason[language]}`);
    }
  }
  const n = (k: PlanItem['kind']): number => plan.filter((p) => p.kind === k).length;
  lines.push(t.counts(n('send'), n('print'), n('blocked'), n('already-sent')), '');
  return lines.join('\n');
}
