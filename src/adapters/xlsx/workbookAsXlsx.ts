import type { Borders, Cell as XlsxCell, TableStyleProperties, Workbook, Worksheet } from 'exceljs';
import { a1, moneyNumber, type Cell, type CellStyle, type CellValue, type SheetModel, type WorkbookModel } from '../../core';
import ExcelJS from './exceljs';

/**
 * The exceljs writer of a workbook model: it lays out what the model says and decides nothing
 * (values, formats, styles, tables, widths, panes and printing all come from core).
 */
export function workbookAsExcelJs(model: WorkbookModel): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'customer-statements';
  for (const sheet of model.sheets) writeSheet(workbook.addWorksheet(sheet.name), sheet);
  return workbook;
}

/** The model as the bytes of an .xlsx file. */
export async function workbookAsXlsx(model: WorkbookModel): Promise<Uint8Array> {
  const data = await workbookAsExcelJs(model).xlsx.writeBuffer();
  return new Uint8Array(data as ArrayBuffer);
}

type XlsxValue = string | number | boolean | Date | null;

/** Money as the number a sheet holds, a day as the UTC midnight exceljs turns into its serial. */
function xlsxValue(value: CellValue): XlsxValue {
  switch (value.kind) {
    case 'blank':
      return null;
    case 'text':
      return value.text;
    case 'number':
    case 'boolean':
      return value.value;
    case 'money':
      return moneyNumber(value.minor, value.currency);
    case 'date':
      return new Date(value.day * 86_400_000);
  }
}

/** OOXML paper size codes. */
const PAPER_SIZE = { A4: 9, Letter: 1 } as const;

function writeSheet(ws: Worksheet, sheet: SheetModel): void {
  // exceljs writes a table's cells itself: it is given the model's values, and every cell's format
  // and style are written over them below.
  for (const table of sheet.tables) {
    const rows: XlsxValue[][] = [];
    for (let r = 0; r < table.dataRows; r++) {
      const cells = sheet.rows[table.top + r] ?? [];
      rows.push(table.headers.map((_, c) => xlsxValue(cells[table.left - 1 + c]?.value ?? { kind: 'blank' })));
    }
    ws.addTable({
      name: table.name,
      ref: a1(table.top, table.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: table.style as NonNullable<TableStyleProperties['theme']>, showRowStripes: table.rowStripes },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }
  sheet.rows.forEach((cells, r) => {
    if (cells.length === 0) return;
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (cell.value.kind !== 'blank' || cell.format !== undefined || cell.style !== undefined) writeCell(row.getCell(c + 1), cell);
    });
  });
  sheet.columnWidths.forEach((width, c) => (ws.getColumn(c + 1).width = width));

  if (sheet.frozen !== undefined) {
    const { rows, columns } = sheet.frozen;
    ws.views = [{ state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: a1(rows + 1, columns + 1), activeCell: 'A1' }];
  }
  const page = sheet.pageSetup;
  if (page !== undefined) {
    Object.assign(ws.pageSetup, {
      paperSize: PAPER_SIZE[page.paper],
      orientation: page.orientation,
      fitToPage: true,
      fitToWidth: page.fitToWidth,
      fitToHeight: page.fitToHeight,
      margins: { ...page.margins },
    });
  }
  if (sheet.printTitleRows !== undefined) ws.pageSetup.printTitlesRow = `${sheet.printTitleRows.first}:${sheet.printTitleRows.last}`;
}

function writeCell(target: XlsxCell, cell: Cell): void {
  target.value = xlsxValue(cell.value);
  if (cell.format !== undefined) target.numFmt = cell.format;
  const style = cell.style;
  if (style === undefined) return;
  if (style.bold !== undefined || style.italic !== undefined || style.size !== undefined || style.color !== undefined) target.font = font(style);
  if (style.fill !== undefined) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill}` } };
  if (style.horizontal !== undefined || style.wrap !== undefined) {
    target.alignment = { ...(style.horizontal === undefined ? {} : { horizontal: style.horizontal }), ...(style.wrap === undefined ? {} : { wrapText: style.wrap }) };
  }
  if (style.border !== undefined) {
    const border: Partial<Borders> = {};
    for (const side of ['top', 'bottom', 'left', 'right'] as const) {
      const line = style.border[side];
      if (line !== undefined) border[side] = { style: line };
    }
    target.border = border;
  }
}

function font(style: CellStyle): XlsxCell['font'] {
  return {
    ...(style.bold === undefined ? {} : { bold: style.bold }),
    ...(style.italic === undefined ? {} : { italic: style.italic }),
    ...(style.size === undefined ? {} : { size: style.size }),
    ...(style.color === undefined ? {} : { color: { argb: `FF${style.color}` } }),
  };
}
