/**
 * Rebuilds the Odoo fixtures of test/fixtures/exports/odoo (see its README for the sources):
 * journal items (Accounting > Journal Items, Export) as Odoo writes them — the .xlsx with a bold
 * header row, date cells and numbers; the CSV with every field quoted, dates as ISO text, floats as
 * Python prints them ("1200.0"). Deterministic. Usage: npm run build && node dist/scripts/buildOdooFixtures.js
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';

const OUT = path.join(__dirname, '..', '..', 'test', 'fixtures', 'exports', 'odoo');

/** One journal item (account.move.line) with the fields the fixtures export. */
interface Item {
  date: string;
  entry: string;
  account: string;
  partner: string;
  label: string;
  debit: number;
  credit: number;
  matching: string;
  due: string;
  amountCurrency: number | string;
  currency: string;
  residual: number;
  residualCurrency?: number;
}

/** The two lines of a simple entry: the receivable line and its counterpart on `other`. */
function pair(date: string, entry: string, partner: string, label: string, receivable: string, other: string, amount: number, matching: string, due: string, residual: number, currency = 'USD', companyAmount = amount, otherResidual = 0): Item[] {
  const dc = (a: number) => ({ debit: a > 0 ? a : 0, credit: a < 0 ? -a : 0 });
  return [
    // Residual in currency: the residual itself in company currency; for a foreign line, all of `amount` or nothing in these fixtures.
    { date, entry, account: receivable, partner, label, ...dc(companyAmount), matching, due, amountCurrency: amount, currency, residual, residualCurrency: companyAmount === amount ? residual : residual === 0 ? 0 : amount },
    { date, entry, account: other, partner, label, ...dc(-companyAmount), matching: '', due: '', amountCurrency: -amount, currency, residual: otherResidual, residualCurrency: otherResidual },
  ];
}

const AR = '121000 Account Receivable';
const SALES = '400000 Product Sales';
const RECEIPTS = '101402 Outstanding Receipts';

/** Odoo 17 in English, company currency USD, exported 2024-03-31: full ("17") and partial ("P12") matching, a EUR invoice, a vendor bill, a PoS receivable line without partner. */
const englishItems: Item[] = [
  ...pair('2023-11-30', 'INV/2023/00112', 'Gemini Furniture', '[FURN_8888] Office Lamp', AR, SALES, 850, '', '2023-12-30', 850),
  ...pair('2023-12-11', 'INV/2023/00120', 'Azure Interior', '[FURN_6666] Acoustic Bloc Screens', AR, SALES, 1200, 'P12', '2024-01-10', 700),
  ...pair('2024-02-15', 'PBNK1/2024/00003', 'Azure Interior', 'Customer Payment $ 500.00 - Azure Interior - 02/15/2024', AR, RECEIPTS, -500, 'P12', '2024-02-15', 0, 'USD', -500, 500),
  ...pair('2024-02-20', 'INV/2024/00001', 'Azure Interior', '[E-COM11] Cabinet with Doors', AR, SALES, 300, '17', '2024-03-21', 0),
  ...pair('2024-03-05', 'PBNK1/2024/00007', 'Azure Interior', 'Customer Payment $ 300.00 - Azure Interior - 03/05/2024', AR, RECEIPTS, -300, '17', '2024-03-05', 0, 'USD', -300, 300),
  ...pair('2024-03-10', 'BILL/2024/00004', 'Wood Corner', 'Office chairs', '211000 Account Payable', '600000 Expenses', -400, '', '2024-04-09', -400),
  ...pair('2024-03-15', 'INV/2024/00002', 'Deco Addict', '[FURN_7800] Desk Combination', AR, SALES, 2000, '', '2024-04-14', 2200, 'EUR', 2200),
  ...pair('2024-03-20', 'INV/2024/00003', 'Deco Addict', '[FURN_0269] Office Chair Black', AR, SALES, 500, '', '2024-04-19', 500),
  ...pair('2024-03-25', 'RINV/2024/00001', 'Deco Addict', 'Reversal of: INV/2024/00003, damaged chair', AR, SALES, -100, '', '2024-03-25', -100),
  ...pair('2024-03-29', 'POSS/2024/00031', '', 'Shop/0042', '121100 Account Receivable (PoS)', SALES, 35, '', '2024-03-29', 35),
];
// INV/2024/00002: 2,000.00 EUR booked at 1.10, 2,200.00 USD; its residual is 2,200.00 USD, 2,000.00 EUR in currency.

