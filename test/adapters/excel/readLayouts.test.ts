import ExcelJS from 'exceljs';
import * as path from 'node:path';
import type { RawTable } from '../../../src/core';
import { readLedgerFromWorkbook } from '../../../src/adapters/excel/readLedgerFromWorkbook';
import { selectCell } from '../../../src/adapters/excel/selectCell';
import { FakeExcel, type FakeWorkbookInit } from '../../fakes/excel/fakeExcel';
import { fakeWorkbookFromXlsx } from '../../fakes/excel/fromXlsx.node';
import { cli, computeJsonThroughExcel } from '../../helpers/excelCli';
import { tempDir } from '../../helpers/workbook';

/** The first table read of a kind (the finder gives one or several). */
const first = (t: RawTable | readonly RawTable[] | undefined): RawTable | undefined => (t === undefined ? undefined : 'rows' in t ? t : t[0]);
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A ledger as people keep one: customers in an Excel table at B3, entries under a title with the header at C5 and a customer merged down its invoices, in the 1904 date system. */
async function keptByHand(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const customers = wb.addWorksheet('Clients');
  customers.getCell('A1').value = 'Our customers';
  customers.addTable({ name: 'Customers', ref: 'B3', headerRow: true, columns: [{ name: 'Customer' }, { name: 'Name' }, { name: 'Currency' }], rows: [['K1', 'Kappa', 'EUR'], ['K2', 'Kilo', 'EUR'], ['K3', 'Kiwi', 'USD']] });
  const ws = wb.addWorksheet('Grand livre');
  ws.getCell('A1').value = 'Receivables at 30/09/2026';
  const rows: (string | number | Date | null)[][] = [
    ['Customer', 'Document No.', 'Type', 'Posting Date', 'Due Date', 'Amount'],
    ['K1', 'I-1', 'invoice', day(2026, 8, 1), day(2026, 8, 31), 100],
    [null, 'I-2', 'invoice', day(2026, 9, 1), day(2026, 9, 30), 250.5],
    ['K2', 'I-3', 'invoice', day(2026, 7, 15), day(2026, 8, 14), 80],
    ['K2', 'P-1', 'payment', day(2026, 8, 20), null, -30],
    ['K3', 'I-4', 'invoice', '31/09/2026', null, 10],
    ['Total', null, null, null, null, 410.5],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => {
    if (v === null) return;
    const cell = ws.getCell(5 + i, 3 + j);
    cell.value = v;
    if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
  }));
  ws.mergeCells('C6:C7');
  const file = path.join(tempDir(), 'kept-by-hand.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('reading a ledger kept by hand through Office.js', () => {
  it('reads tables anywhere, merged cells (ExcelApi 1.13) and 1904 serials as the CLI does, in as many blocks as asked', async () => {
    const file = await keptByHand();
    const args = ['--as-of', '2026-09-30'];
    const expected = await cli('compute', '--ledger', file, '--json', ...args);
    const json = JSON.parse(expected.out) as { statements: { customerId: string; closingBalance?: string }[]; issues: { cell?: string }[] };
    expect(json.statements.map((s) => s.customerId)).toEqual(['K1', 'K2', 'K3']);
    expect(json.issues.map((i) => i.cell)).toContain("'Grand livre'!F10");
    const init = await fakeWorkbookFromXlsx(file);
    const fake = new FakeExcel(init, { apiVersion: '1.13' });
    const got = await computeJsonThroughExcel(fake.run, file, args, (v) => fake.isSetSupported('ExcelApi', v));
    expect(got.json).toBe(expected.out);
    // Tiny blocks: one row at a time, the same statements.
    const tiny = new FakeExcel(init, { apiVersion: '1.13' });
    const read = await readLedgerFromWorkbook(tiny.run, { blockBytes: 10, isSetSupported: (v) => tiny.isSetSupported('ExcelApi', v) });
    const once = await readLedgerFromWorkbook(fake.run, { isSetSupported: (v) => fake.isSetSupported('ExcelApi', v) });
    expect(read.syncs).toBeGreaterThan(once.syncs + 8);
    expect(read.ok && once.ok && read.tables).toEqual(once.ok && once.tables);
  });

  it('without ExcelApi 1.13 leaves merged cells empty and says so', async () => {
    const file = await keptByHand();
    const fake = new FakeExcel(await fakeWorkbookFromXlsx(file));
    const read = await readLedgerFromWorkbook(fake.run, { isSetSupported: (v) => fake.isSetSupported('ExcelApi', v) });
    expect(read.notes.map((n) => n.en)).toEqual(['Merged cells were read as empty: they need ExcelApi 1.13, which this version of Excel does not have.']);
    if (!read.ok) throw new Error(read.error.en);
    const entries = first(read.tables.entries);
    expect(entries?.rows.at(1)?.[entries.headers.indexOf('Customer')]).toBe('');
  });
});

