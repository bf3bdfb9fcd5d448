/**
 * The task pane against the CLI on the same 50,000-entry workbook (`npm run bench -- --only pane`).
 *
 * Pane: the production pane bundle (dist/addin/taskpane.html) in Chromium, office.js answered by the
 * in-memory Excel (test/fakes/excel, bundled by test/helpers/paneStub.ts) holding the workbook; a fresh
 * page each run. Loading the fake and the pane's first automatic read are not timed. Timed, from the
 * click to done, as a user works: "Find ledger" (read), the statements computed (they follow the read
 * after the pane's 150 ms pause, left out of the figure), then "Write sheets" with 0 statement sheets
 * (the Aged receivables and Issues sheets). Times are taken in the page (performance.now() at the
 * click; a MutationObserver sees the progress bar leave). The fake counts the round trips
 * (context.sync) and each request's and response's bytes.
 *
 * CLI: the same work in this Node process on the same .xlsx: readWorkbook, buildLedger,
 * computeStatements, the workbook model with only those two sheets, workbookAsXlsx written to a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { buildLedger, computeStatements, statementsWorkbookModel } from '../src/core';
import { readWorkbook } from '../src/adapters/xlsx/readWorkbook';
import { workbookAsXlsx } from '../src/adapters/xlsx/workbookAsXlsx';
import { Command } from 'commander';
import { addComputeOptions } from '../src/cli/computeFlags';
import { computeOptionsFrom, type ComputeFlags } from '../src/cli/options';
import { fakeWorkbookFromXlsx } from '../test/fakes/excel/fromXlsx.node';
import { ensureAddinBuilt } from '../test/helpers/addinBuild';
import { withAddinPage } from '../test/helpers/addinPage';
import { ensurePaneStubBuilt } from '../test/helpers/paneStub';
import { workbookFromCsvFolder } from '../test/helpers/workbook';
import { AGED_PARAMS } from './addinBench';
import { ensureLedger } from './generateLedger';
import { nowMs, samples } from './measure';

const LIMIT = 5_000_000;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export interface PaneBenchResult {
  lines: string[];
  failures: string[];
  report: Record<string, unknown>;
}

interface PaneRun { readMs: number; computeMs: number; writeMs: number; syncs: number; largestRequest: number; largestResponse: number; sheets: string[] }

/** Clicks `button` in the page and resolves with the ms from the click until the progress bar has gone. */
async function clickToDone(page: Page, name: string): Promise<{ clickedAt: number; doneAt: number }> {
  return page.evaluate(async (label) => {
    const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === label);
    if (button === undefined) throw new Error(`no button "${label}"`);
    const clickedAt = performance.now();
    let seen = false;
    const doneAt = await new Promise<number>((resolve) => {
      const watch = () => {
        const there = document.querySelector('[data-testid=progress]') !== null;
        if (there) seen = true;
        else if (seen) return resolve(performance.now());
        requestAnimationFrame(watch);
      };
      button.click();
      watch();
    });
    return { clickedAt, doneAt };
  }, name);
}


