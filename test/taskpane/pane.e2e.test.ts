// The task pane end to end: the production build (dist/addin/taskpane.html) in Debian's Chromium,
// office.js answered by the in-memory Excel stub (test/fakes/excel/browserStub.ts) holding
// examples/sample-ledger.xlsx as the fake's Node loader reads it. The tests drive the UI as a user
// would, then read the fake workbook back: the sheets written equal the CLI's statements.xlsx cell
// by cell, an issue's button selects its cell, the mapping flow saves a mapping the next read uses.
// Each state is screenshotted (test-results/pane-<lang>-<state>.png) and checked with axe-core.
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { fakeWorkbookFromXlsx } from '../fakes/excel/fromXlsx.node';
import type { FakeWorkbookInit } from '../fakes/excel';
import { ensureAddinBuilt, ROOT } from '../helpers/addinBuild';
import { withAddinPage } from '../helpers/addinPage';
import { cli, cliDateOrder, flagsOf } from '../helpers/excelCli';
import { ensurePaneStubBuilt } from '../helpers/paneStub';
import { tempDir } from '../helpers/workbook';

const SAMPLE = path.join(ROOT, 'examples', 'sample-ledger.xlsx');
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const documentXml = async (file: string) => (await JSZip.loadAsync(fs.readFileSync(file)).then((z) => z.file('word/document.xml')?.async('string'))) ?? '';
const SHOTS = path.join(ROOT, 'test-results');
const VIEWPORT = { width: 380, height: 900 };
const AS_OF = '2026-10-31';

type Lang = 'en' | 'fr';
const WORDS = {
  en: { ledger: 'Ledger', options: 'Options', customers: 'Customers', issues: /^Issues/, output: 'Output', fifo: 'Apply to oldest invoices (FIFO)', mdy: 'Month first (10/31/2026)', write: 'Write sheets', search: 'Search customers', back: 'Back to the list', written: /sheets written/, one: /One "Statement" sheet for/, statement: 'Statement', save: 'Save mapping and read again', docNo: 'Header for customer_id', find: 'Find ledger', cancel: 'Cancel', cancelled: 'Cancelled.', entries: 'Entries' },
  fr: { ledger: 'Grand livre', options: 'Options', customers: 'Clients', issues: /^Anomalies/, output: 'Sorties', fifo: 'Imputer aux plus anciennes factures (FIFO)', mdy: 'Mois d’abord (10/31/2026)', write: 'Écrire les onglets', search: 'Rechercher un client', back: 'Retour à la liste', written: /onglets écrits/, one: /Un seul onglet « Relevé » pour/, statement: 'Relevé', save: 'Enregistrer et relire', docNo: 'En-tête pour customer_id', find: 'Trouver le grand livre', cancel: 'Annuler', cancelled: 'Annulé.', entries: 'Écritures' },
} as const;

/** Rows compared as values: trailing blanks dropped, null/undefined as ''. */
const norm = (rows: readonly (readonly unknown[] | null | undefined)[]) => {
  const out = rows.map((r) => Array.from(r ?? [], (v) => (v === null || v === undefined ? '' : v)));
  for (const r of out) while (r.length > 0 && r[r.length - 1] === '') r.pop();
  while (out.length > 0 && (out[out.length - 1] as unknown[]).length === 0) out.pop();
  return out;
};

let stub: string;
let sample: FakeWorkbookInit;
beforeAll(async () => {
  ensureAddinBuilt();
  stub = await ensurePaneStubBuilt();
  sample = await fakeWorkbookFromXlsx(SAMPLE);
  fs.mkdirSync(SHOTS, { recursive: true });
});

async function idle(page: Page): Promise<void> {
  await page.waitForTimeout(250); // the statements follow an option 150 ms after the change
  await page.locator('[data-testid=progress]').waitFor({ state: 'detached', timeout: 30_000 });
}

