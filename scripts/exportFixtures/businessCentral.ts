/**
 * Writes the Business Central fixtures of test/fixtures/exports/business-central/ (the .xlsx and
 * .csv exports; args.json, expected.md and working.md are written by hand). One small company,
 * four customers, the layouts of the Customer Ledger Entries (page 25) and Detailed Cust. Ledg.
 * Entries (page 573) pages exported to Excel. The same content every run (the zip's times differ).
 * Usage: npm run build && node dist/scripts/exportFixtures/businessCentral.js
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'exports', 'business-central');

/** One customer ledger entry, as the page shows it (amounts signed as Business Central signs them). */
interface Cle {
  entryNo: number;
  posting: string;
  type: 'Invoice' | 'Payment' | 'Credit Memo';
  documentNo: string;
  customer: string;
  name: string;
  description: string;
  currency: string;
  original: number;
  amount: number;
  remaining: number;
  due: string;
  closedBy?: number;
  closedByAmount?: number;
  closedAt?: string;
}

// Entries in the order they were posted (Entry No. rises with it). Trey Research's payment took a 2% payment
// discount (17.00): its Original Amount is the 833.00 received, its Amount the 850.00 it settles.
const ENTRIES: readonly Cle[] = [
  { entryNo: 1, posting: '2025-12-01', type: 'Invoice', documentNo: '103003', customer: 'C30000', name: 'Relecloud', description: 'Invoice 103003', currency: 'EUR', original: 2000, amount: 2000, remaining: 0, due: '2025-12-31', closedBy: 4, closedByAmount: 2000, closedAt: '2026-01-15' },
  { entryNo: 2, posting: '2026-01-05', type: 'Invoice', documentNo: '103001', customer: 'C10000', name: 'Adatum Corporation', description: 'Invoice 103001', currency: '', original: 1200, amount: 1200, remaining: 700, due: '2026-01-20' },
  { entryNo: 3, posting: '2026-01-15', type: 'Invoice', documentNo: '103002', customer: 'C20000', name: 'Trey Research', description: 'Invoice 103002', currency: '', original: 850, amount: 850, remaining: 0, due: '2026-02-14', closedBy: 6, closedByAmount: 850, closedAt: '2026-02-20' },
  { entryNo: 4, posting: '2026-01-15', type: 'Payment', documentNo: 'G02463', customer: 'C30000', name: 'Relecloud', description: 'Payment Relecloud', currency: 'EUR', original: -2500, amount: -2500, remaining: -500, due: '2026-01-15' },
  { entryNo: 5, posting: '2026-02-10', type: 'Payment', documentNo: 'G02461', customer: 'C10000', name: 'Adatum Corporation', description: 'Payment Adatum', currency: '', original: -500, amount: -500, remaining: 0, due: '2026-02-10', closedBy: 2, closedByAmount: -500, closedAt: '2026-02-10' },
  { entryNo: 6, posting: '2026-02-20', type: 'Payment', documentNo: 'G02462', customer: 'C20000', name: 'Trey Research', description: 'Payment Trey Research', currency: '', original: -833, amount: -850, remaining: 0, due: '2026-02-20' },
  { entryNo: 7, posting: '2026-02-25', type: 'Invoice', documentNo: '103004', customer: 'C20000', name: 'Trey Research', description: 'Invoice 103004', currency: '', original: 400, amount: 400, remaining: 400, due: '2026-03-12' },
  { entryNo: 8, posting: '2026-03-05', type: 'Credit Memo', documentNo: '104001', customer: 'C20000', name: 'Trey Research', description: 'Credit Memo 104001', currency: '', original: -150, amount: -150, remaining: -150, due: '2026-03-05' },
  { entryNo: 9, posting: '2026-03-10', type: 'Invoice', documentNo: '103005', customer: 'C10000', name: 'Adatum Corporation', description: 'Invoice 103005', currency: '', original: 300, amount: 300, remaining: 300, due: '2026-04-09' },
  // Posted after entry 9 with an earlier posting date: entry numbers follow the posting, not the date.
  { entryNo: 10, posting: '2026-02-02', type: 'Invoice', documentNo: '103006', customer: 'C40000', name: 'Alpine Ski House', description: 'Invoice 103006', currency: '', original: 640, amount: 640, remaining: 640, due: '2026-03-04' },
];

