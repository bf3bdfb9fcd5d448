/**
 * Reading the million-entry ledger from an .xlsx, side by side in one run:
 * (i)  ours: readWorkbook (what `statements compute --ledger file.xlsx` uses) in a fresh node process,
 *      rows of all three sheets per second; entry count and issues checked; then the whole CLI
 *      `compute --ledger file.xlsx --summary --json` once, its per-currency totals checked against
 *      the CSV run's;
 * (ii) LibreOffice: headless `soffice --convert-to csv` of the same file, fresh profile each run,
 *      wall clock; rows/s = data rows in its CSV output / seconds. Measured two ways: every sheet
 *      (CSV filter option sheet = -1: one CSV per sheet, the same three sheets ours reads, the fair
 *      comparison the ratio uses) and the plain `--convert-to csv` (first sheet only = Entries).
 * Runs alternate ours / LibreOffice so a change of machine load hits both alike.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSoffice } from '../src/adapters/documents/libreoffice';
import { sofficeVersion, table } from './documentsBench';
import type { GeneratedCounts, LedgerParams } from './generateLedger';
import { runNodeChild, samples } from './measure';
import { ensureXlsxLedger, XLSX_SHEETS } from './xlsxLedger';
import type { XlsxReadOutput } from './xlsxRead';

export const LO_TIMEOUT_MS = 20 * 60_000;
/** LibreOffice's CSV filter: comma, double quote, UTF-8, from line 1, no column types, ..., sheet -1 = every sheet to its own file. */
export const LO_ALL_SHEETS_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

export interface XlsxTotals {
  sections: number;
  customers: number;
  balance: number;
  overdue: number;
  aging: number[];
}

export interface XlsxBenchOptions {
  readonly root: string;
  readonly dataDir: string;
  readonly ledgerDir: string;
  readonly params: LedgerParams;
  readonly counts: GeneratedCounts;
  readonly runs: number;
  /** The CSV run's per-currency totals, to compare the CLI's .xlsx run with. */
  readonly csvTotals: () => Promise<ReadonlyMap<string, XlsxTotals>>;
  /** Per-currency totals of the CLI's JSON output file. */
  readonly totalsOfCliOutput: (jsonFile: string) => ReadonlyMap<string, XlsxTotals>;
  /** Skip the CLI compute run. */
  readonly noCli?: boolean | undefined;
  readonly log: (line: string) => void;
}

export interface ProcessRun {
  readonly ms: number;
  readonly code: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly stderr: string;
  readonly cpuS: number | undefined;
  readonly maxRssKb: number | undefined;
}

const TIME = '/usr/bin/time';

/** Runs a program in its own process group (killed whole on timeout), under /usr/bin/time -v when there. */
export function runTimed(program: string, args: readonly string[], timeoutMs: number, cwd?: string): Promise<ProcessRun> {
  const report = path.join(os.tmpdir(), `bench-time-${process.pid}-${randomBytes(4).toString('hex')}.txt`);
  const withTime = fs.existsSync(TIME);
  const [cmd, argv] = withTime ? [TIME, ['-v', '-o', report, program, ...args]] : [program, [...args]];
  return new Promise((resolve) => {
    const t0 = performance.now();
    let stderr = '';
    let timedOut = false;
    const child = spawn(cmd, argv, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...(cwd !== undefined ? { cwd } : {}) });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, timeoutMs);
    child.stderr?.on('data', (b: Buffer) => {
      if (stderr.length < 64_000) stderr += b.toString('utf8');
    });
    const done = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      const text = fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '';
      fs.rmSync(report, { force: true });
      const num = (re: RegExp): number | undefined => {
        const m = re.exec(text);
        return m?.[1] === undefined ? undefined : Number(m[1]);
      };
      const user = num(/User time \(seconds\):\s*([\d.]+)/);
      const sys = num(/System time \(seconds\):\s*([\d.]+)/);
      resolve({
        ms,
        code: withTime ? (num(/Exit status:\s*(\d+)/) ?? code) : code,
        signal,
        timedOut,
        stderr,
        cpuS: user === undefined || sys === undefined ? undefined : user + sys,
        maxRssKb: num(/Maximum resident set size \(kbytes\):\s*(\d+)/),
      });
    };
    child.on('error', (e) => {
      stderr += e.message;
      done(null, null);
    });
    child.on('close', done);
  });
}

