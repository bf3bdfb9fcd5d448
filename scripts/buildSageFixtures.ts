/**
 * Rebuilds the Sage fixtures of test/fixtures/exports/sage (see its README for what Sage's
 * documentation shows and what was inferred): Sage 50 Accounts' Aged Debtors Analysis (Detailed)
 * sent "Data to Excel" (one flat row per outstanding transaction, the report's data fields as
 * headers), and the Customer Activity report grouped by customer (an A/C row, the transactions, a
 * Totals row). Deterministic. Usage: npm run build && node dist/scripts/buildSageFixtures.js
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';

const OUT = path.join(__dirname, '..', '..', 'test', 'fixtures', 'exports', 'sage');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Customer { ref: string; name: string }
const ABS: Customer = { ref: 'ABS001', name: 'ABS Garages Ltd' };
const BBS: Customer = { ref: 'BBS001', name: 'Bobs Building Supplies' };
const MIL: Customer = { ref: 'MIL001', name: 'Mile Road Health Centre' };

/** An outstanding transaction of the aged debtors report at 2024-01-31 (later payments excluded). */
interface Aged { customer: Customer; no: number; type: string; date: string; ref: string; aged: number }

const aged: Aged[] = [
  { customer: ABS, no: 41, type: 'SI', date: '2023-10-12', ref: '10021', aged: 700 },
  { customer: ABS, no: 52, type: 'SI', date: '2024-01-15', ref: '10034', aged: 360 },
  { customer: ABS, no: 58, type: 'SC', date: '2024-01-20', ref: 'CN005', aged: -60 },
  { customer: BBS, no: 37, type: 'SI', date: '2023-09-05', ref: '10017', aged: 2350 },
  { customer: BBS, no: 60, type: 'SA', date: '2024-01-25', ref: 'BACS', aged: -350 },
  { customer: MIL, no: 44, type: 'SI', date: '2023-12-18', ref: '10029', aged: 480 },
];

/** Data to Excel: the documented data fields as headers, one row per transaction, customer fields repeated. */
async function writeAgedDebtors(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = day('2024-02-01');
  wb.modified = day('2024-02-01');
  const ws = wb.addWorksheet('Aged Debtors');
  ws.addRow([
    'CustomerRecord.AccountReference', 'CustomerRecord.AccountName', 'TransactionOverview.Number', 'TransactionOverview.Type',
    'TransactionOverview.Date', 'TransactionOverview.Reference', 'TransactionOverview.AgedAmount',
  ]);
  for (const t of aged) {
    const row = ws.addRow([t.customer.ref, t.customer.name, t.no, t.type, day(t.date), t.ref, t.aged]);
    row.getCell(5).numFmt = 'dd/mm/yyyy';
    row.getCell(7).numFmt = '0.00';
  }
  ws.columns.forEach((c) => (c.width = 22));
  fs.mkdirSync(path.join(OUT, 'aged-debtors'), { recursive: true });
  await wb.xlsx.writeFile(path.join(OUT, 'aged-debtors', 'sage50-aged-debtors-detailed.xlsx'));
}

/** A transaction of the customer's activity: Amount is unsigned, Debit or Credit gives the side; O/S is what is still outstanding. */
interface Activity { no: number; type: string; date: string; due: string; ref: string; details: string; amount: number; os: number; side: 'D' | 'C' }

const activity: { customer: Customer; lines: Activity[] }[] = [
  {
    customer: ABS,
    lines: [
      { no: 41, type: 'SI', date: '2023-10-12', due: '2023-11-11', ref: '10021', details: 'Brake discs and pads', amount: 1200, os: 700, side: 'D' },
      { no: 47, type: 'SR', date: '2023-11-30', due: '2023-11-30', ref: 'Chq 100234', details: 'Sales Receipt', amount: 500, os: 0, side: 'C' },
      { no: 52, type: 'SI', date: '2024-01-15', due: '2024-02-14', ref: '10034', details: 'Wiper blades', amount: 360, os: 360, side: 'D' },
      { no: 58, type: 'SC', date: '2024-01-20', due: '2024-01-20', ref: 'CN005', details: 'Returned blades', amount: 60, os: 60, side: 'C' },
    ],
  },
  {
    customer: MIL,
    lines: [{ no: 44, type: 'SI', date: '2023-12-18', due: '2024-01-17', ref: '10029', details: 'First aid kits', amount: 480, os: 480, side: 'D' }],
  },
];

/** The report grouped by customer under a title block: an A/C row per customer, its lines, a Totals row; the documented Activity columns. */
async function writeCustomerActivity(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = day('2024-02-01');
  wb.modified = day('2024-02-01');
  const ws = wb.addWorksheet('Customer Activity (Detailed)');
  ws.addRow(['Stationery & Computer Mart UK']).font = { bold: true };
  ws.addRow(['Customer Activity (Detailed)']).font = { bold: true };
  ws.addRow(['Date From: 01/01/1980', null, null, 'Date To: 31/01/2024']);
  ws.addRow([]);
  ws.addRow(['No', 'Type', 'Date', 'Due on', 'Ref', 'Details', 'Amount', 'O/S', null, 'Debit', 'Credit']).font = { bold: true };
  for (const { customer, lines } of activity) {
    ws.addRow([`A/C: ${customer.ref}`, null, `Name: ${customer.name}`]).font = { bold: true };
    let debit = 0;
    let credit = 0;
    for (const l of lines) {
      const flag = l.os === 0 ? null : l.os === l.amount ? '*' : 'p';
      const row = ws.addRow([l.no, l.type, day(l.date), day(l.due), l.ref, l.details, l.amount, l.os, flag, l.side === 'D' ? l.amount : null, l.side === 'C' ? l.amount : null]);
      row.getCell(3).numFmt = 'dd/mm/yyyy';
      row.getCell(4).numFmt = 'dd/mm/yyyy';
      for (const c of [7, 8, 10, 11]) row.getCell(c).numFmt = '#,##0.00';
      if (l.side === 'D') debit += l.amount;
      else credit += l.amount;
    }
    // Totals of the Debit and Credit columns (an unsigned O/S column adds up to nothing meaningful).
    const total = ws.addRow(['Totals:', null, null, null, null, null, null, null, null, debit, credit]);
    total.font = { bold: true };
    for (const c of [10, 11]) total.getCell(c).numFmt = '#,##0.00';
    ws.addRow([]);
  }
  ws.columns.forEach((c) => (c.width = 14));
  fs.mkdirSync(path.join(OUT, 'customer-activity'), { recursive: true });
  await wb.xlsx.writeFile(path.join(OUT, 'customer-activity', 'sage50-customer-activity.xlsx'));
}

async function main(): Promise<void> {
  await writeAgedDebtors();
  await writeCustomerActivity();
  process.stdout.write(`Sage fixtures written to ${OUT}\n`);
}

void main();
