// `npm run preview` in Chromium: the preview page loads the sample workbook into the in-memory Excel,
// shows its sheets in the grid, runs the production task pane in its frame against it (a write from
// the pane's frame redraws the grid), and a dropped .xlsx replaces the workbook and reloads the pane.
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import webpack from 'webpack';
import { chromium } from 'playwright-core';
import { ensureAddinBuilt, ROOT } from '../helpers/addinBuild';
import { CHROMIUM, CHROMIUM_FLAGS } from '../helpers/addinPage';
import { tempDir } from '../helpers/workbook';
import { startPreview } from '../../scripts/preview';

/* eslint-disable @typescript-eslint/no-require-imports -- the build's own CommonJS module */
const { createPreviewConfig } = require(path.join(ROOT, 'webpack.preview.config.js')) as { createPreviewConfig(o: { outDir?: string }): webpack.Configuration };
/* eslint-enable @typescript-eslint/no-require-imports */

const RESULTS = path.join(ROOT, 'test-results');

describe('npm run preview', () => {
  const work = tempDir('stmt-preview-');
  const previewDir = path.join(work, 'preview');
  let buildErrors: string[] = [];

  beforeAll(async () => {
    const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(createPreviewConfig({ outDir: previewDir }), (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s))));
    buildErrors = stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message) ?? [];
    ensureAddinBuilt();
  }, 300_000);

  it('shows the sample workbook beside the real task pane, redraws after a write, and takes a dropped .xlsx', async () => {
    expect(buildErrors).toEqual([]);
    // The sample's Entries header, read in Node, to find in the grid.
    const sample = new ExcelJS.Workbook();
    await sample.xlsx.readFile(path.join(ROOT, 'examples', 'sample-ledger.xlsx'));
    const entriesA1 = String(sample.getWorksheet('Entries')?.getCell('A1').value);
    const dropped = path.join(work, 'my ledger.xlsx');
    const mine = new ExcelJS.Workbook();
    mine.addWorksheet('Grand livre').addRows([['Client', 'Date', 'Montant'], ['C1', new Date(Date.UTC(2026, 0, 15)), 12.5]]);
    (mine.getWorksheet('Grand livre') as ExcelJS.Worksheet).getCell('B2').numFmt = 'dd/mm/yyyy';
    await mine.xlsx.writeFile(dropped);

    const server = await startPreview(path.join(ROOT, 'dist', 'addin'), previewDir);
    const profile = tempDir('stmt-preview-chromium-');
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1400, height: 800 } });
    const errors: string[] = [];
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => (m.type() === 'error' ? errors.push(`console: ${m.text()}`) : undefined));
      const origin = new URL(server.url).origin;
      await page.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : (errors.push(`outside: ${route.request().url()}`), route.abort())));
      await page.goto(server.url);
      await page.waitForSelector('#status[data-workbook="sample-ledger.xlsx"]');
      expect(await page.locator('.tabs button').allTextContents()).toEqual(sample.worksheets.map((w) => w.name));
      await page.click('.tabs button[data-sheet="Entries"]');
      expect(await page.locator('table.grid[data-sheet="Entries"] td[data-address="A1"]').textContent()).toBe(entriesA1);

      // The production taskpane.html in its frame, with the preview's office.js.
      const pane = page.frameLocator('#pane');
      await expect(pane.locator('h1').textContent()).resolves.toBe('Customer statements');
      const frame = page.frames().find((f) => f.url().includes('/taskpane.html'));
      expect(frame).toBeDefined();
      // A write through the pane's Excel.run shows in the grid.
      await frame?.evaluate(() =>
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Entries').getRange('A1').values = [['written by the pane']];
          await ctx.sync();
        }),
      );
      expect(await page.locator('#grid').getAttribute('data-runs')).not.toBe('0');
      expect(await page.locator('table.grid[data-sheet="Entries"] td[data-address="A1"]').textContent()).toBe('written by the pane');
      fs.mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS, 'preview-sample.png') });

      // A dropped workbook replaces the fake and reloads the pane.
      const paneUrl = frame?.url();
      await page.setInputFiles('#file', dropped);
      await page.waitForSelector('#status[data-workbook="my ledger.xlsx"]');
      expect(await page.locator('.tabs button').allTextContents()).toEqual(['Grand livre']);
      expect(await page.locator('table.grid td[data-address="B2"]').textContent()).toBe('2026-01-15');
      await page.waitForFunction((was) => (document.getElementById('pane') as HTMLIFrameElement).contentWindow?.location.href !== was, paneUrl);
      await expect(pane.locator('h1').textContent()).resolves.toBe('Customer statements');
      await page.selectOption('#lang', 'fr-FR');
      await page.waitForFunction(() => (document.getElementById('pane') as HTMLIFrameElement).contentDocument?.querySelector('h1')?.textContent === 'Relevés de compte client');
      await page.screenshot({ path: path.join(RESULTS, 'preview-dropped-fr.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);
});
