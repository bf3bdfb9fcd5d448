import { normaliseKey } from '../../ledger/normalise';
import { isBlankRow, type RawTable } from '../../ledger/rawTable';
import { GROUP_CAPTION, groupRawTable } from '../../tables/groupedRows';
import type { Issue } from '../../issues/issue';
import { canonicalTable, type CanonicalColumn, type CanonicalRow } from '../canonicalTable';
import { columnKinds, findRoles, rolesFound } from '../headerRoles';
import type { ColumnUse, Converted, Recognition, VendorProfile, VendorTable } from '../vendorProfile';

/*
 * QuickBooks Online and Desktop customer reports exported to Excel or CSV: Customer Balance Detail,
 * Open Invoices, Transaction List by Customer. Their customers are group rows (`Total for …` rows
 * under them, `TOTAL` at the end; core/tables/groupedRows.ts reads them), their columns `Date`,
 * `Transaction Type` (Desktop: `Type`), `Num`, `Due Date`, `Amount`, `Open Balance`, `Balance`.
 * Captions in English, and in French as QuickBooks Canada writes them.
 * Sources: test/fixtures/exports/quickbooks/README.md.
 */

const CAPTIONS = {
  customer: ['Customer', 'Customer full name', 'Client', 'Nom du client'],
  date: ['Date', 'Transaction Date', "Date de l'opération"],
  type: ['Transaction Type', 'Type', "Type d'opération", 'Type de transaction'],
  num: ['Num', 'No.', 'N°', 'Numéro'],
  due: ['Due Date', "Date d'échéance", 'Échéance'],
  amount: ['Amount', 'Montant'],
  open: ['Open Balance', 'Solde impayé', 'Solde ouvert', 'Solde dû'],
  balance: ['Balance', 'Solde'],
  posting: ['Posting', 'Comptabilisation', 'Comptabilisé'],
  memo: ['Memo/Description', 'Description', 'Memo', 'Mémo/Description', 'Note'],
  po: ['P. O. #', 'P.O. #', 'PO Number', 'N° de bon de commande'],
  currency: ['Currency', 'Devise'],
  account: ['Account', 'Compte'],
  terms: ['Terms', 'Modalités', 'Conditions'],
  aging: ['Aging', 'Past Due', 'Jours de retard'],
} as const;
type Role = keyof typeof CAPTIONS;

const DATE_ROLES = new Set<Role>(['date', 'due']);
const MONEY_ROLES = new Set<Role>(['amount', 'open', 'balance']);

/** QuickBooks' transaction types (English; French of QuickBooks Canada) → the contract's entry types; null: not an A/R movement that posts. */
const TYPES: ReadonlyMap<string, string | null> = new Map(
  (
    [
      ['invoice', 'invoice'], ['facture', 'invoice'],
      ['statement charge', 'invoice'], ['frais de relevé', 'invoice'],
      ['finance charge', 'finance_charge'], ['frais financiers', 'finance_charge'],
      ['payment', 'payment'], ['paiement', 'payment'], ['receive payment', 'payment'],
      ['credit memo', 'credit_note'], ['credit note', 'credit_note'], ['note de crédit', 'credit_note'], ['avoir', 'credit_note'],
      ['refund', 'refund'], ['refund receipt', 'refund'], ['remboursement', 'refund'], ['reçu de remboursement', 'refund'],
      ['journal entry', 'adjustment'], ['general journal', 'adjustment'], ['écriture de journal', 'adjustment'],
      ['estimate', null], ['devis', null], ['estimation', null],
    ] as const
  ).map(([caption, type]) => [normaliseKey(caption), type]),
);
/** Types that lower the balance: QuickBooks prints them positive in some reports, negative in others; the type decides. */
const CREDITS = new Set(['payment', 'credit_note']);
/** French captions: the customers' statements are then in French. */
const FRENCH = new Set(["type d'opération", 'type de transaction', 'solde impayé', 'solde ouvert', 'solde dû', 'montant', "date d'échéance"].map(normaliseKey));

const KIND_BALANCE = 'Customer Balance Detail / Open Invoices';
const KIND_TRANSACTIONS = 'Transaction List by Customer';

function recognise(headers: readonly string[]): Recognition | undefined {
  const r = findRoles(headers, CAPTIONS);
  if (r.date < 0 || r.type < 0 || r.num < 0 || (r.amount < 0 && r.open < 0)) return undefined;
  // What only QuickBooks writes: its `Num` column (or `N°` beside `Transaction Type`), an `Open Balance`, or `Posting` (Yes/No).
  const num = normaliseKey(headers[r.num] ?? '');
  if (!(num === 'num' || r.open >= 0 || r.posting >= 0)) return undefined;
  return { kind: r.open >= 0 ? KIND_BALANCE : KIND_TRANSACTIONS, kinds: columnKinds(headers, r, DATE_ROLES, MONEY_ROLES), keepAllRows: r.customer < 0, score: rolesFound(r) };
}

