// The task pane's e-mail, end to end: the production build in Chromium over the in-memory Excel, its
// Graph calls going over the network to the strict local fake Graph server on another 127.0.0.1
// origin (CORS as Graph answers it; not intercepted), signed in by a stub token. The ledger has A (two
// addresses and a cc), B (French), C (no address: to print) and Z (unknown customer: blocked).
// Checked: the batch preview's rows; the messages the server received (recipients, subject, a PDF
// whose text is the statement); the "Sent statements" sheet; a second "E-mail all" sends nothing;
// drafts mode leaves drafts; the due runs shown when a workbook with a schedule opens.
// Screenshots test-results/pane-<lang>-mail-*.png, each state checked with axe-core.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { formatIsoDay, parseIsoDay, scheduledGroups, SETTINGS_SHEET } from '../../src/core';
import { localToday } from '../../src/taskpane/host';
import { mailLedger } from '../cli/mail/fixture';
import type { FakeWorkbookInit } from '../fakes/excel';
import { fakeWorkbookFromXlsx } from '../fakes/excel/fromXlsx.node';
import { startFakeGraph, type FakeGraph } from '../fakes/graph/fakeGraphServer';
import { ensureAddinBuilt, ROOT } from '../helpers/addinBuild';
import { withAddinPage } from '../helpers/addinPage';
import { ensurePaneStubBuilt } from '../helpers/paneStub';
import { tempDir, workbookFromCsvFolder } from '../helpers/workbook';

const SHOTS = path.join(ROOT, 'test-results');
const VIEWPORT = { width: 380, height: 900 };
const AS_OF = '2026-06-30';
type Lang = 'en' | 'fr';
const W = {
  en: { options: 'Options', mail: 'E-mail', preview: 'Preview', entries: 'Entries', drafts: 'Create drafts (review and send from Outlook)', send2: 'Send 2 messages', draft2: 'Create 2 drafts', sent: 'Sent', drafted: 'Draft created', none: /0 to send, 1 to print \(no usable address\), 1 blocked, 2 already sent/, counts: /2 to send, 1 to print \(no usable address\), 1 blocked, 0 already sent/, noAddress: 'To print: no e-mail address' },
  fr: { options: 'Options', mail: 'E-mail', preview: 'Aperçu', entries: 'Écritures', drafts: 'Créer des brouillons (à relire et envoyer depuis Outlook)', send2: 'Envoyer 2 messages', draft2: 'Créer 2 brouillons', sent: 'Envoyé', drafted: 'Brouillon créé', none: /0 à envoyer, 1 à imprimer \(pas d'adresse utilisable\), 1 bloqués, 2 déjà envoyés/, counts: /2 à envoyer, 1 à imprimer \(pas d'adresse utilisable\), 1 bloqués, 0 déjà envoyés/, noAddress: "À imprimer : pas d'adresse e-mail" },
} as const;

let stub: string;
let ledger: FakeWorkbookInit;
let fake: FakeGraph;
beforeAll(async () => {
  ensureAddinBuilt();
  stub = await ensurePaneStubBuilt();
  ledger = await fakeWorkbookFromXlsx(await workbookFromCsvFolder(mailLedger(), path.join(tempDir(), 'mail-ledger.xlsx')));
  fs.mkdirSync(SHOTS, { recursive: true });
});
beforeEach(async () => {
  fake = await startFakeGraph();
});
afterEach(async () => {
  await fake.close();
});

