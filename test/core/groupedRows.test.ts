import { buildLedger, groupRawTable, GroupedRows, reportFigure, TableFinder, type FoundTables, type GridValue, type Issue, type RawTable } from '../../src/core';

/** Pushes one sheet's rows (from A1) into a finder, as the .xlsx stream would. */
function find(name: string, rows: readonly (readonly GridValue[])[]): FoundTables {
  const finder = new TableFinder({ source: 'report.xlsx', dateOrder: 'mdy', date1904: false });
  const sheet = finder.sheet({ name });
  rows.forEach((cells, i) => {
    if (sheet.wants(i + 1)) sheet.row(i + 1, 1, [...cells]);
  });
  sheet.end(rows.length);
  return finder.finish();
}

function entriesOf(r: FoundTables): { entries: RawTable; issues: Issue[] } {
  if (!r.ok) throw new Error(r.error.en);
  const entries = (Array.isArray(r.tables.entries) ? r.tables.entries[0] : r.tables.entries) as RawTable;
  return { entries, issues: r.issues };
}

const rowsOf = (t: RawTable): string[][] => Array.from({ length: t.rows.length }, (_, i) => [...(t.rows.at(i) ?? [])]);
const codes = (issues: readonly Issue[]) => issues.map((i) => `${i.severity}:${i.code}@${i.cell ?? ''}`);

// QuickBooks Online's layout (title, company and dates above a header whose first cell is blank;
// customers as group rows in column A; `Total for …` rows; `TOTAL`), with captions the engine knows.
const QBO_LIKE: GridValue[][] = [
  ['Craig\'s Design and Landscaping Services'],
  ['Customer Balance Detail'],
  ['All Dates'],
  [],
  ['', 'Date', 'Type', 'Document No.', 'Due Date', 'Amount', 'Open Balance', 'Balance'],
  ['Amy\'s Bird Sanctuary'],
  ['', '09/01/2026', 'Invoice', '1021', '10/01/2026', 459, 239, 239],
  ['', '09/15/2026', 'Invoice', '1035', '10/15/2026', '1,200.00', '1,200.00', '1,439.00'],
  ['Total for Amy\'s Bird Sanctuary', '', '', '', '', '$1,659.00  ', '$1,439.00  ', ''],
  ['Bill\'s Windsurf Shop'],
  ['', '08/20/2026', 'Invoice', '1027', '09/19/2026', 85, 85, 85],
  ['Total for Bill\'s Windsurf Shop', '', '', '', '', 85, 58, ''],
  [],
  ['TOTAL', '', '', '', '', 1744, 1497, ''],
];