export async function paneBench(o: { root: string; dataDir: string; runs: number; log: (line: string) => void }): Promise<PaneBenchResult> {
  const failures: string[] = [];
  const lines: string[] = [];
  const say = (l: string) => { lines.push(l); o.log(l); };
  const csvDir = path.join(o.dataDir, 'addin-aged');
  const ledger = ensureLedger(csvDir, AGED_PARAMS);
  const file = path.join(o.dataDir, 'pane-ledger.xlsx');
  if (ledger.generated || !fs.existsSync(file)) await workbookFromCsvFolder(csvDir, file);
  say(`ledger: ${fmt(ledger.counts.customers)} customers, ${fmt(ledger.counts.entries)} entries, ${fmt(ledger.counts.applications)} applications as ${path.relative(o.root, file)} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`);
  const asOf = AGED_PARAMS.asOf;
  // The CLI's defaults for every other option, as the pane's defaults are (a pane logic test checks they agree).
  const flags = addComputeOptions(new Command('compute')).exitOverride().parse(['--ledger', file, '--as-of', asOf], { from: 'user' }).opts<ComputeFlags>();
  const { options, defaultCurrency } = computeOptionsFrom(flags);

  // The CLI's work in Node.
  const cli: { readMs: number; computeMs: number; writeMs: number; sheets: string[] }[] = [];
  for (let i = 0; i < o.runs; i++) {
    const t0 = nowMs();
    const read = await readWorkbook(file);
    if (!read.ok) throw new Error(read.error.en);
    const ledgerBuilt = buildLedger(read.tables, { defaultCurrency }, read.issues);
    const t1 = nowMs();
    const result = computeStatements(ledgerBuilt, options);
    const t2 = nowMs();
    const model = statementsWorkbookModel(result, { maxSheets: 0 }).workbook;
    fs.writeFileSync(path.join(o.dataDir, 'pane-cli-output.xlsx'), await workbookAsXlsx(model));
    const t3 = nowMs();
    cli.push({ readMs: t1 - t0, computeMs: t2 - t1, writeMs: t3 - t2, sheets: model.sheets.map((s) => s.name) });
  }

  // The pane's work in Chromium.
  const addinDir = ensureAddinBuilt();
  const stub = await ensurePaneStubBuilt();
  const workbook = await fakeWorkbookFromXlsx(file);
  const pane: PaneRun[] = [];
  for (let i = 0; i < o.runs; i++) {
    pane.push(await withAddinPage(async (page) => {
      await page.getByRole('button', { name: 'Find ledger' }).waitFor({ timeout: 600_000 });
      await page.locator('[data-testid=progress]').waitFor({ state: 'detached', timeout: 600_000 });
      await page.getByRole('tab', { name: 'Options' }).click();
      await page.locator('input[name=asOf]').fill(asOf);
      await page.waitForTimeout(300);
      await page.locator('[data-testid=progress]').waitFor({ state: 'detached', timeout: 600_000 });
      await page.getByRole('tab', { name: 'Ledger' }).click();
      await page.evaluate(() => (globalThis as unknown as { __fake: { resetStats(): void } }).__fake.resetStats());
      const computed = nextJobAfterRead(page);
      const read = await clickToDone(page, 'Find ledger');
      const computeMs = await computed;
      await page.getByRole('tab', { name: 'Output' }).click();
      await page.locator('input[name=maxSheets]').fill('0');
      const write = await clickToDone(page, 'Write sheets');
      await page.getByText(/sheets written/).waitFor();
      const stats = await page.evaluate(() => {
        const fake = (globalThis as unknown as { __fake: { stats: { syncs: number; requestBytes: number[]; responseBytes: number[] }; sheetNames(): string[] } }).__fake;
        return { syncs: fake.stats.syncs, largestRequest: Math.max(0, ...fake.stats.requestBytes), largestResponse: Math.max(0, ...fake.stats.responseBytes), sheets: fake.sheetNames() };
      });
      return { readMs: read.doneAt - read.clickedAt, computeMs, writeMs: write.doneAt - write.clickedAt, ...stats };
    }, { addinDir, officeStub: stub, viewport: { width: 380, height: 900 }, stubSettings: { workbook } }));
  }

  const total = (r: { readMs: number; computeMs: number; writeMs: number }) => r.readMs + r.computeMs + r.writeMs;
  const cliTotal = samples(cli.map(total));
  const paneTotal = samples(pane.map(total));
  const ratio = paneTotal.median / cliTotal.median;
  const med = (xs: number[]) => samples(xs).median;
  say(`CLI (Node, in process): read ${fmt(med(cli.map((r) => r.readMs)))} ms, compute ${fmt(med(cli.map((r) => r.computeMs)))} ms, write ${fmt(med(cli.map((r) => r.writeMs)))} ms; total median ${fmt(cliTotal.median)} ms (runs ${cliTotal.all.map(fmt).join(', ')})`);
  say(`pane (Chromium, in-memory Excel): read ${fmt(med(pane.map((r) => r.readMs)))} ms, compute ${fmt(med(pane.map((r) => r.computeMs)))} ms, write ${fmt(med(pane.map((r) => r.writeMs)))} ms; total median ${fmt(paneTotal.median)} ms (runs ${paneTotal.all.map(fmt).join(', ')})`);
  const last = pane[pane.length - 1] as PaneRun;
  const largestRequest = Math.max(...pane.map((r) => r.largestRequest));
  const largestResponse = Math.max(...pane.map((r) => r.largestResponse));
  say(`pane round trips: ${last.syncs} (read + write); largest request ${fmt(largestRequest)} bytes, largest response ${fmt(largestResponse)} bytes (limit ${fmt(LIMIT)})`);
  say(`pane / CLI: ${ratio.toFixed(2)} (target ≤ 2)`);
  const wanted = cli[0]?.sheets ?? [];
  if (!wanted.every((s) => last.sheets.includes(s))) failures.push(`the pane did not write ${wanted.join(', ')} (sheets: ${last.sheets.join(', ')})`);
  if (ratio > 2) failures.push(`pane / CLI ${ratio.toFixed(2)} > 2`);
  if (largestRequest > LIMIT || largestResponse > LIMIT) failures.push('a request or response over 5 MB');
  return {
    lines,
    failures,
    report: {
      date: new Date().toISOString(),
      ledger: { file: path.relative(o.root, file), ...ledger.counts },
      cli: { totalMs: cliTotal, runs: cli.map(({ sheets: _s, ...r }) => r) },
      pane: { totalMs: paneTotal, runs: pane.map(({ sheets: _s, ...r }) => r) },
      paneOverCli: Math.round(ratio * 100) / 100,
      roundTrips: last.syncs,
      largestRequestBytes: largestRequest,
      largestResponseBytes: largestResponse,
      sheetsWritten: wanted,
    },
  };
}

/** Starts watching before the click: the compute job starts ~150 ms after the read's job ends. */
function nextJobAfterRead(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    // Two progress spells after now: the read's, then the compute's; the second one's length is returned.
    let spells = 0;
    let start = 0;
    let there = false;
    const watch = () => {
      const now = document.querySelector('[data-testid=progress]') !== null;
      if (now && !there) start = performance.now();
      if (!now && there && ++spells === 2) return resolve(performance.now() - start);
      there = now;
      requestAnimationFrame(watch);
    };
    watch();
  }));
}