const FR_AR = '411100 Clients - Ventes de biens ou de prestations de services';
const FR_SALES = '706000 Prestations de services';
const FR_VAT = '445710 TVA collectée';
const FR_BANK = '512001 Banque';

/** An invoice with VAT: the receivable line, the sales line and the VAT line. */
function frInvoice(date: string, entry: string, partner: string, label: string, net: number, vat: number, matching: string, due: string, residual: number): Item[] {
  const sign = net < 0 ? -1 : 1;
  const gross = net + vat;
  const dc = (a: number) => ({ debit: a > 0 ? a : 0, credit: a < 0 ? -a : 0 });
  return [
    { date, entry, account: FR_AR, partner, label: entry, ...dc(gross), matching, due, amountCurrency: gross, currency: 'EUR', residual },
    { date, entry, account: FR_SALES, partner, label, ...dc(-net), matching: '', due: '', amountCurrency: -net, currency: 'EUR', residual: 0 },
    { date, entry, account: FR_VAT, partner, label: `TVA 20% ${sign < 0 ? '(avoir)' : ''}`.trim(), ...dc(-vat), matching: '', due: '', amountCurrency: -vat, currency: 'EUR', residual: 0 },
  ];
}

/** Odoo 16 in French, company currency EUR, exported 2024-06-30: a full match "A4" and a bare "P" (Odoo 16 names no partial group). */
const frenchItems: Item[] = [
  ...frInvoice('2024-03-05', 'FAC/2024/00041', 'Boulangerie Dupont', 'Pains spéciaux, mars', 1200, 240, 'P', '2024-04-04', 440),
  ...pair('2024-04-20', 'BNK1/2024/00012', 'Boulangerie Dupont', 'Virement Boulangerie Dupont FAC/2024/00041', FR_AR, FR_BANK, -1000, 'P', '2024-04-20', 0, 'EUR'),
  ...frInvoice('2024-05-10', 'FAC/2024/00057', 'Atelier Martin', 'Réparation vitrine', 500, 100, 'A4', '2024-06-09', 0),
  ...pair('2024-06-03', 'BNK1/2024/00019', 'Atelier Martin', 'Chèque Atelier Martin', FR_AR, FR_BANK, -600, 'A4', '2024-06-03', 0, 'EUR'),
  ...frInvoice('2024-06-15', 'FAC/2024/00063', 'Hôtel Beau Séjour', 'Séminaire juin', 2000, 400, '', '2024-07-15', 2400),
  ...frInvoice('2024-06-20', 'RFAC/2024/00003', 'Hôtel Beau Séjour', 'Avoir : remise séminaire', -200, -40, '', '2024-06-20', -240),
];

/** Odoo 17 CSV in English with no matching column at all (links missing), exported 2024-05-31; one receivable line whose debit does not read. */
const noMatchingItems: Item[] = [
  ...pair('2024-03-01', 'INV/2024/00010', 'Lumber Inc', 'Oak planks', AR, SALES, 1000, '', '2024-03-31', 250),
  ...pair('2024-04-15', 'PBNK1/2024/00020', 'Lumber Inc', 'Customer Payment $ 750.00 - Lumber Inc - 04/15/2024', AR, RECEIPTS, -750, '', '2024-04-15', 0, 'USD', -750, 750),
  ...pair('2024-04-10', 'INV/2024/00012', 'Ready Mat', 'Floor mats', AR, SALES, 120, '', '2024-05-10', 120),
  ...pair('2024-05-02', 'INV/2024/00011', 'Lumber Inc', 'Pine boards', AR, SALES, 400, '', '2024-06-01', 400),
  ...pair('2024-05-20', 'PBNK1/2024/00021', 'Lumber Inc', 'Customer Payment $ 100.00 - Lumber Inc - 05/20/2024', AR, RECEIPTS, -100, '', '2024-05-20', -100, 'USD', -100, 100),
  ...pair('2024-05-31', 'POSS/2024/00044', '', 'Shop/0051', '121100 Account Receivable (PoS)', SALES, 35, '', '2024-05-31', 35),
];
// The bad cell: a letter O typed for a zero in the amount of Ready Mat's receivable line.
for (const item of noMatchingItems) if (item.entry === 'INV/2024/00012' && item.account === AR) item.amountCurrency = '12O.0';

