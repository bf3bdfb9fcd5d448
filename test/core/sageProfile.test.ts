import { sage } from '../../src/core/exports/profiles/sage';
import type { VendorTable } from '../../src/core/exports/vendorProfile';
import type { RawTable } from '../../src/core/ledger/rawTable';

const AGED = ['CustomerRecord.AccountReference', 'CustomerRecord.AccountName', 'TransactionOverview.Number', 'TransactionOverview.Type', 'TransactionOverview.Date', 'TransactionOverview.Reference', 'TransactionOverview.AgedAmount'];
const ACTIVITY = ['No', 'Type', 'Date', 'Due on', 'Ref', 'Details', 'Amount', 'O/S', '', 'Debit', 'Credit'];

function table(headers: readonly string[], rows: readonly (readonly string[])[], firstRow = 2): VendorTable {
  const recognition = sage.recognise(headers);
  if (recognition === undefined) throw new Error(`not recognised: ${headers.join(', ')}`);
  const raw: RawTable = {
    table: 'entries', source: 'Report', sheet: 'Report', headers, rows: rows.map((r) => [...r]),
    rowNumbers: rows.map((_, i) => firstRow + i), headerRow: firstRow - 1, columnLetters: headers.map((_, i) => String.fromCharCode(65 + i)),
  };
  return { recognition, raw };
}

function entries(c: ReturnType<typeof sage.convert>): Record<string, string>[] {
  return c.entries.flatMap((t) => Array.from({ length: t.rows.length }, (_, i) => Object.fromEntries(t.headers.map((h, j) => [h, t.rows.at(i)?.[j] ?? '']))));
}

describe('Sage 50: recognition', () => {
  it('knows the aged debtors data fields and the customer activity columns, the grouped one keeping every row', () => {
    expect(sage.recognise(AGED)).toMatchObject({ kind: 'Aged Debtors Analysis (Detailed)' });
    expect(sage.recognise(AGED)?.keepAllRows).toBeUndefined();
    expect(sage.recognise(ACTIVITY)).toMatchObject({ kind: 'Customer Activity', keepAllRows: true });
  });

  it('claims no plain ledger: an activity needs O/S beside Debit and Credit', () => {
    expect(sage.recognise(['No', 'Type', 'Date', 'Ref', 'Details', 'Debit', 'Credit'])).toBeUndefined();
    expect(sage.recognise(['customer_id', 'document_no', 'posting_date', 'amount', 'open_amount'])).toBeUndefined();
  });
});

describe('Sage 50: aged debtors (Data to Excel)', () => {
  it('reads each outstanding transaction with its aged amount as amount and open amount, its number as entry number', () => {
    const c = sage.convert([table(AGED, [
      ['ABS001', 'ABS Garages Ltd', '41', 'SI', '2023-10-12', '10021', '700'],
      ['ABS001', 'ABS Garages Ltd', '58', 'SC', '2024-01-20', 'CN005', '-60'],
      ['BBS001', 'Bobs Building Supplies', '60', 'SA', '2024-01-25', 'BACS', '-350'],
      ['BBS001', 'Bobs Building Supplies', '61', 'SA', '2024-01-26', 'BACS', '-10'],
    ])]);
    expect(entries(c).map((e) => [e['customer_id'], e['type'], e['document_no'], e['entry_no'], e['amount'], e['open_amount'], e['due_date']])).toEqual([
      ['ABS001', 'invoice', '10021', '41', '700', '700', ''],
      ['ABS001', 'credit_note', 'CN005', '58', '-60', '-60', ''],
      ['BBS001', 'payment', 'BACS', '60', '-350', '-350', ''],
      ['BBS001', 'payment', 'BACS', '61', '-10', '-10', ''],
    ]);
    expect(c.customers[0]?.rows.at(1)).toEqual(['BBS001', 'Bobs Building Supplies']);
  });
});

describe('Sage 50: customer activity (grouped)', () => {
  const rows = [
    ['A/C: ABS001', '', 'Name: ABS Garages Ltd', '', '', '', '', '', '', '', ''],
    ['41', 'SI', '2023-10-12', '2023-11-11', '10021', 'Brake discs', '1200', '700', 'p', '1200', ''],
    ['47', 'SR', '2023-11-30', '2023-11-30', 'Chq 100234', 'Sales Receipt', '500', '0', '', '', '500'],
    ['58', 'SC', '2024-01-20', '2024-01-20', 'CN005', 'Returned blades', '60', '60', '*', '', '60'],
    ['Totals:', '', '', '', '', '', '', '', '', '1200', '560'],
    ['A/C: MIL001', '', 'Name: Mile Road Health Centre', '', '', '', '', '', '', '', ''],
    ['44', 'SI', '2023-12-18', '2024-01-17', '10029', 'First aid kits', '480', '480', '*', '480', ''],
    ['Totals:', '', '', '', '', '', '', '', '', '480', '0'],
  ];

  it('puts each line on the customer of its A/C row, signs amounts and open amounts by their side', () => {
    const c = sage.convert([table(ACTIVITY, rows, 6)]);
    expect(entries(c).map((e) => [e['customer_id'], e['type'], e['entry_no'], e['amount'], e['open_amount'], e['due_date']])).toEqual([
      ['ABS001', 'invoice', '41', '1200', '700', '2023-11-11'],
      ['ABS001', 'payment', '47', '-500', '0', '2023-11-30'],
      ['ABS001', 'credit_note', '58', '-60', '-60', '2024-01-20'],
      ['MIL001', 'invoice', '44', '480', '480', '2024-01-17'],
    ]);
    expect(c.customers[0]?.rows.at(1)).toEqual(['MIL001', 'Mile Road Health Centre']);
    // Each entry keeps the report's own row: row 7 for the first line under the A/C row on row 6.
    expect(c.entries[0]?.rowNumbers?.[0]).toBe(7);
  });

  it('checks each Totals row against its lines and reports it in the report’s own words', () => {
    const good = sage.convert([table(ACTIVITY, rows, 6)]);
    expect(good.issues.filter((i) => i.code === 'group-total-mismatch')).toEqual([]);
    expect(good.issues.filter((i) => i.code === 'total-row').map((i) => [i.row, i.value, i.cell])).toEqual([[10, 'Totals:', 'Report!A10'], [13, 'Totals:', 'Report!A13']]);
    const bad = sage.convert([table(ACTIVITY, rows.map((r, i) => (i === 4 ? ['Totals:', '', '', '', '', '', '', '', '', '1250', '560'] : r)), 6)]);
    const mismatch = bad.issues.find((i) => i.code === 'group-total-mismatch');
    expect(mismatch).toMatchObject({ severity: 'warning', row: 10, cell: 'Report!J10' });
    expect(mismatch?.message.en).toContain('1250');
    expect(mismatch?.message.en).toContain('1200');
  });
});