/** Screenshot and axe-core: no serious or critical violation in this state. */
async function check(page: Page, lang: Lang, state: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `pane-${lang}-${state}.png`), fullPage: true });
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Tabster's focus sentinels (Fluent UI's focus management: aria-hidden, tabindex 0, by design) are left out.
    const r = await axe.run({ exclude: [['[data-tabster-dummy]']] } as unknown as Document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, at: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  expect([state, violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')]).toEqual([state, []]);
}

const fakeSheets = (page: Page) => page.evaluate(() => {
  const fake = (globalThis as unknown as { __fake: { sheetNames(): string[]; sheet(n: string): { values: unknown[][]; visibility: string } } }).__fake;
  return fake.sheetNames().map((name) => ({ name, values: fake.sheet(name).values, visibility: fake.sheet(name).visibility }));
});

describe.each<Lang>(['en', 'fr'])('the task pane in %s', (lang) => {
  const W = WORDS[lang];
  const args = ['--as-of', AS_OF, '--allocate', 'fifo', '--lang', lang];

  it('finds the ledger, takes the options, previews a statement, selects an issue\'s cell and writes the CLI\'s sheets', async () => {
    const out = tempDir();
    const run = await cli('run', '--ledger', SAMPLE, '--out', out, ...args);
    const docsOut = tempDir();
    await cli('run', '--ledger', SAMPLE, '--out', docsOut, '--pdf', '--docx', '--customer', 'C001', ...args);
    expect(run.err).not.toMatch(/error/i); // exit code 1: some customers are blocked, as the sample means
    const expected = await fakeWorkbookFromXlsx(path.join(out, 'statements.xlsx'));
    const mdy = cliDateOrder(SAMPLE, flagsOf(SAMPLE, args)) === 'mdy';

    await withAddinPage(async (page, addin) => {
      // 1. The ledger, found on open.
      await page.getByRole('heading', { name: W.entries }).first().waitFor();
      await idle(page);
      expect(await page.locator('section[aria-label*="Entries"] td', { hasText: 'document_no' }).count()).toBeGreaterThan(0);
      await check(page, lang, '1-ledger');

      // 2. Options as the CLI's flags.
      await page.getByRole('tab', { name: W.options }).click();
      await page.locator('input[name=asOf]').fill(AS_OF);
      await page.getByLabel(W.fifo).check();
      if (mdy) await page.getByLabel(W.mdy).check();
      await idle(page);
      await check(page, lang, '2-options');

      // 3. Customers and one statement.
      await page.getByRole('tab', { name: W.customers }).click();
      await page.getByRole('listitem').first().waitFor();
      await check(page, lang, '3-customers');
      await page.getByRole('searchbox', { name: W.search }).fill('acme');
      const acme = page.getByRole('button', { name: /Acme Trading Ltd/ });
      await acme.first().click();
      await page.getByRole('button', { name: W.back }).waitFor();
      const article = page.locator('article');
      expect(await article.textContent()).toContain('Acme Trading Ltd');
      await check(page, lang, '4-statement');

      // 5. Issues: a cell's button selects it in the workbook.
      await page.getByRole('tab', { name: W.issues }).click();
      const cellButton = page.locator('ul li button').first();
      await cellButton.waitFor();
      const cell = (await cellButton.textContent()) ?? '';
      await check(page, lang, '5-issues');
      await cellButton.click();
      await page.waitForFunction((c) => (globalThis as unknown as { __fake: { state: { selection?: string } } }).__fake.state.selection === c, cell);

      // 6. Write: the sheets hold the CLI's statements.xlsx cell by cell.
      await page.getByRole('tab', { name: W.output }).click();
      await check(page, lang, '6-output');

      // Documents of the customer picked, made in the browser: the CLI's PDF text and Word XML.
      const downloaded = async (label: string) => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
        const file = path.join(out, `pane-${download.suggestedFilename()}`);
        await download.saveAs(file);
        return { name: download.suggestedFilename(), file };
      };
      const pdf = await downloaded('PDF');
      expect(pdf.name).toMatch(/^C001 .*\.pdf$/);
      expect(pdfText(pdf.file)).toBe(pdfText(path.join(docsOut, 'pdf', pdf.name)));
      const word = await downloaded('Word');
      expect(await documentXml(word.file)).toBe(await documentXml(path.join(docsOut, 'docx', word.name)));
      await page.getByRole('button', { name: W.write }).click();
      await page.getByText(W.written).waitFor({ timeout: 60_000 });
      await check(page, lang, '7-written');
      const sheets = await fakeSheets(page);
      const written = sheets.filter((s) => !sample.sheets.some((x) => x.name === s.name) && s.visibility === 'Visible');
      expect(written.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
      for (const want of expected.sheets) {
        const got = written.find((s) => s.name === want.name);
        expect([want.name, norm(got?.values ?? [])]).toEqual([want.name, norm(want.rows)]);
      }

      // A second run, one "Statement" sheet for the customer picked: it replaces exactly the first run's sheets.
      await page.getByLabel(W.one).check();
      await page.getByRole('button', { name: W.write }).click();
      await page.getByText(/replaced|remplacés/).waitFor({ timeout: 60_000 });
      const again = (await fakeSheets(page)).filter((s) => !sample.sheets.some((x) => x.name === s.name) && s.visibility === 'Visible');
      expect(again.map((s) => s.name)).toEqual([...expected.sheets.slice(0, 2).map((s) => s.name), W.statement]);
      const cliAcme = expected.sheets.find((s) => s.name.startsWith('C001'));
      expect(norm(again[2]?.values ?? [])).toEqual(norm(cliAcme?.rows ?? []));
      expect(norm(again[0]?.values ?? [])).toEqual(norm(expected.sheets[0]?.rows ?? []));
      expect(addin.errors).toEqual([]);
    }, { officeStub: stub, displayLanguage: lang === 'fr' ? 'fr-FR' : 'en-US', viewport: VIEWPORT, stubSettings: { workbook: sample, apiVersion: '1.13' } });
  });

  it('maps an unknown header, saves the mapping in the workbook and reads the ledger with it', async () => {
    // The English entries sheet with "Acct Ref" for "Customer No.": no table is recognised on it.
    const renamed: FakeWorkbookInit = {
      ...sample,
      sheets: sample.sheets.map((s) => (s.name !== 'Entries' ? s : { ...s, rows: s.rows.map((r) => r.map((v) => (v === 'Customer No.' ? 'Acct Ref' : v))) })),
    };
    await withAddinPage(async (page, addin) => {
      const pick = page.getByLabel(W.docNo);
      await pick.waitFor();
      await idle(page);
      await check(page, lang, '8-mapping');
      await pick.selectOption('Acct Ref');
      await page.getByRole('button', { name: W.save }).click();
      await page.getByRole('heading', { name: W.entries }).nth(1).waitFor();
      await idle(page);
      await check(page, lang, '9-mapped');
      expect(await page.getByLabel(W.docNo).count()).toBe(0);
      const entries = page.locator('section[aria-label$="— Entries"]');
      expect(await entries.locator('tr', { hasText: 'Acct Ref' }).locator('td').nth(1).textContent()).toBe('customer_id');
      const settings = (await fakeSheets(page)).find((s) => s.name === 'Statements settings');
      expect(settings?.visibility).toBe('Hidden');
      expect(norm(settings?.values ?? []).slice(1)).toEqual([['mapping.entries.customer_id', 'Acct Ref']]);
      expect(addin.errors).toEqual([]);
    }, { officeStub: stub, displayLanguage: lang === 'fr' ? 'fr-FR' : 'en-US', viewport: VIEWPORT, stubSettings: { workbook: renamed } }); // the manifest's ExcelApi 1.9: nothing above it
  });
});

it.each<Lang>(['en', 'fr'])('shows progress while Excel is held (%s) and stops when Cancel is pressed', async (lang) => {
  const W = WORDS[lang];
  await withAddinPage(async (page, addin) => {
    const progress = page.locator('[data-testid=progress]');
    await progress.waitFor();
    await check(page, lang, '0-progress');
    await progress.getByRole('button', { name: W.cancel }).click();
    await page.evaluate(() => ((globalThis as Record<string, unknown>)['__stmtHold'] = false));
    await page.getByText(W.cancelled).waitFor();
    expect(await page.getByRole('heading', { name: W.entries }).count()).toBe(0);
    await progress.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: W.find }).click();
    await page.getByRole('heading', { name: W.entries }).first().waitFor({ timeout: 30_000 });
    expect(addin.errors).toEqual([]);
  }, { officeStub: stub, displayLanguage: lang === 'fr' ? 'fr-FR' : 'en-US', viewport: VIEWPORT, stubSettings: { workbook: sample, holdSyncs: true } });
});

