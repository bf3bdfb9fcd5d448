/**
 * Other systems' exports through the engine (issue 16): a vendor profile's recognition in the table
 * finder, Business Central's conversion (Amount vs Original Amount, Closed by links, Detailed
 * entries, Open), the contract's entry numbers and applications by entry number, and what
 * settlement does with an export's open amounts.
 */
import {
  buildLedger, computeStatements, dayFromCivil, parseIsoDay, TableFinder, VENDOR_PROFILES, recogniseHeader,
  type ComputeOptions, type ComputeResult, type GridValue, type Issue, type Ledger,
} from '../../src/core';
import { rawTable } from '../helpers/rawTable';

const D = (iso: string) => parseIsoDay(iso) as number;

/** Sheets pushed into a finder as any source pushes them (rows from A1), then the ledger. */
function ledgerOf(sheets: Record<string, readonly (readonly GridValue[])[]>): { ledger: Ledger; issues: readonly Issue[] } {
  const finder = new TableFinder({ source: 'export.xlsx', dateOrder: 'dmy', date1904: false });
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = finder.sheet({ name });
    rows.forEach((cells, i) => sheet.row(i + 1, 1, [...cells]));
    sheet.end();
  }
  const found = finder.finish();
  if (!found.ok) throw new Error(found.error.en);
  const ledger = buildLedger(found.tables, { defaultCurrency: 'USD' }, found.issues);
  return { ledger, issues: ledger.issues };
}

function compute(ledger: Ledger, asOf: string, o: Partial<ComputeOptions> = {}): ComputeResult {
  return computeStatements(ledger, { asOf: D(asOf), style: 'open-item', aging: { kind: 'bounds', bounds: [30, 60, 90] }, agingBasis: 'due', allocate: 'none', selection: { include: 'either', excludeCredit: false, overdueOnly: false, honourOptOut: false }, summary: false, ...o });
}

const codes = (issues: readonly Issue[]) => issues.map((i) => i.code);
const serial = (iso: string) => (D(iso) - dayFromCivil(1899, 12, 30));

const BC = ['Entry No.', 'Posting Date', 'Document Type', 'Document No.', 'Customer No.', 'Customer Name', 'Original Amount', 'Amount', 'Remaining Amount', 'Due Date', 'Open', 'Closed by Entry No.', 'Closed by Amount', 'Salesperson Code'];
/** The issue's example: a 1,200 invoice, a 500 payment applied to it; 700 remaining. */
const EXAMPLE: GridValue[][] = [
  BC,
  [1, serial('2026-01-05'), 'Invoice', '103001', 'C10000', 'Adatum Corporation', 1200, 1200, 700, serial('2026-01-20'), 'Yes', 0, 0, 'JR'],
  [2, serial('2026-02-10'), 'Payment', 'G02461', 'C10000', 'Adatum Corporation', -500, -500, 0, serial('2026-02-10'), 'No', 1, -500, 'JR'],
];

describe('recognition', () => {
  it('knows Business Central by what only it writes, in English and French, and not a plain ledger', () => {
    expect(recogniseHeader(BC)?.profile.id).toBe('business-central');
    expect(recogniseHeader(['N° séquence', 'Date comptabilisation', 'Type document', 'N° document', 'N° client', 'Montant', 'Montant ouvert'])?.recognition.kind).toBe('Customer Ledger Entries');
    expect(recogniseHeader(['Posting Date', 'Entry Type', 'Document No.', 'Amount', 'Cust. Ledger Entry No.', 'Applied Cust. Ledger Entry No.'])?.recognition.kind).toBe('Detailed Cust. Ledg. Entries');
    expect(recogniseHeader(['Date comptabilisation', 'Type écriture', 'N° document', 'Montant', 'N° écriture comptable clt', 'N° écriture comptable clt lettrée', 'Non lettré'])?.recognition.kind).toBe('Detailed Cust. Ledg. Entries');
    expect(recogniseHeader(['Posting Date', 'Document Type', 'Document No.', 'Customer No.', 'Amount', 'Due Date'])).toBeUndefined();
    expect(recogniseHeader(['customer_id', 'type', 'document_no', 'posting_date', 'amount', 'applies_to'])).toBeUndefined();
    expect(VENDOR_PROFILES.map((p) => p.id)).toContain('business-central');
  });

  it('reports the system and the columns used for what in one info issue, and no unknown-column warning', () => {
    const { issues } = ledgerOf({ 'Customer Ledger Entries': EXAMPLE });
    const info = issues.filter((i) => i.code === 'export-recognised');
    expect(info).toHaveLength(1);
    expect(info[0]?.severity).toBe('info');
    expect(info[0]?.message.en).toContain('Business Central');
    expect(info[0]?.message.en).toContain('Remaining Amount → open_amount');
    expect(info[0]?.message.en).toContain('Closed by Entry No. → to_entry');
    expect(info[0]?.message.en).toMatch(/Not used: .*Original Amount.*Salesperson Code/);
    expect(info[0]?.message.fr).toContain('lu comme un export Business Central');
    expect(codes(issues)).not.toContain('unknown-column');
    expect(codes(issues)).not.toContain('duplicate-column');
  });

  it('finds the header below a title, and takes names from Customer Name', () => {
    const { ledger } = ledgerOf({ Export: [['CRONUS USA, Inc.'], [], ...EXAMPLE] });
    expect(ledger.customers.map((c) => [c.id, c.name])).toEqual([['C10000', 'Adatum Corporation']]);
    expect(ledger.entries.length).toBe(2);
  });
});

