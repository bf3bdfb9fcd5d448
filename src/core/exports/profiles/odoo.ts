import { makeIssue, type Issue, type IssueLocation } from '../../issues/issue';
import { normaliseKey } from '../../ledger/normalise';
import { cellAddress, isBlankRow, rowNumberOf, type RawTable } from '../../ledger/rawTable';
import { canonicalTable, type CanonicalColumn, type CanonicalRow } from '../canonicalTable';
import { decimalSign, sameDecimal, subtractDecimalTexts } from '../decimalText';
import { columnKinds, findRoles, rolesFound } from '../headerRoles';
import type { ColumnUse, Converted, ExportOptions, Recognition, VendorProfile, VendorTable } from '../vendorProfile';

/*
 * Odoo: Accounting > Journal Items (account.move.line) exported to xlsx or CSV, every account's lines.
 * Captions are the fields' strings (Odoo 16 to 18) in English and French, or their technical names
 * (the "import-compatible" export). Sources and rules: test/fixtures/exports/odoo/README.md.
 */

const CAPTIONS = {
  entry: ['Journal Entry', 'Pièce comptable', 'move_id', 'Number', 'Numéro', 'move_name'],
  account: ['Account', 'Compte', 'account_id'],
  partner: ['Partner', 'Partenaire', 'partner_id'],
  date: ['Date', 'date'],
  label: ['Label', 'Libellé', 'name'],
  reference: ['Reference', 'Référence', 'ref'],
  debit: ['Debit', 'Débit', 'debit'],
  credit: ['Credit', 'Crédit', 'credit'],
  // "Matching #" (matching_number, Odoo 16+) before "Matching" (full_reconcile_id): both normalise alike, the first found wins.
  matching: ['Matching #', 'Lettrage #', 'matching_number', 'Équivalent', 'full_reconcile_id'],
  due: ['Due Date', "Date d'échéance", 'date_maturity'],
  amountCurrency: ['Amount in Currency', 'Montant en devise', 'amount_currency'],
  currency: ['Currency', 'Devise', 'currency_id'],
  residualCurrency: ['Residual Amount in Currency', 'Montant résiduel en devise', 'Residual in Currency', 'Résiduel en devise', 'amount_residual_currency'],
  residual: ['Residual Amount', 'Montant résiduel', 'Residual', 'Résiduel', 'Amount Due', 'Montant dû', 'amount_residual'],
  accountType: ['Internal Type', 'Account Type', 'Type de compte', 'account_type'],
} as const;

type Role = keyof typeof CAPTIONS;
type Roles = Record<Role, number>;

const KIND = 'Journal Items';
const DATE_ROLES = new Set<Role>(['date', 'due']);
const MONEY_ROLES = new Set<Role>(['debit', 'credit', 'amountCurrency', 'residualCurrency', 'residual']);

function recognise(headers: readonly string[]): Recognition | undefined {
  const r = findRoles(headers, CAPTIONS);
  // Only Odoo's journal items carry a journal entry, an account and a partner beside debit and credit.
  if (r.entry < 0 || r.account < 0 || r.partner < 0 || r.date < 0 || r.debit < 0 || r.credit < 0) return undefined;
  return { kind: KIND, kinds: columnKinds(headers, r, DATE_ROLES, MONEY_ROLES), score: rolesFound(r) };
}


/** "121000 Account Receivable" → code 121000, name "Account Receivable"; an account shown without a code has only a name. */
function splitAccount(text: string): { code: string; name: string } {
  const m = /^(\S*\d\S*)\s+(.*)$/.exec(text.trim());
  return m === null ? { code: '', name: text.trim() } : { code: m[1] ?? '', name: m[2] ?? '' };
}

/** Odoo's receivable accounts, when the user names none: of receivable type, or by code or name (411…, Receivable, Clients). */
function looksReceivable(account: string, type: string): boolean {
  const t = normaliseKey(type);
  if (t !== '') return t.includes('receivable') || t.includes('recevable');
  const { code, name } = splitAccount(account);
  if (code.startsWith('411')) return true;
  const n = ` ${name.toLowerCase()} `;
  return !n.includes('payable') && (n.includes('receivable') || n.includes('recevable') || /[\s(]clients?[\s),-]/.test(n));
}

