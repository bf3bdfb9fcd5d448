/**
 * `npm run bench`: generate (once) a 50,000-customer / 1,000,000-entry ledger, then measure side by
 * side (a) end to end — the CLI `statements compute --summary --json` as a child process, and the
 * same steps in process —, (b) computeStatements alone, (c) the CLI's peak RSS, (d) DuckDB loading
 * the same CSVs and computing the same aged receivables in SQL. Totals must agree to the cent.
 * Options: --runs N (default 3); --profile (one more CLI run under --cpu-prof, summarised).
 * Five more sections (bench/xlsxBench.ts, bench/documentsBench.ts, bench/addinBench.ts, bench/paneBench.ts,
 * bench/mailBench.ts): reading the same ledger from an .xlsx against LibreOffice's headless CSV
 * conversion, 1,000 standard-layout statement PDFs against the Word-template route through
 * LibreOffice, the add-in's =STMT.* functions in Chromium against the CLI, the task pane on a
 * 50,000-entry workbook against the CLI, and 500 statements through a local Graph server limited
 * to 30 messages a shortened "minute".
 * --only csv|xlsx|pdf|addin|pane|mail[,...] runs some sections (default all); --word-subset N converts only the first
 * N statements through LibreOffice; --keep-docs keeps the documents' temporary folder.
 * Results of every section go to bench/results/latest.json, merged with the sections not run.
 * Exit code 1 when the totals differ from DuckDB's (or anything fails); a missed target is reported, not fatal.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readLedgerFolder } from '../src/adapters/csv/readLedgerFolder';
import { loadLedger } from '../src/cli/loadLedger';
import { computeOptionsFrom, type ComputeFlags } from '../src/cli/options';
import {
  buildLedger, computeStatements, currencyExponent, parseDecimalToMinor, writeComputeResultJson, type ComputeResult, type Issue,
} from '../src/core';
import * as duck from './duckdbAging';
import { ensureLedger, LEDGER_PARAMS } from './generateLedger';
import { profileAsText, profileCli, type ProfileSummary } from './profile';
import { collect, cpuMs, repeat, runNodeChild, samples, nowMs, type ChildRun } from './measure';
import { documentsBench } from './documentsBench';
import { xlsxBench } from './xlsxBench';
import { addinBench } from './addinBench';
import { mailBench } from './mailBench';
import { paneBench } from './paneBench';

const ROOT = path.resolve(__dirname, '..', '..'); // dist/bench → the repository
const DATA = path.join(ROOT, 'bench', 'data');
const LEDGER_DIR = path.join(DATA, 'ledger');
const RESULTS = path.join(ROOT, 'bench', 'results', 'latest.json');
// End to end ≤ 1.15 since issue 12 (from 1.0 in issue 2): the speed machinery left the engine, simplicity first.
const TARGETS = { endToEnd: 1.15, compute: 1.0, peakMiB: 1536 } as const;

type Totals = duck.Totals;

function argRuns(): number {
  const i = process.argv.indexOf('--runs');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 3;
  return Number.isInteger(n) && n > 0 ? n : 3;
}

const emptyTotals = (): Totals => ({ sections: 0, customers: 0, balance: 0, overdue: 0, aging: [0, 0, 0, 0, 0] });

/** Per-currency totals of an in-process result (minor units). */
function totalsOfResult(r: ComputeResult): { totals: Map<string, Totals>; sections: Map<string, duck.SectionRow> } {
  const totals = new Map<string, Totals>();
  const sections = new Map<string, duck.SectionRow>();
  for (const s of r.statements) {
    if (s.status !== 'ok') throw new Error(`customer ${s.customerId} is blocked: ${s.issues.map((i) => i.message.en).join('; ')}`);
    for (const x of s.sections) {
      const t = totals.get(x.currency) ?? emptyTotals();
      totals.set(x.currency, t);
      t.sections++;
      t.customers++;
      t.balance += x.closingBalance;
      t.overdue += x.overdue;
      x.aging.forEach((a, i) => (t.aging[i] = (t.aging[i] ?? 0) + a));
      sections.set(`${s.customerId}\u0000${x.currency}`, { customerId: s.customerId, currency: x.currency, balance: x.closingBalance, overdue: x.overdue, aging: [...x.aging] });
    }
  }
  return { totals, sections };
}

interface JsonSection {
  currency: string;
  closingBalance: string;
  overdue: string;
  aging: string[];
}
interface JsonDoc {
  statements: { customerId: string; status: string; sections: JsonSection[] }[];
  excluded: unknown[];
  issues: { severity: string }[];
}

