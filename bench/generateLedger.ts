/**
 * Deterministic synthetic ledger for the benchmark: customers.csv, entries.csv, applications.csv with
 * the canonical headers. Every settlement is one the DuckDB query can reproduce exactly:
 * - explicit applications (payments and credit notes over 1–3 invoices, full, short or over-paid);
 * - `applies_to` with exactly one link per document (full, partial, over-payment, credit notes,
 *   refunds of a credit note);
 * - matching-code groups whose documents are settled by nothing else (oldest first = overlap of
 *   running totals);
 * - unapplied payments, credit notes and adjustments; void rows; no FIFO.
 * A document takes part in one settlement mechanism at most, so their order never matters.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  APPLICATION_COLUMNS, CUSTOMER_COLUMNS, ENTRY_COLUMNS, currencyExponent, formatIsoDay, formatMinor, parseIsoDay, type Day,
} from '../src/core';

export interface LedgerParams {
  /** Bump when the generator's output changes for the same parameters. */
  readonly generator: number;
  readonly seed: number;
  readonly customers: number;
  /** Entry rows per customer on average; customers are paired ±spread so the total is exact. */
  readonly entriesPerCustomer: number;
  readonly spread: number;
  readonly start: string;
  readonly end: string;
  readonly asOf: string;
  readonly currencies: readonly string[];
}

export const LEDGER_PARAMS: LedgerParams = {
  generator: 1,
  seed: 20260630,
  customers: 50_000,
  entriesPerCustomer: 20,
  spread: 16,
  start: '2024-07-01',
  end: '2026-07-31', // a month past the as-of date: later payments must not leak into the statement
  asOf: '2026-06-30',
  currencies: ['EUR', 'USD', 'GBP', 'JPY'],
};

/** The canonical entry columns, amounts in one signed column (no debit/credit). */
// The contract's columns this ledger fills: not debit/credit, nor an export's entry numbers and open amounts (issue 16).
const NOT_WRITTEN = new Set(['debit', 'credit', 'entry_no', 'open_amount', 'from_entry', 'to_entry']);
export const ENTRY_HEADERS: readonly string[] = ENTRY_COLUMNS.filter((c) => !NOT_WRITTEN.has(c));
export const CUSTOMER_HEADERS: readonly string[] = CUSTOMER_COLUMNS;
export const APPLICATION_HEADERS: readonly string[] = APPLICATION_COLUMNS.filter((c) => !NOT_WRITTEN.has(c));