function chosen(account: string, wanted: readonly string[]): boolean {
  const { code, name } = splitAccount(account);
  return wanted.some((w) => {
    const k = normaliseKey(w);
    return k !== '' && (normaliseKey(account) === k || normaliseKey(name) === k || (code !== '' && code.startsWith(w.trim())));
  });
}

/** "BNK1/2024/00012" → "BNK1": the journal's sequence prefix. */
const prefixOf = (entry: string): string => entry.split('/')[0]?.trim() ?? '';

const cellOf = (row: readonly string[], i: number): string => (i < 0 ? '' : (row[i] ?? '').trim());

/** Where an issue points: the export's row, column and cell (a CSV has no cell address). */
function at(raw: RawTable, row: number, column: number, value: string): IssueLocation {
  const cell = cellAddress(raw, row, column);
  return { table: 'entries', row, column: raw.headers[column] ?? '', value, ...(cell !== undefined ? { cell } : {}) };
}

interface Line {
  readonly table: RawTable;
  readonly roles: Roles;
  readonly index: number;
  readonly row: readonly string[];
  readonly amount: string;
  readonly fromCurrency: boolean;
}

function convert(tables: readonly VendorTable[], options: ExportOptions = {}): Converted {
  const issues: Issue[] = [];
  const used: ColumnUse[] = [];
  const unused: { sheet: string; header: string }[] = [];
  const entries: RawTable[] = [];
  const customers = new Set<string>();
  const leftOut = new Map<string, number>();
  const accountsSeen = new Set<string>();
  const unnumbered: string[] = [];
  const wanted = options.accounts ?? [];

  const sheets = tables.map((t) => ({ raw: t.raw, roles: findRoles(t.raw.headers, CAPTIONS) }));
  const lines: Line[] = [];
  for (const { raw, roles } of sheets) {
    for (let i = 0; i < raw.rows.length; i++) {
      const row = raw.rows.at(i) ?? [];
      if (isBlankRow(row)) continue;
      const account = cellOf(row, roles.account);
      accountsSeen.add(account);
      const receivable = wanted.length > 0 ? chosen(account, wanted) : looksReceivable(account, cellOf(row, roles.accountType));
      if (!receivable) {
        leftOut.set(account, (leftOut.get(account) ?? 0) + 1);
        continue;
      }
      const where = { row: rowNumberOf(raw, i) };
      if (cellOf(row, roles.partner) === '') {
        issues.push(makeIssue('export-no-partner', at(raw, where.row, roles.partner, account), { account }));
        continue;
      }
      // Amount in Currency where a currency is given, else debit − credit.
      const inCurrency = roles.amountCurrency >= 0 && roles.currency >= 0 && cellOf(row, roles.currency) !== '' && cellOf(row, roles.amountCurrency) !== '';
      const amount = inCurrency ? cellOf(row, roles.amountCurrency) : (subtractDecimalTexts(cellOf(row, roles.debit), cellOf(row, roles.credit)) ?? cellOf(row, roles.debit));
      lines.push({ table: raw, roles, index: i, row, amount, fromCurrency: inCurrency });
    }
  }

  // A journal's prefix tells a credit note from a payment: RINV, RFAC are "R" + an invoicing journal's prefix (Odoo's refund sequences).
  const debitPrefixes = new Set(lines.filter((l) => decimalSign(l.amount) === 1).map((l) => prefixOf(cellOf(l.row, l.roles.entry))));
  const typeOf = (l: Line): string => {
    if (decimalSign(l.amount) !== -1) return 'invoice';
    const prefix = prefixOf(cellOf(l.row, l.roles.entry));
    return prefix.startsWith('R') && debitPrefixes.has(prefix.slice(1)) ? 'credit_note' : 'payment';
  };

  for (const { raw, roles } of sheets) {
    const mine = lines.filter((l) => l.table === raw);
    const columns: CanonicalColumn[] = [
      { column: 'customer_id', from: roles.partner },
      { column: 'type', from: -1 },
      { column: 'document_no', from: roles.entry },
      { column: 'posting_date', from: roles.date },
      { column: 'due_date', from: roles.due },
      { column: 'amount', from: roles.amountCurrency >= 0 ? roles.amountCurrency : roles.debit },
      { column: 'currency', from: roles.currency },
      { column: 'description', from: roles.label },
      { column: 'reference', from: roles.reference },
      { column: 'matching_code', from: roles.matching },
      { column: 'open_amount', from: roles.residualCurrency >= 0 ? roles.residualCurrency : roles.residual },
    ];
    const rows: CanonicalRow[] = [];
    for (const l of mine) {
      const customer = cellOf(l.row, roles.partner);
      customers.add(customer);
      let matching = cellOf(l.row, roles.matching);
      if (matching.toUpperCase() === 'P') {
        // Odoo 16 writes a bare P for every partial match: it names no group, so it links nothing.
        unnumbered.push(String(rowNumberOf(raw, l.index)));
        matching = '';
      }
      rows.push({
        sourceRow: l.index,
        cells: [customer, typeOf(l), cellOf(l.row, roles.entry), cellOf(l.row, roles.date), cellOf(l.row, roles.due), l.amount, cellOf(l.row, roles.currency), cellOf(l.row, roles.label), cellOf(l.row, roles.reference), matching, openAmount(l, issues)],
      });
    }
    entries.push(canonicalTable('entries', raw, columns, rows));
    note(raw, roles, used, unused);
  }

  if (leftOut.size > 0) {
    const count = [...leftOut.values()].reduce((s, n) => s + n, 0);
    const accounts = [...leftOut].map(([a, n]) => `${a === '' ? '(no account)' : a} (${n})`).join(', ');
    issues.push(makeIssue('export-lines-left-out', { table: 'entries' }, { count, accounts }));
  }
  if (unnumbered.length > 0) {
    issues.push(makeIssue('export-unnumbered-match', { table: 'entries' }, { count: unnumbered.length, rows: unnumbered.join(', ') }));
  }
  if (lines.length === 0 && accountsSeen.size > 0) {
    issues.push(makeIssue('export-no-receivable', { table: 'entries' }, { accounts: [...accountsSeen].slice(0, 12).join(', '), wanted: wanted.join(', ') }));
  }
  const customerTables: RawTable[] = customers.size > 0 ? [{ table: 'customers', source: '(Partner)', headers: ['customer_id', 'name'], rows: [...customers].map((c) => [c, c]) }] : [];
  return { customers: customerTables, entries, applications: [], issues, used, unused };
}