describe('the issue example: 1,200 invoice, 700 remaining', () => {
  const aging = (r: ComputeResult) => r.statements[0]?.sections[0]?.aging;
  it('ages as 700 in 61–90 with its Closed by link', () => {
    const { ledger } = ledgerOf({ 'Customer Ledger Entries': EXAMPLE });
    const r = compute(ledger, '2026-03-31', { exported: D('2026-03-31') });
    expect(r.statements[0]?.status).toBe('ok');
    expect(aging(r)).toEqual([0, 0, 0, 70000, 0]);
    expect(codes(r.issues)).toEqual(['export-recognised']);
  });

  it('ages as 700 in 61–90 with only Remaining Amount, and says which export date it assumed', () => {
    const bare = EXAMPLE.map((r) => r.slice(0, 11));
    const { ledger } = ledgerOf({ 'Customer Ledger Entries': bare });
    const r = compute(ledger, '2026-03-31');
    expect(aging(r)).toEqual([0, 0, 0, 70000, 0]);
    const assumed = r.issues.find((i) => i.code === 'export-date-assumed');
    expect(assumed?.severity).toBe('warning');
    expect(assumed?.message.en).toContain('2026-02-10');
    expect(assumed?.message.fr).toContain('10/02/2026');
  });

  it('with only Open (no Remaining Amount), a closed entry is settled, an open one unknown', () => {
    const noRemaining = EXAMPLE.map((r) => [...r.slice(0, 8), ...r.slice(9, 11)]);
    const { ledger } = ledgerOf({ 'Customer Ledger Entries': noRemaining });
    // The payment is closed (0 open) but the invoice's open amount is unknown: 500 settled on one side only.
    const r = compute(ledger, '2026-03-31');
    expect(codes(r.issues)).toContain('open-amounts-unbalanced');
    expect(r.statements[0]?.status).toBe('blocked');
    expect(r.issues.find((i) => i.code === 'open-amounts-unbalanced')?.message.en).toContain('500.00');
  });

  it('refuses a statement dated before the export when the figure depends on it, in English and French', () => {
    const bare = EXAMPLE.map((r) => r.slice(0, 11));
    const { ledger } = ledgerOf({ 'Customer Ledger Entries': bare });
    const r = compute(ledger, '2026-01-31', { exported: D('2026-03-31') });
    expect(r.statements[0]?.status).toBe('blocked');
    const refused = r.issues.find((i) => i.code === 'before-export');
    expect(refused?.customerId).toBe('C10000');
    expect(refused?.message.en).toContain('cannot be known from this export');
    expect(refused?.message.fr).toContain('ne peut pas être établi');
    // With the link, the same date is known: 1,200 open on 31 January.
    const linked = compute(ledgerOf({ 'Customer Ledger Entries': EXAMPLE }).ledger, '2026-01-31', { exported: D('2026-03-31') });
    expect(linked.statements[0]?.sections[0]?.closingBalance).toBe(120000);
  });
});

