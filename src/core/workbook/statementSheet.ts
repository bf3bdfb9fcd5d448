import type { Minor } from '../money/money';
import type { DocumentLine, DocumentSection, StatementDocument } from '../report/statementDocument';
import { dateFormat, INTEGER_FORMAT, moneyFormat } from './formats';
import { BLANK, NORMAL_MARGINS, type CellValue, type PageSetup, type SheetModel } from './model';
import { BOLD, date, money, num, SheetBuilder, text, TOTAL, type Placed } from './sheetBuilder';

/** The sender printed at the top of every statement. */
export interface CompanyBlock {
  readonly name: string;
  readonly addressLines?: readonly string[] | undefined;
}

/** Columns of the line table; metadata labels sit in OPEN_COL (right-aligned) with values in BALANCE_COL. */
const LINE_COLUMNS = 10;
const AMOUNT_COL = 6;
const OPEN_COL = 8;
const BALANCE_COL = 9;
const RIGHT = { horizontal: 'right' } as const;

export interface StatementSheetLayout {
  readonly name: string;
  /** Bases of the Excel table names, unique in the workbook: `<lines>_<n>` and `<overdue>_<n>` for the nth currency. */
  readonly tableBase: { readonly lines: string; readonly overdue: string };
  readonly company: CompanyBlock | undefined;
  readonly paper: PageSetup['paper'];
  readonly showOverdueSection: boolean;
}

/**
 * One customer's statement as a sheet: the company block, the title, the customer's name and address
 * beside the customer no., statement date and period, then per currency what the statement document
 * says, in its order: the opening-balance row, the lines (an Excel table named `<tableBase.lines>_<n>`), the
 * closing total with the line totals, the overdue amount, the overdue list (`<tableBase.overdue>_<n>`) with
 * its total unless the settings leave it out, the aging with its total. Printed portrait, one page wide.
 */