/** Detailed entries: an Initial Entry per ledger entry, the discount, and both rows of each application (codeunit 12: the applied entry's row names the applying entry; the applying entry's own row names itself). */
interface Dcle { entryNo: number; ledgerEntryNo: number; type: 'Initial Entry' | 'Application' | 'Payment Discount'; posting: string; documentType: string; documentNo: string; customer: string; amount: number; applied: number | null; currency: string }
function detailed(): Dcle[] {
  const rows: Dcle[] = [];
  let n = 0;
  const add = (e: Cle, type: Dcle['type'], posting: string, documentNo: string, documentType: string, amount: number, applied: number | null): void => {
    rows.push({ entryNo: ++n, ledgerEntryNo: e.entryNo, type, posting, documentType, documentNo, customer: e.customer, amount, applied, currency: e.currency });
  };
  const byNo = (no: number): Cle => ENTRIES.find((e) => e.entryNo === no) as Cle;
  for (const e of ENTRIES) {
    add(e, 'Initial Entry', e.posting, e.documentNo, e.type, e.original, null);
    if (e.entryNo === 6) add(e, 'Payment Discount', e.posting, e.documentNo, e.type, -17, null);
    // The payments are the applying entries here: the invoice's row names the payment, the payment's names itself.
    const applications: Record<number, [number, number]> = { 4: [1, 2000], 5: [2, 500], 6: [3, 850] };
    const app = applications[e.entryNo];
    if (app !== undefined) {
      const [invoice, amount] = app;
      add(byNo(invoice), 'Application', e.posting, e.documentNo, e.type, -amount, e.entryNo);
      add(e, 'Application', e.posting, e.documentNo, e.type, amount, e.entryNo);
    }
  }
  return rows;
}

const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const EN_LEDGER = ['Posting Date', 'Document Type', 'Document No.', 'Customer No.', 'Customer Name', 'Description', 'Currency Code', 'Original Amount', 'Amount', 'Amount (LCY)', 'Remaining Amount', 'Remaining Amt. (LCY)', 'Due Date', 'Open', 'Salesperson Code', 'Closed by Entry No.', 'Closed by Amount', 'Closed at Date', 'User ID', 'Entry No.'];
function enLedgerRow(e: Cle, withClosedBy: boolean): (string | number | Date | null)[] {
  return [
    date(e.posting), e.type, e.documentNo, e.customer, e.name, e.description, e.currency, e.original, e.amount,
    e.currency === 'EUR' ? Math.round(e.amount * 1.08 * 100) / 100 : e.amount, e.remaining,
    e.currency === 'EUR' ? Math.round(e.remaining * 1.08 * 100) / 100 : e.remaining,
    date(e.due), e.remaining !== 0 ? 'Yes' : 'No', 'JR',
    withClosedBy && e.closedBy !== undefined ? e.closedBy : 0, withClosedBy && e.closedByAmount !== undefined ? e.closedByAmount : 0,
    withClosedBy && e.closedAt !== undefined ? date(e.closedAt) : null, 'ADMIN', e.entryNo,
  ];
}

function styleDates(ws: ExcelJS.Worksheet, headers: readonly string[]): void {
  headers.forEach((h, i) => {
    if (/date/i.test(h)) ws.getColumn(i + 1).numFmt = 'mm/dd/yyyy';
    if (/amount|amt/i.test(h) && !/entry/i.test(h)) ws.getColumn(i + 1).numFmt = '#,##0.00';
    ws.getColumn(i + 1).width = Math.max(10, h.length + 2);
  });
}

