/**
 * The add-in section of `npm run bench` (--only addin): the =STMT.* functions from the production
 * bundle (dist/addin) in Debian's Chromium, called as Excel calls them (ranges as Excel passes them:
 * serial numbers for dates, numbers for amounts, "" for empty cells), through the test harness
 * (test/helpers/addinPage.ts: office.js stubbed, SharedArrayBuffer and Atomics deleted).
 *
 * (1) One =STMT.AGEDRECEIVABLES over 50,000 entries (2,500 customers), a fresh page each run (so
 *     nothing is cached), against `statements compute --summary --json --ignore-opt-out` (the same
 *     customers: the table lists those who opted out of statements too) on the same ledger's CSV
 *     files in Node, as a fresh process and in process; the totals of both compared per currency.
 * (2) 2,000 =STMT.BALANCE calls (2,000 customers) over one 20,000-entry range: the first call (the
 *     range read and settled) against the cached calls, each given a fresh copy of the range as Excel
 *     gives each call; the JS heap (after GC) before, after the first call and after all of them.
 *     Every balance compared with the CLI's closing balance for that customer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { parseCsv } from '../src/adapters/csv/parseCsv';
import { currencyExponent, parseIsoDay } from '../src/core';
import { ensureLedger, LEDGER_PARAMS, type LedgerParams } from './generateLedger';
import { runNodeChild, samples, type Samples } from './measure';
import { ensureAddinBuilt } from '../test/helpers/addinBuild';
import { setPageGlobal, withAddinPage } from '../test/helpers/addinPage';

export const AGED_PARAMS: LedgerParams = { ...LEDGER_PARAMS, customers: 2_500, entriesPerCustomer: 20, spread: 16 };
export const BALANCE_PARAMS: LedgerParams = { ...LEDGER_PARAMS, customers: 2_000, entriesPerCustomer: 10, spread: 8 };
export const TARGETS = { agedOverCli: 1.5, firstOverCached: 20 } as const;

type Grid = (string | number)[][];

const DATE_COLUMNS = new Set(['posting_date', 'due_date', 'date']);
const MONEY_COLUMNS = new Set(['amount', 'debit', 'credit']);
/** Excel's serial of day 0 (1970-01-01) in the 1900 date system. */
const SERIAL_OF_1970 = 25_569;

/** A CSV file of the generated ledger (canonical headers) as Excel passes the range: header row first. */
export function gridOfCsv(file: string): Grid {
  const rows = parseCsv(fs.readFileSync(file, 'utf8')).rows;
  const header = rows[0] ?? [];
  return [header, ...rows.slice(1).filter((r) => r.some((c) => c !== '')).map((r) => header.map((h, j) => {
    const v = r[j] ?? '';
    if (v === '') return '';
    if (DATE_COLUMNS.has(h)) {
      const day = parseIsoDay(v);
      return day === undefined ? v : day + SERIAL_OF_1970;
    }
    return MONEY_COLUMNS.has(h) ? Number(v) : v;
  }))];
}

/** A grid's address as a range from A1 on a sheet (≤ 26 columns). */
function rangeAddress(sheet: string, grid: Grid): string {
  return `${sheet}!A1:${String.fromCharCode(64 + Math.max(1, (grid[0] ?? []).length))}${grid.length}`;
}

interface LedgerGrids {
  entries: Grid;
  applications: Grid;
  customers: Grid;
  asOfSerial: number;
}

function ledgerGrids(dir: string, p: LedgerParams): LedgerGrids {
  return {
    entries: gridOfCsv(path.join(dir, 'entries.csv')),
    applications: gridOfCsv(path.join(dir, 'applications.csv')),
    customers: gridOfCsv(path.join(dir, 'customers.csv')),
    asOfSerial: (parseIsoDay(p.asOf) as number) + SERIAL_OF_1970,
  };
}

interface CliDoc {
  statements: { customerId: string; status: string; sections: { currency: string; closingBalance: string; aging: string[] }[] }[];
  excluded?: { customerId: string; reason: string }[];
}

/** Minor units of a decimal figure (a number the function gave, or the CLI's decimal string). */
function minor(value: number | string, currency: string): number {
  return Math.round(Number(value) * 10 ** (currencyExponent(currency) ?? 2));
}

