import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { buildLedger, computeStatements, statementsWorkbookModel, type WorkbookModel } from '../../../src/core';
import { readLedgerFromWorkbook } from '../../../src/adapters/excel/readLedgerFromWorkbook';
import { widthInPoints } from '../../../src/adapters/excel/officeStyles';
import { SETTINGS_SHEET } from '../../../src/adapters/excel/settingsSheet';
import { writeWorkbookModel } from '../../../src/adapters/excel/writeWorkbookModel';
import { computeOptionsFrom } from '../../../src/cli/options';
import { readSettingsFile } from '../../../src/cli/settingsFile';
import { FakeExcel, type FakeWorkbookInit } from '../../fakes/excel/fakeExcel';
import { fakeWorkbookFromXlsx } from '../../fakes/excel/fromXlsx.node';
import { MAX_COLUMNS } from '../../fakes/excel/addresses';
import { cli, cliDateOrder, flagsOf } from '../../helpers/excelCli';
import { tempDir } from '../../helpers/workbook';

const SAMPLE = path.join(__dirname, '../../../examples/sample-ledger.xlsx');
const SETTINGS = path.join(__dirname, '../../../examples/settings.json');
const ARGS = ['--as-of', '2026-10-31', '--lang', 'fr'];

/** The model the add-in writes for the ledger in the fake, with the options `statements run` takes. */
async function modelFor(fake: FakeExcel, args: readonly string[]): Promise<WorkbookModel> {
  const flags = flagsOf(SAMPLE, args);
  const { options, language, defaultCurrency } = computeOptionsFrom(flags);
  const read = await readLedgerFromWorkbook(fake.run, { dateOrder: cliDateOrder(SAMPLE, flags), isSetSupported: (v) => fake.isSetSupported('ExcelApi', v) });
  if (!read.ok) throw new Error(read.error.en);
  const result = computeStatements(buildLedger(read.tables, { defaultCurrency, dateOrder: undefined }, [...read.issues]), { ...options, summary: false });
  const settings = readSettingsFile(SETTINGS);
  return statementsWorkbookModel(result, { maxSheets: 200, language, company: { name: settings.company.name, addressLines: settings.company.addressLines } }).workbook;
}

const norm = <T>(rows: readonly (readonly (T | null | undefined)[] | undefined)[], empty: T | '' = '') => {
  const out = rows.map((r) => Array.from(r ?? [], (v) => v ?? empty));
  for (const r of out) while (r.length > 0 && r[r.length - 1] === empty) r.pop();
  while (out.length > 0 && (out[out.length - 1] as unknown[]).length === 0) out.pop();
  return out;
};

describe('writing the statements workbook into the open workbook', () => {
  let cliBook: FakeWorkbookInit;
  let cliStyles: ExcelJS.Workbook;
  beforeAll(async () => {
    const out = tempDir();
    const run = await cli('run', '--ledger', SAMPLE, '--out', out, '--settings', SETTINGS, ...ARGS);
    expect(run.err).not.toMatch(/error/i);
    cliBook = await fakeWorkbookFromXlsx(path.join(out, 'statements.xlsx'));
    cliStyles = new ExcelJS.Workbook();
    await cliStyles.xlsx.readFile(path.join(out, 'statements.xlsx'));
  });

  it('holds, cell by cell, what the CLI\'s statements.xlsx holds: values, number formats, tables, bold and fills', async () => {
    const init = await fakeWorkbookFromXlsx(SAMPLE);
    const fake = new FakeExcel(init);
    const model = await modelFor(fake, ARGS);
    fake.resetStats();
    const written = await writeWorkbookModel(fake.run, model);
    const stats = fake.stats;
    expect(written.sheets).toEqual(cliBook.sheets.map((s) => s.name));
    expect(fake.sheetNames()).toEqual([...init.sheets.map((s) => s.name), ...written.sheets, SETTINGS_SHEET]);
    for (const expected of cliBook.sheets) {
      const sheet = fake.sheet(expected.name);
      expect(norm(sheet.values)).toEqual(norm(expected.rows));
      expect(norm(sheet.formats, 'General')).toEqual(norm(expected.formats ?? [], 'General'));
      expect(fake.tables(expected.name).map((t) => ({ name: t.name, ref: `${t.rect.top},${t.rect.left},${t.rect.rows},${t.rect.columns}` })))
        .toEqual((expected.tables ?? []).map((t) => {
          const x = new FakeExcel({ sheets: [{ name: 'x', rows: [], tables: [{ name: 'T', ref: t.ref }] }] }).tables()[0]?.rect;
          return { name: t.name, ref: `${x?.top},${x?.left},${x?.rows},${x?.columns}` };
        }));
      cliStyles.getWorksheet(expected.name)?.eachRow((row, r) => row.eachCell((cell, c) => {
        const f = sheet.cellFormats.get((r - 1) * MAX_COLUMNS + (c - 1));
        expect([expected.name, r, c, f?.bold ?? false]).toEqual([expected.name, r, c, cell.font?.bold ?? false]);
        const fill = (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb?.slice(2);
        expect([expected.name, r, c, f?.fill?.slice(1)]).toEqual([expected.name, r, c, fill]);
      }));
    }
    for (const expected of cliBook.sheets) {
      const columns = cliStyles.getWorksheet(expected.name)?.columns ?? [];
      // exceljs reads back its own default width, 9, as no width.
      const widths = columns.map((c) => c.width ?? 9);
      expect(widths.filter((w) => w !== undefined).length).toBeGreaterThan(0);
      expect(widths.map((_, c) => fake.sheet(expected.name).columnWidths.get(c))).toEqual(widths.map((w) => (w === undefined ? undefined : widthInPoints(w))));
    }
    const aged = fake.sheet(written.sheets[0] as string);
    expect(aged.frozen).toEqual({ rows: 1, columns: 2 });
    expect(aged.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1 }, printTitleRows: '$1:$1', leftMargin: 50.4 });
    expect(fake.sheet(SETTINGS_SHEET).visibility).toBe('Hidden');
    // Every sync after the first reads ran with calculation suspended; nothing near Excel's limits.
    expect(written.syncs).toBe(stats.syncs);
    expect(stats.suspendedSyncs).toBe(stats.syncs - 1);
    expect(Math.max(...stats.requestBytes)).toBeLessThan(2_500_000);
    console.log(`write: ${written.syncs} syncs, ${stats.requestBytes.reduce((a, b) => a + b, 0)} request bytes (largest ${Math.max(...stats.requestBytes)}), ${stats.responseBytes.reduce((a, b) => a + b, 0)} response bytes`);
  });

  it('replaces exactly the sheets of the previous run and never touches the user\'s own', async () => {
    const init = await fakeWorkbookFromXlsx(SAMPLE);
    // The user has a sheet named like one the run writes, and a table named like one of its tables.
    const fake = new FakeExcel({ ...init, sheets: [...init.sheets, { name: 'Issues', rows: [['my notes'], ['x']], tables: [{ name: 'AgedReceivables', ref: 'A1:A2' }] }] });
    const model = await modelFor(fake, ['--as-of', '2026-10-31']);
    const before = await readLedgerFromWorkbook(fake.run);
    const first = await writeWorkbookModel(fake.run, model);
    // The ledger read again does not take the statements for ledger sheets.
    const after = await readLedgerFromWorkbook(fake.run);
    expect(after).toEqual({ ...before, syncs: after.syncs });
    expect(first.renamed).toEqual({ Issues: 'Issues (2)' });
    expect(fake.sheet('Issues').values).toEqual([['my notes'], ['x']]);
    const again = await writeWorkbookModel(fake.run, statementsWorkbookModel({ ...emptyResult(model) }, {}).workbook);
    expect(again.removed).toEqual(first.sheets);
    expect(fake.sheetNames()).toEqual([...init.sheets.map((s) => s.name), 'Issues', SETTINGS_SHEET, ...again.sheets]);
    expect(fake.tables().filter((t) => t.name === 'AgedReceivables').map((t) => t.sheet.name)).toEqual(['Issues']);
  });
});

