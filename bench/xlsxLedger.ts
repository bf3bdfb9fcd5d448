/**
 * The benchmark ledger (bench/data/ledger/*.csv) written once as an accountant's .xlsx: sheets
 * Entries (first, so LibreOffice's one-sheet CSV export converts the million-row sheet), Customers,
 * Applications; real Date cells for dates, numbers for amounts, a bold frozen header row and column
 * formats. Written with exceljs's streaming WorkbookWriter; cached next to a manifest and rewritten
 * only when the CSV ledger or this writer changes.
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readLedgerFolder } from '../src/adapters/csv/readLedgerFolder';
import type { RawTable } from '../src/core';
import type { GeneratedCounts, LedgerParams } from './generateLedger';

/** Bump when the workbook written for the same CSV changes. */
const WRITER_VERSION = 1;

/** Sheet order of the workbook: what LibreOffice's default CSV export (first sheet only) converts. */
export const XLSX_SHEETS = ['Entries', 'Customers', 'Applications'] as const;
const TABLE_OF: Readonly<Record<(typeof XLSX_SHEETS)[number], 'entries' | 'customers' | 'applications'>> = { Entries: 'entries', Customers: 'customers', Applications: 'applications' };

const DATE_COLUMNS = new Set(['posting_date', 'due_date', 'date']);
const MONEY_COLUMNS = new Set(['amount']);
const DATE_FORMAT = 'yyyy-mm-dd';
const MONEY_FORMAT = '#,##0.00;-#,##0.00';

interface XlsxManifest {
  readonly writer: number;
  readonly params: LedgerParams;
  readonly csvSizes: Readonly<Record<string, number>>;
  readonly counts: GeneratedCounts;
  readonly bytes: number;
}

export interface XlsxLedger {
  readonly file: string;
  readonly generated: boolean;
  readonly ms: number;
  readonly bytes: number;
  /** Data rows per sheet (headers excluded). */
  readonly counts: GeneratedCounts;
}

const csvSizes = (ledgerDir: string): Record<string, number> =>
  Object.fromEntries(['customers.csv', 'entries.csv', 'applications.csv'].map((f) => [f, fs.statSync(path.join(ledgerDir, f)).size]));

const utcDay = (iso: string): Date | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m === null ? null : new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
};

/** A CSV cell as a typed spreadsheet value: blank → empty cell, dates → Date, amounts → number. */
function cellOf(kind: 'date' | 'money' | 'text', text: string): string | number | Date | null {
  if (text === '') return null;
  if (kind === 'date') return utcDay(text) ?? text;
  if (kind === 'money') {
    const x = Number(text);
    return Number.isFinite(x) ? x : text;
  }
  return text;
}

async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, table: RawTable): Promise<number> {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const kinds = table.headers.map((h) => (DATE_COLUMNS.has(h) ? 'date' : MONEY_COLUMNS.has(h) ? 'money' : 'text') as 'date' | 'money' | 'text');
  ws.columns = table.headers.map((h, i) => {
    const kind = kinds[i];
    const width = kind === 'date' ? 12 : kind === 'money' ? 14 : h === 'description' || h === 'name' || h === 'email' ? 28 : 14;
    return { header: h, key: h, width, ...(kind === 'date' ? { style: { numFmt: DATE_FORMAT } } : kind === 'money' ? { style: { numFmt: MONEY_FORMAT } } : {}) };
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  let n = 0;
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows.at(i);
    if (cells === undefined) continue;
    ws.addRow(kinds.map((k, j) => cellOf(k, cells[j] ?? ''))).commit();
    n++;
  }
  await ws.commit();
  return n;
}

const firstTable = (t: RawTable | readonly RawTable[] | undefined): RawTable | undefined => (t === undefined ? undefined : 'rows' in t ? t : t[0]);

function existing(file: string, manifestFile: string, params: LedgerParams, sizes: Record<string, number>): XlsxManifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as XlsxManifest;
    if (m.writer !== WRITER_VERSION || JSON.stringify(m.params) !== JSON.stringify(params) || JSON.stringify(m.csvSizes) !== JSON.stringify(sizes)) return undefined;
    if (fs.statSync(file).size !== m.bytes) return undefined;
    return m;
  } catch {
    return undefined;
  }
}

/** Writes `file` from the CSV ledger in `ledgerDir` unless it is already there for the same ledger. */
export async function ensureXlsxLedger(ledgerDir: string, file: string, params: LedgerParams): Promise<XlsxLedger> {
  const sizes = csvSizes(ledgerDir);
  const manifestFile = `${file}.json`;
  const before = existing(file, manifestFile, params, sizes);
  if (before !== undefined) return { file, generated: false, ms: 0, bytes: before.bytes, counts: before.counts };
  const t0 = performance.now();
  fs.rmSync(manifestFile, { force: true });
  const folder = readLedgerFolder(ledgerDir);
  if (!folder.ok) throw new Error(`reading ${ledgerDir}: ${folder.error.en}`);
  const tmp = `${file}.partial`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: false, useStyles: true });
  wb.creator = 'customer-statements bench';
  wb.created = new Date(Date.UTC(2026, 6, 1));
  const counts: GeneratedCounts = { customers: 0, entries: 0, applications: 0 };
  for (const sheet of XLSX_SHEETS) {
    const table = TABLE_OF[sheet];
    const raw = firstTable(folder.tables[table]);
    if (raw === undefined) throw new Error(`${ledgerDir}: no ${table} table`);
    counts[table] = await writeSheet(wb, sheet, raw);
  }
  await wb.commit();
  fs.renameSync(tmp, file);
  const bytes = fs.statSync(file).size;
  const manifest: XlsxManifest = { writer: WRITER_VERSION, params, csvSizes: sizes, counts, bytes };
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { file, generated: true, ms: performance.now() - t0, bytes, counts };
}
