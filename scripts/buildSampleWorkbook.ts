/**
 * Rebuilds examples/sample-ledger.xlsx, the workbook the demo runs on: about 40 customers in English
 * and French, EUR/USD/GBP/JPY, partial payments, credit notes, unapplied payments, instalments,
 * matching codes, a French sheet with French headers and debit/credit columns, and one bad row.
 * Deterministic: the same file content every run.  Usage: npm run sample
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';

type Row = (string | number | Date | null)[];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = prng(20261031);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86400000);
const iso = (d: Date) => d.toISOString().slice(0, 10);

const EN_NAMES = ['Acme Trading Ltd', 'Northwind Imports Inc.', 'Contoso Services', 'Fabrikam Tools', 'Tailspin Toys', 'Litware Inc.', 'Adventure Works', 'Woodgrove Bank', 'Proseware Ltd', 'Wide World Importers', 'Blue Yonder Airlines', 'Coho Winery', 'Lucerne Publishing', 'Margie\'s Travel', 'Alpine Ski House', 'Fourth Coffee', 'Graphic Design Institute', 'Humongous Insurance', 'Tokyo Kogyo KK', 'Osaka Parts Co.', 'Southridge Video', 'Trey Research', 'VanArsdel Ltd', 'Wingtip Toys', 'City Power & Light', 'Relecloud'];
const FR_NAMES = ['Boulangerie Dupont SARL', 'Société Générale de Négoce', 'Atelier Martin', 'Quincaillerie Lefèvre', 'Transports Bernard & Fils', 'Librairie Œuvres Complètes', 'Garage du Centre', 'Pâtisserie Élodie', 'Cabinet Moreau Avocats', 'Menuiserie Girard', 'Fromagerie Rousseau', 'Hôtel Beau Séjour', 'Imprimerie Lambert', 'Pharmacie Fontaine'];

interface Customer { id: string; name: string; fr: boolean; currency: string }

const customers: Customer[] = [];
EN_NAMES.forEach((name, i) => customers.push({ id: `C${String(i + 1).padStart(3, '0')}`, name, fr: false, currency: name.includes('KK') || name.includes('Osaka') ? 'JPY' : pick(['GBP', 'USD', 'EUR', 'GBP', 'USD']) }));
FR_NAMES.forEach((name, i) => customers.push({ id: `F${String(i + 1).padStart(3, '0')}`, name, fr: true, currency: i === 4 ? 'USD' : 'EUR' }));

/**
 * Places whose street, postcodes, city and country belong together. A customer lives in its
 * currency's country (English customers billed in euros in Ireland, in yen in Japan); French
 * customers in France.
 */
interface Place { readonly city: string; readonly country: string; readonly postcodes: readonly string[]; readonly street: (n: number) => string }
const PLACES: Readonly<Record<'GBP' | 'USD' | 'EUR' | 'JPY' | 'fr', readonly Place[]>> = {
  GBP: [
    { city: 'London', country: 'United Kingdom', postcodes: ['EC1A 1BB', 'EC2V 7HH', 'WC2N 5DU'], street: (n) => `${n} High Holborn` },
    { city: 'Leeds', country: 'United Kingdom', postcodes: ['LS1 4AP', 'LS2 7EY'], street: (n) => `${n} Briggate` },
    { city: 'Manchester', country: 'United Kingdom', postcodes: ['M1 1AE', 'M2 3WQ'], street: (n) => `${n} Deansgate` },
    { city: 'Bristol', country: 'United Kingdom', postcodes: ['BS1 4DJ', 'BS1 5TR'], street: (n) => `${n} Corn Street` },
  ],
  USD: [
    { city: 'Boston', country: 'USA', postcodes: ['02116', '02110'], street: (n) => `${n} Boylston Street` },
    { city: 'San Francisco', country: 'USA', postcodes: ['94105', '94103'], street: (n) => `${n} Market Street` },
    { city: 'Chicago', country: 'USA', postcodes: ['60601', '60606'], street: (n) => `${n} North Michigan Avenue` },
    { city: 'Seattle', country: 'USA', postcodes: ['98101', '98104'], street: (n) => `${n} Pine Street` },
  ],
  EUR: [
    { city: 'Dublin', country: 'Ireland', postcodes: ['D02 X285', 'D02 KX03'], street: (n) => `${n} Grafton Street` },
    { city: 'Cork', country: 'Ireland', postcodes: ['T12 W8DE', 'T12 XY2N'], street: (n) => `${n} Patrick Street` },
  ],
  JPY: [
    { city: 'Tokyo', country: 'Japan', postcodes: ['100-0005'], street: (n) => `1-${1 + (n % 9)}-${1 + (n % 12)} Marunouchi, Chiyoda-ku` },
    { city: 'Osaka', country: 'Japan', postcodes: ['530-0001'], street: (n) => `${1 + (n % 4)}-${1 + (n % 9)}-${1 + (n % 12)} Umeda, Kita-ku` },
  ],
  fr: [
    { city: 'Paris', country: 'France', postcodes: ['75011', '75012'], street: (n) => `${n} rue du Faubourg Saint-Antoine` },
    { city: 'Lyon', country: 'France', postcodes: ['69002'], street: (n) => `${n} rue de la République` },
    { city: 'Bordeaux', country: 'France', postcodes: ['33000'], street: (n) => `${n} rue Sainte-Catherine` },
    { city: 'Lille', country: 'France', postcodes: ['59000', '59800'], street: (n) => `${n} rue Nationale` },
  ],
};

