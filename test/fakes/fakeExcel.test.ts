import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { EXCEL_REQUIREMENTS } from '../../src/adapters/excel/requirements';
import { FakeExcel, type FakeWorkbookInit } from './excel/fakeExcel';
import { fakeWorkbookFromXlsx } from './excel/fromXlsx.node';
import { tempDir } from '../helpers/workbook';

const SAMPLE = path.join(__dirname, '../../examples/sample-ledger.xlsx');
const small = (): FakeWorkbookInit => ({ sheets: [{ name: 'Data', rows: [['a', 1], ['b', 2]], formats: [[null, '0.00']] }, { name: 'Other', rows: [] }] });
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};
const rejects = async (p: Promise<unknown>) => p.then(() => 'no error', (e: { code?: string }) => e.code);

describe('the in-memory Excel enforces load and sync', () => {
  it('throws PropertyNotLoaded before load, and after load until sync', async () => {
    const fake = new FakeExcel(small());
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B2');
      expect(code(() => range.values)).toBe('PropertyNotLoaded');
      range.load('values, address');
      expect(code(() => range.values)).toBe('PropertyNotLoaded');
      await context.sync();
      expect(range.values).toEqual([['a', 1], ['b', 2]]);
      expect(range.address).toBe('Data!A1:B2');
      expect(code(() => range.rowCount)).toBe('PropertyNotLoaded');
      const sheets = context.workbook.worksheets;
      expect(code(() => sheets.items)).toBe('PropertyNotLoaded');
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Data', 'Other']);
    });
  });

  it('queues writes and applies them in order at sync; an error stops the batch there', async () => {
    const fake = new FakeExcel(small());
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Other');
      ws.getRange('B2:C2').values = [["'007", 'TRUE']];
      ws.getRange('B2').numberFormat = [['@']];
      expect(fake.sheet('Other').values).toEqual([]);
      await context.sync();
      expect(fake.sheet('Other').values[1]).toEqual([undefined, '007', true]);
      expect(fake.sheet('Other').formats[1]).toEqual([undefined, '@']);
      ws.getRange('A1').values = [['x']];
      ws.getRange('A1:B1').values = [['too short']];
      ws.getRange('A3').values = [['never']];
      expect(await rejects(context.sync())).toBe('InvalidArgument');
    });
    expect(fake.sheet('Other').values[0]).toEqual(['x']);
    expect(fake.sheet('Other').values[2]).toBeUndefined();
  });

  it('resolves getItem at sync (ItemNotFound), and …OrNullObject as a null object', async () => {
    const fake = new FakeExcel(small());
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const there = context.workbook.worksheets.getItemOrNullObject('data');
      expect(code(() => missing.isNullObject)).toBe('PropertyNotLoaded');
      await context.sync();
      expect([missing.isNullObject, there.isNullObject]).toEqual([true, false]);
      context.workbook.worksheets.getItem('Nope');
      expect(await rejects(context.sync())).toBe('ItemNotFound');
    });
  });

  it('refuses to use an object after its Excel.run', async () => {
    const fake = new FakeExcel(small());
    const range = await fake.run(async (context) => context.workbook.worksheets.getItem('Data').getRange('A1'));
    expect(code(() => range.load('values'))).toBe('InvalidObjectPath');
  });
});

describe('the in-memory Excel refuses what the add-in may not use', () => {
  it('names an API outside the subset', async () => {
    const fake = new FakeExcel(small());
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1');
      expect(() => range.formulas).toThrow(/Range\.formulas is not part of the Excel API the add-in uses/);
      expect(code(() => (context.workbook as unknown as { charts: unknown }).charts)).toBe('ApiNotImplemented');
      expect(code(() => (context as unknown as { runtime: unknown }).runtime)).toBe('ApiNotImplemented');
      expect(code(() => range.load(undefined as unknown as string))).toBe('ApiNotImplemented');
      expect(code(() => ((range as unknown as { address: string }).address = 'B2'))).toBe('InvalidArgument');
      range.values = [['=SUM(1,2)']];
      expect(await rejects(context.sync())).toBe('ApiNotImplemented');
    });
  });

  it('refuses an API above the declared requirement set, and takes it on a host that has it', async () => {
    expect(EXCEL_REQUIREMENTS.manifest.version).toBe('1.9');
    const declared = new FakeExcel(small());
    expect([declared.isSetSupported('ExcelApi', '1.9'), declared.isSetSupported('ExcelApi', '1.13')]).toEqual([true, false]);
    await declared.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem('Data').getRange().getMergedAreasOrNullObject()).toThrow(/needs ExcelApi 1\.13; this host offers ExcelApi 1\.9/);
    });
    const old = new FakeExcel(small(), { apiVersion: '1.8' });
    await old.run(async (context) => {
      expect(code(() => context.workbook.worksheets.getItem('Data').pageLayout)).toBe('ApiNotDeclared');
    });
    const recent = new FakeExcel({ sheets: [{ name: 'M', rows: [['x']], merged: ['A1:B3'] }] }, { apiVersion: '1.13' });
    await recent.run(async (context) => {
      const areas = context.workbook.worksheets.getItem('M').getRange().getMergedAreasOrNullObject().load('address');
      await context.sync();
      expect(areas.address).toBe('M!A1:B3');
    });
  });
});