/**
 * The CLI on a ledger folder, a fresh process: its wall time and its JSON. --ignore-opt-out: the
 * aged-receivables table lists every customer with a balance, statements or not, so the CLI computes
 * the same customers (without it, it leaves out those who opted out of statements).
 */
export const CLI_ARGS = ['compute', '--summary', '--json', '--ignore-opt-out'] as const;
function cliRun(root: string, dir: string, asOf: string, out: string): { ms: number; doc: CliDoc } {
  const r = runNodeChild(['bin/statements.js', ...CLI_ARGS, '--ledger', dir, '--as-of', asOf], out, root);
  if (r.exitCode !== 0) throw new Error(`CLI exited with ${String(r.exitCode)}: ${r.stderr.slice(0, 2000)}`);
  return { ms: r.ms, doc: JSON.parse(fs.readFileSync(out, 'utf8')) as CliDoc };
}

/** The JS heap in use after a full GC, in MiB (Chromium's DevTools protocol). */
async function heapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return Math.round((usage.usedSize / 2 ** 20) * 10) / 10;
}

/** What an in-page call gave: its time and its value with CustomFunctions.Error cells as { code, message }. */
interface Timed { ms: number; value: unknown }

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export interface AddinBenchResult {
  lines: string[];
  failures: string[];
  report: Record<string, unknown>;
  summary: string[][];
}

