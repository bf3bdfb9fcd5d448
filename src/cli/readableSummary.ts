import { agedReceivablesTable, colon, formatAmount, formatDayForPeople, LABELS, type AgedCell, type ComputeResult, type Language } from '../core';

function table(rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length))) ?? [];
  return rows
    .map((r) => r.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd())
    .join('\n');
}

/**
 * The aged-receivables view for a terminal: core's aged-receivables table (one row per customer
 * and currency, then the totals per currency) without its E-mail column, the left-out customers
 * with their reasons, and the input problems; an export's recognition (system, columns used) under the title.
 */
export function computeResultAsText(r: ComputeResult, language: Language, maxIssues = 50): string {
  const L = LABELS[language];
  const S = L.summary;
  const aged = agedReceivablesTable(r, language);
  const emailColumn = aged.headers.length - 2;
  const shown = (cells: readonly AgedCell[]): string[] =>
    cells
      .filter((_, i) => i !== emailColumn)
      .map((c, i) => (c === null ? '' : typeof c === 'string' ? (i === 1 ? c.slice(0, 28) : c) : formatAmount(c.minor, c.currency, language)));
  const rows: string[][] = [aged.headers.filter((_, i) => i !== emailColumn)];
  for (const row of aged.rows) if (row.status !== 'excluded') rows.push(shown(row.cells));
  if (aged.totals.length > 0) rows.push(rows[0]?.map(() => '') ?? []);
  for (const total of aged.totals) rows.push(shown(total.cells));
  const head = rows[0] ?? [];
  const right = new Set(head.map((_, i) => i).filter((i) => i >= 3 && i < head.length - 1));
  const out = [`${S.statementsAsOf} ${formatDayForPeople(r.asOf, language)} (${S.styles[r.style]})`];
  // Another system's export: which system, and which of its columns were used for what (issue 16).
  const recognised = r.issues.filter((i) => i.code === 'export-recognised');
  for (const i of recognised) out.push(i.message[language].replace(/^./, (c) => c.toUpperCase()));
  out.push('', table(rows, right), '');
  if (r.excluded.length > 0) {
    out.push(`${S.leftOut}${colon(language)} ${r.excluded.length}`);
    for (const e of r.excluded.slice(0, maxIssues)) out.push(`  ${e.customerId}${colon(language)} ${L.exclusions[e.reason]}`);
    if (r.excluded.length > maxIssues) out.push(`  … ${r.excluded.length - maxIssues} ${S.more}`);
    out.push('');
  }
  const problems = r.issues.filter((i) => i.code !== 'export-recognised');
  if (problems.length === 0) out.push(S.noInputProblems);
  else {
    out.push(`${S.inputProblems}${colon(language)} ${problems.length}`);
    for (const i of problems.slice(0, maxIssues)) out.push(`  [${L.severities[i.severity]}] ${i.message[language]}`);
    if (problems.length > maxIssues) out.push(`  … ${problems.length - maxIssues} ${S.more}`);
  }
  return out.join('\n') + '\n';
}
