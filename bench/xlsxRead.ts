/**
 * Child process of the xlsx benchmark: `node dist/bench/xlsxRead.js <file.xlsx> [<csv folder>]` reads
 * the workbook with readWorkbook (the reader `statements compute --ledger file.xlsx` uses) and prints
 * one JSON line: time and CPU of the read, data rows per table, issues by severity and code. With a
 * CSV folder, after the timed read, every cell read is compared with the CSV ledger it was written
 * from (amounts as numbers, everything else as text).
 */
import { readLedgerFolder } from '../src/adapters/csv/readLedgerFolder';
import { readWorkbook } from '../src/adapters/xlsx/readWorkbook';
import type { LedgerTables, RawTable, TableName } from '../src/core';
import { cpuMs, nowMs } from './measure';

export interface CellComparison {
  readonly cells: number;
  readonly different: number;
  /** Cells holding U+FFFD (a character the reader could not decode). */
  readonly replacementChars: number;
  readonly examples: string[];
}

export interface XlsxReadOutput {
  readonly ok: boolean;
  readonly error?: string;
  readonly ms: number;
  /** From the start of this node process to the end of the read (start-up and module loading included). */
  readonly sinceStartMs: number;
  readonly cpuMs: number;
  readonly rows: { customers: number; entries: number; applications: number };
  readonly issues: Record<string, number>;
  readonly errors: string[];
  readonly comparison?: CellComparison;
}

const first = (t: RawTable | readonly RawTable[] | undefined): RawTable | undefined => (t === undefined ? undefined : 'rows' in t ? t : t[0]);

/** Every cell of the workbook's tables against the CSV ledger's, row by row. */
function compareWithCsv(xlsx: LedgerTables, folder: string): CellComparison {
  const csv = readLedgerFolder(folder);
  if (!csv.ok) throw new Error(`reading ${folder}: ${csv.error.en}`);
  let cells = 0;
  let different = 0;
  let replacementChars = 0;
  const examples: string[] = [];
  for (const table of ['customers', 'entries', 'applications'] as TableName[]) {
    const a = first(xlsx[table]);
    const b = first(csv.tables[table]);
    if (a === undefined || b === undefined) {
      if (a !== b) examples.push(`${table}: table missing on one side`);
      continue;
    }
    const columns = b.headers.map((h) => ({ h, i: a.headers.indexOf(h), j: b.headers.indexOf(h), money: h === 'amount' }));
    for (const c of columns) if (c.i < 0) examples.push(`${table}: column ${c.h} not read from the workbook`);
    const n = Math.max(a.rows.length, b.rows.length);
    for (let r = 0; r < n; r++) {
      const ra = a.rows.at(r) ?? [];
      const rb = b.rows.at(r) ?? [];
      for (const c of columns) {
        cells++;
        const x = (c.i < 0 ? undefined : ra[c.i]) ?? '';
        const y = rb[c.j] ?? '';
        if (x.includes('\uFFFD')) replacementChars++;
        const same = c.money ? (x === '' ? y === '' : Number(x) === Number(y)) : x === y;
        if (!same) {
          different++;
          if (examples.length < 10) examples.push(`${table} row ${r + 2} ${c.h}: workbook ${JSON.stringify(x)}, CSV ${JSON.stringify(y)}`);
        }
      }
    }
  }
  return { cells, different, replacementChars, examples };
}

const rowsOf = (t: RawTable | readonly RawTable[] | undefined): number => (t === undefined ? 0 : 'rows' in t ? t.rows.length : t.reduce((n, x) => n + x.rows.length, 0));

async function main(): Promise<void> {
  const file = process.argv[2];
  const csvFolder = process.argv[3];
  if (file === undefined) throw new Error('usage: xlsxRead.js <file.xlsx>');
  const c0 = cpuMs();
  const t0 = nowMs();
  const r = await readWorkbook(file);
  const ms = nowMs() - t0;
  const sinceStartMs = performance.now();
  const cpu = cpuMs() - c0;
  let out: XlsxReadOutput;
  if (!r.ok) out = { ok: false, error: r.error.en, ms, sinceStartMs, cpuMs: cpu, rows: { customers: 0, entries: 0, applications: 0 }, issues: {}, errors: [] };
  else {
    const issues: Record<string, number> = {};
    for (const i of r.issues) issues[`${i.severity}:${i.code}`] = (issues[`${i.severity}:${i.code}`] ?? 0) + 1;
    out = {
      ok: true,
      ms,
      sinceStartMs,
      cpuMs: cpu,
      rows: { customers: rowsOf(r.tables.customers), entries: rowsOf(r.tables.entries), applications: rowsOf(r.tables.applications) },
      issues,
      errors: r.issues.filter((i) => i.severity === 'error').slice(0, 5).map((i) => i.message.en),
      ...(csvFolder !== undefined ? { comparison: compareWithCsv(r.tables, csvFolder) } : {}),
    };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