describe('Amount and Original Amount', () => {
  it('reads Amount as the entry amount (a payment discount makes them differ), Original Amount only without it', () => {
    const rows: GridValue[][] = [
      BC.slice(0, 10),
      [1, serial('2026-01-15'), 'Invoice', '103002', 'C20000', 'Trey Research', 850, 850, 0, serial('2026-02-14')],
      [2, serial('2026-02-20'), 'Payment', 'G02462', 'C20000', 'Trey Research', -833, -850, 0, serial('2026-02-20')],
    ];
    const withAmount = compute(ledgerOf({ CLE: rows }).ledger, '2026-03-31', { exported: D('2026-03-31') });
    expect(withAmount.statements[0]?.status).toBe('ok');
    expect(withAmount.statements[0]?.sections.map((x) => [x.closingBalance, x.lines])).toEqual([[0, []]]);
    const originalOnly = rows.map((r) => [...r.slice(0, 7), ...r.slice(8)]);
    const r = compute(ledgerOf({ CLE: originalOnly }).ledger, '2026-03-31', { exported: D('2026-03-31') });
    // 850 settled on the invoice, 833 on the payment: the export's figures cannot both be right.
    expect(codes(r.issues)).toContain('open-amounts-unbalanced');
  });
});

describe('Detailed entries', () => {
  const ledgerSheet: GridValue[][] = [
    ['Entry No.', 'Posting Date', 'Document Type', 'Document No.', 'Customer No.', 'Amount', 'Remaining Amount', 'Due Date'],
    [1, serial('2026-01-05'), 'Invoice', '103001', 'C10000', 1200, 700, serial('2026-01-20')],
    [2, serial('2026-02-10'), 'Payment', 'G02461', 'C10000', -1500, -1000, serial('2026-02-10')],
  ];
  // A partial application neither entry is closed by: only the Detailed entries show it.
  const detailed: GridValue[][] = [
    ['Entry No.', 'Posting Date', 'Entry Type', 'Document Type', 'Document No.', 'Customer No.', 'Amount', 'Cust. Ledger Entry No.', 'Applied Cust. Ledger Entry No.', 'Unapplied'],
    [1, serial('2026-01-05'), 'Initial Entry', 'Invoice', '103001', 'C10000', 1200, 1, 0, 'No'],
    [2, serial('2026-02-10'), 'Initial Entry', 'Payment', 'G02461', 'C10000', -1500, 2, 0, 'No'],
    [3, serial('2026-02-10'), 'Application', 'Payment', 'G02461', 'C10000', -500, 1, 2, 'No'],
    [4, serial('2026-02-10'), 'Application', 'Payment', 'G02461', 'C10000', 500, 2, 2, 'No'],
    // Applied then unapplied: both rows marked Unapplied, left out.
    [5, serial('2026-02-12'), 'Application', 'Payment', 'G02461', 'C10000', -300, 1, 2, 'Yes'],
    [6, serial('2026-02-12'), 'Application', 'Payment', 'G02461', 'C10000', 300, 2, 2, 'Yes'],
  ];

  it('become applications by entry number, dated, so a statement before the export is known', () => {
    const { ledger, issues } = ledgerOf({ 'Customer Ledger Entries': ledgerSheet, 'Detailed Cust. Ledg. Entries': detailed });
    expect(ledger.applications.map((a) => [a.from, a.to, a.amountText, a.byEntry])).toEqual([['2', '1', '500', true]]);
    expect(issues.find((i) => i.code === 'export-recognised')?.message.en).toContain('Detailed Cust. Ledg. Entries');
    const before = compute(ledger, '2026-02-09', { exported: D('2026-03-31') });
    expect(before.statements[0]?.sections[0]?.closingBalance).toBe(120000);
    const after = compute(ledger, '2026-02-11', { exported: D('2026-03-31') });
    expect(after.statements[0]?.sections[0]?.closingBalance).toBe(70000 - 100000);
    expect(codes(after.issues)).not.toContain('open-amount-disagrees');
  });

  it('read the same with French captions (Type écriture = Lettrage)', () => {
    const fr: GridValue[][] = [
      ['N° séquence', 'Date comptabilisation', 'Type écriture', 'Type document', 'N° document', 'N° client', 'Montant', 'N° écriture comptable clt', 'N° écriture comptable clt lettrée', 'Non lettré'],
      ...detailed.slice(1).map((r) => r.map((c) => (c === 'Application' ? 'Lettrage' : c === 'Initial Entry' ? 'Écriture origine' : c === 'No' ? 'Non' : c === 'Yes' ? 'Oui' : c === 'Payment' ? 'Paiement' : c))),
    ];
    const { ledger } = ledgerOf({ 'Écritures client': ledgerSheet, 'Écritures détaillées': fr });
    expect(ledger.applications.map((a) => [a.from, a.to, a.amountText, a.byEntry])).toEqual([['2', '1', '500', true]]);
  });

  it('a link the export contradicts keeps our settlement and names the document with both figures', () => {
    const wrong = ledgerSheet.map((r, i) => (i === 1 ? [...r.slice(0, 6), 600, r[7] ?? null] : r));
    const { ledger } = ledgerOf({ 'Customer Ledger Entries': wrong, 'Detailed Cust. Ledg. Entries': detailed });
    const r = compute(ledger, '2026-03-31', { exported: D('2026-03-31') });
    const warning = r.issues.find((i) => i.code === 'open-amount-disagrees');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message.en).toContain('103001 has 700.00 open at 2026-03-31 by its applications, 600.00 by the export');
    expect(warning?.cell).toBe("'Customer Ledger Entries'!G2");
    expect(r.statements[0]?.sections[0]?.closingBalance).toBe(70000 - 100000);
  });
});