/**
 * Street, postcode, city and country of a customer. It draws from rnd() exactly as many times as the
 * sample always has (English 4, French 3), so every entry after the customers stays the same.
 */
function address(c: Customer): [string, string, string, string] {
  const n = 1 + Math.floor(rnd() * (c.fr ? 90 : 200));
  const postcodeDraw = rnd();
  const placeDraw = rnd();
  if (!c.fr) rnd(); // the draw that once picked a country
  const places = c.fr ? PLACES.fr : PLACES[c.currency as 'GBP' | 'USD' | 'EUR' | 'JPY'];
  const place = c.currency === 'JPY' ? places[c.name.includes('Osaka') ? 1 : 0] : places[Math.floor(placeDraw * places.length)];
  if (place === undefined) throw new Error(`no place for ${c.id} (${c.currency})`);
  const postcode = place.postcodes[Math.floor(postcodeDraw * place.postcodes.length)] as string;
  return [place.street(n), postcode, place.city, place.country];
}

const customerRows: Row[] = [['Customer No.', 'Name', 'E-mail', 'Language', 'Currency', 'Address', 'Post Code', 'City', 'Country', 'Send Statements', 'Group']];
for (const c of customers) {
  const slug = c.name.toLowerCase().normalize('NFD').replace(/[^a-z]+/g, '');
  customerRows.push([c.id, c.name, c.id === 'C026' ? null : `accounts@${slug.slice(0, 18)}.example`, c.fr ? 'fr' : 'en', c.currency, ...address(c), c.id === 'C025' ? 'no' : c.fr ? 'oui' : 'yes', pick(['retail', 'wholesale', 'export'])]);
}

const enEntries: Row[] = [['Receivables ledger — customers in English'], ['Exported 2026-10-31'], [], ['Customer No.', 'Type', 'Document No.', 'Posting Date', 'Due Date', 'Amount', 'Currency', 'Description', 'Your Reference', 'Applies-to Doc. No.', 'Status']];
const frEntries: Row[] = [['Grand livre clients — octobre 2026'], [], ['N° client', 'Type de pièce', 'N° pièce', 'Date comptable', 'Échéance', 'Débit', 'Crédit', 'Devise', 'Libellé', 'Référence', 'Lettrage']];
const applications: Row[] = [['From Document', 'To Document', 'Amount', 'Date']];

const money = (c: Customer, min: number, max: number) => (c.currency === 'JPY' ? Math.round((min + rnd() * (max - min)) * 150) : Math.round((min + rnd() * (max - min)) * 100) / 100);
const start = day('2026-04-01');