async function check(page: Page, lang: Lang, state: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `pane-${lang}-mail-${state}.png`), fullPage: true });
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(c: unknown, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, at: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  expect([state, violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')]).toEqual([state, []]);
}

const sheetValues = (page: Page, name: string) => page.evaluate((n) => {
  const f = (globalThis as unknown as { __fake: { sheetNames(): string[]; sheet(n: string): { values: unknown[][] } } }).__fake;
  return f.sheetNames().includes(n) ? f.sheet(n).values.map((r) => Array.from(r ?? [], (v) => (v === undefined || v === null ? '' : v))) : undefined;
}, name);

/** The pane opened on the ledger, statements at AS_OF, on the e-mail tab. */
async function openMail(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('heading', { name: W[lang].entries }).first().waitFor();
  await page.getByRole('tab', { name: W[lang].options }).click();
  await page.locator('input[name=asOf]').fill(AS_OF);
  await page.waitForTimeout(250);
  await page.locator('[data-testid=progress]').waitFor({ state: 'detached', timeout: 30_000 });
  await page.getByRole('tab', { name: W[lang].mail }).click();
}

const pageOptions = (lang: Lang, workbook: FakeWorkbookInit, mail: Record<string, unknown>) => ({
  officeStub: stub, displayLanguage: lang === 'fr' ? 'fr-FR' : 'en-US', viewport: VIEWPORT, passThrough: [fake.url],
  stubSettings: { workbook, mail: { graphUrl: `${fake.url}/v1.0`, token: 'test-token', ...mail } },
});

const pdfText = (bytes: Buffer): string => {
  const file = path.join(tempDir(), 'attachment.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe.each<Lang>(['en', 'fr'])('the pane e-mails statements (%s)', (lang) => {
  it('previews the batch, sends through Graph, logs the "Sent statements" sheet, and sends nothing the second time', async () => {
    await withAddinPage(async (page, addin) => {
      await openMail(page, lang);
      await page.getByRole('button', { name: W[lang].preview, exact: true }).click();
      const preview = page.getByTestId('mail-preview');
      await preview.getByText(W[lang].counts).waitFor();
      const row = (id: string) => preview.locator(`tr[data-customer="${id}"]`);
      expect(await row('A').getAttribute('data-kind')).toBe('send');
      expect(await row('A').textContent()).toContain('a1@alpha.example, a2@alpha.example');
      expect(await row('A').textContent()).toContain('boss@alpha.example');
      expect(await row('A').textContent()).toContain('ST-202606-A.pdf');
      expect(await row('B').textContent()).toContain('compta@beta.example');
      expect(await row('B').textContent()).toContain('Relevé de compte ST-202606-B'); // B's language, whatever the pane's
      expect(await row('C').getAttribute('data-kind')).toBe('print');
      expect(await row('C').textContent()).toContain(W[lang].noAddress);
      expect(await row('Z').getAttribute('data-kind')).toBe('blocked');
      await check(page, lang, '1-preview');

      // Send: 2 a "minute" of 3 s, so the progress and its ETA can be seen.
      await preview.getByRole('button', { name: W[lang].send2 }).click();
      const progress = page.getByTestId('mail-progress');
      await progress.waitFor();
      expect(await progress.textContent()).toMatch(/\d+ s/);
      await check(page, lang, '2-progress');
      await progress.waitFor({ state: 'detached', timeout: 30_000 });
      const results = page.getByTestId('mail-results');
      await results.locator('tr[data-customer="B"]').waitFor();
      expect(await results.locator('tr[data-customer="A"]').getAttribute('data-outcome')).toBe('sent');
      expect(await results.locator('tr[data-customer="B"]').textContent()).toContain(W[lang].sent);
      await check(page, lang, '3-results');

      // What the server received: one message each, to the right people, with the statement as a PDF.
      const messages = [...fake.messages.values()].sort((a, b) => a.fields.subject.localeCompare(b.fields.subject));
      expect(messages.map((m) => [m.fields.subject, m.fields.to, m.fields.cc, m.folder === 'drafts'])).toEqual([
        ['Relevé de compte ST-202606-B', ['compta@beta.example'], [], false],
        ['Statement of account ST-202606-A', ['a1@alpha.example', 'a2@alpha.example'], ['boss@alpha.example'], false],
      ]);
      expect([...fake.deliveries.values()]).toEqual([1, 1]);
      const alpha = messages[1];
      const pdf = alpha?.attachments.find((a) => a.contentType === 'application/pdf');
      expect(pdf?.name).toBe('ST-202606-A.pdf');
      const text = pdfText(pdf?.bytes ?? Buffer.alloc(0));
      expect(text).toContain('Alpha Ltd');
      expect(text).toContain('1,234.56');
      expect(text).toContain('I1');

      // The "Sent statements" sheet: one row per statement with every field of the log.
      const log = await sheetValues(page, 'Sent statements');
      expect(log?.length).toBe(3);
      const header = log?.[0] as string[];
      const col = (name: string) => header.indexOf(name);
      const en = lang === 'en';
      const rowA = log?.find((r) => r[col(en ? 'Customer' : 'Client')] === 'A') as unknown[];
      expect(rowA[col(en ? 'Outcome' : 'Résultat')]).toBe('sent');
      expect(rowA[col(en ? 'As of' : 'Au')]).toBe(AS_OF);
      expect(rowA[col(en ? 'Statement number' : 'Numéro du relevé')]).toBe('ST-202606-A');
      expect(rowA[col(en ? 'Recipients' : 'Destinataires')]).toBe('a1@alpha.example; a2@alpha.example');
      expect(rowA[col('Cc')]).toBe('boss@alpha.example');
      expect(rowA[col(en ? 'Subject' : 'Objet')]).toBe('Statement of account ST-202606-A');
      expect(rowA[col(en ? 'Attachment SHA-256' : 'SHA-256 de la pièce jointe')]).toBe(createHash('sha256').update(pdf?.bytes ?? Buffer.alloc(0)).digest('hex'));
      expect(rowA[col('Transport')]).toBe('graph');
      expect(rowA[col(en ? 'Message id' : 'Identifiant du message')]).toBe(alpha?.id);
      expect(String(rowA[col(en ? 'Time (UTC)' : 'Heure (UTC)')])).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(rowA[col(en ? 'Mailbox' : 'Boîte aux lettres')]).toBe('');

      // A second "E-mail all": the sheet is read back first, nothing new goes.
      await page.getByRole('button', { name: W[lang].preview, exact: true }).click();
      await page.getByTestId('mail-preview').getByText(W[lang].none).waitFor();
      expect(await page.getByTestId('mail-preview').locator('tr[data-kind="already-sent"]').count()).toBe(2);
      expect(fake.messages.size).toBe(2);
      expect(addin.errors).toEqual([]);
    }, pageOptions(lang, ledger, { perMinute: 2, minuteMs: 3000 }));
  });
});

it('"Create drafts" leaves drafts in the mailbox, logged as drafted; a second run makes no copy', async () => {
  await withAddinPage(async (page, addin) => {
    await openMail(page, 'en');
    await page.getByLabel(W.en.drafts).check();
    for (let round = 0; round < 2; round++) {
      await page.getByRole('button', { name: W.en.preview, exact: true }).click();
      await page.getByTestId('mail-preview').getByRole('button', { name: W.en.draft2 }).click();
      await page.getByTestId('mail-results').locator('tr[data-customer="B"][data-outcome="drafted"]').waitFor({ timeout: 30_000 });
    }
    await check(page, 'en', '4-drafts');
    expect([...fake.messages.values()].map((m) => m.folder)).toEqual(['drafts', 'drafts']);
    expect(fake.deliveries.size).toBe(0);
    const log = await sheetValues(page, 'Sent statements');
    expect(log?.slice(1).map((r) => r[7])).toEqual(['drafted', 'drafted', 'drafted', 'drafted']);
    expect(addin.errors).toEqual([]);
  }, pageOptions('en', ledger, { perMinute: 600, minuteMs: 1000 }));
});

it('"Send at…" holds the messages in the Outbox until the local time chosen; "Cancel scheduled messages" removes them', async () => {
  await withAddinPage(async (page, addin) => {
    await openMail(page, 'en');
    await page.getByLabel('Send at…').check();
    await page.locator('input[name=sendAt]').fill('2030-01-02T09:30');
    await page.getByRole('button', { name: W.en.preview, exact: true }).click();
    await page.getByTestId('mail-preview').getByRole('button', { name: 'Schedule 2 messages' }).click();
    await page.getByTestId('mail-results').locator('tr[data-customer="B"][data-outcome="scheduled"]').waitFor({ timeout: 30_000 });
    const held = [...fake.messages.values()];
    expect(held.map((m) => m.folder)).toEqual(['outbox', 'outbox']);
    // The user's local 09:30 on that day (this machine's time zone, the page's too), as Exchange keeps it (UTC).
    expect(held.map((m) => m.fields.properties.find((x) => x.id === 'SystemTime 0x3FEF')?.value)).toEqual(Array(2).fill(new Date(2030, 0, 2, 9, 30).toISOString()));
    await page.getByRole('button', { name: 'Cancel scheduled messages' }).click();
    await page.getByText('Removed from the Outbox: A, B').waitFor();
    expect(fake.messages.size).toBe(0);
    const log = await sheetValues(page, 'Sent statements');
    expect(log?.slice(1).map((r) => [r[1], r[7]])).toEqual([['A', 'scheduled'], ['B', 'scheduled'], ['A', 'cancelled'], ['B', 'cancelled']]);
    expect(addin.errors).toEqual([]);
  }, pageOptions('en', ledger, { perMinute: 600, minuteMs: 1000 }));
});

it('"E-mail this statement" from the statement shown plans that customer only', async () => {
  await withAddinPage(async (page, addin) => {
    await openMail(page, 'en');
    await page.getByRole('tab', { name: 'Customers' }).click();
    await page.getByRole('button', { name: /Alpha Ltd/ }).first().click();
    await page.getByRole('button', { name: 'E-mail this statement' }).click();
    expect(await page.getByLabel(/E-mail this statement: A Alpha Ltd/).isChecked()).toBe(true);
    await page.getByRole('button', { name: W.en.preview, exact: true }).click();
    const preview = page.getByTestId('mail-preview');
    await preview.getByText(/1 to send, 0 to print/).waitFor();
    expect(await preview.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-customer')))).toEqual(['A']);
    await preview.getByRole('button', { name: 'Send 1 message' }).click();
    await page.getByTestId('mail-results').locator('tr[data-customer="A"][data-outcome="sent"]').waitFor({ timeout: 30_000 });
    expect([...fake.messages.values()].map((m) => m.fields.to)).toEqual([['a1@alpha.example', 'a2@alpha.example']]);
    expect(addin.errors).toEqual([]);
  }, pageOptions('en', ledger, { perMinute: 600, minuteMs: 1000 }));
});

it('shows the runs due when a workbook with a monthly schedule opens, and runs them once', async () => {
  const rows = [['Customer statements', ''], ['mail.schedule.dayOfMonth', '1'], ['mail.schedule.style', 'activity'], ['mail.schedule.frequency', 'monthly'], ['mail.schedule.customers.B', 'quarterly'], ['schedule-run', '2026-09-01']];
  const workbook: FakeWorkbookInit = { ...ledger, sheets: [...ledger.sheets, { name: SETTINGS_SHEET, rows, visibility: 'Hidden' as const }] };
  const today = localToday();
  const expected = scheduledGroups({ dayOfMonth: 1, style: 'activity', frequency: 'monthly', customers: { B: 'quarterly' } }, parseIsoDay('2026-09-01'), today, ['A', 'B', 'C']);
  await withAddinPage(async (page, addin) => {
    await page.getByTestId('due-banner').waitFor({ timeout: 30_000 });
    await check(page, 'en', '5-due-banner');
    await page.getByTestId('due-banner').getByRole('button').click();
    const due = page.getByTestId('due-runs');
    const items = due.getByRole('listitem');
    await items.first().waitFor();
    expect(await items.allTextContents()).toEqual(expected.map((g) => `Run ${formatIsoDay(g.run.runDate)} (${g.frequency}): period ${formatIsoDay(g.from)}..${formatIsoDay(g.asOf)}, ${g.customerIds.length} customer${g.customerIds.length === 1 ? '' : 's'}`));
    expect(expected.length).toBeGreaterThan(0);
    await due.scrollIntoViewIfNeeded();
    await check(page, 'en', '6-due-runs');

    // Run them: each group's statements go once, the runs are recorded, and nothing is due any more.
    await due.getByRole('button', { name: 'Run them now' }).click();
    const dates = [...new Set(expected.map((g) => formatIsoDay(g.run.runDate)))];
    await page.getByText(`Runs complete: ${dates.join(', ')}`).waitFor({ timeout: 60_000 });
    await due.getByText('No run due.').waitFor();
    const sentTo = [...fake.messages.values()].map((m) => `${m.fields.subject} → ${m.fields.to.join(', ')}`).sort();
    // A (monthly) once per run, B (quarterly) once per quarter month; C has no address (print list).
    const perRun = expected.flatMap((g) => g.customerIds.filter((id) => id !== 'C').map((id) => `${id}@${formatIsoDay(g.asOf)}`));
    expect(sentTo.length).toBe(perRun.length);
    expect([...fake.deliveries.values()].every((n) => n === 1)).toBe(true);
    const settings = await sheetValues(page, SETTINGS_SHEET);
    expect(settings?.filter((r) => r[0] === 'schedule-run').map((r) => r[1])).toEqual([dates[dates.length - 1]]);
    expect(addin.errors).toEqual([]);
  }, pageOptions('en', workbook, { perMinute: 600, minuteMs: 1000 }));
});
