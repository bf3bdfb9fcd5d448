/**
 * Rebuilds the QuickBooks export fixtures of test/fixtures/exports/quickbooks/ (issue 16): the
 * reports as QuickBooks lays them out when exported to Excel or CSV (title rows, a header, customers
 * as group rows, `Total for …` rows, `TOTAL`), with the figures worked out in each case's working.md.
 * Sources and what was reproduced: test/fixtures/exports/quickbooks/README.md.
 * The same cells every run (only the zip's timestamps change).  Usage: npm run build && node dist/scripts/buildQuickBooksFixtures.js
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';

type Cell = string | number | Date | null;
const ROOT = path.join(__dirname, '..', '..', 'test', 'fixtures', 'exports', 'quickbooks');
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const MONEY = '#,##0.00;-#,##0.00';
const DATE = 'mm/dd/yyyy';

/** A report sheet: title rows, then its rows; dates and amounts typed as QuickBooks' Excel export types them. */
async function writeXlsx(file: string, sheetName: string, titles: readonly string[], header: readonly string[], rows: readonly Cell[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'QuickBooks'; // fixed so the file does not change from run to run
  wb.created = day('2026-10-31');
  wb.modified = day('2026-10-31');
  const ws = wb.addWorksheet(sheetName);
  for (const t of titles) ws.addRow([t]).font = { bold: true };
  ws.addRow([]);
  ws.addRow([...header]).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = DATE;
      else if (typeof c.value === 'number') c.numFmt = MONEY;
    });
    if (typeof r[0] === 'string' && /^(total|TOTAL)/.test(r[0])) row.font = { bold: true };
  }
  ws.columns.forEach((c) => (c.width = 16));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}