for (const c of customers) {
  const invoices = 3 + Math.floor(rnd() * 5);
  let n = 0;
  for (let k = 0; k < invoices; k++) {
    const posted = addDays(start, Math.floor(rnd() * 210));
    const due = addDays(posted, pick([15, 30, 30, 45, 60]));
    const amount = money(c, 80, 4000);
    const doc = `${c.fr ? 'FA' : 'INV'}-${c.id}-${++n}`;
    const ref = rnd() < 0.6 ? `PO-${1000 + Math.floor(rnd() * 9000)}` : null;
    const fate = rnd();
    if (c.fr) {
      const code = fate < 0.35 ? `${String.fromCharCode(65 + (k % 26))}${String.fromCharCode(65 + (n % 26))}` : null;
      frEntries.push([c.id, 'Facture', doc, posted, due, amount, null, c.currency, `Prestations ${iso(posted).slice(0, 7)}`, ref, code]);
      if (code !== null) frEntries.push([c.id, 'Règlement', `RG-${c.id}-${n}`, addDays(due, Math.floor(rnd() * 20) - 5), null, null, amount, c.currency, 'Virement reçu', null, code]);
      else if (fate < 0.55) frEntries.push([c.id, 'Règlement', `RG-${c.id}-${n}`, addDays(due, 3), null, null, Math.round(amount * 40) / 100, c.currency, 'Acompte', null, null]);
    } else {
      enEntries.push([c.id, 'Invoice', doc, posted, due, amount, c.currency, `Services ${iso(posted).slice(0, 7)}`, ref, null, null]);
      if (fate < 0.3) enEntries.push([c.id, 'Payment', `PAY-${c.id}-${n}`, addDays(due, Math.floor(rnd() * 15) - 3), null, -amount, c.currency, 'Bank transfer', null, doc, null]);
      else if (fate < 0.45) {
        const part = c.currency === 'JPY' ? Math.round(amount / 2) : Math.round(amount * 50) / 100;
        enEntries.push([c.id, 'Payment', `PAY-${c.id}-${n}`, addDays(due, 5), null, -part, c.currency, 'Partial payment', null, doc, null]);
      } else if (fate < 0.55) {
        const credit = c.currency === 'JPY' ? Math.round(amount / 10) : Math.round(amount * 10) / 100;
        const cn = `CN-${c.id}-${n}`;
        const cnDate = addDays(posted, 7);
        enEntries.push([c.id, 'Credit Note', cn, cnDate, null, -credit, c.currency, 'Service credit', null, null, null]);
        applications.push([cn, doc, credit, cnDate]);
      }
    }
  }
  if (!c.fr && rnd() < 0.25) enEntries.push([c.id, 'Payment', `PAY-${c.id}-OA`, day('2026-10-20'), null, -money(c, 50, 500), c.currency, 'Payment on account (unapplied)', null, null, null]);
  if (!c.fr && rnd() < 0.15) enEntries.push([c.id, 'Credit Note', `CN-${c.id}-U`, day('2026-10-12'), null, -money(c, 20, 200), c.currency, 'Goodwill credit (unapplied)', null, null, null]);
}

// Instalments: one invoice payable in three parts, the first part paid.
for (const id of ['C003', 'F002']) {
  const c = customers.find((x) => x.id === id) as Customer;
  for (const [i, due] of ['2026-08-31', '2026-09-30', '2026-10-31'].entries()) {
    if (c.fr) frEntries.push([c.id, 'Facture', `FA-${c.id}-ECH`, day('2026-08-01'), day(due), 1500, null, c.currency, `Contrat annuel (${i + 1}/3)`, 'CT-2026', 'ECH']);
    else enEntries.push([c.id, 'Invoice', `INV-${c.id}-INST`, day('2026-08-01'), day(due), 1500, c.currency, `Annual contract (${i + 1}/3)`, 'CT-2026', null, null]);
  }
  if (c.fr) frEntries.push([c.id, 'Règlement', `RG-${c.id}-ECH`, day('2026-09-02'), null, null, 1500, c.currency, '1re échéance', null, 'ECH']);
  else enEntries.push([c.id, 'Payment', `PAY-${c.id}-INST`, day('2026-09-02'), null, -1500, c.currency, 'First instalment', null, `INV-${c.id}-INST`, null]);
}
// An overpayment, a void invoice, and one bad row (a date that does not exist) to show how problems look.
enEntries.push(['C004', 'Payment', 'PAY-C004-OVER', day('2026-10-25'), null, -9999.99, customers[3]?.currency ?? 'USD', 'Duplicate transfer', null, null, null]);
enEntries.push(['C005', 'Invoice', 'INV-C005-VOID', day('2026-10-02'), day('2026-11-01'), 120, customers[4]?.currency ?? 'GBP', 'Cancelled', null, null, 'void']);
enEntries.push(['C007', 'Invoice', 'INV-C007-BAD', '31/02/2026', '30/03/2026', 250, customers[6]?.currency ?? 'GBP', 'Typed by hand', null, null, null]);
frEntries.push(['Total du grand livre', null, null, null, null, { formula: 'SUM(F4:F200)' } as unknown as number, null, null, null, null, null]);

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'customer-statements sample';
  wb.created = new Date('2026-10-31T00:00:00Z');
  wb.modified = wb.created;
  const add = (name: string, rows: Row[], dateFormat: string, widths: number[]) => {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
    ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = dateFormat;
      else if (typeof cell.value === 'number') cell.numFmt = '#,##0.00';
    }));
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  };
  add('Customers', customerRows, 'yyyy-mm-dd', [12, 30, 34, 9, 9, 30, 10, 14, 16, 15, 11]);
  add('Entries', enEntries, 'yyyy-mm-dd', [12, 12, 20, 12, 12, 12, 9, 30, 14, 20, 8]);
  add('Écritures', frEntries, 'dd/mm/yyyy', [10, 12, 18, 12, 12, 12, 12, 8, 30, 12, 9]);
  add('Applications', applications, 'yyyy-mm-dd', [18, 18, 12, 12]);
  const out = path.join(__dirname, '../../examples/sample-ledger.xlsx');
  await wb.xlsx.writeFile(out);
  console.log(`wrote ${out}: ${customers.length} customers, ${enEntries.length - 4 + frEntries.length - 3} entry rows, ${applications.length - 1} applications`);
}

void main();
