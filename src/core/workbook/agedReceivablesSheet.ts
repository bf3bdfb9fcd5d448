import type { Language } from '../i18n/language';
import { LABELS } from '../report/labels';
import { AGED_COLUMN, agedReceivablesTable, type AgedCell } from '../report/agedReceivables';
import type { ComputeResult } from '../statements/model';
import { dateFormat, moneyFormat } from './formats';
import { BLANK, NORMAL_MARGINS, type PageSetup, type SheetModel } from './model';
import { BOLD, date, money, SheetBuilder, text, TOTAL, type Placed } from './sheetBuilder';

function placed(cell: AgedCell): Placed {
  if (cell === null) return { value: BLANK };
  if (typeof cell === 'string') return { value: text(cell) };
  return { value: money(cell.minor, cell.currency), format: moneyFormat(cell.currency) };
}

/**
 * "Aged receivables": core's aged-receivables table (one row per customer and currency, blocked and
 * left-out customers too) as an Excel table, its totals per currency below it, the statement date,
 * the aging caption and, when some statements have no sheet, a note. Printed landscape, one page
 * wide (any number of pages tall), with the header row on every page.
 */
export function agedReceivablesSheet(name: string, result: ComputeResult, language: Language, note: string | undefined, paper: PageSetup['paper']): SheetModel {
  const labels = LABELS[language];
  const table = agedReceivablesTable(result, language);
  const sheet = new SheetBuilder(name);
  table.headers.forEach((h, i) => sheet.see(i + 1, text(h)));

  const rows = table.rows.map((row) => row.cells.map(placed));
  for (const row of rows) row.forEach((cell, j) => sheet.see(j + 1, cell.value, cell.format));
  sheet.table('AgedReceivables', 1, table.headers, rows);

  // Totals per currency, below the table, ruled across the columns up to the last aging one.
  let r = rows.length + 3;
  const lastMoney = AGED_COLUMN.firstAging + table.agingLabels.length;
  for (const total of table.totals) {
    total.cells.map(placed).forEach((cell, j) => {
      if (cell.value.kind === 'blank') return;
      sheet.place(r, j + 1, cell);
      if (cell.value.kind === 'money') sheet.see(j + 1, cell.value, cell.format);
    });
    for (let c = 1; c <= lastMoney; c++) sheet.style(r, c, TOTAL);
    r++;
  }

  r++;
  const dateFmt = dateFormat(language);
  sheet.put(r, 1, text(labels.statementDate));
  sheet.put(r++, 3, date(result.asOf), dateFmt);
  if (result.from !== undefined) {
    sheet.put(r, 1, text(labels.period));
    sheet.put(r, 3, date(result.from), dateFmt);
    sheet.put(r++, 4, date(result.asOf), dateFmt);
  }
  sheet.put(r++, 1, text(table.agingCaption), undefined, { italic: true });
  if (note !== undefined) sheet.put(r++, 1, text(note), undefined, { ...BOLD, color: 'C00000' });

  return sheet.build({
    columnWidths: table.headers.map((_, i) => sheet.widthOf(i + 1, 8, 48)),
    frozen: { rows: 1, columns: 2 },
    printTitleRows: { first: 1, last: 1 },
    pageSetup: { paper, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, margins: NORMAL_MARGINS },
  });
}
