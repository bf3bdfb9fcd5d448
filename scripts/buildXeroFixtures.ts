/**
 * Rebuilds the Xero export fixtures of test/fixtures/exports/xero/ (issue 16): the Aged Receivables
 * Detail report as Xero exports it to Excel (title rows, contacts as group rows, `Total <contact>`,
 * `Total`), and the sales invoice export (CSV, one row per invoice line), both of the same books at
 * 31 October 2026. Sources and what was reproduced: test/fixtures/exports/xero/README.md.
 * The same cells every run (only the zip's timestamps change).  Usage: npm run build && node dist/scripts/buildXeroFixtures.js
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';

type Cell = string | number | Date | null;
const ROOT = path.join(__dirname, '..', '..', 'test', 'fixtures', 'exports', 'xero');
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Ageing columns: Current, < 1 Month, 1 Month, 2 Months, 3 Months, Older; then Total. */
type Aged = [number, number, number, number, number, number];
const line = (date: string, number: string, reference: string, due: string | null, aged: Aged): Cell[] =>
  [day(date), number, reference, due === null ? null : day(due), ...aged.map((x) => (x === 0 ? null : x)), Math.round(aged.reduce((s, x) => s + x, 0) * 100) / 100];
const total = (label: string, aged: Aged): Cell[] => [label, null, null, null, ...aged, Math.round(aged.reduce((s, x) => s + x, 0) * 100) / 100];

async function agedReceivablesDetail(): Promise<void> {
  const rows: Cell[][] = [
    ['Basket Case'],
    line('2026-08-10', 'INV-0011', 'P/O 9711', '2026-09-09', [0, 0, 1250, 0, 0, 0]),
    line('2026-10-03', 'INV-0019', 'P/O 9790', '2026-11-02', [480, 0, 0, 0, 0, 0]),
    total('Total Basket Case', [480, 0, 1250, 0, 0, 0]),
    [],
    ['Bayside Club'],
    line('2026-06-20', 'INV-0007', 'Summer fete', '2026-07-20', [0, 0, 0, 0, 2100, 0]),
    line('2026-09-25', 'CN-0003', 'Returned banners', null, [0, 0, -300, 0, 0, 0]),
    line('2026-10-20', 'INV-0021', 'October', '2026-10-27', [0, 640.5, 0, 0, 0, 0]),
    total('Total Bayside Club', [0, 640.5, -300, 0, 2100, 0]),
    [],
    ['Ridgeway University'],
    line('2026-03-15', 'INV-0002', 'Graduation', '2026-04-14', [0, 0, 0, 0, 0, 5000]),
    line('2026-10-31', 'INV-0024', 'Open day', '2026-10-31', [199.99, 0, 0, 0, 0, 0]),
    total('Total Ridgeway University', [199.99, 0, 0, 0, 0, 5000]),
    [],
    total('Total', [679.99, 640.5, 950, 0, 2100, 5000]),
  ];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xero';
  wb.created = day('2026-10-31');
  wb.modified = day('2026-10-31');
  const ws = wb.addWorksheet('Aged Receivables Detail');
  for (const t of ['Aged Receivables Detail', 'Demo Company (UK)', 'As at 31 October 2026', 'Ageing by due date']) ws.addRow([t]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(['Invoice Date', 'Invoice Number', 'Invoice Reference', 'Due Date', 'Current', '< 1 Month', '1 Month', '2 Months', '3 Months', 'Older', 'Total']).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'dd mmm yyyy';
      else if (typeof c.value === 'number') c.numFmt = '#,##0.00;(#,##0.00)';
    });
    if (typeof r[0] === 'string' && r[0].startsWith('Total')) row.font = { bold: true };
  }
  ws.columns.forEach((c) => (c.width = 15));
  fs.mkdirSync(path.join(ROOT, 'aged-receivables-detail'), { recursive: true });
  await wb.xlsx.writeFile(path.join(ROOT, 'aged-receivables-detail', 'aged-receivables-detail.xlsx'));
}

const EXPORT_HEADER = [
  'ContactName', 'EmailAddress', 'POAddressLine1', 'POAddressLine2', 'POAddressLine3', 'POAddressLine4', 'POCity', 'PORegion', 'POPostalCode', 'POCountry',
  'InvoiceNumber', 'Reference', 'InvoiceDate', 'DueDate', 'Total', 'TaxTotal', 'InvoiceAmountPaid', 'InvoiceAmountDue', 'InventoryItemCode', 'Description',
  'Quantity', 'UnitAmount', 'Discount', 'LineAmount', 'AccountCode', 'TaxType', 'TaxAmount', 'TrackingName1', 'TrackingOption1', 'TrackingName2', 'TrackingOption2',
  'Currency', 'Type', 'Sent', 'Status',
];

interface Contact { name: string; email: string; address: string; city: string; postcode: string }
const BASKET: Contact = { name: 'Basket Case', email: 'accounts@basketcase.example', address: '18 Market Street', city: 'Oxford', postcode: 'OX1 3EQ' };
const BAYSIDE: Contact = { name: 'Bayside Club', email: 'treasurer@bayside.example', address: '1 Harbour Road', city: 'Brighton', postcode: 'BN1 1AA' };
const RIDGEWAY: Contact = { name: 'Ridgeway University', email: 'finance@ridgeway.example', address: 'Ridgeway Campus', city: 'Reading', postcode: 'RG6 6AH' };