export function statementSheet(doc: StatementDocument, layout: StatementSheetLayout): SheetModel {
  const { name, company } = layout;
  const L = doc.labels;
  const dateFmt = dateFormat(doc.language);
  const sheet = new SheetBuilder(name);
  let r = 1;

  if (company !== undefined && company.name.trim() !== '') {
    sheet.put(r++, 1, text(company.name), undefined, { bold: true, size: 14 });
    for (const line of company.addressLines ?? []) sheet.put(r++, 1, text(line));
    r++;
  }
  sheet.put(r++, 1, text(doc.title), undefined, { bold: true, size: 16 });
  r++;

  // Customer name and address on the left; customer no., statement date and period on the right.
  const left: Placed[] = [{ value: text(doc.customer.name), style: BOLD }, ...doc.customer.addressLines.map((line) => ({ value: text(line) }))];
  const right: { label: string; values: CellValue[] }[] = [
    { label: L.customerNo, values: [text(doc.customer.id)] },
    { label: L.statementDate, values: [date(doc.asOf)] },
  ];
  if (doc.from !== undefined) right.push({ label: L.period, values: [date(doc.from), date(doc.asOf)] });
  const blockRows = Math.max(left.length, right.length);
  for (let i = 0; i < blockRows; i++) {
    const l = left[i];
    if (l !== undefined) sheet.place(r + i, 1, l);
    const m = right[i];
    if (m !== undefined) {
      sheet.put(r + i, OPEN_COL, text(m.label), undefined, { ...BOLD, ...RIGHT });
      m.values.forEach((v, k) => sheet.put(r + i, BALANCE_COL + k, v, v.kind === 'date' ? dateFmt : undefined, RIGHT));
    }
  }
  r += blockRows + 1;

  const headers = [L.date, L.type, L.document, L.reference, L.dueDate, L.amount, L.applied, L.open, L.balance, L.daysOverdue];
  headers.forEach((h, i) => sheet.see(i + 1, text(h)));
  let firstTableHeader: number | undefined;

  const lineRows = (lines: readonly DocumentLine[], m: (x: Minor) => Placed): Placed[][] => {
    const d = (day: number): Placed => ({ value: date(day), format: dateFmt });
    return lines.map((l) => [
      d(l.date), { value: text(l.typeLabel) }, { value: text(l.documentNo) }, { value: text(l.reference) }, d(l.dueDate),
      m(l.amount), m(l.applied), m(l.open), m(l.balance),
      { value: l.daysOverdue > 0 ? num(l.daysOverdue) : BLANK, format: INTEGER_FORMAT },
    ]);
  };
  /** Lines as an Excel table at row `top`; returns the next free row. */
  const lineTable = (name: string, top: number, rows: Placed[][]): number => {
    sheet.table(name, top, headers, rows);
    for (const row of rows) row.forEach((cell, j) => sheet.see(j + 1, cell.value, cell.format));
    return top + 1 + rows.length;
  };

  doc.sections.forEach((section, k) => {
    const format = moneyFormat(section.currency);
    const m = (x: Minor): Placed => ({ value: money(x, section.currency), format });
    sheet.put(r, 1, text(L.currency), undefined, BOLD);
    sheet.put(r++, 2, text(section.currency), undefined, BOLD);

    if (section.opening !== undefined) amountRow(sheet, r++, L.openingBalance, m(section.opening.balance), false);
    if (section.lines.length > 0) {
      firstTableHeader ??= r;
      r = lineTable(`${layout.tableBase.lines}_${k + 1}`, r, lineRows(section.lines, m));
    }

    // The closing total, with the lines' amount, paid/credited and open totals under their columns.
    amountRow(sheet, r, doc.closingLabel, m(section.closingBalance), true);
    if (section.lines.length > 0) {
      const { amount, applied, open } = section.lineTotals;
      [amount, applied, open].forEach((x, i) => sheet.place(r, AMOUNT_COL + i, { ...m(x), style: TOTAL }));
    }
    r++;
    amountRow(sheet, r++, L.overdue, m(section.overdue), false);
    r++;

    // The overdue list (open items due before the statement date) with its total, when there is one.
    if (layout.showOverdueSection && section.overdueLines.length > 0) {
      sheet.put(r++, 1, text(L.overdueItems), undefined, BOLD);
      r = lineTable(`${layout.tableBase.overdue}_${k + 1}`, r, lineRows(section.overdueLines, m));
      sheet.put(r, 1, text(L.total), undefined, BOLD);
      sheet.place(r++, OPEN_COL, { ...m(section.overdue), style: TOTAL });
      r++;
    }

    r = agingBlock(sheet, r, doc, section);
    r++;
  });

  const columns = Math.max(LINE_COLUMNS, doc.agingLabels.length + 1);
  // With one currency the line table's header stays in view and is repeated on printed pages.
  const oneTable = doc.sections.length === 1 && firstTableHeader !== undefined ? firstTableHeader : undefined;
  return sheet.build({
    columnWidths: Array.from({ length: columns }, (_, i) => sheet.widthOf(i + 1, 10, 40)),
    ...(oneTable === undefined ? {} : { frozen: { rows: oneTable, columns: 0 }, printTitleRows: { first: oneTable, last: oneTable } }),
    pageSetup: { paper: layout.paper, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, margins: NORMAL_MARGINS },
  });
}

/** A label in column A and its amount under the Balance column; a total is bold and ruled. */
function amountRow(sheet: SheetBuilder, r: number, label: string, amount: Placed, total: boolean): void {
  sheet.put(r, 1, text(label), undefined, total ? BOLD : undefined);
  sheet.put(r, BALANCE_COL, amount.value, amount.format, total ? TOTAL : undefined);
}

/** The aging table (labels over amounts, with the total) and its caption; returns the next free row. */
function agingBlock(sheet: SheetBuilder, r: number, doc: StatementDocument, section: DocumentSection): number {
  const format = moneyFormat(section.currency);
  sheet.put(r++, 1, text(doc.labels.aging), undefined, BOLD);
  const labels = [...doc.agingLabels, doc.labels.total];
  const amounts = [...section.aging, section.agingTotal];
  labels.forEach((label, i) => {
    const amount = money(amounts[i] ?? 0, section.currency);
    sheet.put(r, i + 1, text(label), undefined, { ...BOLD, ...RIGHT, border: { bottom: 'thin' } });
    sheet.put(r + 1, i + 1, amount, format, i === labels.length - 1 ? BOLD : undefined);
    sheet.see(i + 1, text(label));
    sheet.see(i + 1, amount, format);
  });
  sheet.put(r + 2, 1, text(doc.agingCaption), undefined, { italic: true, size: 9 });
  return r + 3;
}
