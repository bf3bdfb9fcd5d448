// The pane's e-mail settings and monthly schedule: kept as mail.* rows of the workbook's settings
// sheet (through the Office.js adapter, on the strict in-memory Excel), read back the same, and read
// by the CLI from the workbook as saved: `statements schedule due` lists the runs the pane's schedule
// makes due, and `send` uses the pane's subject.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from '../../src/adapters/xlsx/exceljs';
import { DEFAULT_MAIL_SETTINGS, mailSettingsFromRows, mailSettingsRows, parseIsoDay, SETTINGS_SHEET, type MailSettings } from '../../src/core';
import { readWorkbookMail, recordScheduleRun, saveWorkbookMailSettings, saveWorkbookSettings, readWorkbookSettings } from '../../src/adapters/excel';
import { FakeExcel } from '../fakes/excel';
import { cli, mailLedger } from '../cli/mail/fixture';
import { tempDir, workbookFromCsvFolder } from '../helpers/workbook';

const PANE_MAIL: MailSettings = {
  ...DEFAULT_MAIL_SETTINGS,
  replyTo: 'accounts@firm.example',
  attachCsv: true,
  templates: { ...DEFAULT_MAIL_SETTINGS.templates, subject: { en: 'Your statement {number} from the pane', fr: 'Votre relevé {number} (volet)' } },
  schedule: { dayOfMonth: 1, style: 'activity', frequency: 'monthly', customers: { B: 'quarterly', C: 'never', 'X.9': 'quarterly' } },
};

describe('mail settings rows', () => {
  it('give back the settings they were made from; defaults make no row; a bad row is named', () => {
    expect(mailSettingsRows(DEFAULT_MAIL_SETTINGS)).toEqual([]);
    const rows = mailSettingsRows(PANE_MAIL);
    expect(rows.find((r) => r.key === 'mail.schedule.customers.X.9')?.value).toBe('quarterly');
    expect(mailSettingsFromRows(rows)).toEqual({ ok: true, settings: PANE_MAIL });
    const bad = mailSettingsFromRows([{ key: 'mail.schedule.dayOfMonth', value: '32' }, { key: 'mail.copyToSelf', value: 'yes' }]);
    expect(bad.ok ? [] : bad.errors.map((e) => e.en)).toEqual(['settings: mail.copyToSelf must be true or false', 'settings: mail.schedule.dayOfMonth must be a whole number 1..31']);
  });
});

describe('the schedule saved in the pane', () => {
  it('is kept beside the firm settings, and the CLI reads it from the saved workbook', async () => {
    const ledgerFile = await workbookFromCsvFolder(mailLedger(), path.join(tempDir(), 'ledger.xlsx'));
    const fake = new FakeExcel({ sheets: [{ name: 'Sheet1', rows: [] }] });
    await saveWorkbookSettings(fake.run, { ...(await readWorkbookSettings(fake.run)), company: { ...(await readWorkbookSettings(fake.run)).company, name: 'Pane Firm' } });
    await saveWorkbookMailSettings(fake.run, PANE_MAIL);
    await recordScheduleRun(fake.run, parseIsoDay('2026-05-01') as number);
    const back = await readWorkbookMail(fake.run);
    expect(back).toEqual({ parsed: { ok: true, settings: PANE_MAIL }, lastRun: parseIsoDay('2026-05-01') });
    expect((await readWorkbookSettings(fake.run)).company.name).toBe('Pane Firm');

    // The settings sheet as Excel saves it, added to the ledger workbook.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ledgerFile);
    const sheet = wb.addWorksheet(SETTINGS_SHEET, { state: 'hidden' });
    for (const row of fake.sheet(SETTINGS_SHEET).values) sheet.addRow(row.map((v) => (v === undefined ? null : v)));
    await wb.xlsx.writeFile(ledgerFile);

    const log = path.join(tempDir(), 'send.jsonl');
    const due = await cli('schedule', 'due', '--ledger', ledgerFile, '--log', log, '--today', '2026-07-03');
    expect(due.err).toBe('');
    expect(due.out.trim().split('\n')).toEqual([
      'Run 2026-07-01 (monthly): period 2026-06-01..2026-06-30, 1 customer',
      'Run 2026-07-01 (quarterly): period 2026-04-01..2026-06-30, 1 customer',
    ]);
    const out = path.join(tempDir(), 'out');
    const sent = await cli('send', '--ledger', ledgerFile, '--as-of', '2026-06-30', '--log', log, '--outbox', out);
    expect(sent.code).toBe(0);
    const eml = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.includes('-A')) ?? ''), 'utf8');
    expect(eml).toMatch(/Subject: Your statement ST-202606-A from the pane/);
    expect(eml).toMatch(/Reply-To: accounts@firm.example/);
    expect(eml).toMatch(/filename=ST-202606-A\.csv/);
  });
});
