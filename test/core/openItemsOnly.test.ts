/**
 * Open-items reports (QuickBooks' Customer Balance Detail and Open Invoices, Xero's invoices): what
 * their open amounts say was settled was settled by payments the file does not hold. Such a customer
 * is not blocked as "unbalanced" (a full ledger still is), a statement before the export is still
 * refused, and an activity statement, whose movements could not add up, is refused with its reason.
 */
import { buildLedger, computeStatements, parseIsoDay, TableFinder, type ComputeOptions, type ComputeResult, type GridValue, type Ledger } from '../../src/core';

const D = (iso: string) => parseIsoDay(iso) as number;

function ledgerOf(name: string, rows: readonly (readonly GridValue[])[]): Ledger {
  const finder = new TableFinder({ source: 'report.xlsx', dateOrder: 'dmy', date1904: false });
  const sheet = finder.sheet({ name });
  rows.forEach((cells, i) => sheet.row(i + 1, 1, [...cells]));
  sheet.end();
  const found = finder.finish();
  if (!found.ok) throw new Error(found.error.en);
  return buildLedger(found.tables, { defaultCurrency: 'USD' }, found.issues);
}

function compute(ledger: Ledger, asOf: string, o: Partial<ComputeOptions> = {}): ComputeResult {
  return computeStatements(ledger, { asOf: D(asOf), exported: D('2026-10-31'), style: 'open-item', aging: { kind: 'bounds', bounds: [30, 60, 90] }, agingBasis: 'due', allocate: 'none', selection: { include: 'either', excludeCredit: false, overdueOnly: false, honourOptOut: false }, summary: false, ...o });
}

// QuickBooks' Customer Balance Detail: invoice 1021 billed 1,200.00, 700.00 open; the 500.00 payment is not in the report.
const REPORT: GridValue[][] = [
  ['', 'Date', 'Transaction Type', 'Num', 'Due Date', 'Amount', 'Open Balance', 'Balance'],
  ['Amy\'s Bird Sanctuary'],
  ['', '2026-07-15', 'Invoice', '1021', '2026-08-14', 1200, 700, 700],
  ['', '2026-09-20', 'Invoice', '1035', '2026-10-20', 459, 459, 1159],
  ['Total for Amy\'s Bird Sanctuary', '', '', '', '', 1659, 1159, ''],
];

describe('an open-items report', () => {
  it('gives the vendor\'s open amounts at the export date, without blocking the customer', () => {
    const r = compute(ledgerOf('Customer Balance Detail', REPORT), '2026-10-31');
    expect(r.statements[0]?.status).toBe('ok');
    expect(r.statements[0]?.sections[0]?.closingBalance).toBe(115900);
    expect(r.statements[0]?.sections[0]?.aging).toEqual([0, 45900, 0, 70000, 0]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('refuses an activity statement, naming the customer, the document and the report, in English and French', () => {
    const r = compute(ledgerOf('Customer Balance Detail', REPORT), '2026-10-31', { style: 'activity', from: D('2026-10-01') });
    expect(r.statements[0]?.status).toBe('blocked');
    const refused = r.issues.find((i) => i.code === 'open-items-only');
    expect(refused).toMatchObject({ severity: 'error', customerId: 'Amy\'s Bird Sanctuary', row: 3, cell: '\'Customer Balance Detail\'!G3' });
    expect(refused?.message.en).toBe('\'Customer Balance Detail\'!G3 (open_amount): customer Amy\'s Bird Sanctuary: "Customer Balance Detail" lists open items only, and 1021 was settled in part by payments it does not hold; an activity statement needs every payment (an open-item statement does not)');
    expect(refused?.message.fr).toContain('ne liste que les pièces ouvertes');
    // A customer whose open items are all whole (nothing settled outside the file) keeps its activity statement.
    const whole = REPORT.map((row) => (row[3] === '1021' ? ['', '2026-07-15', 'Invoice', '1021', '2026-08-14', 700, 700, 700] : row));
    whole[4] = ['Total for Amy\'s Bird Sanctuary', '', '', '', '', 1159, 1159, ''];
    expect(compute(ledgerOf('Customer Balance Detail', whole), '2026-10-31', { style: 'activity', from: D('2026-10-01') }).statements[0]?.status).toBe('ok');
  });

  it('still refuses a statement dated before the export', () => {
    const r = compute(ledgerOf('Customer Balance Detail', REPORT), '2026-09-30');
    expect(r.statements[0]?.status).toBe('blocked');
    expect(r.issues.map((i) => i.code)).toContain('before-export');
  });

  it('while a full ledger in the contract\'s own columns, whose settled part has no counterpart, is still blocked', () => {
    const ledger = ledgerOf('Entries', [
      ['Customer', 'Type', 'Document No.', 'Posting Date', 'Due Date', 'Amount', 'Open Amount'],
      ['Amy', 'invoice', '1021', '2026-07-15', '2026-08-14', 1200, 700],
      ['Amy', 'invoice', '1035', '2026-09-20', '2026-10-20', 459, 459],
    ]);
    const r = compute(ledger, '2026-10-31');
    expect(r.statements[0]?.status).toBe('blocked');
    expect(r.issues.map((i) => i.code)).toContain('open-amounts-unbalanced');
  });
});