interface Invoice {
  contact: Contact; number: string; reference: string; date: string; due: string; total: string; tax: string; paid: string; dueAmount: string;
  type: 'Sales invoice' | 'Sales credit note'; status: string; lines: [string, string, string, string][]; // description, quantity, unit, tax
}

const INVOICES: Invoice[] = [
  { contact: BASKET, number: 'INV-0005', reference: 'P/O 9650', date: '12/05/2026', due: '11/06/2026', total: '300.00', tax: '50.00', paid: '300.00', dueAmount: '0.00', type: 'Sales invoice', status: 'Paid', lines: [['Baskets', '5', '50.00', '50.00']] },
  { contact: BASKET, number: 'INV-0011', reference: 'P/O 9711', date: '10/08/2026', due: '09/09/2026', total: '1500.00', tax: '250.00', paid: '250.00', dueAmount: '1250.00', type: 'Sales invoice', status: 'Awaiting Payment', lines: [['Design work', '1', '1000.00', '200.00'], ['Printing', '1', '250.00', '50.00']] },
  { contact: BASKET, number: 'INV-0019', reference: 'P/O 9790', date: '03/10/2026', due: '02/11/2026', total: '480.00', tax: '80.00', paid: '0.00', dueAmount: '480.00', type: 'Sales invoice', status: 'Awaiting Payment', lines: [['Display stands', '2', '200.00', '80.00']] },
  { contact: BAYSIDE, number: 'INV-0007', reference: 'Summer fete', date: '20/06/2026', due: '20/07/2026', total: '2100.00', tax: '350.00', paid: '0.00', dueAmount: '2100.00', type: 'Sales invoice', status: 'Awaiting Payment', lines: [['Marquee hire', '1', '1500.00', '300.00'], ['Banners', '5', '50.00', '50.00']] },
  { contact: BAYSIDE, number: 'INV-0009', reference: 'Cancelled order', date: '02/07/2026', due: '01/08/2026', total: '50.00', tax: '0.00', paid: '0.00', dueAmount: '0.00', type: 'Sales invoice', status: 'Voided', lines: [['Flags', '1', '50.00', '0.00']] },
  { contact: BAYSIDE, number: 'CN-0003', reference: 'Returned banners', date: '25/09/2026', due: '', total: '300.00', tax: '50.00', paid: '0.00', dueAmount: '300.00', type: 'Sales credit note', status: 'Awaiting Payment', lines: [['Banners returned', '5', '50.00', '50.00']] },
  { contact: BAYSIDE, number: 'INV-0021', reference: 'October', date: '20/10/2026', due: '27/10/2026', total: '640.50', tax: '106.75', paid: '0.00', dueAmount: '640.50', type: 'Sales invoice', status: 'Awaiting Payment', lines: [['Bar staff', '35', '15.25', '106.75']] },
  { contact: RIDGEWAY, number: 'INV-0002', reference: 'Graduation', date: '15/03/2026', due: '14/04/2026', total: '6000.00', tax: '1000.00', paid: '1000.00', dueAmount: '5000.00', type: 'Sales invoice', status: 'Awaiting Payment', lines: [['Graduation photography', '1', '4000.00', '800.00'], ['Prints', '100', '10.00', '200.00']] },
  { contact: RIDGEWAY, number: 'INV-0024', reference: 'Open day', date: '31/10/2026', due: '31/10/2026', total: '199.99', tax: '33.33', paid: '0.00', dueAmount: '199.99', type: 'Sales invoice', status: 'Awaiting Payment', lines: [['Open day leaflets', '1', '166.66', '33.33']] },
  { contact: RIDGEWAY, number: 'INV-0026', reference: 'Spring fair', date: '31/10/2026', due: '30/11/2026', total: '90.00', tax: '15.00', paid: '0.00', dueAmount: '90.00', type: 'Sales invoice', status: 'Draft', lines: [['Posters', '3', '25.00', '15.00']] },
];

function invoicesExport(): void {
  const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const out: string[] = [EXPORT_HEADER.join(',')];
  for (const inv of INVOICES) {
    for (const [description, quantity, unit, tax] of inv.lines) {
      const lineAmount = (Number(quantity) * Number(unit)).toFixed(2);
      const c = inv.contact;
      out.push([
        c.name, c.email, c.address, '', '', '', c.city, '', c.postcode, 'United Kingdom',
        inv.number, inv.reference, inv.date, inv.due, inv.total, inv.tax, inv.paid, inv.dueAmount, '', description,
        quantity, unit, '', lineAmount, '200', '20% (VAT on Income)', tax, '', '', '', '',
        'GBP', inv.type, inv.status === 'Draft' ? '' : 'Sent', inv.status,
      ].map(quote).join(','));
    }
  }
  fs.mkdirSync(path.join(ROOT, 'invoices-export-csv'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'invoices-export-csv', 'Invoices.csv'), out.join('\r\n') + '\r\n');
}

async function main(): Promise<void> {
  await agedReceivablesDetail();
  invoicesExport();
  process.stdout.write(`Xero fixtures written under ${ROOT}\n`);
}

void main();