function writeCsv(file: string, lines: readonly (readonly string[])[]): void {
  const quote = (s: string): string => (/[",\n]/.test(s) || /\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.map((l) => l.map(quote).join(',')).join('\r\n') + '\r\n');
}

/** QuickBooks Online, Customer Balance Detail (all dates), exported to Excel: the open items at 10/31/2026. */
async function onlineBalanceDetail(): Promise<void> {
  const rows: Cell[][] = [
    ['Amy\'s Bird Sanctuary'],
    [null, day('2026-07-15'), 'Invoice', '1021', day('2026-08-14'), 1200, 700, 700],
    [null, day('2026-09-20'), 'Invoice', '1035', day('2026-10-20'), 459, 459, 1159],
    ['Total for Amy\'s Bird Sanctuary', null, null, null, null, 1659, 1159, null],
    ['Bill\'s Windsurf Shop'],
    [null, day('2026-10-05'), 'Invoice', '1040', day('2026-11-04'), 85, 85, 85],
    [null, day('2026-10-12'), 'Payment', '2001', null, -50, -50, 35],
    ['Total for Bill\'s Windsurf Shop', null, null, null, null, 35, 35, null],
    ['Cool Cars'],
    [null, day('2026-06-10'), 'Invoice', '1008', day('2026-07-10'), 2369.52, 2369.52, 2369.52],
    [null, day('2026-09-01'), 'Credit Memo', '1030', null, -100, -100, 2269.52],
    ['Total for Cool Cars', null, null, null, null, 2269.52, 2269.52, null],
    ['TOTAL', null, null, null, null, 3963.52, 3463.52, null],
    [],
    ['Saturday, October 31, 2026 05:12 PM GMT-07:00'],
  ];
  await writeXlsx(
    path.join(ROOT, 'online-balance-detail', 'customer-balance-detail.xlsx'),
    'Customer Balance Detail',
    ['Craig\'s Design and Landscaping Services', 'Customer Balance Detail', 'All Dates'],
    ['', 'Date', 'Transaction Type', 'Num', 'Due Date', 'Amount', 'Open Balance', 'Balance'],
    rows,
  );
}

/**
 * QuickBooks Desktop, Open Invoices with the Amount column added (Customize Report › Columns), as of
 * 10/31/2026, exported to Excel: customers and their jobs as nested group rows, `Total …` rows.
 * Invoice 1095 is the help page's example: 750.00 billed, 500.00 open, so 250.00 paid.
 */
async function desktopOpenInvoices(): Promise<void> {
  const rows: Cell[][] = [
    ['Abercrombie, Kristy'],
    [null, 'Family Room'],
    [null, null, 'Invoice', day('2026-10-01'), '1095', '', 'Net 30', day('2026-10-31'), null, 750, 500],
    [null, 'Total Family Room', null, null, null, null, null, null, null, 750, 500],
    [null, 'Kitchen'],
    [null, null, 'Invoice', day('2026-08-15'), '1071', '', 'Net 30', day('2026-09-14'), 47, 1500, 1500],
    [null, 'Total Kitchen', null, null, null, null, null, null, null, 1500, 1500],
    ['Total Abercrombie, Kristy', null, null, null, null, null, null, null, null, 2250, 2000],
    ['Jacobsen, Doug'],
    [null, null, 'Invoice', day('2026-07-20'), '1060', '4521', 'Net 30', day('2026-08-19'), 73, 4223, 4223],
    [null, null, 'Credit Memo', day('2026-09-30'), '1080', '', '', null, null, -200, -200],
    ['Total Jacobsen, Doug', null, null, null, null, null, null, null, null, 4023, 4023],
    ['TOTAL', null, null, null, null, null, null, null, null, 6273, 6023],
  ];
  await writeXlsx(
    path.join(ROOT, 'desktop-open-invoices', 'open-invoices.xlsx'),
    'Sheet1',
    ['Rock Castle Construction', 'Open Invoices', 'As of October 31, 2026'],
    ['', '', 'Type', 'Date', 'Num', 'P. O. #', 'Terms', 'Due Date', 'Aging', 'Amount', 'Open Balance'],
    rows,
  );
}

/** QuickBooks Online (Canada, in French), Customer Balance Detail exported to CSV: amounts as "1 149,75 $". */
function onlineFrenchCsv(): void {
  const m = (x: string): string => `${x} $`;
  writeCsv(path.join(ROOT, 'online-fr-csv', 'details-solde-clients.csv'), [
    ['Entreprise Tremblay inc.'],
    ['Détails du solde des clients'],
    ['Toutes les dates'],
    [],
    ['', 'Date', "Type d'opération", 'N°', "Date d'échéance", 'Montant', 'Solde impayé', 'Solde'],
    ['Boulangerie Lefebvre'],
    ['', '2026-09-15', 'Facture', '2045', '2026-10-15', m('1 149,75'), m('1 149,75'), m('1 149,75')],
    ['', '2026-10-20', 'Paiement', '2051', '', m('-200,00'), m('-200,00'), m('949,75')],
    ['Total pour Boulangerie Lefebvre', '', '', '', '', m('949,75'), m('949,75'), ''],
    ['Garage Côté et fils'],
    ['', '2026-06-30', 'Facture', '2012', '2026-07-30', m('2 874,38'), m('1 874,38'), m('1 874,38')],
    ['', '2026-09-10', 'Note de crédit', '2040', '', m('-114,98'), m('-114,98'), m('1 759,40')],
    ['Total pour Garage Côté et fils', '', '', '', '', m('2 759,40'), m('1 759,40'), ''],
    ['TOTAL', '', '', '', '', m('3 709,15'), m('2 709,15'), ''],
  ]);
}

/**
 * QuickBooks Online, Transaction List by Customer (January 1 – October 31, 2026) exported to CSV:
 * every transaction, no open balances and no links between payments and invoices. The same books
 * as online-balance-detail; the Due Date column added (Customize › Rows/Columns). Amounts as the report
 * prints them ("1,200.00  ", payments positive; `$` on totals).
 */
function onlineTransactionsCsv(): void {
  const a = (x: string): string => `${x}  `;
  const t = (x: string): string => `$${x}  `;
  writeCsv(path.join(ROOT, 'online-transactions-csv', 'transaction-list-by-customer.csv'), [
    ['Craig\'s Design and Landscaping Services'],
    ['Transaction List by Customer'],
    ['January 1 - October 31, 2026'],
    [],
    ['', 'Date', 'Transaction Type', 'Num', 'Posting', 'Due Date', 'Memo/Description', 'Account', 'Amount'],
    ['Amy\'s Bird Sanctuary'],
    ['', '05/02/2026', 'Invoice', '1003', 'Yes', '06/01/2026', 'Bird feeders', 'Accounts Receivable (A/R)', a('320.00')],
    ['', '06/05/2026', 'Payment', '1990', 'Yes', '', '', 'Accounts Receivable (A/R)', a('320.00')],
    ['', '07/15/2026', 'Invoice', '1021', 'Yes', '08/14/2026', 'Pond and landscaping', 'Accounts Receivable (A/R)', a('1,200.00')],
    ['', '08/29/2026', 'Payment', '2010', 'Yes', '', 'Part payment', 'Accounts Receivable (A/R)', a('500.00')],
    ['', '09/20/2026', 'Invoice', '1035', 'Yes', '10/20/2026', 'Maintenance', 'Accounts Receivable (A/R)', a('459.00')],
    ['Total for Amy\'s Bird Sanctuary', '', '', '', '', '', '', '', t('2,799.00')],
    ['Bill\'s Windsurf Shop'],
    ['', '10/05/2026', 'Invoice', '1040', 'Yes', '11/04/2026', 'Sail repair', 'Accounts Receivable (A/R)', a('85.00')],
    ['', '10/12/2026', 'Payment', '2001', 'Yes', '', '', 'Accounts Receivable (A/R)', a('50.00')],
    ['Total for Bill\'s Windsurf Shop', '', '', '', '', '', '', '', t('135.00')],
    ['Cool Cars'],
    ['', '06/10/2026', 'Invoice', '1008', 'Yes', '07/10/2026', 'Garden lighting', 'Accounts Receivable (A/R)', a('2,369.52')],
    ['', '09/01/2026', 'Credit Memo', '1030', 'Yes', '', 'Damaged lamp', 'Accounts Receivable (A/R)', a('100.00')],
    ['', '10/20/2026', 'Estimate', '1050', 'No', '', 'Patio lighting', 'Estimates', a('750.00')],
    ['Total for Cool Cars', '', '', '', '', '', '', '', t('3,219.52')],
    ['TOTAL', '', '', '', '', '', '', '', t('6,153.52')],
  ]);
}

async function main(): Promise<void> {
  await onlineBalanceDetail();
  await desktopOpenInvoices();
  onlineFrenchCsv();
  onlineTransactionsCsv();
  process.stdout.write(`QuickBooks fixtures written under ${ROOT}\n`);
}

void main();
