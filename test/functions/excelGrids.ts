/**
 * Ledger tables as Excel passes a range to a custom function: dates as serial numbers, amounts as
 * numbers, "" for an empty cell, text otherwise (a date Excel would not recognise stays text).
 * Serials are computed here from the calendar (not with the engine's conversion).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsv } from '../../src/adapters/csv/parseCsv';
import { canonicalColumn, type TableName } from '../../src/core';
import { writeWorkbook, type Cell } from '../helpers/workbook';
import { main } from '../../src/cli/main';

export type Grid = (string | number)[][];

const DATE_COLUMNS = new Set(['posting_date', 'due_date', 'date']);
const MONEY_COLUMNS = new Set(['amount', 'debit', 'credit']);

/** Excel's serial of a civil date (1900 system, or 1904). */
export function serialOf(y: number, m: number, d: number, date1904 = false): number {
  const day = Date.UTC(y, m - 1, d) / 86_400_000;
  return date1904 ? day - Date.UTC(1904, 0, 1) / 86_400_000 : day - Date.UTC(1899, 11, 30) / 86_400_000;
}

export function isoSerial(iso: string, date1904 = false): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return serialOf(y, m, d, date1904);
}

/** A date typed in a cell, as Excel reads it in a day-first culture: ISO or dd/mm/yyyy; else undefined (stays text). */
function typedDate(text: string): number | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m !== null) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m !== null) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

function valid(y: number, mo: number, d: number): number | undefined {
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? serialOf(y, mo, d) : undefined;
}

/** A number typed in a cell ("1200.00", "1 234,56", "-500"); else undefined (stays text). */
function typedNumber(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^-?\d+,\d{1,2}$/.test(t)) return Number(t.replace(',', '.'));
  return undefined;
}

/** A table of texts (a CSV file's, a RawTable's) as Excel would hold it once typed into a sheet. */
export function gridFromTexts(table: TableName, headers: readonly string[], rows: readonly (readonly string[])[]): Grid {
  const header = headers.map((h) => h.trim());
  const kinds = header.map((h) => canonicalColumn(table, h) ?? h);
  return [header, ...rows.filter((r) => r.some((c) => c.trim() !== '')).map((r) => header.map((_, j) => {
    const v = (r[j] ?? '').trim();
    if (v === '') return '';
    const kind = kinds[j] ?? '';
    if (DATE_COLUMNS.has(kind)) return typedDate(v) ?? v;
    if (MONEY_COLUMNS.has(kind)) return typedNumber(v) ?? v;
    return v;
  }))];
}

/** A CSV table (header row first) as Excel would hold it once typed into a sheet. */
export function gridFromCsvText(table: TableName, text: string): Grid {
  const rows = parseCsv(text.replace(/^\uFEFF/, '')).rows;
  return gridFromTexts(table, rows[0] ?? [], rows.slice(1));
}

export function gridFromCsv(folder: string, table: TableName): Grid | undefined {
  const names: Record<TableName, string> = { customers: 'customers.csv', entries: 'entries.csv', applications: 'applications.csv' };
  const file = path.join(folder, names[table]);
  return fs.existsSync(file) ? gridFromCsvText(table, fs.readFileSync(file, 'utf8')) : undefined;
}

export interface ComputeJson {
  asOf: string;
  from: string | null;
  aging: { basis: string; buckets: string[] };
  statements: {
    customerId: string;
    name: string | null;
    status: 'ok' | 'blocked';
    sections: { currency: string; openingBalance: string; closingBalance: string; overdue: string; aging: string[]; lines?: { date: string; type: string; documentNo: string; dueDate: string; amount: string; applied: string; open: string; balance: string; daysOverdue: number }[] }[];
    issues?: { severity: string; code: string; message: string; row?: number; column?: string }[];
  }[];
  excluded: { customerId: string; reason: string }[];
  issues: { severity: string; code: string; message: string; row?: number; column?: string; table: string }[];
}

let workbooks = 0;

/**
 * `statements compute --json` on a workbook holding exactly these grids (a sheet per table, the
 * cells as the functions get them), with the functions' selection (everyone with entries, opt-outs
 * too) and the given options.
 */
export async function computeJson(dir: string, sheets: Partial<Record<'Entries' | 'Applications' | 'Customers', Grid>>, args: readonly string[], date1904 = false): Promise<ComputeJson> {
  const cells: Record<string, Cell[][]> = {};
  for (const [name, grid] of Object.entries(sheets)) if (grid !== undefined) cells[name] = grid.map((r) => r.map((v) => (v === '' ? null : v)));
  const file = await writeWorkbook(path.join(dir, `ledger-${++workbooks}.xlsx`), cells, date1904);
  let out = '';
  let err = '';
  const code = await main(['node', 'statements', 'compute', '--ledger', file, '--json', '--include', 'either', '--ignore-opt-out', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  if (code === 2 || out === '') throw new Error(`compute failed (${code}): ${err}`);
  return JSON.parse(out) as ComputeJson;
}

/** Decimal text of the contract → the number Excel should hold. */
export const amount = (text: string): number => Number(text);

/** Σ of contract decimals, exactly (in minor units), back to the number of its decimal text. */
export function sumAmounts(texts: readonly string[], digits: number): number {
  let minor = 0n;
  for (const t of texts) {
    const [w = '0', f = ''] = t.replace('-', '').split('.');
    const v = BigInt(w + f.padEnd(digits, '0'));
    minor += t.startsWith('-') ? -v : v;
  }
  const neg = minor < 0n;
  const abs = (neg ? -minor : minor).toString().padStart(digits + 1, '0');
  const text = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return Number(`${neg ? '-' : ''}${text}`);
}
