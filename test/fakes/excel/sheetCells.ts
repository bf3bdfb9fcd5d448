import { officeValue } from './officeValue';
import type { Scalar } from './state';

/** The part of an exceljs worksheet read here (structural, so this file needs exceljs in neither Node nor the browser). */
export interface ExcelJsSheet {
  readonly state: string;
  eachRow(o: { includeEmpty: boolean }, f: (row: ExcelJsRow, r: number) => void): void;
}
interface ExcelJsRow {
  eachCell(o: { includeEmpty: boolean }, f: (cell: { isMerged: boolean; master: unknown; value: unknown; numFmt?: string }, c: number) => void): void;
}

/** A sheet's values and number formats as Office.js gives them, and its visibility: what both .xlsx loaders (Node, the preview) share. */
export function sheetCells(ws: ExcelJsSheet, date1904: boolean) {
  const rows: (Scalar | null)[][] = [];
  const formats: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const values: (Scalar | null)[] = [];
    const fmts: (string | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      // exceljs gives a merged range's other cells the first one's value; Excel holds them empty.
      values[c - 1] = cell.isMerged && cell.master !== cell ? null : officeValue(cell.value as Parameters<typeof officeValue>[0], date1904);
      fmts[c - 1] = cell.numFmt === undefined || cell.numFmt === '' ? null : cell.numFmt;
    });
    rows[r - 1] = Array.from(values, (v) => v ?? null);
    formats[r - 1] = Array.from(fmts, (f) => f ?? null);
  });
  const visibility = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
  return { visibility, rows: Array.from(rows, (r) => r ?? []), formats: Array.from(formats, (f) => f ?? []) } as const;
}