describe('a large ledger stays under Excel\'s limits', () => {
  const ROWS = 60_000;
  const big = (): FakeWorkbookInit => ({
    sheets: [
      { name: 'Customers', rows: [['Customer', 'Currency'], ...Array.from({ length: 100 }, (_, i) => [`C${i}`, 'EUR'])] },
      {
        name: 'Entries',
        rows: [
          ['Customer', 'Document No.', 'Type', 'Posting Date', 'Due Date', 'Amount', 'Description of the entry', 'Reference'],
          ...Array.from({ length: ROWS }, (_, i) => [`C${i % 100}`, `INV-${100000 + i}`, 'invoice', 46000 + (i % 300), 46030 + (i % 300), 100 + (i % 977) / 100, `Goods delivered under order ${i} as agreed`, `REF-${i}`]),
        ],
      },
    ],
  });

  it('reads 60,000 entries in blocks, no request or response over 5 MB, and backs off when a block is refused', async () => {
    const fake = new FakeExcel(big());
    const read = await readLedgerFromWorkbook(fake.run);
    if (!read.ok) throw new Error(read.error.en);
    expect(first(read.tables.entries)?.rows.length).toBe(ROWS);
    expect(read.syncs).toBeGreaterThan(3);
    expect(Math.max(...fake.stats.responseBytes)).toBeLessThan(2_500_000);
    // Asked for blocks larger than Excel takes: each refused one is read again in halves.
    const greedy = new FakeExcel(big());
    const again = await readLedgerFromWorkbook(greedy.run, { blockBytes: 50_000_000, blockCells: 5_000_000 });
    expect(again.ok && first(again.tables.entries)?.rows.length).toBe(ROWS);
    expect(greedy.stats.responseBytes.some((b) => b > 5_000_000)).toBe(true);
    console.log(`60,000 entries: ${read.syncs} syncs, largest response ${Math.max(...fake.stats.responseBytes)} bytes; greedy blocks: ${again.syncs} syncs`);
  });
});

describe('selecting an issue\'s cell', () => {
  it('selects the cell on its sheet, quoted names too, and says false for a sheet that is not there', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Entries', rows: [] }, { name: 'Grand livre', rows: [] }, { name: 'Secret', visibility: 'Hidden', rows: [] }] });
    expect(await selectCell(fake.run, 'Entries!D238')).toBe(true);
    expect(fake.state.selection).toBe('Entries!D238');
    expect(await selectCell(fake.run, "'Grand livre'!A7")).toBe(true);
    expect([fake.state.selection, fake.state.activeSheet?.name]).toEqual(["'Grand livre'!A7", 'Grand livre']);
    expect(await selectCell(fake.run, 'Gone!A1')).toBe(false);
    expect(await selectCell(fake.run, 'Secret!A1')).toBe(false);
    expect(fake.state.selection).toBe("'Grand livre'!A7");
  });
});
