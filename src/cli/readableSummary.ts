import { colon, formatAmount, makeAger, EXCLUSION_LABELS, formatDayForPeople, type ComputeResult, type Language } from '../core';

const T = {
  en: { title: 'Statements as of', customer: 'Customer', name: 'Name', currency: 'Cur.', balance: 'Balance', overdue: 'Overdue', status: 'Status', ok: 'ok', blocked: 'BLOCKED', excluded: 'Left out', issues: 'Input problems', none: 'No input problems.', more: 'more', style: { 'open-item': 'open items', activity: 'activity' }, severity: { error: 'error', warning: 'warning', info: 'note' } },
  fr: { title: 'Relevés au', customer: 'Client', name: 'Nom', currency: 'Dev.', balance: 'Solde', overdue: 'Échu', status: 'État', ok: 'ok', blocked: 'BLOQUÉ', excluded: 'Écartés', issues: "Problèmes dans les données", none: 'Aucun problème dans les données.', more: 'de plus', style: { 'open-item': 'pièces ouvertes', activity: 'mouvements' }, severity: { error: 'erreur', warning: 'avertissement', info: 'note' } },
};

function table(rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length))) ?? [];
  return rows
    .map((r) => r.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd())
    .join('\n');
}

/** The aged-receivables view for a terminal: one row per customer and currency. */
export function computeResultAsText(r: ComputeResult, language: Language, maxIssues = 50): string {
  const t = T[language];
  const labels = makeAger(r.aging, r.asOf).labels(language);
  const head = [t.customer, t.name, t.currency, t.balance, t.overdue, ...labels, t.status];
  const rows: string[][] = [head];
  for (const s of r.statements) {
    const name = (s.customer?.name ?? '').slice(0, 28);
    if (s.status === 'blocked') {
      rows.push([s.customerId, name, '', '', '', ...labels.map(() => ''), t.blocked]);
      continue;
    }
    for (const sec of s.sections) {
      const a = (m: number) => formatAmount(m, sec.currency, language);
      rows.push([s.customerId, name, sec.currency, a(sec.closingBalance), a(sec.overdue), ...sec.aging.map(a), t.ok]);
    }
  }
  const right = new Set(head.map((_, i) => i).filter((i) => i >= 3 && i < head.length - 1));
  const out = [`${t.title} ${formatDayForPeople(r.asOf, language)} (${t.style[r.style]})`, '', table(rows, right), ''];
  if (r.excluded.length > 0) {
    out.push(`${t.excluded}${colon(language)} ${r.excluded.length}`);
    for (const e of r.excluded.slice(0, maxIssues)) out.push(`  ${e.customerId}${colon(language)} ${EXCLUSION_LABELS[e.reason][language]}`);
    if (r.excluded.length > maxIssues) out.push(`  … ${r.excluded.length - maxIssues} ${t.more}`);
    out.push('');
  }
  const problems = r.issues;
  if (problems.length === 0) out.push(t.none);
  else {
    out.push(`${t.issues}${colon(language)} ${problems.length}`);
    for (const i of problems.slice(0, maxIssues)) out.push(`  [${t.severity[i.severity]}] ${i.message[language]}`);
    if (problems.length > maxIssues) out.push(`  … ${problems.length - maxIssues} ${t.more}`);
  }
  return out.join('\n') + '\n';
}