describe('a large sheet', () => {
  it('is written in several syncs, none over 5 MB, with calculation suspended in each', async () => {
    const ROWS = 100_000;
    const rows = [
      ['Customer', 'Name', 'Balance', 'Due'].map((text) => ({ value: { kind: 'text' as const, text }, style: { bold: true } })),
      ...Array.from({ length: ROWS }, (_, i) => [
        { value: { kind: 'text' as const, text: `C${String(i).padStart(6, '0')}` } },
        { value: { kind: 'text' as const, text: `Customer number ${i} of the ledger` } },
        { value: { kind: 'money' as const, minor: 123456 + i, currency: 'EUR' }, format: '#,##0.00' },
        { value: { kind: 'date' as const, day: 20000 + (i % 400) }, format: 'yyyy-mm-dd' },
      ]),
    ];
    const model: WorkbookModel = { sheets: [{ name: 'Big', rows, columnWidths: [12, 30, 14, 12], tables: [{ name: 'BigTable', top: 1, left: 1, headers: ['Customer', 'Name', 'Balance', 'Due'], dataRows: ROWS, style: 'TableStyleMedium2', rowStripes: true }], frozen: { rows: 1, columns: 0 } }] };
    const fake = new FakeExcel({ sheets: [{ name: 'Ledger', rows: [['x']] }] });
    const written = await writeWorkbookModel(fake.run, model);
    expect(written.syncs).toBe(fake.stats.syncs);
    expect(fake.stats.syncs).toBeGreaterThan(5);
    expect(Math.max(...fake.stats.requestBytes)).toBeLessThan(2_500_000);
    expect(fake.stats.suspendedSyncs).toBe(fake.stats.syncs - 1);
    const big = fake.sheet('Big');
    expect(big.values[ROWS]).toEqual([`C${String(ROWS - 1).padStart(6, '0')}`, `Customer number ${ROWS - 1} of the ledger`, (123456 + ROWS - 1) / 100, 20000 + ((ROWS - 1) % 400) + 25569]);
    expect(big.formats[ROWS]).toEqual([undefined, undefined, '#,##0.00', 'yyyy-mm-dd']);
    expect(fake.tables('Big').map((t) => [t.name, t.rect.rows])).toEqual([['BigTable', ROWS + 1]]);
    console.log(`100,000-row sheet: ${written.syncs} syncs, largest request ${Math.max(...fake.stats.requestBytes)} bytes`);
  });
});

/** A run with no statements: Aged receivables and Issues only. */
function emptyResult(_m: WorkbookModel): Parameters<typeof statementsWorkbookModel>[0] {
  const flags = flagsOf(SAMPLE, ['--as-of', '2026-10-31']);
  const { options } = computeOptionsFrom(flags);
  return { asOf: options.asOf, from: options.from, style: options.style, aging: options.aging, agingBasis: options.agingBasis, summary: false, statements: [], excluded: [], issues: [] } as unknown as Parameters<typeof statementsWorkbookModel>[0];
}