describe('the in-memory Excel keeps Excel\'s rules', () => {
  it('keeps one visible sheet, unique sheet and table names, and document properties', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Only', rows: [['h'], ['v']] }] });
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem('Only').visibility = 'Hidden';
      expect(await rejects(context.sync())).toBe('InvalidOperation');
      sheets.add('only');
      expect(await rejects(context.sync())).toBe('ItemAlreadyExists');
      sheets.add('Bad:name');
      expect(await rejects(context.sync())).toBe('InvalidArgument');
      const table = sheets.getItem('Only').tables.add('A1:A2', true);
      table.name = 'A1';
      expect(await rejects(context.sync())).toBe('InvalidArgument');
      context.workbook.properties.title = 'Statements';
      const props = context.workbook.properties.load('title');
      const tables = context.workbook.tables.load('items/name');
      await context.sync();
      expect([props.title, tables.items.map((t) => t.name)]).toEqual(['Statements', ['Table1']]);
    });
  });
});

describe('the in-memory Excel counts and limits what goes to and from Excel', () => {
  it('counts round trips and the bytes of each request and response (Excel.run syncs what is left)', async () => {
    const fake = new FakeExcel(small());
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1:B2').load('values');
      await context.sync();
      context.workbook.worksheets.getItem('Other').getRange('A1').values = [['x'.repeat(1000)]];
    });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.responseBytes[0]).toBe(JSON.stringify([{ id: 3, p: 'values', v: [['a', 1], ['b', 2]], cells: 4 }]).length);
    expect(fake.stats.requestBytes[1]).toBeGreaterThan(1000);
    expect(fake.stats.largestRead).toBe(4);
  });

  it('fails a request over 5 MB, a response over 5 MB, and a read over 5,000,000 cells', async () => {
    const big = Array.from({ length: 6000 }, () => ['y'.repeat(1000)]);
    const fake = new FakeExcel({ sheets: [{ name: 'Big', rows: big }] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Big');
      ws.getRange('B1:B6000').values = big;
      expect(await rejects(context.sync())).toBe('RequestPayloadSizeLimitExceeded');
      // Nothing of a refused request reached Excel, not even the sheet it named.
      expect(code(() => ws.getRange('A1').load('values') && undefined)).toBe('no error');
      expect(await rejects(context.sync())).toBe('InvalidObjectPath');
      const again = context.workbook.worksheets.getItem('Big');
      again.getRange('A1:A6000').load('values');
      expect(await rejects(context.sync())).toBe('ResponsePayloadSizeLimitExceeded');
      again.getRange('A1:A4000').load('values');
      await context.sync();
      again.getRange().load('values');
      expect(await rejects(context.sync())).toBe('ExceededCellLimit');
    });
    expect(fake.stats.largestRead).toBe(4000);
  });
});

describe('loading the in-memory Excel from an .xlsx', () => {
  it('reads examples/sample-ledger.xlsx: sheets, values with dates as serials, number formats', async () => {
    const init = await fakeWorkbookFromXlsx(SAMPLE);
    const fake = new FakeExcel(init);
    expect(fake.sheetNames()).toEqual(['Customers', 'Entries', 'Écritures', 'Applications']);
    await fake.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Applications').getUsedRange().load('address, values, numberFormat');
      await context.sync();
      expect(used.address).toBe('Applications!A1:D21');
      expect(used.values[0]).toEqual(['From Document', 'To Document', 'Amount', 'Date']);
      const [from, to, amount, date] = used.values[1] as [string, string, number, number];
      expect([typeof from, typeof to, typeof amount, Number.isInteger(date)]).toEqual(['string', 'string', 'number', true]);
      expect(used.numberFormat[1]).toEqual(['General', 'General', '#,##0.00', 'yyyy-mm-dd']);
    });
  });

  it('reads Excel tables, merged ranges, the 1904 date system, hidden sheets and error values', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Ledger');
    ws.getCell('A1').value = 'title';
    ws.mergeCells('A1:C1');
    ws.addTable({ name: 'tblEntries', ref: 'B3', headerRow: true, columns: [{ name: 'Customer' }, { name: 'Date' }], rows: [['K1', new Date(Date.UTC(1904, 0, 3))]] });
    ws.getCell('E5').value = { error: '#N/A' };
    wb.addWorksheet('Hidden', { state: 'hidden' }).getCell('A1').value = 1;
    const file = path.join(tempDir(), 'book.xlsx');
    await wb.xlsx.writeFile(file);
    const init = await fakeWorkbookFromXlsx(file);
    expect(init.date1904).toBe(true);
    expect(init.sheets[0]).toMatchObject({ name: 'Ledger', tables: [{ name: 'tblEntries', ref: 'B3:C4' }], merged: ['A1:C1'] });
    expect(init.sheets[0]?.rows[3]).toEqual([null, 'K1', 2]);
    expect(init.sheets[0]?.rows[4]?.[4]).toBe('#N/A');
    expect(init.sheets[1]?.visibility).toBe('Hidden');
  });
});