/** Case 1: the ledger entries with Closed by Entry No., as an Excel table (as "Open in Excel" gives it). */
async function closedBy(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Customer Ledger Entries');
  ws.addTable({
    name: 'CustomerLedgerEntries',
    ref: 'A1',
    headerRow: true,
    columns: EN_LEDGER.map((name) => ({ name })),
    rows: ENTRIES.map((e) => enLedgerRow(e, true)),
  });
  styleDates(ws, EN_LEDGER);
  await write(wb, 'en-xlsx-closed-by', 'customer-ledger-entries.xlsx');
}

/** Case 2: the ledger entries without Closed by columns, and the Detailed entries on a second sheet, below a title. */
async function withDetailed(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const headers = EN_LEDGER.filter((h) => !h.startsWith('Closed'));
  const ws = wb.addWorksheet('Customer Ledger Entries');
  ws.addRow(headers);
  for (const e of ENTRIES) ws.addRow(enLedgerRow(e, false).filter((_, i) => !(EN_LEDGER[i] ?? '').startsWith('Closed')));
  styleDates(ws, headers);
  const d = wb.addWorksheet('Detailed Cust. Ledg. Entries');
  const dHeaders = ['Posting Date', 'Entry Type', 'Document Type', 'Document No.', 'Customer No.', 'Currency Code', 'Amount', 'Amount (LCY)', 'Cust. Ledger Entry No.', 'Applied Cust. Ledger Entry No.', 'Unapplied', 'User ID', 'Entry No.'];
  d.addRow(['CRONUS USA, Inc. – Detailed Cust. Ledg. Entries']);
  d.addRow([]);
  d.addRow(dHeaders);
  for (const r of detailed()) {
    d.addRow([date(r.posting), r.type, r.documentType, r.documentNo, r.customer, r.currency, r.amount, r.amount, r.ledgerEntryNo, r.applied ?? 0, 'No', 'ADMIN', r.entryNo]);
  }
  styleDates(d, dHeaders);
  await write(wb, 'en-xlsx-detailed', 'customer-ledger-entries.xlsx');
}

/** Cases 3 and 4: French captions, saved by French Excel as CSV (semicolons, day-first dates, decimal commas); no links, only Montant ouvert. */
function frenchCsv(): string {
  const headers = ['Date comptabilisation', 'Type document', 'N° document', 'N° client', 'Nom du client', 'Désignation', 'Code devise', 'Montant initial', 'Montant', 'Montant ouvert', "Date d'échéance", 'Ouvert', 'N° séquence'];
  const types: Record<Cle['type'], string> = { Invoice: 'Facture', Payment: 'Paiement', 'Credit Memo': 'Avoir' };
  const frDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  // French Excel writes "1 200,00" with a no-break space between thousands.
  const frMoney = (x: number): string => {
    const [int, dec] = Math.abs(x).toFixed(2).split('.') as [string, string];
    return `${x < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${dec}`;
  };
  const lines = [headers.join(';')];
  for (const e of ENTRIES) {
    const description = e.description.replace('Invoice', 'Facture').replace('Payment', 'Paiement').replace('Credit Memo', 'Avoir');
    lines.push([frDate(e.posting), types[e.type], e.documentNo, e.customer, e.name, description, e.currency, frMoney(e.original), frMoney(e.amount), frMoney(e.remaining), frDate(e.due), e.remaining !== 0 ? 'Oui' : 'Non', String(e.entryNo)].join(';'));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

async function write(wb: ExcelJS.Workbook, folder: string, file: string): Promise<void> {
  fs.mkdirSync(path.join(ROOT, folder), { recursive: true });
  // A fixed creation date: the same workbook properties every run.
  wb.created = new Date('2026-03-31T18:00:00Z');
  wb.modified = wb.created;
  await wb.xlsx.writeFile(path.join(ROOT, folder, file));
}

async function main(): Promise<void> {
  await closedBy();
  await withDetailed();
  for (const folder of ['fr-csv-no-links', 'fr-csv-before-export']) {
    fs.mkdirSync(path.join(ROOT, folder), { recursive: true });
    fs.writeFileSync(path.join(ROOT, folder, 'Ecritures comptables client.csv'), frenchCsv());
  }
}

void main();
