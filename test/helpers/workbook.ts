import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCsv } from '../../src/adapters/csv/parseCsv';

export function tempDir(prefix = 'stmt-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type Cell = string | number | Date | null | { formula: string; result: number | string };

/** Writes a workbook: sheet name → rows of cells (Dates become real date cells). */
export async function writeWorkbook(file: string, sheets: Record<string, Cell[][]>, date1904 = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = v;
        if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      });
    });
  }
  await wb.xlsx.writeFile(file);
  return file;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A CSV ledger folder as a workbook the way an accountant would keep it: real dates and numbers. */
export async function workbookFromCsvFolder(folder: string, file: string): Promise<string> {
  const sheets: Record<string, Cell[][]> = {};
  for (const [csv, sheet] of [['customers.csv', 'Customers'], ['entries.csv', 'Entries'], ['applications.csv', 'Applications']] as const) {
    const p = path.join(folder, csv);
    if (!fs.existsSync(p)) continue;
    const [head = [], ...rows] = parseCsv(fs.readFileSync(p, 'utf8')).rows;
    sheets[sheet] = [head, ...rows.map((r) => r.map((v, j): Cell => {
      const h = head[j] ?? '';
      if (DATE.test(v)) return new Date(`${v}T00:00:00Z`);
      if (NUMBER.test(v) && /amount/.test(h)) return Number(v);
      return v === '' ? null : v;
    }))];
  }
  return writeWorkbook(file, sheets);
}
