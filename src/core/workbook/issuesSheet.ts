import type { Language } from '../i18n/language';
import { LABELS } from '../report/labels';
import type { ComputeResult } from '../statements/model';
import type { SheetModel } from './model';
import { num, SheetBuilder, text, type Placed } from './sheetBuilder';

/** "Issues": every input problem with its place (table, row, column, cell), in an Excel table. */
export function issuesSheet(name: string, result: ComputeResult, language: Language): SheetModel {
  const labels = LABELS[language];
  const headers = [labels.severity, labels.code, labels.table, labels.row, labels.column, labels.cell, labels.customer, labels.message];
  const t = (s: string | undefined): Placed => ({ value: s === undefined ? { kind: 'blank' } : text(s) });
  const rows: Placed[][] = result.issues.map((issue) => [
    t(labels.severities[issue.severity]),
    t(issue.code),
    t(labels.tables[issue.table] ?? issue.table),
    { value: issue.row === undefined ? { kind: 'blank' } : num(issue.row) },
    t(issue.column),
    t(issue.cell),
    t(issue.customerId),
    t(issue.message[language]),
  ]);
  const sheet = new SheetBuilder(name);
  sheet.table('Issues', 1, headers, rows);
  if (rows.length === 0) sheet.put(2, 1, text(labels.noIssues));
  headers.forEach((h, i) => sheet.see(i + 1, text(h)));
  for (const row of rows) row.forEach((cell, j) => sheet.see(j + 1, cell.value));

  // The message, last, may be wider: it is what the reader reads.
  const widths = headers.map((_, i) => (i === headers.length - 1 ? sheet.widthOf(i + 1, 20, 120) : sheet.widthOf(i + 1, 6, 40)));
  return sheet.build({ columnWidths: widths, frozen: { rows: 1, columns: 0 } });
}