/**
 * The line's residual, in the currency of its amount: Residual Amount in Currency; else Residual
 * Amount when the amount is in the company currency (its amount in currency is its debit − credit).
 * Blank (unknown) otherwise, and said so.
 */
function openAmount(l: Line, issues: Issue[]): string {
  const { row, roles, table, index } = l;
  if (roles.residualCurrency >= 0 && l.fromCurrency) return cellOf(row, roles.residualCurrency);
  if (roles.residual < 0) return '';
  const balance = subtractDecimalTexts(cellOf(row, roles.debit), cellOf(row, roles.credit));
  // An amount that does not read is the ledger's to report (it blocks the customer): no second word about it here.
  if (!l.fromCurrency || decimalSign(l.amount) === undefined || (balance !== undefined && sameDecimal(balance, l.amount))) return cellOf(row, roles.residual);
  const rowNumber = rowNumberOf(table, index);
  issues.push(makeIssue('export-residual-currency', { ...at(table, rowNumber, roles.residual, cellOf(row, roles.residual)), customerId: cellOf(row, roles.partner) }, { currency: cellOf(row, roles.currency) }));
  return '';
}

const USES: Partial<Record<Role, string>> = {
  partner: 'customer_id, name', entry: 'document_no, type', date: 'posting_date', due: 'due_date', label: 'description', reference: 'reference',
  amountCurrency: 'amount', currency: 'currency', debit: 'amount = debit − credit', credit: 'amount = debit − credit',
  matching: 'matching_code', residualCurrency: 'open_amount', residual: 'open_amount', account: 'receivable lines', accountType: 'receivable lines',
};

function note(raw: RawTable, roles: Roles, used: ColumnUse[], unused: { sheet: string; header: string }[]): void {
  const sheet = raw.sheet ?? raw.source;
  const at = new Set<number>();
  for (const [role, use] of Object.entries(USES) as [Role, string][]) {
    const i = roles[role];
    if (i < 0) continue;
    at.add(i);
    used.push({ sheet, header: raw.headers[i] ?? '', use });
  }
  raw.headers.forEach((header, i) => {
    if (!at.has(i) && header !== '') unused.push({ sheet, header });
  });
}

export const odoo: VendorProfile = { id: 'odoo', system: 'Odoo', recognise, convert };