/** mulberry32: small, fast, deterministic. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

class CsvWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  rows = 0;
  constructor(readonly file: string, headers: readonly string[]) {
    this.fd = fs.openSync(file, 'w');
    this.buffer.push(headers.join(','));
  }
  row(cells: readonly string[]): void {
    this.buffer.push(cells.map(csvCell).join(','));
    this.rows++;
    if (this.buffer.length >= 8192) this.flush();
  }
  private flush(): void {
    fs.writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
  }
  close(): void {
    if (this.buffer.length > 0) this.flush();
    fs.closeSync(this.fd);
  }
}

type Kind = 'invoice' | 'credit_note' | 'payment' | 'refund' | 'finance_charge' | 'adjustment';
const TYPE_TEXT: Readonly<Record<'en' | 'fr', Readonly<Record<Kind, string>>>> = {
  en: { invoice: 'invoice', credit_note: 'credit_note', payment: 'payment', refund: 'refund', finance_charge: 'finance_charge', adjustment: 'adjustment' },
  fr: { invoice: 'facture', credit_note: 'avoir', payment: 'règlement', refund: 'remboursement', finance_charge: 'frais financiers', adjustment: 'régularisation' },
};
const PREFIX: Readonly<Record<Kind, string>> = { invoice: 'INV', credit_note: 'CN', payment: 'PAY', refund: 'RF', finance_charge: 'FC', adjustment: 'ADJ' };
const DESCRIPTIONS: Readonly<Record<Kind, readonly string[]>> = {
  invoice: ['Consulting services', 'Goods delivered', 'Maintenance, quarterly', 'Licence renewal', 'Spare parts', 'Installation and "on-site" support'],
  credit_note: ['Returned goods', 'Price adjustment', 'Damaged in transit'],
  payment: ['Bank transfer', 'Cheque', 'Card payment', 'Direct debit'],
  refund: ['Refund of credit balance'],
  finance_charge: ['Late payment interest'],
  adjustment: ['Rounding write-off', 'Small balance adjustment'],
};
const TERMS = [14, 30, 30, 30, 45, 60, 90] as const;
const NAMES = ['Acme', 'Northwind', 'Dupont', 'Globex', 'Initech', 'Umbrella', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Lefèvre', 'Müller'];
const SUFFIXES = ['Ltd', 'SA', 'SARL', 'GmbH', 'Inc.', '& Fils', 'KK', 'plc'];
const CITIES: Readonly<Record<string, readonly [string, string]>> = { EUR: ['Paris', 'France'], USD: ['Chicago', 'USA'], GBP: ['Leeds', 'United Kingdom'], JPY: ['Osaka', 'Japan'] };

interface Cust {
  readonly id: string;
  readonly lang: 'en' | 'fr';
  readonly home: string;
  readonly second: string | undefined;
  codes: number;
}

interface Doc {
  readonly doc: string;
  readonly posting: Day;
  readonly amount: number;
}

/** Lettrage-style codes: A, B, ..., Z, AA, AB, ... */
function letters(n: number): string {
  let s = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export interface GeneratedCounts {
  customers: number;
  entries: number;
  applications: number;
}

/** Writes the three CSV files into `dir`. */
export function generateLedger(dir: string, p: LedgerParams): GeneratedCounts {
  fs.mkdirSync(dir, { recursive: true });
  const rng = new Rng(p.seed);
  const START = parseIsoDay(p.start) as Day;
  const END = parseIsoDay(p.end) as Day;
  const customersOut = new CsvWriter(path.join(dir, 'customers.csv'), CUSTOMER_HEADERS);
  const entriesOut = new CsvWriter(path.join(dir, 'entries.csv'), ENTRY_HEADERS);
  const appsOut = new CsvWriter(path.join(dir, 'applications.csv'), APPLICATION_HEADERS);
  const seq: Record<Kind, number> = { invoice: 0, credit_note: 0, payment: 0, refund: 0, finance_charge: 0, adjustment: 0 };
  const entryIx = Object.fromEntries(ENTRY_HEADERS.map((h, i) => [h, i])) as Record<string, number>;
  const customerIx = Object.fromEntries(CUSTOMER_HEADERS.map((h, i) => [h, i])) as Record<string, number>;

  const exponentOf = (currency: string): number => currencyExponent(currency) as number;
  /** Log-uniform invoice amount in minor units: 20.00–25,000.00, or ¥3,000–¥3,000,000. */
  const invoiceAmount = (currency: string): number => {
    const [lo, hi] = exponentOf(currency) === 0 ? [3_000, 3_000_000] : [2_000, 2_500_000];
    return Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))));
  };
  const part = (amount: number, loPct: number, hiPct: number): number => Math.max(1, Math.floor((amount * rng.int(loPct, hiPct)) / 100));

  let count = 0; // entry rows of the current customer
  let lastBudget = 0;
  const emit = (c: Cust, kind: Kind, posting: Day, amount: number, currency: string, extra: { due?: Day; reference?: string; code?: string; appliesTo?: string; status?: string } = {}): Doc => {
    const doc = `${PREFIX[kind]}-${String(++seq[kind]).padStart(7, '0')}`;
    const cells = new Array<string>(ENTRY_HEADERS.length).fill('');
    const set = (column: string, value: string) => {
      cells[entryIx[column] as number] = value;
    };
    set('customer_id', c.id);
    set('type', TYPE_TEXT[c.lang][kind]);
    set('document_no', doc);
    set('posting_date', formatIsoDay(posting));
    if (extra.due !== undefined) set('due_date', formatIsoDay(extra.due));
    set('amount', formatMinor(amount, exponentOf(currency)));
    // Often the currency is left to the customer's default.
    set('currency', currency === c.home && rng.chance(0.3) ? '' : currency);
    set('description', rng.pick(DESCRIPTIONS[kind]));
    set('reference', extra.reference ?? '');
    set('matching_code', extra.code ?? '');
    set('applies_to', extra.appliesTo ?? '');
    set('status', extra.status ?? (rng.chance(0.03) ? 'posted' : ''));
    entriesOut.row(cells);
    count++;
    return { doc, posting, amount };
  };
  const apply = (from: Doc, to: Doc, amount: number, date: Day, currency: string): void => {
    appsOut.row([from.doc, to.doc, formatMinor(amount, exponentOf(currency)), formatIsoDay(date)]);
  };
  const invoice = (c: Cust, posting: Day, currency: string, kind: Kind = 'invoice'): Doc =>
    emit(c, kind, posting, invoiceAmount(currency), currency, { due: posting + rng.pick(TERMS), ...(rng.chance(0.5) ? { reference: `PO-${rng.int(10000, 99999)}` } : {}) });
  const date = (lo: Day, spread: number): Day => Math.min(END, lo + rng.int(0, spread));

  for (let i = 0; i < p.customers; i++) {
    const id = `C${String(i + 1).padStart(6, '0')}`;
    const r = rng.next();
    const home = r < 0.55 ? 'EUR' : r < 0.8 ? 'USD' : r < 0.95 ? 'GBP' : 'JPY';
    const lang = home === 'EUR' && rng.chance(0.6) ? 'fr' : 'en';
    const second = rng.chance(0.06) ? rng.pick(p.currencies.filter((x) => x !== home)) : undefined;
    const c: Cust = { id, lang, home, second, codes: 0 };
    const name = `${rng.pick(NAMES)}${rng.chance(0.2) ? ', Sons' : ''} ${rng.pick(SUFFIXES)} ${i + 1}`;
    const cells = new Array<string>(CUSTOMER_HEADERS.length).fill('');
    const setC = (column: string, value: string) => {
      cells[customerIx[column] as number] = value;
    };
    const [city, country] = CITIES[home] ?? ['Paris', 'France'];
    setC('customer_id', id);
    setC('name', name);
    setC('email', rng.chance(0.1) ? `ap@c${i + 1}.example;finance@c${i + 1}.example` : `accounts@c${i + 1}.example`);
    setC('language', lang);
    setC('currency', home);
    setC('address1', `${rng.int(1, 200)} ${lang === 'fr' ? 'rue du Commerce' : 'Market Street'}`);
    setC('postcode', String(rng.int(10000, 99999)));
    setC('city', city);
    setC('country', country);
    const send = rng.next();
    setC('send_statements', send < 0.03 ? (lang === 'fr' ? 'non' : 'no') : send < 0.9 ? (lang === 'fr' ? 'oui' : 'yes') : '');
    setC('group', rng.pick(['retail', 'wholesale', 'export']));
    customersOut.row(cells);

    // Paired budgets: customer 2j gets +x, 2j+1 gets −x, so the total is exactly customers × mean.
    const x = i % 2 === 0 ? rng.int(0, p.spread) : 0;
    const budget = i % 2 === 0 ? p.entriesPerCustomer + x : 2 * p.entriesPerCustomer - lastBudget;
    lastBudget = budget;
    count = 0;
    while (count < budget) {
      const left = budget - count;
      const cur = c.second !== undefined && rng.chance(0.25) ? c.second : c.home;
      const t = rng.int(START, END);
      const pick = rng.next();
      if (pick < 0.38 && left >= 2) {
        // applies_to: a payment naming its invoice; full, short or over-paid.
        const inv = invoice(c, t, cur);
        const pay = Math.max(t, t + 30 + rng.int(-25, 40));
        const v = rng.next();
        const amount = v < 0.75 ? inv.amount : v < 0.92 ? part(inv.amount, 20, 90) : inv.amount + part(inv.amount, 1, 5);
        if (pay <= END) emit(c, 'payment', pay, -amount, cur, { appliesTo: inv.doc, ...(rng.chance(0.3) ? { reference: inv.doc } : {}) });
      } else if (pick < 0.42 && left >= 2) {
        // A credit note naming the invoice it credits.
        const inv = invoice(c, t, cur);
        const at = t + rng.int(0, 30);
        if (at <= END) emit(c, 'credit_note', at, -part(inv.amount, 10, 100), cur, { appliesTo: inv.doc });
      } else if (pick < 0.55) {
        // Explicit applications: one payment (and sometimes a credit note) over 1–3 invoices.
        const m = rng.int(1, 3);
        const withCredit = rng.chance(0.15);
        if (left < m + 1 + (withCredit ? 1 : 0)) {
          invoice(c, t, cur);
          continue;
        }
        const invs: Doc[] = [];
        for (let k = 0; k < m; k++) invs.push(invoice(c, date(t, 20), cur));
        const first = invs[0] as Doc;
        const open = invs.map((d) => d.amount);
        if (withCredit) {
          const cnAt = date(first.posting, 20);
          const cn = emit(c, 'credit_note', cnAt, -part(first.amount, 5, 30), cur);
          apply(cn, first, -cn.amount, Math.max(cnAt, first.posting) + rng.int(0, 5), cur);
          open[0] = (open[0] as number) + cn.amount;
        }
        const latest = Math.max(...invs.map((d) => d.posting));
        const payAt = latest + rng.int(5, 60);
        if (payAt > END) continue;
        const due = open.reduce((s, a) => s + a, 0);
        const v = rng.next();
        const amount = v < 0.7 ? due : v < 0.9 ? part(due, 40, 95) : due + part(due, 1, 10);
        const pay = emit(c, 'payment', payAt, -amount, cur, { reference: `Remittance ${first.doc}` });
        let rest = Math.min(amount, due);
        invs.forEach((inv, k) => {
          const a = Math.min(open[k] as number, rest);
          if (a <= 0) return;
          apply(pay, inv, a, payAt + rng.int(0, 10), cur);
          rest -= a;
        });
      } else if (pick < 0.7) {
        // Matching code (lettrage): 1–3 debits and 1–2 credits sharing a code, settled oldest first.
        const nd = rng.int(1, 3);
        const nc = rng.int(1, 2);
        if (left < nd + nc) {
          invoice(c, t, cur);
          continue;
        }
        const code = letters(c.codes++);
        let total = 0;
        let latest = t;
        for (let k = 0; k < nd; k++) {
          const kind: Kind = k > 0 && rng.chance(0.15) ? 'finance_charge' : 'invoice';
          const at = date(t, 45);
          const d = emit(c, kind, at, invoiceAmount(cur), cur, { due: at + rng.pick(TERMS), code });
          total += d.amount;
          latest = Math.max(latest, at);
        }
        const v = rng.next();
        const credit = v < 0.7 ? total : v < 0.9 ? part(total, 30, 95) : total + part(total, 1, 10);
        const firstPart = nc === 2 && credit >= 2 ? Math.min(credit - 1, part(credit, 20, 80)) : credit;
        const firstAt = Math.max(START, latest + rng.int(-10, 50));
        const kind: Kind = rng.chance(0.15) ? 'credit_note' : 'payment';
        if (firstAt <= END) emit(c, kind, firstAt, -firstPart, cur, { code });
        const secondAt = firstAt + rng.int(0, 40);
        if (firstPart < credit && secondAt <= END) emit(c, 'payment', secondAt, -(credit - firstPart), cur, { code });
      } else if (pick < 0.77 && left >= 2) {
        // Unapplied cash: a payment that names nothing (the invoice stays open).
        const inv = invoice(c, t, cur);
        const at = inv.posting + rng.int(5, 60);
        if (at <= END) emit(c, 'payment', at, -(rng.chance(0.5) ? inv.amount : part(inv.amount, 10, 150)), cur);
      } else if (pick < 0.79 && left >= 3) {
        // An unapplied credit note, often refunded by a refund naming it.
        invoice(c, t, cur);
        const at = date(t, 30);
        const cn = emit(c, 'credit_note', at, -part(invoiceAmount(cur), 10, 50), cur);
        const back = at + rng.int(5, 40);
        if (rng.chance(0.6) && back <= END) emit(c, 'refund', back, -cn.amount, cur, { appliesTo: cn.doc });
      } else if (pick < 0.81 && left >= 2) {
        // Adjustments, either sign, left open.
        const inv = invoice(c, t, cur);
        const sign = rng.chance(0.7) ? -1 : 1;
        emit(c, 'adjustment', date(t, 60), sign * part(inv.amount, 1, 5), cur);
      } else if (pick < 0.815) {
        // A voided invoice: read, reported as info, never counted.
        emit(c, 'invoice', t, invoiceAmount(cur), cur, { due: t + 30, status: 'void' });
      } else {
        invoice(c, t, cur, rng.chance(0.08) ? 'finance_charge' : 'invoice');
      }
    }
  }
  customersOut.close();
  entriesOut.close();
  appsOut.close();
  return { customers: customersOut.rows, entries: entriesOut.rows, applications: appsOut.rows };
}

