/**
 * The sample workbook's tables (examples/sample-ledger.xlsx), read with exceljs into the arrays
 * Excel passes a function (dates as serials, numbers, "" for an empty cell; each sheet's range
 * from A1, titles above the header included, so rows are the sheet's), every function compared
 * with compute --json on a workbook holding the same cells. Both entries sheets (English, and the
 * French one with debit/credit columns) are ledgers of their own.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { tempDir } from '../helpers/workbook';
import type { Grid } from './excelGrids';
import { checkAgedReceivables, checkBalanceAndAging, checkOpen, checkStatements, columnOf, dataRows, met, type LedgerCase } from './ledgerChecks';
import { freshRuntime } from './setup';

const FILE = path.join(__dirname, '../../examples/sample-ledger.xlsx');
const dir = tempDir('stmt-sample-');

/** A cell as Excel hands it to a custom function. */
function excelValue(v: ExcelJS.CellValue): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Math.round(v.getTime() / 86_400_000 - Date.UTC(1899, 11, 30) / 86_400_000);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return excelValue(v.result as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  if ('error' in v) return String(v.error);
  return String(v);
}

async function sheets(): Promise<Record<string, Grid>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FILE);
  const out: Record<string, Grid> = {};
  wb.eachSheet((ws) => {
    const grid: Grid = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      grid.push(Array.from({ length: ws.columnCount }, (_, c) => excelValue(row.getCell(c + 1).value)));
    }
    out[ws.name] = grid;
  });
  return out;
}

let book: Record<string, Grid> = {};
beforeAll(async () => {
  book = await sheets();
});
beforeEach(() => freshRuntime());

describe.each(['Entries', 'Écritures'])('the sample workbook, entries sheet %s', (sheet) => {
  const ledger = (): LedgerCase => {
    const entries = book[sheet] as Grid;
    const customers = book['Customers'] as Grid;
    const id = columnOf('entries', entries, 'customer_id');
    return {
      entries,
      applications: book['Applications'],
      customers,
      asOf: '2026-10-31',
      style: 'open-item',
      from: undefined,
      bands: '30,60,90',
      by: 'due',
      ids: [...new Set(dataRows('entries', entries).map((r) => String(r[id])).filter((x) => x !== ''))],
      currencies: [undefined, 'EUR'],
      dir,
    };
  };
  it('has its tables', () => {
    expect(ledger().ids.length).toBeGreaterThan(10);
  });
  it('BALANCE and AGING equal compute --json', () => checkBalanceAndAging(ledger()));
  it('STATEMENT (open items, and the activity of October) equals compute --json', async () => {
    await checkStatements(ledger());
    await checkStatements({ ...ledger(), style: 'activity', from: '2026-10-01' });
  });
  it('OPEN of every document equals compute --json', () => checkOpen(ledger(), ledger().entries));
  it('AGEDRECEIVABLES equals compute --json --summary, by months too', async () => {
    await checkAgedReceivables(ledger());
    await checkAgedReceivables({ ...ledger(), bands: 'months', by: 'posting' });
  });
});

it('met blocked customers and figures in the sample', () => {
  expect(met.blocked).toBeGreaterThan(0);
  expect(met.nonZero).toBeGreaterThan(20);
});
