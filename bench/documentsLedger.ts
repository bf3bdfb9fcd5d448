/**
 * A deterministic ledger for the statement-documents benchmark, built in memory as RawTables:
 * 1,000 customers (about 40 % French), each with about 25 open lines at the as-of date — open and
 * partly paid invoices, finance charges, unapplied credit notes and payments on account — plus some
 * fully settled history that an open-item statement leaves out. One currency per customer.
 */
import { currencyExponent, formatIsoDay, formatMinor, parseIsoDay, type Day, type LedgerTables, type RawTable } from '../src/core';
import { Rng } from './generateLedger';

export interface DocumentsLedgerParams {
  /** Bump when the generator's output changes for the same parameters. */
  readonly generator: number;
  readonly seed: number;
  readonly customers: number;
  /** Open lines per statement: uniform in [min, max]. */
  readonly openLinesMin: number;
  readonly openLinesMax: number;
  /** Settled invoices per customer (history, not on an open-item statement). */
  readonly settledPerCustomer: number;
  readonly asOf: string;
  readonly frenchShare: number;
}

export const DOCUMENTS_PARAMS: DocumentsLedgerParams = {
  generator: 1,
  seed: 20261031,
  customers: 1000,
  openLinesMin: 20,
  openLinesMax: 30,
  settledPerCustomer: 4,
  asOf: '2026-06-30',
  frenchShare: 0.4,
};

const CUSTOMER_HEADERS = ['customer_id', 'name', 'email', 'language', 'currency', 'address1', 'postcode', 'city', 'country', 'send_statements', 'contact'];
const ENTRY_HEADERS = ['customer_id', 'type', 'document_no', 'posting_date', 'due_date', 'amount', 'currency', 'description', 'reference', 'applies_to'];

const EN_NAMES = ['Acme Trading', 'Northwind Imports', 'Contoso Services', 'Fabrikam Tools', 'Tailspin Toys', 'Litware', 'Adventure Works', 'Proseware', 'Wide World Importers', 'Coho Winery', 'Alpine Ski House', 'Fourth Coffee'];
const EN_SUFFIX = ['Ltd', 'Inc.', 'plc', 'LLC'];
const FR_NAMES = ['Boulangerie Dupont', 'Société Générale de Négoce', 'Atelier Martin', 'Quincaillerie Lefèvre', 'Transports Bernard & Fils', 'Librairie Œuvres Complètes', 'Garage du Centre', 'Pâtisserie Élodie', 'Menuiserie Girard', 'Fromagerie Rousseau', 'Hôtel Beau Séjour', 'Imprimerie Lambert'];
const FR_SUFFIX = ['SARL', 'SA', 'SAS', 'EURL'];
const EN_PLACES: readonly (readonly [string, string, string])[] = [['London', 'United Kingdom', 'GBP'], ['Leeds', 'United Kingdom', 'GBP'], ['Chicago', 'USA', 'USD'], ['Boston', 'USA', 'USD'], ['Dublin', 'Ireland', 'EUR'], ['Amsterdam', 'Netherlands', 'EUR']];
const FR_CITIES = ['Paris', 'Lyon', 'Bordeaux', 'Lille', 'Nantes', 'Toulouse'];
const EN_TEXT = { invoice: ['Consulting services', 'Goods delivered', 'Maintenance, quarterly', 'Licence renewal', 'Spare parts'], credit: ['Returned goods', 'Price adjustment'], payment: ['Bank transfer', 'Payment on account'], charge: ['Late payment interest'] };
const FR_TEXT = { invoice: ['Prestations de conseil', 'Livraison de marchandises', 'Maintenance trimestrielle', 'Renouvellement de licence', 'Pièces détachées'], credit: ['Retour de marchandises', 'Remise commerciale'], payment: ['Virement reçu', 'Acompte'], charge: ['Intérêts de retard'] };
const TERMS = [30, 30, 45, 60] as const;

export interface DocumentsLedger {
  readonly tables: LedgerTables;
  readonly counts: { customers: number; entries: number; french: number };
}