it('saves the Firm settings in the workbook\'s settings sheet', async () => {
  await withAddinPage(async (page, addin) => {
    await page.getByRole('heading', { name: WORDS.en.entries }).first().waitFor();
    await idle(page);
    await page.getByRole('tab', { name: WORDS.en.output }).click();
    const firm = page.getByTestId('firm-settings');
    await firm.getByLabel('Company name').fill('Pane Firm Ltd');
    await firm.getByLabel('Address (one line per line)').fill('1 Pane Street\nLyon');
    await firm.getByLabel('Letter').check();
    await firm.getByRole('button', { name: 'Save settings' }).click();
    await firm.getByText('Settings saved in the workbook.').waitFor();
    await firm.scrollIntoViewIfNeeded();
    await check(page, 'en', '10-firm-settings');
    const settings = (await fakeSheets(page)).find((s) => s.name === 'Statements settings');
    expect(settings?.visibility).toBe('Hidden');
    expect(norm(settings?.values ?? []).slice(1)).toEqual([['settings.company.name', 'Pane Firm Ltd'], ['settings.company.addressLines', '1 Pane Street\nLyon'], ['settings.paper', 'Letter']]);
    expect(addin.errors).toEqual([]);
  }, { officeStub: stub, displayLanguage: 'en-US', viewport: VIEWPORT, stubSettings: { workbook: sample } });
});