/** Per-currency totals of the CLI's JSON output, decimal strings parsed back to minor units. */
function totalsOfJson(doc: JsonDoc): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  const minor = (text: string, currency: string): number => {
    const p = parseDecimalToMinor(text, currencyExponent(currency) ?? 2);
    if (!p.ok) throw new Error(`CLI output: bad amount ${text} ${currency}`);
    return p.minor;
  };
  for (const s of doc.statements) {
    if (s.status !== 'ok') throw new Error(`CLI output: customer ${s.customerId} is ${s.status}`);
    for (const x of s.sections) {
      const t = totals.get(x.currency) ?? emptyTotals();
      totals.set(x.currency, t);
      t.sections++;
      t.customers++;
      t.balance += minor(x.closingBalance, x.currency);
      t.overdue += minor(x.overdue, x.currency);
      x.aging.forEach((a, i) => (t.aging[i] = (t.aging[i] ?? 0) + minor(a, x.currency)));
    }
  }
  return totals;
}

function diffTotals(label: string, ours: ReadonlyMap<string, Totals>, theirs: ReadonlyMap<string, Totals>): string[] {
  const out: string[] = [];
  for (const cur of new Set([...ours.keys(), ...theirs.keys()])) {
    const a = JSON.stringify(ours.get(cur) ?? null);
    const b = JSON.stringify(theirs.get(cur) ?? null);
    if (a !== b) out.push(`${label} ${cur}: ours ${a} ≠ DuckDB ${b}`);
  }
  return out;
}

function diffSections(ours: ReadonlyMap<string, duck.SectionRow>, theirs: readonly duck.SectionRow[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of theirs) {
    const key = `${t.customerId}\u0000${t.currency}`;
    seen.add(key);
    const o = ours.get(key);
    if (o === undefined) out.push(`section ${t.customerId} ${t.currency}: only in DuckDB ${JSON.stringify(t)}`);
    else if (JSON.stringify(o) !== JSON.stringify(t)) out.push(`section ${t.customerId} ${t.currency}: ours ${JSON.stringify(o)} ≠ DuckDB ${JSON.stringify(t)}`);
  }
  for (const [key, o] of ours) if (!seen.has(key)) out.push(`section ${o.customerId} ${o.currency}: only in ours ${JSON.stringify(o)}`);
  return out;
}

