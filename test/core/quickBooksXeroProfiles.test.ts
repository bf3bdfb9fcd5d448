import { buildLedger, TableFinder, type FoundTables, type GridValue, type RawTable } from '../../src/core';
import { quickBooks } from '../../src/core/exports/profiles/quickBooks';
import { xero } from '../../src/core/exports/profiles/xero';

/** One sheet pushed into the finder from A1, as a source would. */
function find(name: string, rows: readonly (readonly GridValue[])[], dateOrder: 'dmy' | 'mdy' = 'dmy'): FoundTables {
  const finder = new TableFinder({ source: 'export', dateOrder, date1904: false });
  const sheet = finder.sheet({ name });
  rows.forEach((cells, i) => {
    if (sheet.wants(i + 1)) sheet.row(i + 1, 1, [...cells]);
  });
  sheet.end(rows.length);
  return finder.finish();
}

function tables(r: FoundTables): { entries: RawTable; customers: RawTable } {
  if (!r.ok) throw new Error(r.error.en);
  const one = (t: RawTable | readonly RawTable[]): RawTable => ('rows' in t ? t : (t[0] as RawTable));
  return { entries: one(r.tables.entries), customers: one(r.tables.customers) };
}

/** The converted entries as objects of the contract's columns. */
function rowsOf(t: RawTable): Record<string, string>[] {
  return Array.from({ length: t.rows.length }, (_, i) => Object.fromEntries(t.headers.map((h, j) => [h, t.rows.at(i)?.[j] ?? ''])));
}