type Field = keyof Item;
interface Layout {
  readonly fields: readonly Field[];
  readonly captions: readonly string[];
}

const EN_17: Layout = {
  fields: ['date', 'entry', 'account', 'partner', 'label', 'debit', 'credit', 'matching', 'due', 'amountCurrency', 'currency', 'residual', 'residualCurrency'],
  captions: ['Date', 'Journal Entry', 'Account', 'Partner', 'Label', 'Debit', 'Credit', 'Matching #', 'Due Date', 'Amount in Currency', 'Currency', 'Residual Amount', 'Residual Amount in Currency'],
};
const FR_16: Layout = {
  fields: ['date', 'entry', 'account', 'partner', 'label', 'debit', 'credit', 'matching', 'due', 'amountCurrency', 'currency', 'residual'],
  captions: ['Date', 'Pièce comptable', 'Compte', 'Partenaire', 'Libellé', 'Débit', 'Crédit', 'Lettrage #', "Date d'échéance", 'Montant en devise', 'Devise', 'Montant résiduel'],
};
const EN_NO_MATCHING: Layout = {
  fields: ['date', 'entry', 'account', 'partner', 'label', 'debit', 'credit', 'due', 'amountCurrency', 'currency', 'residual'],
  captions: ['Date', 'Journal Entry', 'Account', 'Partner', 'Label', 'Debit', 'Credit', 'Due Date', 'Amount in Currency', 'Currency', 'Residual Amount'],
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Odoo's ExportXlsxWriter: one sheet, a bold header row, dates as date cells, numbers with two decimals. */
async function writeXlsx(file: string, layout: Layout, items: readonly Item[]): Promise<void> {
  fs.mkdirSync(path.dirname(path.join(OUT, file)), { recursive: true });
  const wb = new ExcelJS.Workbook();
  wb.created = day('2024-04-01');
  wb.modified = day('2024-04-01');
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([...layout.captions]).font = { bold: true };
  for (const item of items) {
    const row = ws.addRow(layout.fields.map((f) => {
      const v = item[f];
      if (v === undefined || v === '') return null;
      if ((f === 'date' || f === 'due') && typeof v === 'string') return day(v);
      return v;
    }));
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      else if (typeof cell.value === 'number') cell.numFmt = '#,##0.00';
    });
  }
  layout.captions.forEach((_, i) => (ws.getColumn(i + 1).width = i === 2 || i === 4 ? 40 : 16));
  await wb.xlsx.writeFile(path.join(OUT, file));
}

/** Python's str(float): 1200.0, -500.0, 0.0, 12.5. */
function pyFloat(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

/** Odoo's CsvExport: csv.writer(quoting=QUOTE_ALL), False as "", a text starting with - + = prefixed by '. */
function writeCsv(file: string, layout: Layout, items: readonly Item[]): void {
  fs.mkdirSync(path.dirname(path.join(OUT, file)), { recursive: true });
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [layout.captions.map(q).join(',')];
  for (const item of items) {
    lines.push(layout.fields.map((f) => {
      const v = item[f];
      if (v === undefined || v === '') return q('');
      if (typeof v === 'number') return q(pyFloat(v));
      return q(/^[-+=]/.test(v) ? `'${v}` : v);
    }).join(','));
  }
  fs.writeFileSync(path.join(OUT, file), `${lines.join('\r\n')}\r\n`);
}

async function main(): Promise<void> {
  // One folder per case (test/golden/exports.test.ts runs each): the export, args.json, expected.md, working.md.
  await writeXlsx('en-xlsx/journal-items-en.xlsx', EN_17, englishItems);
  await writeXlsx('en-xlsx-account/journal-items-en.xlsx', EN_17, englishItems);
  writeCsv('en-csv/journal-items-en.csv', EN_17, englishItems);
  await writeXlsx('fr-xlsx/ecritures-comptables-fr.xlsx', FR_16, frenchItems);
  writeCsv('fr-csv/ecritures-comptables-fr.csv', FR_16, frenchItems);
  writeCsv('no-matching/journal-items-no-matching.csv', EN_NO_MATCHING, noMatchingItems);
  process.stdout.write(`Odoo fixtures written to ${OUT}\n`);
}

void main();
