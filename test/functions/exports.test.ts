/** The =STMT.* functions on other systems' exports (issue 16): the ranges of a Business Central workbook, as Excel passes them. */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import * as STMT from '../../src/functions/functions';
import { excelErrorOf } from './customFunctionsStub';
import { isoSerial } from './excelGrids';
import { freshRuntime, OMITTED } from './setup';

const BC = path.join(__dirname, '../fixtures/exports/business-central');

/** Each sheet's used rows as Excel hands a range to a function: dates as serials, numbers, "" for blanks. */
async function ranges(file: string): Promise<Record<string, (string | number)[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, (string | number)[][]> = {};
  wb.eachSheet((ws) => {
    const rows: (string | number)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: (string | number)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = ws.getRow(r).getCell(c).value;
        row.push(v instanceof Date ? isoSerial(v.toISOString().slice(0, 10)) : typeof v === 'number' || typeof v === 'string' ? v : '');
      }
      rows.push(row);
    }
    out[ws.name] = rows;
  });
  return out;
}

beforeEach(() => freshRuntime());

describe('Business Central ranges', () => {
  it('the issue example with Closed by links: 700 in 61–90, and the statement of the open items', async () => {
    const { 'Customer Ledger Entries': entries } = await ranges(path.join(BC, 'en-xlsx-closed-by', 'customer-ledger-entries.xlsx'));
    const asOf = isoSerial('2026-03-31');
    expect(await STMT.balance(entries as unknown[][], 'C10000', asOf, 'USD')).toBe(1000);
    expect(await STMT.aging(entries as unknown[][], 'C10000', asOf, OMITTED, OMITTED, 'USD')).toEqual([[300, 0, 0, 700, 0]]);
    // OPEN has no currency argument: a document of the local currency (blank Currency Code) needs one, so an EUR one here.
    expect(await STMT.open(entries as unknown[][], 'G02463', asOf)).toBe(-500);
    expect(await STMT.open(entries as unknown[][], '103003', asOf)).toBe(0);
    const lines = await STMT.statement(entries as unknown[][], 'C30000', asOf);
    expect(lines.slice(1).map((l) => [l[2], l[6]])).toEqual([['G02463', -500]]);
  });

  it('the Detailed entries passed as the applications range: a statement before the export date is known', async () => {
    const r = await ranges(path.join(BC, 'en-xlsx-detailed', 'customer-ledger-entries.xlsx'));
    const entries = r['Customer Ledger Entries'] as unknown[][];
    const detailed = r['Detailed Cust. Ledg. Entries'] as unknown[][];
    const asOf = isoSerial('2026-02-15');
    expect(await STMT.balance(entries, 'C10000', asOf, 'USD', detailed)).toBe(700);
    // Without them the export's open amounts are of a later date: refused for that customer, not guessed.
    const refused = await excelErrorOf(STMT.balance(entries, 'C10000', asOf, 'USD'));
    expect(refused?.code).toBe('#VALUE!');
    expect(refused?.message).toContain('cannot be known from this export');
    // A customer whose figures do not depend on the export's word still answers.
    expect(await STMT.balance(entries, 'C40000', asOf, 'USD')).toBe(640);
  });
});
