// The pane's logic without a browser: its options are the CLI's, its mapping block in the settings
// sheet survives the writer (and the writer's record survives it), how the ledger is summarised and
// which sheets are offered for mapping, and the manifest's ExcelApi requirement.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { statementsWorkbookModel, buildLedger, computeStatements } from '../../src/core';
import { EXCEL_REQUIREMENTS, readLedgerFromWorkbook, readSheetHeads, readWorkbookMapping, saveWorkbookMapping, mappingFromRows, writeWorkbookModel, SETTINGS_SHEET } from '../../src/adapters/excel';
import { computeOptionsFrom } from '../../src/cli/options';
import { checkOptions, defaultOptions, type PaneOptions } from '../../src/taskpane/paneOptions';
import { mappingCandidates, summariseTables } from '../../src/taskpane/ledgerSummary';
import { customerRows, searchRows } from '../../src/taskpane/customerRows';
import { TEXTS } from '../../src/taskpane/texts';
import { CancelToken, computeRun, findLedger } from '../../src/taskpane/statementsRun';
import { fakePaneHost } from '../helpers/fakePaneHost';
import { FakeExcel, type FakeWorkbookInit } from '../fakes/excel';
import { fakeWorkbookFromXlsx } from '../fakes/excel/fromXlsx.node';
import { flagsOf } from '../helpers/excelCli';

const ROOT = path.join(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'examples', 'sample-ledger.xlsx');
let sample: FakeWorkbookInit;
beforeAll(async () => {
  sample = await fakeWorkbookFromXlsx(SAMPLE);
});

describe('the options form', () => {
  const base = defaultOptions(0, 'en');
  const cases: [string, Partial<PaneOptions>, string[]][] = [
    ['the defaults', { asOf: '2026-10-31' }, ['--as-of', '2026-10-31']],
    ['activity with a period', { asOf: '2026-10-31', from: '2026-10-01', style: 'activity' }, ['--as-of', '2026-10-31', '--from', '2026-10-01', '--style', 'activity']],
    ['aging by month on posting dates, FIFO', { asOf: '2026-10-31', aging: 'months', agingBasis: 'posting', allocate: 'fifo' }, ['--as-of', '2026-10-31', '--aging', 'months', '--aging-by', 'posting', '--allocate', 'fifo']],
    ['a period aging', { asOf: '2026-10-31', aging: '1M+CM' }, ['--as-of', '2026-10-31', '--aging', '1M+CM']],
    ['every selection option', { asOf: '2026-10-31', include: 'either', excludeCredit: true, minBalance: '10,50', overdueOnly: true, ignoreOptOut: true, customers: 'C001, C002', groups: 'wholesale;retail' },
      ['--as-of', '2026-10-31', '--include', 'either', '--exclude-credit', '--min-balance', '10,50', '--overdue-only', '--ignore-opt-out', '--customer', 'C001', 'C002', '--group', 'wholesale', 'retail']],
    ['a default currency', { asOf: '2026-10-31', currency: 'eur' }, ['--as-of', '2026-10-31', '--currency', 'eur']],
    ['an export date (another system\'s export)', { asOf: '2026-10-31', exported: '2026-09-30' }, ['--as-of', '2026-10-31', '--exported', '2026-09-30']],
  ];
  it.each(cases)('gives the CLI\'s compute options: %s', (_name, form, args) => {
    const pane = checkOptions({ ...base, ...form }, TEXTS.en, 'en');
    const cli = computeOptionsFrom(flagsOf(SAMPLE, args));
    if (!pane.ok) throw new Error(JSON.stringify(pane.errors));
    expect(pane.options).toEqual({ ...cli.options, summary: false });
    expect(pane.defaultCurrency).toBe(cli.defaultCurrency);
  });

  it('says what is wrong next to each field, in the pane\'s language', () => {
    const bad = checkOptions({ ...base, asOf: '2026-02-30', from: 'x', aging: '90,30', minBalance: '1,500', currency: 'EURO', maxSheets: '-1', exported: '30/09/2026' }, TEXTS.fr, 'fr');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.errors).sort()).toEqual(['aging', 'asOf', 'currency', 'exported', 'from', 'maxSheets', 'minBalance']);
    expect(bad.errors.minBalance).toBe(TEXTS.fr.errors.ambiguousAmount);
    const late = checkOptions({ ...base, asOf: '2026-10-01', from: '2026-10-31' }, TEXTS.en, 'en');
    expect(late.ok ? undefined : late.errors.from).toBe(TEXTS.en.errors.fromAfterAsOf);
  });
});

