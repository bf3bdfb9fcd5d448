// The preview reads a dropped .xlsx in the browser with exceljs's browser bundle into what the
// in-memory Excel starts from: the same shape as test/fakes/excel/fromXlsx.node.ts gives in Node.
import ExcelJS from 'exceljs/dist/exceljs.min.js';
import type { FakeWorkbookInit } from '../test/fakes/excel';
import { sheetCells } from '../test/fakes/excel/sheetCells';

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
      return {
        name: ws.name,
        ...sheetCells(ws, date1904),
        tables: tablesOf(ws),
        merged: (ws.model as unknown as { merges?: string[] }).merges ?? [],
      };
    }),
  };
}
