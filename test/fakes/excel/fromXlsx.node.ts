import * as path from 'node:path';
import { a1, type CellRange } from '../../../src/core';
import ExcelJS from '../../../src/adapters/xlsx/exceljs';
import { excelTablesBySheet, mergedRangesBySheet } from '../../../src/adapters/xlsx/excelTables';
import { readZipDirectory } from '../../../src/adapters/xlsx/zipDirectory';
import type { FakeWorkbookInit } from './fakeExcel';
import { officeValue } from './officeValue';

export { officeValue } from './officeValue';
import type { Scalar } from './state';

type Row = (Scalar | null)[];

const ref = (r: CellRange) => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

/** Reads an .xlsx with exceljs into what the in-memory Excel starts from (Node only: the fake itself never reads files). */
export async function fakeWorkbookFromXlsx(file: string): Promise<FakeWorkbookInit> {
  const dir = readZipDirectory(file);
  if (!dir.ok) throw new Error(`${path.basename(file)}: ${dir.reason}`);
  const tables = excelTablesBySheet(file, dir.entries);
  const merged = mergedRangesBySheet(file, dir.entries);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
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
      return {
        name: ws.name,
        visibility: state,
        rows: Array.from(rows, (r) => r ?? []),
        formats: Array.from(formats, (f) => f ?? []),
        tables: (tables.get(ws.name) ?? []).map((t) => ({ name: t.name, ref: ref(t) })),
        merged: (merged.get(ws.name) ?? []).map(ref),
      };
    }),
  };
}