/** The ledger tables; every customer ends with a positive balance and lines in [openLinesMin, openLinesMax]. */
export function documentsLedger(p: DocumentsLedgerParams = DOCUMENTS_PARAMS): DocumentsLedger {
  const rng = new Rng(p.seed);
  const asOf = parseIsoDay(p.asOf) as Day;
  const customers: string[][] = [];
  const entries: string[][] = [];
  const seq = { INV: 0, CN: 0, PAY: 0, FC: 0 };
  let french = 0;
  for (let i = 0; i < p.customers; i++) {
    const id = `D${String(i + 1).padStart(5, '0')}`;
    const fr = rng.chance(p.frenchShare);
    if (fr) french++;
    const [city, country, currency] = fr ? ([rng.pick(FR_CITIES), 'France', 'EUR'] as const) : rng.pick(EN_PLACES);
    const name = fr ? `${rng.pick(FR_NAMES)} ${rng.pick(FR_SUFFIX)} ${i + 1}` : `${rng.pick(EN_NAMES)} ${rng.pick(EN_SUFFIX)} ${i + 1}`;
    customers.push([
      id, name, `compta@client${i + 1}.example`, fr ? 'fr' : 'en', currency,
      fr ? `${rng.int(1, 120)} rue de la République` : `${rng.int(1, 200)} High Street`,
      fr ? String(rng.int(10000, 95999)) : `${rng.pick(['EC1A', 'LS1', '60601', '02108', 'D02', '1012'])} ${rng.int(1, 9)}AB`,
      city, country, fr ? 'oui' : 'yes', fr ? 'Service comptabilité' : 'Accounts payable',
    ]);
    const exp = currencyExponent(currency) ?? 2;
    const text = fr ? FR_TEXT : EN_TEXT;
    const type = (kind: 'invoice' | 'credit' | 'payment' | 'charge'): string =>
      fr ? { invoice: 'facture', credit: 'avoir', payment: 'règlement', charge: 'frais financiers' }[kind] : { invoice: 'invoice', credit: 'credit_note', payment: 'payment', charge: 'finance_charge' }[kind];
    const amount = (): number => Math.round(Math.exp(Math.log(8_000) + rng.next() * (Math.log(900_000) - Math.log(8_000))));
    const entry = (kind: 'invoice' | 'credit' | 'payment' | 'charge', prefix: keyof typeof seq, posting: Day, minor: number, extra: { due?: Day; reference?: string; appliesTo?: string } = {}): string => {
      const doc = `${prefix}-${String(++seq[prefix]).padStart(6, '0')}`;
      entries.push([id, type(kind), doc, formatIsoDay(posting), extra.due === undefined ? '' : formatIsoDay(extra.due), formatMinor(minor, exp), currency, rng.pick(text[kind]), extra.reference ?? '', extra.appliesTo ?? '']);
      return doc;
    };
    // History: invoices paid in full (named by their payment), not on the statement.
    for (let k = 0; k < p.settledPerCustomer; k++) {
      const t = asOf - rng.int(120, 360);
      const a = amount();
      const inv = entry('invoice', 'INV', t, a, { due: t + rng.pick(TERMS), reference: `PO-${rng.int(10000, 99999)}` });
      entry('payment', 'PAY', t + rng.int(10, 60), -a, { appliesTo: inv, reference: inv });
    }
    // Open lines. Credits stay small so the balance is due by the customer.
    const lines = rng.int(p.openLinesMin, p.openLinesMax);
    for (let k = 0; k < lines; k++) {
      const t = asOf - rng.int(0, 150);
      const r = rng.next();
      if (r < 0.7) {
        entry('invoice', 'INV', t, amount(), { due: t + rng.pick(TERMS), ...(rng.chance(0.6) ? { reference: `PO-${rng.int(10000, 99999)}` } : {}) });
      } else if (r < 0.82) {
        // Partly paid: the payment is fully used by the invoice it names, so only the invoice shows.
        const a = amount();
        const inv = entry('invoice', 'INV', t, a, { due: t + rng.pick(TERMS) });
        entry('payment', 'PAY', Math.min(asOf, t + rng.int(5, 40)), -Math.max(1, Math.floor((a * rng.int(20, 80)) / 100)), { appliesTo: inv });
      } else if (r < 0.87) {
        entry('charge', 'FC', t, Math.max(100, Math.floor(amount() / 50)), { due: t + 15 });
      } else if (r < 0.94) {
        entry('credit', 'CN', t, -Math.max(100, Math.floor(amount() / 8)), { reference: `RMA-${rng.int(1000, 9999)}` });
      } else {
        entry('payment', 'PAY', t, -Math.max(100, Math.floor(amount() / 6)));
      }
    }
  }
  const table = (name: 'customers' | 'entries', headers: readonly string[], rows: string[][]): RawTable => ({ table: name, source: `${name} (bench)`, headers, rows });
  return {
    tables: { customers: table('customers', CUSTOMER_HEADERS, customers), entries: table('entries', ENTRY_HEADERS, entries) },
    counts: { customers: customers.length, entries: entries.length, french },
  };
}