const cellOf = (row: readonly string[], i: number): string => (i < 0 ? '' : (row[i] ?? '').trim());
/** A credit's figure, negative whatever sign the report printed; others as printed. */
const signed = (text: string, credit: boolean): string => (credit && text !== '' && !text.startsWith('-') && !/^0*(\.0*)?$/.test(text) ? `-${text}` : text);

function convert(tables: readonly VendorTable[]): Converted {
  const used: ColumnUse[] = [];
  const unused: { sheet: string; header: string }[] = [];
  const issues: Issue[] = [];
  const entries: RawTable[] = [];
  const customers = new Map<string, { language: string }>();
  for (const t of tables) {
    const grouped = t.recognition.keepAllRows === true ? groupRawTable(t.raw) : undefined;
    const raw = grouped?.table ?? t.raw;
    if (grouped !== undefined) issues.push(...grouped.issues);
    const r = findRoles(raw.headers, CAPTIONS);
    const customer = grouped !== undefined ? raw.headers.indexOf(GROUP_CAPTION) : r.customer;
    const french = raw.headers.some((h) => FRENCH.has(normaliseKey(h)));
    const columns: CanonicalColumn[] = [
      { column: 'customer_id', from: customer },
      { column: 'type', from: r.type },
      { column: 'document_no', from: r.num },
      { column: 'posting_date', from: r.date },
      { column: 'due_date', from: r.due },
      { column: 'amount', from: r.amount >= 0 ? r.amount : r.open },
      ...(r.open >= 0 ? [{ column: 'open_amount', from: r.open }] : []), // none: no export date to assume either
      { column: 'currency', from: r.currency },
      { column: 'description', from: r.memo },
      { column: 'reference', from: r.po },
      { column: 'status', from: r.posting },
    ];
    const rows: CanonicalRow[] = [];
    for (let i = 0; i < raw.rows.length; i++) {
      const row = raw.rows.at(i) ?? [];
      if (isBlankRow(row)) continue;
      const name = cellOf(row, customer);
      if (name !== '' && !customers.has(name)) customers.set(name, { language: french ? 'fr' : '' });
      const typeText = cellOf(row, r.type);
      const mapped = TYPES.get(normaliseKey(typeText));
      const type = mapped ?? typeText; // an unknown caption is reported by the ledger reader, with its cell
      const credit = mapped !== undefined && mapped !== null && CREDITS.has(mapped);
      const posting = cellOf(row, r.posting);
      // Not posted: `Posting` = No (QuickBooks' estimates, non-posting charges), or an estimate.
      const status = mapped === null || /^(no|non)$/i.test(posting) ? 'draft' : '';
      const date = cellOf(row, r.date);
      // A payment QuickBooks printed without a number still needs one to be a line of the statement.
      const num = cellOf(row, r.num) || (typeText !== '' ? `${typeText} ${date}` : '');
      const amount = signed(cellOf(row, r.amount >= 0 ? r.amount : r.open), credit);
      const open = r.open >= 0 ? signed(cellOf(row, r.open), credit) : '';
      rows.push({ sourceRow: i, cells: [name, mapped === null ? 'invoice' : type, num, date, cellOf(row, r.due), amount, ...(r.open >= 0 ? [open] : []), cellOf(row, r.currency), cellOf(row, r.memo), cellOf(row, r.po), status] });
    }
    // With an Open Balance, the report lists what is open: the payments that settled the rest are not in it.
    const table = canonicalTable('entries', raw, columns, rows);
    entries.push(r.open >= 0 ? { ...table, openItemsOnly: true } : table);
    const uses: Partial<Record<Role, string>> = {
      type: 'type', num: 'document_no', date: 'posting_date', due: 'due_date', amount: 'amount', currency: 'currency', memo: 'description', po: 'reference',
      ...(r.open >= 0 ? { open: r.amount >= 0 ? 'open_amount' : 'amount and open_amount' } : {}),
      ...(r.posting >= 0 ? { posting: 'status (No: not posted)' } : {}),
      ...(grouped === undefined ? { customer: 'customer_id' } : {}),
    };
    const sheet = raw.sheet ?? raw.source;
    if (grouped !== undefined) used.push({ sheet, header: '(customer group rows)', use: 'customer_id' });
    const at = new Set<number>();
    for (const [role, use] of Object.entries(uses) as [Role, string][]) {
      const i = r[role];
      if (i < 0) continue;
      at.add(i);
      used.push({ sheet, header: raw.headers[i] ?? '', use });
    }
    raw.headers.forEach((header, i) => {
      if (!at.has(i) && i !== customer && header !== '') unused.push({ sheet, header });
    });
  }
  const customerTables: RawTable[] = customers.size === 0 ? [] : [{
    table: 'customers', source: '(customer group rows)', headers: ['customer_id', 'name', 'language'],
    rows: [...customers].map(([name, c]) => [name, name, c.language]),
  }];
  return { customers: customerTables, entries, applications: [], issues, used, unused };
}

export const quickBooks: VendorProfile = { id: 'quickbooks', system: 'QuickBooks', recognise, convert };