describe('the mapping block of the settings sheet', () => {
  it('is saved, read back, kept by the writer, and keeps the writer\'s record', async () => {
    const fake = new FakeExcel(sample);
    expect(await readWorkbookMapping(fake.run)).toEqual({});
    const mapping = { entries: { 'Acct Ref': 'customer_id', 'Inv Ref': 'document_no' }, customers: { 'Client Code': 'customer_id' } };
    await saveWorkbookMapping(fake.run, mapping);
    expect(fake.sheet(SETTINGS_SHEET).visibility).toBe('Hidden');
    expect(await readWorkbookMapping(fake.run)).toEqual(mapping);

    const read = await readLedgerFromWorkbook(fake.run);
    if (!read.ok) throw new Error(read.error.en);
    const result = computeStatements(buildLedger(read.tables, {}, read.issues), computeOptionsFrom(flagsOf(SAMPLE, ['--as-of', '2026-10-31'])).options);
    const first = await writeWorkbookModel(fake.run, statementsWorkbookModel(result, { maxSheets: 2 }).workbook);
    expect(await readWorkbookMapping(fake.run)).toEqual(mapping);

    // A new mapping replaces the old one and leaves the record of written sheets: the next run still replaces them.
    await saveWorkbookMapping(fake.run, { entries: { 'Inv Ref': 'document_no' } });
    expect(await readWorkbookMapping(fake.run)).toEqual({ entries: { 'Inv Ref': 'document_no' } });
    const again = await writeWorkbookModel(fake.run, statementsWorkbookModel(result, { maxSheets: 1 }).workbook);
    expect(again.removed).toEqual(first.sheets);
  });

  it('leaves out rows naming no table or column', () => {
    expect(mappingFromRows([
      { key: 'mapping.entries.document_no', value: 'Inv Ref' },
      { key: 'mapping.entries.nonsense', value: 'X' },
      { key: 'mapping.ledger.customer_id', value: 'Y' },
      { key: 'mapping.customers.name', value: '' },
      { key: 'written-sheet', value: 'Issues' },
    ])).toEqual({ entries: { 'Inv Ref': 'document_no' } });
  });
});

describe('the ledger as the pane shows it', () => {
  it('lists each table with its rows and how each header is read', async () => {
    const read = await readLedgerFromWorkbook(new FakeExcel(sample).run);
    const tables = summariseTables(read);
    expect(tables.map((t) => [t.table, t.sheet, t.headerRow, t.missing])).toEqual([
      ['customers', 'Customers', 1, []], ['entries', 'Entries', 4, []], ['entries', 'Écritures', 3, []], ['applications', 'Applications', 1, []],
    ]);
    const entries = tables[1];
    expect(entries?.rows).toBe(read.ok ? (Array.isArray(read.tables.entries) ? read.tables.entries[0]?.rows.length : -1) : -1);
    expect(entries?.columns.find((c) => c.header === 'Document No.')?.column).toBe('document_no');
    expect(tables[2]?.columns.find((c) => c.header === 'N° pièce')?.column).toBe('document_no');
  });

  it('offers a sheet whose header lacks a needed column, and no longer once it is mapped', async () => {
    const renamed: FakeWorkbookInit = { ...sample, sheets: sample.sheets.map((s) => (s.name !== 'Entries' ? s : { ...s, rows: s.rows.map((r) => r.map((v) => (v === 'Customer No.' ? 'Acct Ref' : v))) })) };
    const fake = new FakeExcel(renamed);
    const read = await readLedgerFromWorkbook(fake.run);
    const heads = await readSheetHeads(fake.run);
    const offered = mappingCandidates(summariseTables(read), heads, {});
    expect(offered.map((c) => [c.sheet, c.table, c.fixed, c.headerRow, c.headers[0]])).toEqual([['Entries', 'entries', false, 4, 'Acct Ref']]);
    const mapping = { entries: { 'Acct Ref': 'customer_id' } };
    const mapped = await readLedgerFromWorkbook(fake.run, { mapping });
    expect(mappingCandidates(summariseTables(mapped), heads, mapping)).toEqual([]);
    expect(summariseTables(mapped).filter((t) => t.table === 'entries').map((t) => t.sheet)).toEqual(['Entries', 'Écritures']);
  });
});