const MANIFEST = 'params.json';
const FILES = ['customers.csv', 'entries.csv', 'applications.csv'] as const;

interface Manifest {
  readonly params: LedgerParams;
  readonly counts: GeneratedCounts;
  readonly sizes: Readonly<Record<string, number>>;
}

/** The manifest of a folder generated with exactly these parameters and still intact, else undefined. */
function existing(dir: string, p: LedgerParams): Manifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    if (JSON.stringify(m.params) !== JSON.stringify(p)) return undefined;
    for (const f of FILES) if (fs.statSync(path.join(dir, f)).size !== m.sizes[f]) return undefined;
    return m;
  } catch {
    return undefined;
  }
}

/** Generates the ledger unless the folder already holds it for the same parameters. */
export function ensureLedger(dir: string, p: LedgerParams): { generated: boolean; counts: GeneratedCounts; ms: number } {
  const before = existing(dir, p);
  if (before !== undefined) return { generated: false, counts: before.counts, ms: 0 };
  const t0 = performance.now();
  fs.rmSync(path.join(dir, MANIFEST), { force: true });
  const counts = generateLedger(dir, p);
  const sizes = Object.fromEntries(FILES.map((f) => [f, fs.statSync(path.join(dir, f)).size]));
  const manifest: Manifest = { params: p, counts, sizes };
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { generated: true, counts, ms: performance.now() - t0 };
}