/** CSV records in a file (newlines outside double quotes; a last line without newline counts). */
export function csvRecords(file: string): number {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let records = 0;
  let inQuotes = false;
  let last = 0x0a;
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      for (let i = 0; i < n; i++) {
        const c = buf[i] as number;
        if (c === 0x22) inQuotes = !inQuotes;
        else if (c === 0x0a && !inQuotes) records++;
      }
      last = buf[n - 1] as number;
    }
  } finally {
    fs.closeSync(fd);
  }
  return last === 0x0a ? records : records + 1;
}

interface LoRun {
  readonly run: ProcessRun;
  /** Data rows (header excluded) per output CSV, by file name. */
  readonly files: Record<string, number>;
  readonly rows: number;
}

/** One `soffice --convert-to` of the workbook into a fresh folder with a fresh profile. */
async function libreOffice(soffice: string, file: string, filter: string): Promise<LoRun> {
  const unique = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const profile = path.join(os.tmpdir(), `lo-bench-${unique}`);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-bench-csv-'));
  try {
    const args = ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', filter, '--outdir', outDir, path.resolve(file)];
    const run = await runTimed(soffice, args, LO_TIMEOUT_MS);
    const files: Record<string, number> = {};
    for (const f of fs.readdirSync(outDir).filter((x) => x.toLowerCase().endsWith('.csv')).sort()) files[f] = Math.max(0, csvRecords(path.join(outDir, f)) - 1);
    return { run, files, rows: Object.values(files).reduce((a, b) => a + b, 0) };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const fmt = (x: number | undefined, digits = 0): string => (x !== undefined && Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');
const round2 = (x: number): number => Math.round(x * 100) / 100;
const perSecond = (rows: number, ms: number): number => Math.round((rows / ms) * 1000);

export async function xlsxBench(o: XlsxBenchOptions): Promise<{ report: Record<string, unknown>; lines: string[]; failures: string[] }> {
  const failures: string[] = [];
  const log = o.log;
  const file = path.join(o.dataDir, 'ledger.xlsx');
  const x = await ensureXlsxLedger(o.ledgerDir, file, o.params);
  log(x.generated ? `wrote ${path.relative(o.root, file)} (${fmt(x.bytes / 1e6, 1)} MB) in ${fmt(x.ms / 1000, 1)} s` : `reusing ${path.relative(o.root, file)} (${fmt(x.bytes / 1e6, 1)} MB, same ledger)`);
  if (JSON.stringify(x.counts) !== JSON.stringify(o.counts)) failures.push(`the workbook holds ${JSON.stringify(x.counts)}, the CSV ledger ${JSON.stringify(o.counts)}`);
  const expectedRows = o.counts.customers + o.counts.entries + o.counts.applications;
  const soffice = findSoffice();

  // Alternating runs: ours (fresh node process), then LibreOffice (every sheet).
  const ours: { out: XlsxReadOutput; maxRssKb: number | undefined }[] = [];
  const loAll: LoRun[] = [];
  const childOut = path.join(o.dataDir, 'xlsx-read-output.json');
  for (let r = 0; r < o.runs; r++) {
    // The first run also compares every cell with the CSV, after the timed read.
    const child = runNodeChild([path.join('dist', 'bench', 'xlsxRead.js'), file, ...(r === 0 ? [o.ledgerDir] : [])], childOut, o.root);
    const text = fs.readFileSync(childOut, 'utf8').trim();
    if (child.exitCode !== 0 || text === '') throw new Error(`xlsxRead exited with ${String(child.exitCode)}: ${child.stderr.slice(0, 2000)}`);
    const out = JSON.parse(text) as XlsxReadOutput;
    if (!out.ok) throw new Error(`readWorkbook failed: ${out.error ?? '?'}`);
    ours.push({ out, maxRssKb: child.maxRssKb });
    log(`  ours run ${r + 1}: readWorkbook ${fmt(out.ms)} ms (process start to end of read ${fmt(out.sinceStartMs)} ms, peak ${fmt((child.maxRssKb ?? NaN) / 1024)} MiB)${r === 0 ? ', then every cell compared with the CSV' : ''}`);
    const lo = await libreOffice(soffice, file, LO_ALL_SHEETS_FILTER);
    loAll.push(lo);
    log(`  LibreOffice (every sheet) run ${r + 1}: ${fmt(lo.run.ms)} ms, exit ${String(lo.run.code)}${lo.run.timedOut ? ' TIMED OUT' : ''}, ${fmt(lo.rows)} rows ${JSON.stringify(lo.files)}`);
  }
  // Once: the plain command (first sheet only = Entries).
  const loFirst = await libreOffice(soffice, file, 'csv');
  log(`  LibreOffice (plain --convert-to csv): ${fmt(loFirst.run.ms)} ms, exit ${String(loFirst.run.code)}${loFirst.run.timedOut ? ' TIMED OUT' : ''}, ${fmt(loFirst.rows)} rows ${JSON.stringify(loFirst.files)}`);

  // Checks of ours.
  const last = ours[ours.length - 1]?.out;
  const comparison = ours[0]?.out.comparison;
  if (comparison !== undefined && comparison.different > 0) {
    failures.push(`readWorkbook: ${comparison.different} of ${comparison.cells} cells differ from the CSV (${comparison.replacementChars} with U+FFFD), e.g. ${comparison.examples.slice(0, 3).join('; ')}`);
  }
  if (last !== undefined) {
    if (last.rows.entries !== o.counts.entries) failures.push(`readWorkbook read ${last.rows.entries} entries, the CSV has ${o.counts.entries}`);
    if (last.rows.customers !== o.counts.customers || last.rows.applications !== o.counts.applications) failures.push(`readWorkbook read ${JSON.stringify(last.rows)}, expected ${JSON.stringify(o.counts)}`);
    if (last.errors.length > 0) failures.push(`readWorkbook reported error issues: ${last.errors.join(' | ')}`);
  }
  const oursRows = last === undefined ? 0 : last.rows.customers + last.rows.entries + last.rows.applications;
  // Checks of LibreOffice: failure, timeout, truncation.
  const loNotes: string[] = [];
  const loOk = (lo: LoRun, expected: number, what: string): boolean => {
    if (lo.run.timedOut) loNotes.push(`${what}: stopped after ${Math.round(LO_TIMEOUT_MS / 60000)} min`);
    else if (lo.run.code !== 0) loNotes.push(`${what}: soffice exit code ${String(lo.run.code)} ${lo.run.stderr.trim().slice(-300)}`);
    if (lo.rows === 0) loNotes.push(`${what}: no CSV written`);
    else if (lo.rows < expected) loNotes.push(`${what}: ${lo.rows} data rows of ${expected} (truncated)`);
    return !lo.run.timedOut && lo.run.code === 0 && lo.rows > 0;
  };
  const allOk = loAll.filter((lo) => loOk(lo, expectedRows, 'LibreOffice every sheet'));
  const firstOk = loOk(loFirst, o.counts.entries, 'LibreOffice first sheet');
  const firstSheet = Object.keys(loFirst.files)[0] ?? '';
  for (const n of [...new Set(loNotes)]) log(`  note: ${n}`);
  if (allOk.length === 0) failures.push(`LibreOffice failed every run: ${loNotes.join('; ')}`);

  // Peak memory of the read alone: the first run also holds the CSV ledger for the comparison.
  const peakRuns = ours.length > 1 ? ours.slice(1) : ours;
  const oursPeakMiB = Math.max(...peakRuns.map((r) => (r.maxRssKb ?? NaN) / 1024));
  const readMs = samples(ours.map((r) => r.out.ms));
  const readCpu = samples(ours.map((r) => r.out.cpuMs));
  const processMs = samples(ours.map((r) => r.out.sinceStartMs));
  const loMs = samples(allOk.map((lo) => lo.run.ms));
  const loCpu = samples(allOk.map((lo) => (lo.run.cpuS ?? NaN) * 1000));
  const loRows = allOk[0]?.rows ?? 0;
  const ratio = round2(readMs.best / loMs.best);
  const ratioProcess = round2(processMs.best / loMs.best);
  const ratioFirst = firstOk ? round2(readMs.best / loFirst.run.ms) : NaN;
  const pass = ratio < 1;

  // The CLI on the workbook, once; its totals must equal the CSV run's.
  let cli: { ms: number; maxRssKb: number | undefined; exitCode: number | null; equal: boolean; mismatches: string[]; errorIssues: number } | undefined;
  const cliArgs = ['bin/statements.js', 'compute', '--ledger', path.relative(o.root, file), '--as-of', o.params.asOf, '--summary', '--json'];
  if (o.noCli !== true) {
    const cliOut = path.join(o.dataDir, 'cli-xlsx-output.json');
    const run = runNodeChild(cliArgs, cliOut, o.root);
    log(`  CLI compute --ledger ledger.xlsx: ${fmt(run.ms)} ms, exit ${String(run.exitCode)}, peak ${fmt((run.maxRssKb ?? NaN) / 1024)} MiB`);
    const mismatches: string[] = [];
    let errorIssues: string[] = [];
    try {
      const doc = JSON.parse(fs.readFileSync(cliOut, 'utf8')) as { issues?: { severity: string; message: string }[] };
      errorIssues = (doc.issues ?? []).filter((i) => i.severity === 'error').map((i) => i.message);
    } catch {
      // not JSON: reported through the exit code
    }
    if (run.exitCode !== 0) mismatches.push(`CLI exited with ${String(run.exitCode)}${errorIssues.length > 0 ? `, ${errorIssues.length} error issues: ${errorIssues.slice(0, 3).join(' | ')}` : `: ${run.stderr.slice(0, 500)}`}`);
    if (run.exitCode === 0 || run.exitCode === 1) {
      try {
        const mine = o.totalsOfCliOutput(cliOut);
        const reference = await o.csvTotals();
        for (const cur of new Set([...mine.keys(), ...reference.keys()])) {
          const a = JSON.stringify(mine.get(cur) ?? null);
          const b = JSON.stringify(reference.get(cur) ?? null);
          if (a !== b) mismatches.push(`${cur}: xlsx ${a} ≠ CSV ${b}`);
        }
      } catch (e) {
        mismatches.push(e instanceof Error ? e.message : String(e));
      }
    }
    if (mismatches.length > 0) failures.push(`CLI on the .xlsx: ${mismatches.slice(0, 5).join('; ')}`);
    cli = { ms: Math.round(run.ms), maxRssKb: run.maxRssKb, exitCode: run.exitCode, equal: mismatches.length === 0, mismatches: mismatches.slice(0, 10), errorIssues: errorIssues.length };
  }

  const lines = [
    `xlsx reading: ${path.relative(o.root, file)}, ${fmt(x.bytes / 1e6, 1)} MB, sheets ${XLSX_SHEETS.join(', ')} (${fmt(o.counts.entries)} + ${fmt(o.counts.customers)} + ${fmt(o.counts.applications)} data rows)`,
    table([
      ['measure (best of runs)', 'wall ms', 'rows', 'rows/s', 'median ms', 'CPU ms', 'peak MiB'],
      ['(i)  ours: readWorkbook, fresh node process', fmt(readMs.best), fmt(oursRows), fmt(perSecond(oursRows, readMs.best)), fmt(readMs.median), fmt(readCpu.best), fmt(oursPeakMiB)],
      ['     the same from node start-up to end of read', fmt(processMs.best), fmt(oursRows), fmt(perSecond(oursRows, processMs.best)), fmt(processMs.median), '', ''],
      ['(ii) LibreOffice → CSV, every sheet', fmt(loMs.best), fmt(loRows), fmt(perSecond(loRows, loMs.best)), fmt(loMs.median), fmt(loCpu.best), fmt(Math.max(...allOk.map((lo) => (lo.run.maxRssKb ?? NaN) / 1024)))],
      [`     LibreOffice plain --convert-to csv (${firstSheet || 'first sheet'}), 1 run`, fmt(loFirst.run.ms), fmt(loFirst.rows), fmt(perSecond(loFirst.rows, loFirst.run.ms)), '', fmt((loFirst.run.cpuS ?? NaN) * 1000), fmt((loFirst.run.maxRssKb ?? NaN) / 1024)],
      ...(cli !== undefined ? [['     CLI compute --ledger ledger.xlsx --summary --json, 1 run', fmt(cli.ms), fmt(oursRows), fmt(perSecond(oursRows, cli.ms)), '', '', fmt((cli.maxRssKb ?? NaN) / 1024)]] : []),
    ]),
    `LibreOffice ${loNotes.length === 0 ? 'converted every row' : loNotes.join('; ')}; every-sheet export = CSV filter option sheet -1 (${LO_ALL_SHEETS_FILTER}); the plain command converts only the first sheet, ${firstSheet || '?'}`,
    comparison === undefined ? 'cells not compared with the CSV' : `cells read vs the CSV ledger: ${fmt(comparison.cells)} compared, ${comparison.different === 0 ? 'all equal' : `${fmt(comparison.different)} DIFFERENT (${comparison.replacementChars} holding U+FFFD), e.g. ${comparison.examples.slice(0, 3).join('; ')}`}`,
    ...(cli !== undefined ? [`CLI on the .xlsx: ${cli.equal ? 'per-currency totals equal to the CSV run to the cent' : `NOT the CSV run's result: ${cli.mismatches.slice(0, 3).join('; ')}`}`] : []),
    table([
      ['target', 'value', 'goal', ''],
      ['ours readWorkbook / LibreOffice every sheet (time)', fmt(ratio, 2), '< 1', pass ? 'PASS' : 'MISS'],
      ['ours from node start-up / LibreOffice every sheet (time)', fmt(ratioProcess, 2), '< 1', ratioProcess < 1 ? 'PASS' : 'MISS'],
      ['ours readWorkbook / LibreOffice plain, first sheet only', fmt(ratioFirst, 2), '(reference)', ''],
    ]),
  ];
  const report = {
    date: new Date().toISOString(),
    file: { path: path.relative(o.root, file), bytes: x.bytes, sheets: XLSX_SHEETS, rows: x.counts, writer: 'exceljs stream.xlsx.WorkbookWriter { useSharedStrings: false, useStyles: true }; Date cells, number amounts', generatedThisRun: x.generated, ...(x.generated ? { writeMs: Math.round(x.ms) } : {}) },
    runs: o.runs,
    ours: {
      what: 'readWorkbook(file) in a fresh node process (dist/bench/xlsxRead.js)',
      rows: last?.rows,
      rowsTotal: oursRows,
      issues: last?.issues,
      comparedWithCsv: comparison,
      ms: readMs,
      cpuMs: readCpu,
      processMs,
      peakRssMiB: Math.round(oursPeakMiB),
      peakRssOf: ours.length > 1 ? 'runs 2.. (run 1 also compares with the CSV)' : 'run 1, which also compares with the CSV',
      rowsPerSecond: perSecond(oursRows, readMs.best),
    },
    libreOffice: {
      program: soffice,
      version: sofficeVersion(soffice),
      command: `soffice --headless --norestore -env:UserInstallation=file:///tmp/lo-bench-<unique> --convert-to '${LO_ALL_SHEETS_FILTER}' --outdir <tmp> ${path.relative(o.root, file)}`,
      everySheet: { ms: loMs, cpuMs: loCpu, rows: loRows, files: allOk[0]?.files ?? loAll[0]?.files ?? {}, rowsPerSecond: perSecond(loRows, loMs.best), runsOk: allOk.length, runs: loAll.length },
      firstSheet: { command: 'soffice ... --convert-to csv ...', ms: Math.round(loFirst.run.ms), cpuMs: Math.round((loFirst.run.cpuS ?? NaN) * 1000), rows: loFirst.rows, files: loFirst.files, sheet: firstSheet, rowsPerSecond: perSecond(loFirst.rows, loFirst.run.ms), ok: firstOk },
      notes: [...new Set(loNotes)],
      timeoutMin: LO_TIMEOUT_MS / 60000,
    },
    ...(cli !== undefined ? { cli: { command: `node ${cliArgs.join(' ')}`, ...cli, maxRssMiB: Math.round((cli.maxRssKb ?? NaN) / 1024) } } : {}),
    ratio: { oursOverLibreOffice: ratio, oursProcessOverLibreOffice: ratioProcess, oursOverLibreOfficeFirstSheet: ratioFirst, goal: '< 1', pass },
  };
  return { report, lines, failures };
}