export async function addinBench(o: { root: string; dataDir: string; runs: number; log: (line: string) => void }): Promise<AddinBenchResult> {
  const failures: string[] = [];
  const lines: string[] = [];
  const addinDir = process.env['BENCH_ADDIN_DIR'] ?? ensureAddinBuilt();
  const functionIds = (JSON.parse(fs.readFileSync(path.join(addinDir, 'functions.json'), 'utf8')) as { functions: { id: string }[] }).functions.map((f) => f.id);
  for (const id of ['AGEDRECEIVABLES', 'BALANCE']) if (!functionIds.includes(id)) throw new Error(`${addinDir}/functions.json has no ${id}: build the add-in with the =STMT.* functions`);

  // (1) AGEDRECEIVABLES over 50,000 entries against the CLI.
  const agedDir = path.join(o.dataDir, 'addin-aged');
  const aged = ensureLedger(agedDir, AGED_PARAMS);
  const agedGrids = ledgerGrids(agedDir, AGED_PARAMS);
  o.log(`ledger (1): ${fmt(aged.counts.customers)} customers, ${fmt(aged.counts.entries)} entries, ${fmt(aged.counts.applications)} applications (${path.relative(o.root, agedDir)})`);

  const cliTimes: number[] = [];
  let cliDoc: CliDoc | undefined;
  const functionTimes: number[] = [];
  const cachedTimes: number[] = [];
  let table: unknown[][] = [];
  let agedHeap: { loaded: number; afterCall: number } | undefined;
  for (let i = 0; i < o.runs; i++) {
    const cli = cliRun(o.root, path.relative(o.root, agedDir), AGED_PARAMS.asOf, path.join(o.dataDir, 'addin-cli-output.json'));
    cliTimes.push(cli.ms);
    cliDoc = cli.doc;
    // A fresh browser and page each run: no ledger cached from the run before.
    const r = await withAddinPage(async (page, addin) => {
      await setPageGlobal(page, '__benchEntries', agedGrids.entries);
      await setPageGlobal(page, '__benchApplications', agedGrids.applications);
      await setPageGlobal(page, '__benchCustomers', agedGrids.customers);
      const loaded = await heapMiB(page);
      // Excel passes the ranges' addresses last (AGEDRECEIVABLES is marked @requiresParameterAddresses).
      const invocation = {
        address: 'Report!A1',
        parameterAddresses: [rangeAddress('Entries', agedGrids.entries), 'Report!B1', '', '', rangeAddress('Applications', agedGrids.applications), rangeAddress('Customers', agedGrids.customers)],
      };
      const call = (): Promise<Timed> => page.evaluate(async ({ asOf, invocation }) => {
        const g = globalThis as unknown as Record<string, unknown> & { __stmt: { functions: Record<string, (...a: unknown[]) => Promise<unknown>> }; CustomFunctions: { Error: new () => { code: string; message: string } } };
        const fn = g.__stmt.functions['AGEDRECEIVABLES'] as (...a: unknown[]) => Promise<unknown>;
        const t0 = performance.now();
        const v = await fn(g['__benchEntries'], asOf, null, null, g['__benchApplications'], g['__benchCustomers'], invocation);
        const ms = performance.now() - t0;
        const cell = (c: unknown) => (c instanceof g.CustomFunctions.Error ? { code: c.code, message: c.message } : c);
        return { ms, value: Array.isArray(v) ? v.map((row: unknown[]) => row.map(cell)) : cell(v) };
      }, { asOf: agedGrids.asOfSerial, invocation });
      const first = await call();
      const afterCall = await heapMiB(page);
      const second = await call();
      if (addin.errors.length > 0) failures.push(`AGEDRECEIVABLES page errors: ${addin.errors.join(' | ')}`);
      return { first, second, heap: { loaded, afterCall } };
    }, { addinDir });
    functionTimes.push(r.first.ms);
    cachedTimes.push(r.second.ms);
    agedHeap = r.heap;
    if (!Array.isArray(r.first.value)) throw new Error(`AGEDRECEIVABLES answered ${JSON.stringify(r.first.value).slice(0, 500)}`);
    table = r.first.value as unknown[][];
    o.log(`  run ${i + 1}: CLI ${fmt(cli.ms)} ms; =STMT.AGEDRECEIVABLES ${fmt(r.first.ms)} ms (cached ${fmt(r.second.ms, 1)} ms)`);
  }

  // The check: each currency's Total row against the CLI's sections, to the cent.
  const header = (table[0] ?? []) as string[];
  const col = (name: string) => header.indexOf(name);
  const [cCustomer, cCurrency, cBalance] = [col('Customer'), col('Currency'), col('Balance')];
  const totalsFn = new Map<string, number>();
  let customerRows = 0;
  for (const row of table.slice(1)) {
    if (row[cCustomer] === 'Total') totalsFn.set(String(row[cCurrency]), minor(row[cBalance] as number, String(row[cCurrency])));
    else customerRows++;
  }
  const totalsCli = new Map<string, number>();
  let cliSections = 0;
  for (const s of cliDoc?.statements ?? []) {
    for (const x of s.sections) {
      totalsCli.set(x.currency, (totalsCli.get(x.currency) ?? 0) + minor(x.closingBalance, x.currency));
      cliSections++;
    }
  }
  const agedEqual = totalsCli.size > 0 && [...totalsCli].every(([c, v]) => totalsFn.get(c) === v) && totalsFn.size === totalsCli.size;
  if (!agedEqual) failures.push(`AGEDRECEIVABLES totals ${JSON.stringify([...totalsFn])} ≠ CLI ${JSON.stringify([...totalsCli])}`);

  const fnS = samples(functionTimes);
  const cliS = samples(cliTimes);
  const agedRatio = Math.round((fnS.median / cliS.median) * 100) / 100;

  // (2) 2,000 BALANCE calls over one 20,000-entry range.
  const balDir = path.join(o.dataDir, 'addin-balance');
  const bal = ensureLedger(balDir, BALANCE_PARAMS);
  const balGrids = ledgerGrids(balDir, BALANCE_PARAMS);
  o.log(`ledger (2): ${fmt(bal.counts.customers)} customers, ${fmt(bal.counts.entries)} entries, ${fmt(bal.counts.applications)} applications (${path.relative(o.root, balDir)})`);
  const balCli = cliRun(o.root, path.relative(o.root, balDir), BALANCE_PARAMS.asOf, path.join(o.dataDir, 'addin-cli-balance.json'));
  // The CLI's closing balance of each customer and currency (a currency without a section: 0).
  const cliBalance = new Map<string, number>();
  const cliOk = new Set<string>();
  for (const s of balCli.doc.statements) {
    if (s.status !== 'ok') continue;
    cliOk.add(s.customerId);
    for (const x of s.sections) cliBalance.set(`${s.customerId} ${x.currency}`, minor(x.closingBalance, x.currency));
  }
  for (const e of balCli.doc.excluded ?? []) if (e.reason === 'zero balance') cliOk.add(e.customerId);
  // A column of formulas =STMT.BALANCE(Entries[#All], A2, asOf, B2, Applications[#All]): the customer
  // and its currency (the currency of its rows that name none, as the CLI takes it from the customer).
  const head = balGrids.customers[0] ?? [];
  const [cId, cCur] = [head.indexOf('customer_id'), head.indexOf('currency')];
  const callArgs = balGrids.customers.slice(1, 2_001).map((r) => [String(r[cId]), String(r[cCur])] as const);
  const calls = callArgs.map(([id]) => id);
  const DEEP_EVERY = 20;
  const balance = await withAddinPage(async (page, addin) => {
    await setPageGlobal(page, '__benchEntries', balGrids.entries);
    await setPageGlobal(page, '__benchApplications', balGrids.applications);
    await setPageGlobal(page, '__benchIds', callArgs);
    const before = await heapMiB(page);
    const first = await page.evaluate(async ({ asOf, deepEvery }) => {
      const g = globalThis as unknown as Record<string, unknown> & { __stmt: { functions: Record<string, (...a: unknown[]) => Promise<unknown>> } };
      const fn = g.__stmt.functions['BALANCE'] as (...a: unknown[]) => Promise<unknown>;
      const entries = g['__benchEntries'] as unknown[][];
      const ids = g['__benchIds'] as [string, string][];
      const values: unknown[] = [];
      // What Excel shows: the value, or the error the function threw or returned.
      const excel = async (p: Promise<unknown>): Promise<unknown> => {
        try {
          return await p;
        } catch (e) {
          return e;
        }
      };
      // The first call: a fresh copy of the range, as Excel passes it.
      let range = structuredClone(entries);
      let t0 = performance.now();
      const [id0, currency0] = ids[0] as [string, string];
      values.push(await excel(fn(range, id0, asOf, currency0, structuredClone(g['__benchApplications']))));
      const firstMs = performance.now() - t0;
      g['__benchValues'] = values;
      g['__benchTimes'] = { deep: [] as number[], shallow: [] as number[], allMs: 0 };
      g['__benchRest'] = async (from: number, to: number) => {
        const times = g['__benchTimes'] as { deep: number[]; shallow: number[]; allMs: number };
        const tAll = performance.now();
        for (let i = from; i < to; i++) {
          // Every call gets its own copy of the range, as Excel gives each call; a deep copy for every
          // deepEvery-th call (the honest figure: fresh strings, as Excel's), a new outer array over
          // the same rows otherwise.
          const isDeep = i % deepEvery === 0;
          range = isDeep ? structuredClone(entries) : entries.slice();
          const apps = isDeep ? structuredClone(g['__benchApplications']) : (g['__benchApplications'] as unknown[][]).slice();
          const [id, currency] = ids[i] as [string, string];
          t0 = performance.now();
          values.push(await excel(fn(range, id, asOf, currency, apps)));
          (isDeep ? times.deep : times.shallow).push(performance.now() - t0);
        }
        times.allMs += performance.now() - tAll;
        return times;
      };
      return firstMs;
    }, { asOf: balGrids.asOfSerial, deepEvery: DEEP_EVERY });
    const afterFirst = await heapMiB(page);
    type Rest = (from: number, to: number) => Promise<{ deep: number[]; shallow: number[]; allMs: number }>;
    const runCalls = (from: number, to: number) => page.evaluate(([a, b]) => ((globalThis as unknown as Record<string, Rest>)['__benchRest'] as Rest)(a as number, b as number), [from, to]);
    const half = Math.floor(calls.length / 2);
    await runCalls(1, half);
    const afterHalf = await heapMiB(page);
    const rest = await runCalls(half, calls.length);
    const afterAll = await heapMiB(page);
    const values = await page.evaluate(() => ((globalThis as unknown as Record<string, unknown[]>)['__benchValues'] as unknown[]).map((v) => (typeof v === 'number' ? v : String((v as { message?: string }).message ?? v))));
    if (addin.errors.length > 0) failures.push(`BALANCE page errors: ${addin.errors.join(' | ')}`);
    return { first, rest, heap: { before, afterFirst, afterHalf, afterAll }, values };
  }, { addinDir });
  let compared = 0;
  const wrong: string[] = [];
  balance.values.forEach((v, i) => {
    const [id, currency] = callArgs[i] ?? ['', ''];
    if (!cliOk.has(id)) return;
    compared++;
    const want = cliBalance.get(`${id} ${currency}`) ?? 0;
    if (typeof v !== 'number' || minor(v, currency) !== want) wrong.push(`${id} ${currency}: ${String(v)} ≠ ${want} minor units`);
  });
  if (compared < calls.length / 2) failures.push(`BALANCE: only ${compared} of ${calls.length} customers had one section to compare`);
  if (wrong.length > 0) failures.push(`BALANCE: ${wrong.length} balances differ from the CLI, e.g. ${wrong.slice(0, 3).join('; ')}`);
  const deepS: Samples = samples(balance.rest.deep);
  const shallowS: Samples = samples(balance.rest.shallow);
  const cachedRatio = Math.round(balance.first / deepS.median);

  lines.push(
    `(1) =STMT.AGEDRECEIVABLES over ${fmt(aged.counts.entries)} entries (${fmt(aged.counts.customers)} customers), Chromium, production bundle, no cache: median ${fmt(fnS.median)} ms (runs ${functionTimes.map((t) => fmt(t)).join(', ')}); cached call ${fmt(samples(cachedTimes).median, 1)} ms`,
    `    statements ${CLI_ARGS.join(' ')}, fresh Node process, same ledger (CSV): median ${fmt(cliS.median)} ms (runs ${cliTimes.map((t) => fmt(t)).join(', ')})`,
    `    ratio function / CLI: ${agedRatio} (target ≤ ${TARGETS.agedOverCli}); ${customerRows} customer rows and ${totalsFn.size} totals, CLI ${cliSections} sections: totals ${agedEqual ? 'equal to the cent' : 'DIFFERENT'}; JS heap ${agedHeap?.loaded} MiB with the ranges, ${agedHeap?.afterCall} MiB after the call`,
    `(2) ${fmt(calls.length)} × =STMT.BALANCE(entries, customer, asOf, its currency, applications) over one ${fmt(bal.counts.entries)}-entry range: first call ${fmt(balance.first)} ms; cached call median ${fmt(deepS.median, 2)} ms (fresh deep copy of the range, ${deepS.all.length} calls), ${fmt(shallowS.median, 2)} ms (new outer array, ${shallowS.all.length} calls); all ${fmt(calls.length)} calls ${fmt(balance.rest.allMs + balance.first)} ms`,
    `    first / cached: ${cachedRatio}× (target ≥ ${TARGETS.firstOverCached}×); JS heap after GC: ${balance.heap.before} MiB with the range, ${balance.heap.afterFirst} MiB after the first call, ${balance.heap.afterHalf} MiB after ${fmt(Math.floor(calls.length / 2))} calls, ${balance.heap.afterAll} MiB after ${fmt(calls.length)}; ${compared} balances compared with the CLI: ${wrong.length === 0 ? 'all equal' : `${wrong.length} DIFFERENT`}`,
  );

  return {
    lines,
    failures,
    summary: [
      ['addin: =STMT.AGEDRECEIVABLES (Chromium) / statements compute --summary (time)', String(agedRatio), `≤ ${TARGETS.agedOverCli}`, agedRatio <= TARGETS.agedOverCli ? 'PASS' : 'MISS'],
      ['addin: =STMT.BALANCE first call / cached call (time)', `${cachedRatio}×`, `≥ ${TARGETS.firstOverCached}×`, cachedRatio >= TARGETS.firstOverCached ? 'PASS' : 'MISS'],
    ],
    report: {
      date: new Date().toISOString(),
      chromium: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      agedReceivables: {
        ledger: { folder: path.relative(o.root, agedDir), params: AGED_PARAMS, rows: aged.counts },
        functionMs: fnS, cachedCallMs: samples(cachedTimes), cliProcessMs: cliS, ratio: agedRatio, target: TARGETS.agedOverCli,
        heapMiB: agedHeap, totalsEqual: agedEqual, customerRows, totals: Object.fromEntries(totalsFn),
      },
      balance: {
        ledger: { folder: path.relative(o.root, balDir), params: BALANCE_PARAMS, rows: bal.counts },
        calls: calls.length, firstCallMs: balance.first, cachedDeepCopyMs: deepS, cachedShallowCopyMs: shallowS,
        allCallsMs: balance.rest.allMs + balance.first, ratio: cachedRatio, target: TARGETS.firstOverCached,
        heapMiB: balance.heap, compared, different: wrong.length,
      },
    },
  };
}