describe('the QuickBooks profile', () => {
  it('reads QuickBooks Online Canada in French: group rows, "1 149,75 $", Facture, Paiement, Note de crédit; its customers speak French', () => {
    const r = find('Détails du solde des clients', [
      ['Entreprise Tremblay inc.'], ['Détails du solde des clients'], ['Toutes les dates'], [],
      ['', 'Date', "Type d'opération", 'N°', "Date d'échéance", 'Montant', 'Solde impayé', 'Solde'],
      ['Boulangerie Lefebvre'],
      ['', '2026-09-15', 'Facture', '2045', '2026-10-15', '1 149,75 $', '1 149,75 $', '1 149,75 $'],
      ['', '2026-10-20', 'Paiement', '2051', '', '-200,00 $', '-200,00 $', '949,75 $'],
      ['Total pour Boulangerie Lefebvre', '', '', '', '', '949,75 $', '949,75 $', ''],
      ['Garage Côté et fils'],
      ['', '2026-09-10', 'Note de crédit', '2040', '', '-114,98 $', '-114,98 $', '-114,98 $'],
      ['Total pour Garage Côté et fils', '', '', '', '', '-114,98 $', '-114,98 $', ''],
      ['TOTAL', '', '', '', '', '834,77 $', '834,77 $', ''],
    ]);
    const { entries, customers } = tables(r);
    expect(rowsOf(entries).map((e) => [e['customer_id'], e['type'], e['document_no'], e['amount'], e['open_amount']])).toEqual([
      ['Boulangerie Lefebvre', 'invoice', '2045', '1149.75', '1149.75'],
      ['Boulangerie Lefebvre', 'payment', '2051', '-200.00', '-200.00'],
      ['Garage Côté et fils', 'credit_note', '2040', '-114.98', '-114.98'],
    ]);
    expect(entries.rowNumbers).toEqual([7, 8, 11]);
    expect(rowsOf(customers)).toEqual([
      { customer_id: 'Boulangerie Lefebvre', name: 'Boulangerie Lefebvre', language: 'fr' },
      { customer_id: 'Garage Côté et fils', name: 'Garage Côté et fils', language: 'fr' },
    ]);
    if (!r.ok) throw new Error('found');
    expect(r.issues.filter((i) => i.code === 'group-total-mismatch')).toEqual([]);
    expect(r.issues.find((i) => i.code === 'export-recognised')?.message.fr).toContain('QuickBooks');
    const ledger = buildLedger(r.tables, { defaultCurrency: 'CAD' });
    expect(ledger.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('takes a credit\'s sign from its type (Transaction List prints payments positive), leaves an estimate out, numbers a payment printed without one', () => {
    const r = find('Transaction List by Customer', [
      ['', 'Date', 'Transaction Type', 'Num', 'Posting', 'Memo/Description', 'Account', 'Amount'],
      ['Cool Cars'],
      ['', '06/10/2026', 'Invoice', '1008', 'Yes', '', 'Accounts Receivable (A/R)', '2,369.52  '],
      ['', '09/01/2026', 'Credit Memo', '1030', 'Yes', '', 'Accounts Receivable (A/R)', '100.00  '],
      ['', '09/15/2026', 'Payment', '', 'Yes', '', 'Accounts Receivable (A/R)', '-69.52  '],
      ['', '10/20/2026', 'Estimate', '1050', 'No', '', 'Estimates', '750.00  '],
      ['Total for Cool Cars', '', '', '', '', '', '', '$3,150.00  '],
    ], 'mdy');
    const rows = rowsOf(tables(r).entries);
    expect(rows.map((e) => [e['type'], e['document_no'], e['posting_date'], e['amount'], e['status']])).toEqual([
      ['invoice', '1008', '2026-06-10', '2369.52', ''],
      ['credit_note', '1030', '2026-09-01', '-100.00', ''],
      ['payment', 'Payment 2026-09-15', '2026-09-15', '-69.52', ''],
      ['invoice', '1050', '2026-10-20', '750.00', 'draft'],
    ]);
    if (!r.ok) throw new Error('found');
    const ledger = buildLedger(r.tables, { defaultCurrency: 'USD' });
    expect(ledger.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(ledger.issues.filter((i) => i.code === 'ignored-status').map((i) => i.row)).toEqual([6]);
    expect(ledger.entries.length).toBe(3);
  });

  it('does not claim a ledger in the contract\'s own columns, nor a Business Central export', () => {
    expect(quickBooks.recognise(['Customer', 'Type', 'Document No.', 'Posting Date', 'Due Date', 'Amount'])).toBeUndefined();
    expect(quickBooks.recognise(['Entry No.', 'Posting Date', 'Document Type', 'Document No.', 'Customer No.', 'Amount', 'Remaining Amount'])).toBeUndefined();
    expect(quickBooks.recognise(['', 'Date', 'Transaction Type', 'Num', 'Due Date', 'Amount', 'Open Balance', 'Balance'])?.keepAllRows).toBe(true);
  });
});

describe('the Xero profile', () => {
  const HEADER = ['ContactName', 'EmailAddress', 'InvoiceNumber', 'Reference', 'InvoiceDate', 'DueDate', 'Total', 'InvoiceAmountPaid', 'InvoiceAmountDue', 'Description', 'LineAmount', 'Currency', 'Type', 'Status'];

  it('reads the invoice export: one entry per invoice (its other lines folded, and said), credit notes negative, drafts and voided left out', () => {
    const r = find('Invoices', [
      HEADER,
      ['Basket Case', 'a@b.example', 'INV-0011', 'P/O 9711', '10/08/2026', '09/09/2026', '1500.00', '250.00', '1250.00', 'Design work', '1000.00', 'GBP', 'Sales invoice', 'Awaiting Payment'],
      ['Basket Case', 'a@b.example', 'INV-0011', 'P/O 9711', '10/08/2026', '09/09/2026', '1500.00', '250.00', '1250.00', 'Printing', '250.00', 'GBP', 'Sales invoice', 'Awaiting Payment'],
      ['Bayside Club', '', 'CN-0003', 'Returned', '25/09/2026', '', '300.00', '0.00', '300.00', 'Banners', '250.00', 'GBP', 'Sales credit note', 'Awaiting Payment'],
      ['Bayside Club', '', 'INV-0009', '', '02/07/2026', '01/08/2026', '50.00', '0.00', '0.00', 'Flags', '50.00', 'GBP', 'Sales invoice', 'Voided'],
      ['Bayside Club', '', 'INV-0026', '', '31/10/2026', '30/11/2026', '90.00', '0.00', '90.00', 'Posters', '75.00', 'GBP', 'Sales invoice', 'Draft'],
    ]);
    const { entries, customers } = tables(r);
    expect(rowsOf(entries).map((e) => [e['customer_id'], e['type'], e['document_no'], e['posting_date'], e['amount'], e['open_amount'], e['status']])).toEqual([
      ['Basket Case', 'invoice', 'INV-0011', '2026-08-10', '1500.00', '1250.00', ''],
      ['Bayside Club', 'credit_note', 'CN-0003', '2026-09-25', '-300.00', '-300.00', ''],
      ['Bayside Club', 'invoice', 'INV-0009', '2026-07-02', '50.00', '0.00', 'void'],
      ['Bayside Club', 'invoice', 'INV-0026', '2026-10-31', '90.00', '90.00', 'draft'],
    ]);
    expect(rowsOf(customers).map((c) => [c['customer_id'], c['email']])).toEqual([['Basket Case', 'a@b.example'], ['Bayside Club', '']]);
    if (!r.ok) throw new Error('found');
    const folded = r.issues.find((i) => i.code === 'invoice-lines-folded');
    expect(folded?.message.en).toBe('"Invoices": 1 more line row(s) of invoices already read (the invoice\'s own columns repeat on each line) folded into their 4 invoice(s) and credit note(s)');
    const ledger = buildLedger(r.tables, {});
    expect(ledger.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(ledger.entries.length).toBe(2);
  });

  it('recognises the aged receivables detail by its ageing columns, and not a plain ledger', () => {
    expect(xero.recognise(['Invoice Date', 'Invoice Number', 'Invoice Reference', 'Due Date', 'Current', '< 1 Month', '1 Month', '2 Months', '3 Months', 'Older', 'Total'])?.keepAllRows).toBe(true);
    expect(xero.recognise(['Customer', 'Document No.', 'Posting Date', 'Due Date', 'Total'])).toBeUndefined();
    expect(xero.recognise(HEADER)?.keepAllRows).toBeUndefined();
  });
});