describe('the contract: entry numbers and applications by entry', () => {
  const customers = rawTable('customers', 'customer_id\nC1\nC2');
  it('an application naming an entry number the ledger lacks, a repeated entry number, a bad open amount', () => {
    const entries = rawTable('entries', `
customer_id|type|document_no|posting_date|amount|currency|entry_no|open_amount
C1|invoice|INV-1|2026-01-05|100.00|EUR|10|
C1|payment|PAY-1|2026-01-06|-40.00|EUR|11|
C2|invoice|INV-2|2026-01-07|50.00|EUR|11|
C2|invoice|INV-3|2026-01-08|50.00|EUR|12|60.00`);
    const applications = rawTable('applications', 'from_entry|to_entry|amount|date\n11|99|40.00|2026-01-06');
    const ledger = buildLedger({ customers, entries, applications });
    const r = compute(ledger, '2026-01-31', { exported: D('2026-01-31') });
    expect(codes(r.issues)).toEqual(expect.arrayContaining(['duplicate-entry-no', 'bad-open-amount', 'unknown-entry']));
    expect(r.issues.find((i) => i.code === 'unknown-entry')?.column).toBe('to_entry');
    expect(r.issues.find((i) => i.code === 'duplicate-entry-no')?.customerId).toBe('C2');
  });

  it('a document number may repeat where entries carry entry numbers (one payment document for two customers)', () => {
    const entries = rawTable('entries', `
customer_id|type|document_no|posting_date|amount|currency|entry_no
C1|invoice|INV-1|2026-01-05|100.00|EUR|1
C2|invoice|INV-2|2026-01-05|80.00|EUR|2
C1|payment|G001|2026-01-10|-100.00|EUR|3
C2|payment|G001|2026-01-10|-80.00|EUR|4`);
    const applications = rawTable('applications', 'from_entry|to_entry|amount|date\n3|1|100.00|2026-01-10\n4|2|80.00|2026-01-10');
    const r = compute(buildLedger({ customers, entries, applications }), '2026-01-31');
    expect(r.issues).toEqual([]);
    expect(r.statements.map((s) => s.sections.map((x) => [x.closingBalance, x.lines]))).toEqual([[[0, []]], [[0, []]]]);
  });

  it('an open_amount column left blank changes nothing and says nothing', () => {
    const entries = rawTable('entries', `
customer_id|type|document_no|posting_date|amount|currency|open_amount
C1|invoice|INV-1|2026-01-05|100.00|EUR|
C1|payment|PAY-1|2026-01-06|-40.00|EUR|`);
    const r = compute(buildLedger({ customers, entries }), '2026-01-31', { allocate: 'fifo' });
    expect(r.issues).toEqual([]);
    expect(r.statements[0]?.sections[0]?.lines?.map((l) => l.open)).toEqual([6000]); // FIFO settled the payment: the blank column is no open amount
  });

  it('FIFO leaves entries with an open amount alone', () => {
    const entries = rawTable('entries', `
customer_id|type|document_no|posting_date|amount|currency|open_amount
C1|invoice|INV-1|2026-01-05|100.00|EUR|100.00
C1|payment|PAY-1|2026-01-06|-40.00|EUR|-40.00`);
    const r = compute(buildLedger({ customers, entries }), '2026-01-31', { allocate: 'fifo', exported: D('2026-01-31') });
    expect(r.statements[0]?.sections[0]?.lines?.map((l) => l.open)).toEqual([10000, -4000]);
  });
});
