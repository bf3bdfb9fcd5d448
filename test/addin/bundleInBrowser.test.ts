// The production bundle in Chromium with SharedArrayBuffer and Atomics deleted, office.js replaced by
// the capturing stub: it loads without an error and associates every function of functions.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureAddinBuilt } from '../helpers/addinBuild';
import { associatedFunctions, callFunction, withAddinPage } from '../helpers/addinPage';

const addinDir = ensureAddinBuilt();
const metadata = JSON.parse(fs.readFileSync(path.join(addinDir, 'functions.json'), 'utf8')) as { functions: { id: string }[] };

describe('the production add-in in Chromium without SharedArrayBuffer and Atomics', () => {
  it('loads with no page error and associates every function of functions.json', async () => {
    await withAddinPage(async (page, addin) => {
      const globals = await page.evaluate(() => ({ sab: typeof SharedArrayBuffer, atomics: typeof Atomics, stub: (globalThis as unknown as { __stmt: { problems: string[] } }).__stmt.problems }));
      expect(globals.sab).toBe('undefined');
      expect(globals.atomics).toBe('undefined');
      expect(globals.stub).toEqual([]);
      expect(await associatedFunctions(page)).toEqual(metadata.functions.map((f) => f.id).sort());
      expect(addin.errors).toEqual([]);
    });
  });

  it('lets a test call a captured function as Excel would', async () => {
    await withAddinPage(async (page, addin) => {
      const r = await callFunction(page, 'DAYSOVERDUE', [46000, 46030]);
      expect(r).toEqual({ value: 30 });
      await expect(callFunction(page, 'NOSUCHFUNCTION', [])).rejects.toThrow(/No function associated as NOSUCHFUNCTION/);
      expect(addin.errors).toEqual([]);
    });
  });

  it('shows the placeholder pane in French when Office displays French; the stub answers the workbook settings asked', async () => {
    await withAddinPage(
      async (page) => {
        expect(await page.locator('h1').textContent()).toBe('Relevés de compte client');
        expect(await page.locator('section[data-lang="fr"]').isVisible()).toBe(true);
        expect(await page.locator('section[data-lang="en"]').isVisible()).toBe(false);
        const settings = await page.evaluate(() =>
          Excel.run(async (context) => {
            const workbook = context.workbook as unknown as { use1904DateSystem: boolean; load(p: string): void };
            workbook.load('use1904DateSystem');
            const format = context.application.cultureInfo.datetimeFormat;
            format.load('shortDatePattern');
            await context.sync();
            return { date1904: workbook.use1904DateSystem, pattern: format.shortDatePattern, language: Office.context.displayLanguage };
          }),
        );
        expect(settings).toEqual({ date1904: true, pattern: 'dd/MM/yyyy', language: 'fr-FR' });
      },
      { displayLanguage: 'fr-FR', date1904: true },
    );
  });
});