describe('the customer list', () => {
  it('has every customer once per currency with its status, and finds them by id or name without accents', async () => {
    const read = await readLedgerFromWorkbook(new FakeExcel(sample).run);
    if (!read.ok) throw new Error(read.error.en);
    const result = computeStatements(buildLedger(read.tables, {}, read.issues), computeOptionsFrom(flagsOf(SAMPLE, ['--as-of', '2026-10-31'])).options);
    const rows = customerRows(result, 'fr');
    const ok = result.statements.filter((s) => s.status === 'ok');
    expect(rows.filter((r) => r.status === 'ok').length).toBe(ok.reduce((n, s) => n + Math.max(1, s.sections.length), 0));
    expect(rows.filter((r) => r.status === 'blocked').map((r) => r.customerId)).toEqual(result.statements.filter((s) => s.status === 'blocked').map((s) => s.customerId));
    expect(rows.filter((r) => r.status === 'excluded').every((r) => r.reason !== undefined && r.reason !== '')).toBe(true);
    const blocked = rows.find((r) => r.status === 'blocked');
    expect(blocked?.reason).toMatch(/D238/);
    expect(searchRows(rows, 'patisserie').map((r) => r.name)).toEqual(['Pâtisserie Élodie']);
    expect(searchRows(rows, 'c001').map((r) => r.customerId)).toEqual(['C001']);
  });
});

it('the manifest declares the ExcelApi set the adapter is written for', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const declared = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)?.[1];
  expect(declared).toBe(EXCEL_REQUIREMENTS.manifest.version);
});

describe('another system\'s export in the pane (issue 16)', () => {
  const BC = path.join(ROOT, 'test', 'fixtures', 'exports', 'business-central', 'en-xlsx-closed-by', 'customer-ledger-entries.xlsx');
  it('is recognised in the open workbook, said on the Ledger tab, and its "Exported on" date is used', async () => {
    const fake = new FakeExcel(await fakeWorkbookFromXlsx(BC));
    const host = fakePaneHost(fake);
    const read = await findLedger(host, {}, 'dmy', new CancelToken(), () => undefined);
    if (!read.ok) throw new Error(read.error.en);
    expect(read.issues.filter((i) => i.code === 'export-recognised').map((i) => i.message.en)).toEqual([expect.stringMatching(/^read as a Business Central export: Customer Ledger Entries\. Columns used: /)]);
    const run = async (form: Partial<PaneOptions>) => {
      const checked = checkOptions({ ...defaultOptions(0, 'en'), currency: 'USD', ...form }, TEXTS.en, 'en');
      if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
      return computeRun(read, checked.options, checked.defaultCurrency, new CancelToken(), () => undefined);
    };
    const atExport = await run({ asOf: '2026-03-31', exported: '2026-03-31' });
    const adatum = atExport?.statements.find((s) => s.customerId === 'C10000');
    expect(adatum?.sections[0]?.aging).toEqual([30000, 0, 0, 70000, 0]);
    expect(atExport?.issues.map((i) => i.code)).toEqual(['export-recognised']);
    // Without the date, the latest posting date is taken and the Issues tab says so.
    const assumed = await run({ asOf: '2026-03-31' });
    expect(assumed?.issues.map((i) => i.code)).toEqual(['export-recognised', 'export-date-assumed']);
  });
});