function issueCounts(issues: readonly { severity: string; code?: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of issues) {
    const k = `${i.severity}${i.code !== undefined ? `:${i.code}` : ''}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mib = (kb: number | undefined): number => (kb === undefined ? NaN : kb / 1024);
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

async function csvBench(runs: number): Promise<{ code: number; report: Record<string, unknown>; totals: Map<string, Totals> }> {
  const p = LEDGER_PARAMS;
  const loadBefore = os.loadavg().map(round2);
  const source = sourceState();
  console.log(`bench: node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), DuckDB ${duck.duckdbVersion()}, ${runs} runs each; load average ${loadBefore.join(' ')}`);

  // 1. The ledger.
  const gen = ensureLedger(LEDGER_DIR, p);
  console.log(gen.generated ? `generated ${LEDGER_DIR} in ${fmt(gen.ms / 1000, 1)} s` : `reusing ${LEDGER_DIR} (same parameters)`);
  const bytes = Object.fromEntries(['customers.csv', 'entries.csv', 'applications.csv'].map((f) => [f, fs.statSync(path.join(LEDGER_DIR, f)).size]));
  const rows = gen.counts.customers + gen.counts.entries + gen.counts.applications;
  console.log(`ledger: ${fmt(gen.counts.customers)} customers, ${fmt(gen.counts.entries)} entries, ${fmt(gen.counts.applications)} applications; ${fmt(Object.values(bytes).reduce((s, b) => s + b, 0) / 1e6, 1)} MB of CSV`);

  const flags: ComputeFlags = { ledger: LEDGER_DIR, asOf: p.asOf, style: 'open-item', aging: '30,60,90', agingBy: 'due', allocate: 'none', summary: true, json: true, lang: 'en' };
  const { options, language, defaultCurrency } = computeOptionsFrom(flags);

  // (a) the CLI, as a user runs it.
  const cliOut = path.join(DATA, 'cli-output.json');
  const cliArgs = ['bin/statements.js', 'compute', '--ledger', path.relative(ROOT, LEDGER_DIR), '--as-of', p.asOf, '--summary', '--json'];
  const cliRuns: ChildRun[] = [];
  // DuckDB's load + query in a fresh process too, each run right after the CLI's (same machine state).
  const duckOut = path.join(DATA, 'duckdb-process-output.json');
  const duckArgs = [path.join(__dirname, 'duckdbProcess.js'), LEDGER_DIR, p.asOf, p.currencies.join(',')];
  const duckRuns: ChildRun[] = [];
  for (let i = 0; i < runs; i++) {
    const r = runNodeChild(cliArgs, cliOut, ROOT);
    if (r.exitCode !== 0) throw new Error(`CLI exited with ${String(r.exitCode)}: ${r.stderr.slice(0, 2000)}`);
    cliRuns.push(r);
    // In the environment the CLI gives itself for a ledger this size (huge pages: src/cli/largeLedgerProcess.ts),
    // so that both run alike. (DuckDB allocates with its own allocator: it neither gains nor loses.)
    const d = runNodeChild(duckArgs, duckOut, ROOT, { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
    if (d.exitCode !== 0) throw new Error(`DuckDB process exited with ${String(d.exitCode)}: ${d.stderr.slice(0, 2000)}`);
    duckRuns.push(d);
    process.stdout.write(`  cli run ${i + 1}: ${fmt(r.ms)} ms, peak ${fmt(mib(r.maxRssKb))} MiB; DuckDB process: ${fmt(d.ms)} ms\n`);
  }
  const duckProcess = samples(duckRuns.map((r) => r.ms));
  const duckProcessCpu = samples(duckRuns.map((r) => ((r.userS ?? NaN) + (r.systemS ?? NaN)) * 1000));
  const duckProcessTotals = new Map(JSON.parse(fs.readFileSync(duckOut, 'utf8')) as [string, Totals][]);
  const cli = samples(cliRuns.map((r) => r.ms));
  const cliCpu = samples(cliRuns.map((r) => ((r.userS ?? NaN) + (r.systemS ?? NaN)) * 1000));
  const peakKb = Math.max(...cliRuns.map((r) => r.maxRssKb ?? NaN));
  const cliBytes = fs.statSync(cliOut).size;
  const cliDoc = JSON.parse(fs.readFileSync(cliOut, 'utf8')) as JsonDoc;

  // (a') the same steps in process, by phase.
  const phases: Record<string, number>[] = [];
  // The CLI's own steps: loadLedger (the entries read on a worker thread, rows read ahead on both),
  // computeStatements, and the JSON text written in pieces (counted, not printed).
  const inProc = await repeat(runs, async () => {
    const t0 = nowMs();
    const loaded = await loadLedger(LEDGER_DIR, { defaultCurrency, dateOrder: undefined, mappingFile: undefined });
    if (!loaded.ok) throw new Error(loaded.error.en);
    const t1 = nowMs();
    const result = computeStatements(loaded.ledger, options);
    const t2 = nowMs();
    let bytes = 1; // and the newline the CLI ends with
    writeComputeResultJson(result, language, (text) => (bytes += Buffer.byteLength(text)));
    const t3 = nowMs();
    phases.push({ 'read + validate (loadLedger)': t1 - t0, computeStatements: t2 - t1, 'JSON text': t3 - t2 });
    return { ledger: loaded.ledger, result, bytes };
  });
  const { ledger, result } = inProc.last;
  const bestPhase = phases[inProc.times.all.indexOf(Math.min(...inProc.times.all))] ?? {};
  process.stdout.write(`  in-process: ${inProc.times.all.map((x) => fmt(x)).join(', ')} ms\n`);

  // Validity of the generated data: nothing of severity error, in the ledger or its settlement.
  const errors = result.issues.filter((i: Issue) => i.severity === 'error');
  const issues = issueCounts(result.issues);
  if (errors.length > 0) throw new Error(`generated ledger has ${errors.length} errors, e.g. ${errors.slice(0, 5).map((i) => i.message.en).join(' | ')}`);
  if (inProc.last.bytes !== cliBytes) throw new Error(`in-process JSON is ${inProc.last.bytes} bytes, the CLI's ${cliBytes}`);

  // (b) compute alone on the loaded ledger.
  const compute = await repeat(Math.max(runs, 5), () => computeStatements(ledger, options));

  // (d) DuckDB: load (fresh instance each time), then the query.
  const loads: number[] = [];
  const loadsCpu: number[] = [];
  let loaded: duck.Loaded | undefined;
  for (let i = 0; i < runs; i++) {
    if (loaded !== undefined) duck.close(loaded);
    collect();
    const c0 = cpuMs();
    const t0 = nowMs();
    loaded = await duck.loadLedger(LEDGER_DIR);
    loads.push(nowMs() - t0);
    loadsCpu.push(cpuMs() - c0);
  }
  if (loaded === undefined) throw new Error('no DuckDB load');
  const conn = loaded.connection;
  const counts = await duck.tableCounts(conn);
  if (counts['customers'] !== gen.counts.customers || counts['entries'] !== gen.counts.entries || counts['applications'] !== gen.counts.applications) {
    throw new Error(`DuckDB loaded ${JSON.stringify(counts)}, expected ${JSON.stringify(gen.counts)}`);
  }
  const duckThreads = await duck.threads(conn);
  const query = await repeat(runs, () => duck.agingTotals(conn, p.asOf, p.currencies));
  const duckLoad = samples(loads);
  const duckLoadCpu = samples(loadsCpu);
  const duckTotals = query.last;
  const duckSections = await duck.agingSections(conn, p.asOf, p.currencies);
  duck.close(loaded);

  // The check: to the cent, per currency (and per section), in process and from the CLI's JSON.
  const ours = totalsOfResult(result);
  const oursCli = totalsOfJson(cliDoc);
  const mismatches = [...diffTotals('in-process', ours.totals, duckTotals), ...diffTotals('CLI JSON', oursCli, duckTotals), ...diffTotals('DuckDB process', duckProcessTotals, duckTotals), ...diffSections(ours.sections, duckSections)];

  // Figures.
  const entries = gen.counts.entries;
  const duckBoth = duckLoad.best + query.times.best;
  const ratioA = cli.best / duckProcess.best;
  const ratioAwarm = cli.best / duckBoth;
  const ratioAin = inProc.times.best / duckBoth;
  const ratioB = compute.times.best / query.times.best;
  const peakMiB = mib(peakKb);
  const rps = (ms: number, n = rows) => fmt((n / ms) * 1000);

  const out: string[] = [];
  out.push('');
  out.push(table([
    ['measure (best of runs)', 'wall ms', 'rows/s', 'median ms', 'CPU ms'],
    ['(a)  CLI compute --summary --json, end to end', fmt(cli.best), rps(cli.best), fmt(cli.median), fmt(cliCpu.best)],
    ["(a') in process: read+validate+settle+age+JSON", fmt(inProc.times.best), rps(inProc.times.best), fmt(inProc.times.median), fmt(inProc.cpu.best)],
    ...Object.entries(bestPhase).map(([k, v]) => [`       ${k}`, fmt(v), '', '', '']),
    ['(b)  computeStatements alone (summary)', fmt(compute.times.best), rps(compute.times.best, entries), fmt(compute.times.median), fmt(compute.cpu.best)],
    [`(d)  DuckDB load (fresh instance, ${duckThreads} threads)`, fmt(duckLoad.best), rps(duckLoad.best), fmt(duckLoad.median), fmt(duckLoadCpu.best)],
    ['     DuckDB query (settle + age)', fmt(query.times.best), rps(query.times.best, entries), fmt(query.times.median), fmt(query.cpu.best)],
    ['     DuckDB load + query', fmt(duckBoth), rps(duckBoth), '', fmt(duckLoadCpu.best + query.cpu.best)],
    ["(d') DuckDB load + query, a fresh process", fmt(duckProcess.best), rps(duckProcess.best), fmt(duckProcess.median), fmt(duckProcessCpu.best)],
  ]));
  out.push('');
  out.push(`(c)  CLI peak RSS: ${fmt(peakMiB)} MiB (max of ${runs} runs, ${cliRuns[0]?.rssBy ?? '?'}); CLI CPU user ${cliRuns[0]?.userS ?? '?'} s, sys ${cliRuns[0]?.systemS ?? '?'} s (run 1)`);
  out.push('rows/s: customers + entries + applications rows for end-to-end and load; entries for compute and query.');
  out.push("(d') is node started, @duckdb/node-api loaded, a new database, load + query, exit: the CLI's footing. (d) runs in this warm process.");
  out.push(`CPU time (user + system, all threads) ratios, less sensitive to a busy machine: (a) ${fmt(cliCpu.best / duckProcessCpu.best, 2)}, (b) ${fmt(compute.cpu.best / query.cpu.best, 2)}`);
  out.push('');
  out.push(table([
    ['target', 'value', 'goal', ''],
    ["(a)  CLI end to end / DuckDB load+query, each a fresh process", fmt(ratioA, 2), `≤ ${fmt(TARGETS.endToEnd, 2)}`, verdict(ratioA <= TARGETS.endToEnd)],
    ["(a') in process / DuckDB load+query in process", fmt(ratioAin, 2), `≤ ${fmt(TARGETS.endToEnd, 2)}`, verdict(ratioAin <= TARGETS.endToEnd)],
    ['     (CLI, a fresh process / DuckDB in this warm process)', fmt(ratioAwarm, 2), '', ''],
    ['(b)  compute / DuckDB query', fmt(ratioB, 2), `≤ ${fmt(TARGETS.compute, 1)}`, verdict(ratioB <= TARGETS.compute)],
    ['(c)  CLI peak RSS (MiB)', fmt(peakMiB), `< ${fmt(TARGETS.peakMiB)}`, verdict(peakMiB < TARGETS.peakMiB)],
  ]));
  out.push('');
  out.push(table([
    ['currency', 'sections', 'Current', '1-30', '31-60', '61-90', 'Over 90', 'balance', 'overdue', 'vs DuckDB'],
    ...[...duckTotals.entries()].map(([cur, t]) => {
      const e = currencyExponent(cur) ?? 2;
      const m = (x: number) => fmt(x / 10 ** e, e);
      const same = JSON.stringify(ours.totals.get(cur)) === JSON.stringify(t) && JSON.stringify(oursCli.get(cur)) === JSON.stringify(t);
      return [cur, fmt(t.sections), ...t.aging.map(m), m(t.balance), m(t.overdue), same ? 'equal' : 'DIFFERENT'];
    }),
  ]));
  out.push(`check: ${duckSections.length} sections compared one by one; ${mismatches.length === 0 ? 'all equal to the cent' : `${mismatches.length} MISMATCHES`}`);
  let profile: ProfileSummary | undefined;
  if (process.argv.includes('--profile')) {
    profile = profileCli(ROOT, path.join(DATA, 'profile'), cliArgs);
    out.push('', profileAsText(profile));
  }
  const loadAfter = os.loadavg().map(round2);
  if (Math.max(...loadBefore.slice(0, 1), ...loadAfter.slice(0, 1)) > os.cpus().length * 0.75) {
    out.push(`note: the machine was busy (load average ${loadBefore[0]} before, ${loadAfter[0]} after, ${os.cpus().length} CPUs): times are inflated and noisy`);
  }
  out.push(`engine measured: HEAD ${source.head}${source.dirtySrc.length > 0 ? ` + ${source.dirtySrc.length} uncommitted change(s) under src/` : ''}`);
  out.push(`issues in the ledger: ${JSON.stringify(issues)}; statements ${result.statements.length}, excluded ${result.excluded.length}`);
  console.log(out.join('\n'));

  const report = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryMiB: Math.round(os.totalmem() / 2 ** 20), platform: `${os.platform()} ${os.release()}`, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
    source,
    duckdb: { version: duck.duckdbVersion(), threads: duckThreads },
    ledger: { folder: path.relative(ROOT, LEDGER_DIR), params: p, rows: gen.counts, bytes, issues, statements: result.statements.length, excluded: result.excluded.length },
    command: `node ${cliArgs.join(' ')}`,
    runs,
    ms: {
      cliEndToEnd: cli,
      inProcessEndToEnd: inProc.times,
      inProcessPhasesOfBest: Object.fromEntries(Object.entries(bestPhase).map(([k, v]) => [k, Math.round(v)])),
      computeOnly: compute.times,
      duckdbLoad: duckLoad,
      duckdbQuery: query.times,
      duckdbLoadPlusQuery: Math.round(duckBoth),
      duckdbProcess: duckProcess,
    },
    cpuMs: {
      cliEndToEnd: cliCpu,
      inProcessEndToEnd: inProc.cpu,
      computeOnly: compute.cpu,
      duckdbLoad: duckLoadCpu,
      duckdbQuery: query.cpu,
      duckdbProcess: duckProcessCpu,
    },
    rowsPerSecond: {
      cliEndToEnd: Math.round((rows / cli.best) * 1000),
      inProcessEndToEnd: Math.round((rows / inProc.times.best) * 1000),
      computeOnlyEntries: Math.round((entries / compute.times.best) * 1000),
      duckdbLoad: Math.round((rows / duckLoad.best) * 1000),
      duckdbQueryEntries: Math.round((entries / query.times.best) * 1000),
    },
    peakRss: { cliMiB: Math.round(peakMiB), by: cliRuns[0]?.rssBy ?? '', cpuUserS: cliRuns.map((r) => r.userS), cpuSystemS: cliRuns.map((r) => r.systemS) },
    ratios: {
      endToEnd: round2(ratioA),
      endToEndInProcess: round2(ratioAin),
      endToEndCliVsWarmDuckdb: round2(ratioAwarm),
      compute: round2(ratioB),
      cpuEndToEnd: round2(cliCpu.best / duckProcessCpu.best),
      cpuCompute: round2(compute.cpu.best / query.cpu.best),
    },
    targets: {
      endToEnd: { goal: `<= ${TARGETS.endToEnd}`, value: round2(ratioA), pass: ratioA <= TARGETS.endToEnd },
      endToEndInProcess: { goal: `<= ${TARGETS.endToEnd}`, value: round2(ratioAin), pass: ratioAin <= TARGETS.endToEnd },
      compute: { goal: `<= ${TARGETS.compute}`, value: round2(ratioB), pass: ratioB <= TARGETS.compute },
      peakRss: { goal: `< ${TARGETS.peakMiB} MiB`, value: Math.round(peakMiB), pass: peakMiB < TARGETS.peakMiB },
    },
    ...(profile !== undefined ? { profile } : {}),
    check: { equal: mismatches.length === 0, sectionsCompared: duckSections.length, mismatches: mismatches.slice(0, 20), totals: Object.fromEntries(duckTotals) },
  };
  if (mismatches.length > 0) {
    console.error(`\nFAIL: our totals differ from DuckDB's:\n${mismatches.slice(0, 20).join('\n')}`);
    return { code: 1, report, totals: ours.totals };
  }
  return { code: 0, report, totals: ours.totals };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The engine measured: HEAD and any uncommitted change under src/ (others may be editing it). */
