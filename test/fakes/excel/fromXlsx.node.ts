import * as path from 'node:path';
import { a1, type CellRange } from '../../../src/core';
import ExcelJS from '../../../src/adapters/xlsx/exceljs';
import { excelTablesBySheet, mergedRangesBySheet, workbookParts } from '../../../src/adapters/xlsx/excelTables';
import { readZipDirectory } from '../../../src/adapters/xlsx/zipDirectory';
import type { FakeWorkbookInit } from './fakeExcel';
import { sheetCells } from './sheetCells';

export { officeValue } from './officeValue';

const ref = (r: CellRange) => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

/** Reads an .xlsx with exceljs into what the in-memory Excel starts from (Node only: the fake itself never reads files). */
export async function fakeWorkbookFromXlsx(file: string): Promise<FakeWorkbookInit> {
  const dir = readZipDirectory(file);
  if (!dir.ok) throw new Error(`${path.basename(file)}: ${dir.reason}`);
  const parts = workbookParts(file, dir.entries);
  const tables = excelTablesBySheet(parts);
  const merged = mergedRangesBySheet(parts);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const date1904 = (wb.properties as { date1904?: boolean }).date1904 === true;
  return {
    date1904,
    sheets: wb.worksheets.map((ws) => {
      return {
        name: ws.name,
        ...sheetCells(ws, date1904),
        tables: (tables.get(ws.name) ?? []).map((t) => ({ name: t.name, ref: ref(t) })),
        merged: (merged.get(ws.name) ?? []).map(ref),
      };
    }),
  };
}