describe('grouped reports (customer group rows, Total for … rows)', () => {
  test('group rows become the customer column; titles, subtotals and the grand total are reported, not read', () => {
    const { entries, issues } = entriesOf(find('Report', QBO_LIKE));
    expect(entries.headers).toEqual(['Customer', 'Date', 'Type', 'Document No.', 'Due Date', 'Amount', 'Open Balance', 'Balance']);
    expect(entries.headerRow).toBe(5);
    expect(entries.rowNumbers).toEqual([7, 8, 11]);
    expect(rowsOf(entries).map((r) => [r[0], r[3], r[5]])).toEqual([
      ['Amy\'s Bird Sanctuary', '1021', '459'],
      ['Amy\'s Bird Sanctuary', '1035', '1200.00'],
      ['Bill\'s Windsurf Shop', '1027', '85'],
    ]);
    const summary = issues.find((i) => i.code === 'grouped-report');
    expect(summary?.severity).toBe('info');
    expect(summary?.message.en).toContain('2 customer group row(s)');
    expect(summary?.message.en).toContain('2 subtotal(s) and 1 grand total(s)');
    expect(summary?.message.en).toContain('3 title row(s)');
    expect(summary?.message.fr).toContain('2 ligne(s) de client');
    expect(codes(issues).filter((c) => c.includes('total'))).toEqual([
      'info:total-row@Report!A9',
      'warning:group-total-mismatch@Report!G12',
      'info:total-row@Report!A12',
      'warning:group-total-mismatch@Report!G14',
      'info:total-row@Report!A14',
    ]);
    // The subtotal that disagrees is named with both figures; the grand total's own error follows from it.
    const bill = issues.find((i) => i.code === 'group-total-mismatch' && i.row === 12);
    expect(bill?.message.en).toBe('Report!G12 (Open Balance): "Total for Bill\'s Windsurf Shop" shows 58, but the rows it totals add up to 85');
    expect(bill?.message.fr).toBe('Report!G12 (Open Balance) : « Total for Bill\'s Windsurf Shop » indique 58, mais les lignes qu\'il totalise font 85');
    expect(bill?.customerId).toBe('Bill\'s Windsurf Shop');
    expect(issues.find((i) => i.code === 'group-total-mismatch' && i.row === 14)?.message.en).toContain('shows 1497, but the rows it totals add up to 1524');
  });

  test('the rows read make a ledger whose customers are the groups', () => {
    const r = find('Report', QBO_LIKE);
    if (!r.ok) throw new Error(r.error.en);
    const ledger = buildLedger(r.tables, { defaultCurrency: 'USD' });
    expect(ledger.customers.map((c) => c.id)).toEqual(['Amy\'s Bird Sanctuary', 'Bill\'s Windsurf Shop']);
    expect(ledger.entries.length).toBe(3);
  });

  test('a report whose header has no blank first cell gets its customer column after the last (Xero\'s layout)', () => {
    const rows: GridValue[][] = [
      ['Aged Receivables Detail'],
      ['Demo Company'],
      ['Date', 'Document No.', 'Due Date', 'Total'],
      ['Basket Case'],
      ['2026-10-02', 'INV-0012', '2026-11-01', 500],
      ['2026-10-09', 'INV-0015', '2026-11-08', 250.5],
      ['Total Basket Case', '', '', 750.5],
      ['Total', '', '', 750.5],
    ];
    const { entries, issues } = entriesOf(find('Aged Receivables Detail', rows));
    expect(entries.headers).toEqual(['Date', 'Document No.', 'Due Date', 'Total', 'Customer']);
    expect(rowsOf(entries).map((r) => r[4])).toEqual(['Basket Case', 'Basket Case']);
    expect(issues.filter((i) => i.code.startsWith('group-'))).toEqual([]);
  });

  test('a group nested right under another (QuickBooks Desktop\'s customer and job) belongs to the outer customer', () => {
    const rows: GridValue[][] = [
      ['', 'Type', 'Date', 'Document No.', 'Amount'],
      ['Abercrombie, Kristy'],
      ['Family Room'],
      ['', 'Invoice', '2026-10-01', '93', 100],
      ['Total Family Room', '', '', '', 100],
      ['Kitchen'],
      ['', 'Invoice', '2026-10-02', '95', 30],
      ['Total Kitchen', '', '', '', 30],
      ['', 'Invoice', '2026-10-03', '94', 20],
      ['Total Abercrombie, Kristy', '', '', '', 150],
      ['Jacobsen, Doug'],
      ['', 'Invoice', '2026-10-04', '96', 7],
      ['Total Jacobsen, Doug', '', '', '', 7],
      ['TOTAL', '', '', '', 157],
      [],
      ['Monday, November 2, 2026 09:14 AM GMT-08:00'],
    ];
    const { entries, issues } = entriesOf(find('Sheet1', rows));
    expect(rowsOf(entries).map((r) => [r[0], r[3]])).toEqual([['Abercrombie, Kristy', '93'], ['Abercrombie, Kristy', '95'], ['Abercrombie, Kristy', '94'], ['Jacobsen, Doug', '96']]);
    expect(issues.filter((i) => i.code.startsWith('group-'))).toEqual([]);
    expect(issues.filter((i) => i.code === 'total-row').map((i) => i.row)).toEqual([5, 8, 10, 13, 14]);
    // The line QuickBooks prints under the report (when it was run) is a note, not a customer.
    expect(codes(issues)).toContain('info:note-row@Sheet1!A16');
    expect(issues.find((i) => i.code === 'grouped-report')?.message.en).toContain('2 customer group row(s)');
  });

  test('a row above any group keeps a blank customer, which the ledger reports on its row; a total naming no group is said', () => {
    const rows: GridValue[][] = [
      ['', 'Date', 'Document No.', 'Amount'],
      ['Cool Cars'],
      ['', '2026-10-01', 'A1', 10],
      ['Total for Cool Cars', '', '', 10],
      ['', '2026-10-02', 'A2', 5],
      ['Total for Nobody', '', '', 5],
    ];
    const r = find('Sheet1', rows);
    const { entries, issues } = entriesOf(r);
    expect(rowsOf(entries).map((x) => [x[0], x[2]])).toEqual([['Cool Cars', 'A1'], ['', 'A2']]);
    expect(codes(issues)).toContain('warning:group-total-unmatched@Sheet1!A6');
    if (!r.ok) throw new Error('found');
    const ledger = buildLedger(r.tables, { defaultCurrency: 'USD' });
    expect(ledger.issues.find((i) => i.row === 5 && i.severity === 'error')?.column).toBe('customer_id');
  });

  test('a header with no customer column and no group rows below is still not a table', () => {
    const r = find('Sheet1', [['Date', 'Document No.', 'Amount'], ['2026-10-01', 'A1', 10]]);
    expect(r.ok).toBe(false);
  });

  test('GroupedRows alone: the header it reads and the running balance it does not add up', () => {
    const g = new GroupedRows({ sheet: 'S', headerRow: 1, header: ['', 'Num', 'Amount', 'Balance'], cell: () => undefined });
    expect(g.header).toEqual(['Customer', 'Num', 'Amount', 'Balance']);
    expect(g.row(2, ['Acme'])).toBeUndefined();
    expect(g.row(3, ['', '1', 10, 10])).toEqual(['Acme', '1', 10, 10]);
    expect(g.row(4, ['', '2', 5, 15])).toEqual(['Acme', '2', 5, 15]);
    expect(g.row(5, ['Total for Acme', '', 15, 15])).toBeUndefined(); // a running balance's total is its last value, not a sum
    expect(g.finish().filter((i) => i.severity === 'warning')).toEqual([]);
  });

  test('a table read with every row kept (a vendor profile\'s) is grouped the same way, keeping its cells\' letters', () => {
    const raw: RawTable = {
      table: 'entries', source: 'Aged', sheet: 'Aged', headerRow: 3,
      headers: ['Invoice Date', 'Invoice Number', 'Total'], columnLetters: ['B', 'C', 'D'],
      rows: [['', 'Basket Case', ''], ['2026-10-02', 'INV-1', '10.5'], ['Total Basket Case', '', '11.5'], ['Total', '', '10.5']],
      rowNumbers: [4, 5, 6, 7],
    };
    const { table, issues } = groupRawTable(raw, 2);
    expect(table.headers).toEqual(['Invoice Date', 'Invoice Number', 'Total', 'Customer']);
    expect(table.columnLetters).toEqual(['B', 'C', 'D', '']);
    expect(rowsOf(table)).toEqual([['2026-10-02', 'INV-1', '10.5', 'Basket Case']]);
    expect(table.rowNumbers).toEqual([5]);
    expect(codes(issues)).toEqual(['info:grouped-report@', 'warning:group-total-mismatch@Aged!D6', 'info:total-row@Aged!B6', 'info:total-row@Aged!B7']);
    expect(issues[0]?.message.en).toContain('2 title row(s)');
  });

  test('Intuit\'s own example agrees with itself: Customer Balance Detail for Amy\'s Bird Sanctuary, 854.8', () => {
    // developer.intuit.com, QuickBooks Online API › Reports › CustomerBalanceDetail, "Returns" example
    // (columns=subt_amount,tx_date): eight rows of 2015-08-04, their Total for … row and the report's TOTAL.
    const amounts = [100.0, 109.1, 109.1, 109.2, 109.2, 109.1, 100.0, 109.1];
    // As the JSON lays it out: the section's header and summary put their label in the first column (Date).
    const report = (total: number): GroupedRows => {
      const g = new GroupedRows({ sheet: 'CustomerBalanceDetail', headerRow: 1, header: ['Date', 'Amount'], cell: () => undefined });
      expect(g.row(2, ['Amy\'s Bird Sanctuary', ''])).toBeUndefined();
      const read = amounts.map((a, i) => g.row(3 + i, ['2015-08-04', a]));
      expect(read.map((r) => r?.[2])).toEqual(amounts.map(() => 'Amy\'s Bird Sanctuary'));
      expect(g.row(11, ['Total for Amy\'s Bird Sanctuary', total])).toBeUndefined();
      expect(g.row(12, ['TOTAL', 854.8])).toBeUndefined();
      return g;
    };
    const issues = report(854.8).finish();
    expect(issues.filter((i) => i.code === 'group-total-mismatch')).toEqual([]);
    expect(issues.filter((i) => i.code === 'total-row').map((i) => i.value)).toEqual(['Total for Amy\'s Bird Sanctuary', 'TOTAL']);
    // The same report with its subtotal one cent off is caught, and named.
    const off = report(854.81).finish().filter((i) => i.code === 'group-total-mismatch');
    expect(off.map((i) => i.message.en)).toEqual(['entries row 11, column Amount: "Total for Amy\'s Bird Sanctuary" shows 854.81, but the rows it totals add up to 854.80']);
  });

  test('report figures are read exactly, as the vendors print them', () => {
    expect(reportFigure('$1,450.00  ')).toBe(1450_000000n);
    expect(reportFigure('(120.50)')).toBe(-120_500000n);
    expect(reportFigure('1 234,56 €')).toBe(1234_560000n);
    expect(reportFigure(109.1 + 109.2)).toBe(218_300000n);
    expect(reportFigure('')).toBeUndefined();
    expect(reportFigure('Invoice')).toBeUndefined();
  });
});