function sourceState(): { head: string; dirtySrc: string[] } {
  const git = (...args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  return { head: git('rev-parse', '--short', 'HEAD'), dirtySrc: git('status', '--porcelain', '--', 'src').split('\n').filter((l) => l !== '') };
}

type Section = 'csv' | 'xlsx' | 'pdf' | 'addin' | 'pane' | 'mail';
const SECTIONS: readonly Section[] = ['csv', 'xlsx', 'pdf', 'addin', 'pane', 'mail'];

/** --only csv|xlsx|pdf|addin|pane|mail, comma-separated or repeated (docs/documents = pdf); default every section. */
function argOnly(): Set<Section> {
  const picked = new Set<Section>();
  process.argv.forEach((a, i) => {
    const value = a === '--only' ? process.argv[i + 1] : a.startsWith('--only=') ? a.slice('--only='.length) : undefined;
    if (value === undefined) return;
    for (const raw of value.split(',')) {
      const v = raw.trim().toLowerCase();
      const section = v === 'docs' || v === 'documents' ? 'pdf' : v;
      if (!(SECTIONS as readonly string[]).includes(section)) throw new Error(`--only ${raw}: expected ${SECTIONS.join(', ')}`);
      picked.add(section as Section);
    }
  });
  return picked.size === 0 ? new Set(SECTIONS) : picked;
}

function argNumber(flag: string): number | undefined {
  const i = process.argv.indexOf(flag);
  if (i < 0) return undefined;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: expected a whole number ≥ 1`);
  return n;
}

/** The 1-minute load average every few seconds, to report how busy the machine was during each section. */
class LoadSampler {
  private readonly points: { t: number; load: number }[] = [];
  private readonly timer: NodeJS.Timeout;
  constructor(everyMs = 5000) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }
  sample(): void {
    this.points.push({ t: Date.now(), load: os.loadavg()[0] ?? NaN });
  }
  /** min / mean / max of the samples since `from` (ms since the epoch). */
  since(from: number): { min: number; mean: number; max: number; samples: number } {
    this.sample();
    const xs = this.points.filter((p) => p.t >= from).map((p) => p.load);
    return { min: round2(Math.min(...xs)), mean: round2(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)), max: round2(Math.max(...xs)), samples: xs.length };
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

function readPrevious(): Record<string, unknown> {
  try {
    const v = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function writeResults(report: Record<string, unknown>): void {
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
}

/** The CSV run's per-currency totals when the CSV section did not run: the same steps in process. */
function csvTotalsInProcess(): Map<string, Totals> {
  const flags: ComputeFlags = { ledger: LEDGER_DIR, asOf: LEDGER_PARAMS.asOf, style: 'open-item', aging: '30,60,90', agingBy: 'due', allocate: 'none', summary: true, json: true, lang: 'en' };
  const { options, defaultCurrency } = computeOptionsFrom(flags);
  const folder = readLedgerFolder(LEDGER_DIR);
  if (!folder.ok) throw new Error(folder.error.en);
  return totalsOfResult(computeStatements(buildLedger(folder.tables, { defaultCurrency }), options)).totals;
}

async function main(): Promise<number> {
  const runs = argRuns();
  const only = argOnly();
  const wordSubset = argNumber('--word-subset');
  const sampler = new LoadSampler();
  const started = new Date();
  const previous = readPrevious();
  const sectionKeys = ['xlsx', 'documents', 'addin', 'pane', 'mail', 'bench'];
  // The CSV section's keys stay at the top level, as before; the new sections have their own keys.
  let report: Record<string, unknown> = previous;
  const ran: string[] = [];
  const summary: string[][] = [];
  let code = 0;
  let csvTotals: Map<string, Totals> | undefined;
  const save = () => {
    report = { ...report, bench: { lastRun: started.toISOString(), sectionsRun: ran, argv: process.argv.slice(2) } };
    writeResults(report);
  };
  const failed = (section: string, e: unknown): Record<string, unknown> => {
    const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
    console.error(`\n${section} section failed: ${message}`);
    code = 1;
    return { date: new Date().toISOString(), error: message.split('\n')[0] ?? message };
  };

  if (only.has('csv')) {
    const t0 = Date.now();
    try {
      const r = await csvBench(runs);
      code = Math.max(code, r.code);
      csvTotals = r.totals;
      const carried = Object.fromEntries(Object.entries(report).filter(([k]) => sectionKeys.includes(k)));
      report = { ...r.report, loadAverage1mDuring: sampler.since(t0), ...carried };
      const ratios = r.report['ratios'] as { endToEnd: number; compute: number } | undefined;
      if (ratios !== undefined) summary.push(['csv: CLI end to end / DuckDB load+query, fresh processes (time)', String(ratios.endToEnd), `≤ ${TARGETS.endToEnd}`, ratios.endToEnd <= TARGETS.endToEnd ? 'PASS' : 'MISS']);
    } catch (e) {
      report = { ...report, csvError: failed('csv', e) };
    }
    ran.push('csv');
    save();
  }

  if (only.has('xlsx')) {
    const t0 = Date.now();
    console.log(`\n== xlsx reading: ours vs LibreOffice (load average ${os.loadavg().map(round2).join(' ')}) ==`);
    try {
      const gen = ensureLedger(LEDGER_DIR, LEDGER_PARAMS);
      const r = await xlsxBench({
        root: ROOT,
        dataDir: DATA,
        ledgerDir: LEDGER_DIR,
        params: LEDGER_PARAMS,
        counts: gen.counts,
        runs,
        csvTotals: async () => (csvTotals ??= csvTotalsInProcess()),
        totalsOfCliOutput: (file) => totalsOfJson(JSON.parse(fs.readFileSync(file, 'utf8')) as JsonDoc),
        log: (line) => console.log(line),
      });
      console.log(`\n${r.lines.join('\n')}`);
      for (const f of r.failures) console.error(`FAIL (xlsx): ${f}`);
      if (r.failures.length > 0) code = 1;
      report = { ...report, xlsx: { ...r.report, failures: r.failures, loadAverage1mDuring: sampler.since(t0) } };
      const ratio = r.report['ratio'] as { oursOverLibreOffice: number; pass: boolean };
      summary.push(['xlsx: ours readWorkbook / LibreOffice → CSV (time)', String(ratio.oursOverLibreOffice), '< 1', ratio.pass ? 'PASS' : 'MISS']);
    } catch (e) {
      report = { ...report, xlsx: failed('xlsx', e) };
    }
    ran.push('xlsx');
    save();
  }

  if (only.has('pdf')) {
    const t0 = Date.now();
    console.log(`\n== statement documents: standard layout vs Word + LibreOffice (load average ${os.loadavg().map(round2).join(' ')}) ==`);
    try {
      const r = await documentsBench({ runs, wordSubset, keep: process.argv.includes('--keep-docs'), log: (line) => console.log(line) });
      console.log(`\n${r.lines.join('\n')}`);
      for (const f of r.failures) console.error(`FAIL (documents): ${f}`);
      if (r.failures.length > 0) code = 1;
      report = { ...report, documents: { ...r.report, failures: r.failures, loadAverage1mDuring: sampler.since(t0) } };
      const ratio = r.report['ratio'] as { standardOverWord: number; pass: boolean };
      summary.push(['documents: standard layout / Word + LibreOffice (statements/s)', String(ratio.standardOverWord), '≥ 25', ratio.pass ? 'PASS' : 'MISS']);
    } catch (e) {
      report = { ...report, documents: failed('documents', e) };
    }
    ran.push('pdf');
    save();
  }

  if (only.has('addin')) {
    const t0 = Date.now();
    console.log(`\n== the add-in: =STMT.* functions in Chromium vs the CLI (load average ${os.loadavg().map(round2).join(' ')}) ==`);
    try {
      const r = await addinBench({ root: ROOT, dataDir: DATA, runs, log: (line) => console.log(line) });
      console.log(`\n${r.lines.join('\n')}`);
      for (const f of r.failures) console.error(`FAIL (addin): ${f}`);
      if (r.failures.length > 0) code = 1;
      report = { ...report, addin: { ...r.report, failures: r.failures, loadAverage1mDuring: sampler.since(t0) } };
      summary.push(...r.summary);
    } catch (e) {
      report = { ...report, addin: failed('addin', e) };
    }
    ran.push('addin');
    save();
  }

  if (only.has('pane')) {
    const t0 = Date.now();
    console.log(`\n== the task pane: read, compute, write Aged receivables and Issues, in Chromium vs the CLI (load average ${os.loadavg().map(round2).join(' ')}) ==`);
    try {
      const r = await paneBench({ root: ROOT, dataDir: DATA, runs, log: (line) => console.log(line) });
      for (const f of r.failures) console.error(`FAIL (pane): ${f}`);
      if (r.failures.length > 0) code = 1;
      report = { ...report, pane: { ...r.report, failures: r.failures, loadAverage1mDuring: sampler.since(t0) } };
      const ratio = r.report['paneOverCli'] as number;
      summary.push(['pane: read + compute + write 2 sheets, pane / CLI', String(ratio), '≤ 2', ratio <= 2 ? 'PASS' : 'MISS']);
    } catch (e) {
      report = { ...report, pane: failed('pane', e) };
    }
    ran.push('pane');
    save();
  }

  if (only.has('mail')) {
    const t0 = Date.now();
    console.log(`\n== e-mail: pacing through a local Graph server (load average ${os.loadavg().map(round2).join(' ')}) ==`);
    try {
      const r = await mailBench({ count: 500, log: (line) => console.log(line) });
      console.log(`\n${r.lines.join('\n')}`);
      for (const f of r.failures) console.error(`FAIL (mail): ${f}`);
      if (r.failures.length > 0) code = 1;
      report = { ...report, mail: { ...r.report, failures: r.failures, loadAverage1mDuring: sampler.since(t0) } };
      const calm = (r.report['calm'] ?? {}) as Record<string, number>;
      summary.push(['mail: pace / Exchange limit (30 a "minute")', String(calm['ofLimit']), '≥ 0.9', (calm['ofLimit'] ?? 0) >= 0.9 ? 'PASS' : 'MISS']);
      summary.push(['mail: ETA error at start, no 429', String(calm['etaError']), '≤ 0.1', (calm['etaError'] ?? 1) <= 0.1 ? 'PASS' : 'MISS']);
      const stormy = (r.report['stormy'] ?? {}) as Record<string, number>;
      const wrong = (calm['lost'] ?? 0) + (calm['doubled'] ?? 0) + (stormy['lost'] ?? 0) + (stormy['doubled'] ?? 0);
      summary.push([`mail: lost + doubled, with and without 429s (${stormy['throttledAnswered']} 429s answered)`, String(wrong), '0', wrong === 0 ? 'PASS' : 'MISS']);
    } catch (e) {
      report = { ...report, mail: failed('mail', e) };
    }
    ran.push('mail');
    save();
  }

  const load = sampler.since(started.getTime());
  sampler.stop();
  if (summary.length > 0) console.log(`\n${table([['summary', 'value', 'goal', ''], ...summary])}`);
  console.log(`load average (1 min) during the run: min ${load.min}, mean ${load.mean}, max ${load.max} (${load.samples} samples, ${os.cpus().length} CPUs)`);
  console.log(`results: ${path.relative(ROOT, RESULTS)} (sections run: ${ran.join(', ')})`);
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
