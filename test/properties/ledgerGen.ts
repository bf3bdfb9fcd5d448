/**
 * Random but valid ledgers for the property tests and the fuzz test: customers, entries and
 * applications as a model (numbers, days) plus the RawTables a CSV/Excel adapter would hand the
 * engine (strings only, random header spellings and column order).
 *
 * Everything is drawn through `Rand`, so the same builder runs under fast-check (`fc.gen()`, with
 * shrinking) and under a seeded PRNG (the fuzz test).
 */
import fc from 'fast-check';
import {
  currencyExponent, dayFromCivil, ENTRY_TYPES, formatIsoDay, formatMinor, parseAgingSpec,
  type AgingSpec, type Day, type EntryType, type RawTable,
} from '../../src/core';

export interface Rand {
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
}

export function randFromGen(g: fc.GeneratorValue): Rand {
  return { int: (min, max) => g(fc.integer, { min, max }) };
}

/** mulberry32: small, fast, deterministic. */
export function seededRand(seed: number): Rand {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[r.int(0, xs.length - 1)] as T;
export const chance = (r: Rand, percent: number): boolean => r.int(0, 99) < percent;
export function shuffled<T>(r: Rand, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export const CURRENCIES = ['EUR', 'USD', 'JPY', 'KWD'] as const;
export const WINDOW_START: Day = dayFromCivil(2025, 10, 1);
export const WINDOW_DAYS = 365;

export interface GenCustomer {
  readonly id: string;
  readonly currency: string | undefined;
  readonly cells: Readonly<Record<string, string>>;
}

export interface GenEntry {
  readonly customerId: string;
  readonly type: EntryType;
  readonly documentNo: string;
  readonly posting: Day;
  /** undefined: the cell is blank (due = posting). */
  readonly due: Day | undefined;
  readonly amount: number;
  readonly currency: string;
  matchingCode: string;
  appliesTo: string;
  /** void/draft rows are ignored by the engine (info issue only). */
  readonly posted: boolean;
  /** Cell texts, by canonical column (amount rendered for both layouts). */
  readonly cells: Record<string, string>;
}

export interface GenApplication {
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  readonly currency: string;
  readonly date: Day | undefined;
  readonly cells: Readonly<Record<string, string>>;
}

export interface Layout {
  /** Canonical columns in file order, and the header text used for each. */
  readonly columns: readonly string[];
  readonly headers: readonly string[];
}

export interface GenLedger {
  readonly customers: GenCustomer[];
  readonly entries: GenEntry[];
  readonly applications: GenApplication[];
  readonly customerLayout: Layout;
  readonly entryLayout: Layout;
  readonly applicationLayout: Layout | undefined;
}

const HEADER_NAMES: Readonly<Record<string, readonly string[]>> = {
  // entries
  customer_id: ['customer_id', 'Customer No.', 'N° client', 'Client'],
  type: ['type', 'Document Type', 'Type de pièce'],
  document_no: ['document_no', 'Document No.', 'N° pièce'],
  posting_date: ['posting_date', 'Posting Date', 'Date comptable'],
  due_date: ['due_date', 'Due Date', 'Échéance'],
  amount: ['amount', 'Amount', 'Montant'],
  debit: ['debit', 'Débit'],
  credit: ['credit', 'Crédit'],
  currency: ['currency', 'Currency Code', 'Devise'],
  description: ['description', 'Libellé'],
  reference: ['reference', 'Your Reference', 'Référence'],
  matching_code: ['matching_code', 'Lettrage'],
  applies_to: ['applies_to', 'Applies-to Doc. No.', 'Lettré avec'],
  status: ['status', 'Statut'],
  // customers
  name: ['name', 'Nom'],
  language: ['language', 'Langue'],
  send_statements: ['send_statements', 'Envoyer relevé'],
  group: ['group', 'Groupe'],
  email: ['email', 'Courriel'],
  // applications
  from_document: ['from_document', 'From Document', 'Pièce de règlement'],
  to_document: ['to_document', 'To Document', 'Pièce lettrée'],
  date: ['date', 'Application Date', 'Date de lettrage'],
};

const applicationAmountHeaders = ['amount', 'Amount Applied', 'Montant lettré'];

const TYPE_TEXTS: Readonly<Record<EntryType, readonly string[]>> = {
  invoice: ['invoice', 'Invoice', 'INV', 'facture', 'Facture'],
  credit_note: ['credit_note', 'Credit Note', 'avoir', 'credit memo'],
  payment: ['payment', 'Payment', 'règlement', 'paiement', 'receipt'],
  refund: ['refund', 'Refund', 'remboursement'],
  finance_charge: ['finance_charge', 'Finance Charge', 'frais financiers', 'interest'],
  adjustment: ['adjustment', 'adj', 'régularisation', 'OD'],
};
const POSTED_STATUS = ['', '', '', '', 'posted', 'Posted', 'open', 'comptabilisé'];
const IGNORED_STATUS = ['void', 'draft', 'annulé', 'brouillon', 'Cancelled'];
const TYPE_WEIGHTS: readonly [EntryType, number][] = [
  ['invoice', 35], ['payment', 25], ['credit_note', 12], ['finance_charge', 8], ['refund', 8], ['adjustment', 12],
];

function weightedType(r: Rand): EntryType {
  let x = r.int(0, 99);
  for (const [t, w] of TYPE_WEIGHTS) {
    if (x < w) return t;
    x -= w;
  }
  return 'invoice';
}

/** A valid spelling of `minor` in a currency with `exponent` decimals. */
export function amountText(r: Rand, minor: number, exponent: number): string {
  const s = formatMinor(minor, exponent);
  switch (r.int(0, 11)) {
    // A decimal comma, but not before exactly three digits ("1,500" is refused as ambiguous).
    case 0: return exponent > 0 && !/^-?\d{1,3}\.\d{3}$/.test(s) ? s.replace('.', ',') : s;
    case 1: return exponent > 0 ? `${s}0` : s; // trailing zeros beyond the exponent are harmless
    case 2: return minor > 0 ? `+${s}` : s;
    case 3: return exponent > 0 ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
    case 4: return ` ${s} `;
    default: return s;
  }
}

function layout(r: Rand, columns: readonly string[], names: Readonly<Record<string, readonly string[]>>, extra: boolean): Layout {
  const order = shuffled(r, columns);
  const headers = order.map((c) => pick(r, names[c] ?? [c]));
  if (extra) {
    const at = r.int(0, order.length);
    order.splice(at, 0, '__notes');
    headers.splice(at, 0, 'Notes internes');
  }
  return { columns: order, headers };
}

export interface GenOptions {
  readonly maxCustomers?: number;
  readonly maxDocuments?: number;
  /** Prefix for customer ids and document numbers, so several ledgers can share a file. */
  readonly prefix?: string;
  /** Customer ids with commas, quotes, accents (CSV escaping). */
  readonly oddIds?: boolean;
  /** Texts with newlines, quotes, delimiters and formula-like content in free-text cells. */
  readonly oddTexts?: boolean;
}

const ODD_TEXTS = ['=1+1', 'a, b', 'say "hi"', 'two\nlines', 'CR\ronly', 'tab\there', '; semi', '@SUM(A1)', 'héllo — ünïcode', '+33 1 23', '-2'];

function freeText(r: Rand, odd: boolean, base: string): string {
  if (odd && chance(r, 25)) return pick(r, ODD_TEXTS);
  return chance(r, 50) ? '' : base;
}

export function genLedger(r: Rand, o: GenOptions = {}): GenLedger {
  const prefix = o.prefix ?? '';
  const nCustomers = r.int(1, o.maxCustomers ?? 8);
  const customers: GenCustomer[] = [];
  for (let i = 1; i <= nCustomers; i++) {
    const id = o.oddIds === true && chance(r, 30) ? pick(r, [`${prefix}Dupont, ${i}`, `${prefix}"Q" ${i}`, `${prefix}Clé ${i}`, `${prefix}=C${i}`]) : `${prefix}C${i}`;
    const currency = chance(r, 80) ? pick(r, CURRENCIES) : undefined;
    customers.push({
      id,
      currency,
      cells: {
        customer_id: id,
        name: `Customer ${i}`,
        currency: currency === undefined ? '' : chance(r, 10) ? currency.toLowerCase() : currency,
        language: pick(r, ['', 'en', 'fr', 'FR']),
        send_statements: pick(r, ['', 'yes', 'no', 'oui', 'non']),
        group: pick(r, ['', 'retail', 'wholesale']),
        email: chance(r, 50) ? `c${i}@example.com` : '',
      },
    });
  }

  const entries: GenEntry[] = [];
  let seq = 0;
  const nDocs = r.int(0, o.maxDocuments ?? 28);
  const debitLayout = chance(r, 20);
  for (let k = 0; k < nDocs; k++) {
    const c = pick(r, customers);
    const currency = c.currency !== undefined && chance(r, 80) ? c.currency : pick(r, CURRENCIES);
    const exponent = currencyExponent(currency) as number;
    const type = weightedType(r);
    const side = ENTRY_TYPES[type].side;
    const sign = side === 'debit' ? 1 : side === 'credit' ? -1 : chance(r, 50) ? 1 : -1;
    const documentNo = `${prefix}${pick(r, ['INV', 'FAC', 'P', 'CN', 'D'])}-${++seq}`;
    const posting = WINDOW_START + r.int(0, WINDOW_DAYS);
    const instalments = type !== 'adjustment' && type !== 'refund' && chance(r, 12) ? r.int(2, 3) : 1;
    const typeText = pick(r, TYPE_TEXTS[type]);
    for (let n = 0; n < instalments; n++) {
      const magnitude = chance(r, 3) ? 0 : r.int(1, 300000);
      const amount = magnitude === 0 ? 0 : sign * magnitude;
      const due = instalments > 1 ? posting + 30 * (n + 1) + r.int(0, 9) : chance(r, 30) ? undefined : posting + r.int(-5, 90);
      // The currency cell may be left blank when the customer's currency applies.
      const currencyCell = c.currency === currency && chance(r, 50) ? '' : chance(r, 10) ? currency.toLowerCase() : currency;
      const text = amountText(r, magnitude, exponent);
      const cells: Record<string, string> = {
        customer_id: chance(r, 5) ? ` ${c.id} ` : c.id,
        type: typeText,
        document_no: documentNo,
        posting_date: formatIsoDay(posting),
        due_date: due === undefined ? '' : formatIsoDay(due),
        amount: amount < 0 ? `-${text.trim().replace(/^\+/, '')}` : text,
        debit: amount > 0 ? text : amount === 0 ? '0' : chance(r, 20) ? '0' : '',
        credit: amount < 0 ? text : '',
        currency: currencyCell,
        description: freeText(r, o.oddTexts === true, `${type} ${documentNo}`),
        reference: freeText(r, o.oddTexts === true, `PO-${r.int(1, 999)}`),
        matching_code: '',
        applies_to: '',
        status: pick(r, POSTED_STATUS),
        __notes: freeText(r, o.oddTexts === true, 'note'),
      };
      entries.push({ customerId: c.id, type, documentNo, posting, due, amount, currency, matchingCode: '', appliesTo: '', posted: true, cells });
    }
  }

  // Rows that are not posted: ignored by the engine, whatever they say (they may even reuse a document number).
  const nIgnored = chance(r, 30) ? r.int(1, 3) : 0;
  for (let k = 0; k < nIgnored; k++) {
    const c = pick(r, customers);
    const currency = c.currency ?? pick(r, CURRENCIES);
    const reuse = entries.length > 0 && chance(r, 50) ? pick(r, entries).documentNo : `${prefix}V-${++seq}`;
    const posting = WINDOW_START + r.int(0, WINDOW_DAYS);
    const amount = r.int(1, 50000);
    const text = formatMinor(amount, currencyExponent(currency) as number);
    entries.push({
      customerId: c.id, type: 'invoice', documentNo: reuse, posting, due: undefined, amount, currency, matchingCode: '', appliesTo: '', posted: false,
      cells: { customer_id: c.id, type: 'invoice', document_no: reuse, posting_date: formatIsoDay(posting), due_date: '', amount: text, debit: text, credit: '', currency, description: '', reference: '', matching_code: '', applies_to: '', status: pick(r, IGNORED_STATUS), __notes: '' },
    });
  }

  const posted = entries.filter((e) => e.posted);
  const docRows = new Map<string, GenEntry[]>();
  for (const e of posted) {
    const list = docRows.get(e.documentNo);
    if (list === undefined) docRows.set(e.documentNo, [e]);
    else list.push(e);
  }
  const docs = [...docRows.entries()].map(([no, rows]) => ({ no, rows, first: rows[0] as GenEntry }));
  const strictly = (rows: readonly GenEntry[], s: 1 | -1) => rows.every((e) => Math.sign(e.amount) === s);

  // Matching codes: a few groups of one customer and currency (codes may repeat across customers).
  const nCodes = posted.length > 1 ? r.int(0, 3) : 0;
  for (let k = 0; k < nCodes; k++) {
    const seed = pick(r, posted);
    const code = pick(r, ['A', 'B', `L${k}`, 'AA']);
    for (const e of posted) {
      if (e.customerId === seed.customerId && e.currency === seed.currency && e.matchingCode === '' && chance(r, 50)) {
        e.matchingCode = code;
        e.cells['matching_code'] = code;
      }
    }
  }

  // applies_to: a non-zero entry names a document of the same customer and currency on the other side.
  for (const e of posted) {
    if (e.amount === 0 || !chance(r, 20)) continue;
    const s = e.amount > 0 ? -1 : 1;
    const targets = docs.filter((d) => d.no !== e.documentNo && d.first.customerId === e.customerId && d.first.currency === e.currency && strictly(d.rows, s));
    if (targets.length === 0) continue;
    const t = pick(r, targets);
    e.appliesTo = t.no;
    e.cells['applies_to'] = t.no;
  }

  // Explicit applications, never more than either document has left.
  const applications: GenApplication[] = [];
  const applied = new Map<string, number>();
  const nApps = r.int(0, 6);
  // Several applications on one document (often an invoice in instalments) are where order could matter.
  const favourite = <T extends { no: string; rows: GenEntry[] }>(xs: readonly T[]): T => {
    const used = xs.filter((d) => applied.has(d.no) || d.rows.length > 1);
    return used.length > 0 && chance(r, 60) ? pick(r, used) : pick(r, xs);
  };
  for (let k = 0; k < nApps; k++) {
    const credits = docs.filter((d) => strictly(d.rows, -1));
    if (credits.length === 0) break;
    const f = favourite(credits);
    const debits = docs.filter((d) => d.first.customerId === f.first.customerId && d.first.currency === f.first.currency && strictly(d.rows, 1));
    if (debits.length === 0) continue;
    const t = favourite(debits);
    const total = (d: typeof f) => d.rows.reduce((s, e) => s + Math.abs(e.amount), 0) - (applied.get(d.no) ?? 0);
    const room = Math.min(total(f), total(t));
    if (room < 1) continue;
    const amount = r.int(1, room);
    applied.set(f.no, (applied.get(f.no) ?? 0) + amount);
    applied.set(t.no, (applied.get(t.no) ?? 0) + amount);
    const latest = Math.max(...f.rows.map((e) => e.posting), ...t.rows.map((e) => e.posting));
    const date = chance(r, 15) ? undefined : latest + r.int(0, 120);
    const currency = f.first.currency;
    applications.push({
      from: f.no, to: t.no, amount, currency, date,
      cells: { from_document: f.no, to_document: t.no, amount: amountText(r, amount, currencyExponent(currency) as number).replace(/^\+/, ''), date: date === undefined ? '' : formatIsoDay(date) },
    });
  }

  const entryColumns = ['customer_id', 'type', 'document_no', 'posting_date', 'due_date', ...(debitLayout ? ['debit', 'credit'] : ['amount']), 'currency', 'description', 'reference', 'matching_code', 'applies_to', 'status'];
  const customerColumns = ['customer_id', 'name', 'currency', 'language', 'send_statements', 'group', 'email'];
  const hasApplications = applications.length > 0 || chance(r, 30);
  return {
    customers,
    entries,
    applications,
    customerLayout: layout(r, customerColumns, HEADER_NAMES, false),
    entryLayout: layout(r, entryColumns, HEADER_NAMES, chance(r, 20)),
    applicationLayout: hasApplications ? layout(r, ['from_document', 'to_document', 'amount', 'date'], { ...HEADER_NAMES, amount: applicationAmountHeaders }, false) : undefined,
  };
}

export function rowOf(l: Layout, cells: Readonly<Record<string, string>>): string[] {
  return l.columns.map((c) => cells[c] ?? '');
}

export interface LedgerRaw {
  customers: RawTable;
  entries: RawTable;
  applications?: RawTable;
}

export function toRawTables(g: GenLedger): LedgerRaw {
  const raw: LedgerRaw = {
    customers: { table: 'customers', source: 'customers.csv', headers: g.customerLayout.headers, rows: g.customers.map((c) => rowOf(g.customerLayout, c.cells)) },
    entries: { table: 'entries', source: 'entries.csv', headers: g.entryLayout.headers, rows: g.entries.map((e) => rowOf(g.entryLayout, e.cells)) },
  };
  if (g.applicationLayout !== undefined) {
    raw.applications = { table: 'applications', source: 'applications.csv', headers: g.applicationLayout.headers, rows: g.applications.map((a) => rowOf(g.applicationLayout as Layout, a.cells)) };
  }
  return raw;
}

/** A statement date inside the window, so ledgers hold entries both before and after it. */
export function genAsOf(r: Rand, g?: GenLedger): Day {
  if (g !== undefined && chance(r, 50)) {
    // Near a date of the ledger (a posting, a due date, an application): where boundaries bite.
    const dates = [...g.entries.flatMap((e) => (e.due === undefined ? [e.posting] : [e.posting, e.due])), ...g.applications.flatMap((a) => (a.date === undefined ? [] : [a.date]))];
    if (dates.length > 0) return pick(r, dates) + r.int(-2, 2);
  }
  return WINDOW_START + r.int(0, WINDOW_DAYS + 30);
}

export const PERIOD_FORMULAS = ['30D', '1M+CM', '15D', '2W', '1M', '1Q', '7D', '1M-1D', '45D', '1Y', '1W+CW'];

export function genAgingSpec(r: Rand): AgingSpec {
  const kind = r.int(0, 2);
  if (kind === 0) {
    const n = r.int(1, 5);
    const bounds: number[] = [];
    let b = 0;
    for (let i = 0; i < n; i++) bounds.push((b += r.int(1, 60)));
    return { kind: 'bounds', bounds };
  }
  if (kind === 1) return { kind: 'months' };
  const text = pick(r, PERIOD_FORMULAS);
  let spec = PERIOD_SPECS.get(text);
  if (spec === undefined) {
    const p = parseAgingSpec(text);
    if (!p.ok) throw new Error(`test bug: ${JSON.stringify(p.error)}`);
    PERIOD_SPECS.set(text, (spec = p.spec));
  }
  return spec;
}
const PERIOD_SPECS = new Map<string, AgingSpec>();
