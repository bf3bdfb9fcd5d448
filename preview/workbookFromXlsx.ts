// The preview reads a dropped .xlsx in the browser with exceljs's browser bundle into what the
// in-memory Excel starts from: the same shape as test/fakes/excel/fromXlsx.node.ts gives in Node.
import ExcelJS from 'exceljs/dist/exceljs.min.js';
import type { FakeWorkbookInit } from '../test/fakes/excel';
import { officeValue } from '../test/fakes/excel/officeValue';

type Row = (string | number | boolean | null)[];

/** Excel tables as exceljs reads them: name and range (its model's tableRef or ref). */
function tablesOf(ws: ExcelJS.Worksheet): { name: string; ref: string }[] {
  const tables = (ws as unknown as { tables?: Record<string, { table?: { name?: string; tableRef?: string; ref?: string } }> }).tables ?? {};
  return Object.entries(tables).flatMap(([name, t]) => {
    const ref = t.table?.tableRef ?? t.table?.ref;
    return ref === undefined ? [] : [{ name: t.table?.name ?? name, ref }];
  });
}

export async function workbookFromXlsx(bytes: ArrayBuffer): Promise<FakeWorkbookInit> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const date1904 = (wb.properties as { date1904?: boolean }).date1904 === true;
  return {
    date1904,
    sheets: wb.worksheets.map((ws) => {
      const rows: Row[] = [];
      const formats: (string | null)[][] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        const values: Row = [];
        const fmts: (string | null)[] = [];
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          // exceljs gives a merged range's other cells the first one's value; Excel holds them empty.
          values[c - 1] = cell.isMerged && cell.master !== cell ? null : officeValue(cell.value, date1904);
          fmts[c - 1] = cell.numFmt === undefined || cell.numFmt === '' ? null : cell.numFmt;
        });
        rows[r - 1] = Array.from(values, (v) => v ?? null);
        formats[r - 1] = Array.from(fmts, (f) => f ?? null);
      });
      const state = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
      const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
      return {
        name: ws.name,
        visibility: state,
        rows: Array.from(rows, (r) => r ?? []),
        formats: Array.from(formats, (f) => f ?? []),
        tables: tablesOf(ws),
        merged: merges,
      };
    }),
  };
}
