import { normaliseKey } from '../../ledger/normalise';
import type { RawTable } from '../../ledger/rawTable';
import { isBlankRow } from '../../ledger/rawTable';
import { parseYesNo } from '../../ledger/entryTypes';
import { canonicalTable, type CanonicalColumn, type CanonicalRow } from '../canonicalTable';
import { columnKinds, findRoles, rolesFound } from '../headerRoles';
import type { ColumnUse, Converted, Recognition, VendorProfile, VendorTable } from '../vendorProfile';

/*
 * Microsoft Dynamics 365 Business Central: the Customer Ledger Entries page (25) and the Detailed
 * Cust. Ledg. Entries page (573) exported to Excel or CSV, with English or French captions (the
 * captions of table 21 "Cust. Ledger Entry" and table 379 "Detailed Cust. Ledg. Entry").
 * Sources: test/fixtures/exports/business-central/README.md.
 */

const LEDGER_CAPTIONS = {
  entryNo: ['Entry No.', 'N° séquence'],
  posting: ['Posting Date', 'Date comptabilisation'],
  documentType: ['Document Type', 'Type document'],
  documentNo: ['Document No.', 'N° document'],
  customerNo: ['Customer No.', 'N° client'],
  customerName: ['Customer Name', 'Nom du client', 'Nom client'],
  description: ['Description', 'Désignation'],
  externalDocumentNo: ['External Document No.', 'N° doc. externe'],
  currency: ['Currency Code', 'Code devise'],
  // Amount is the entry's amount: what it moves in the customer's balance (its Detailed entries that
  // are ledger amounts: the initial entry plus payment discounts, tolerances, gains and losses), so
  // the Remaining Amounts add up to the Amounts. Original Amount (the initial entry alone) is read
  // only when the export has no Amount column.
  amount: ['Amount', 'Montant'],
  originalAmount: ['Original Amount', 'Montant initial'],
  debit: ['Debit Amount', 'Montant débit'],
  credit: ['Credit Amount', 'Montant crédit'],
  remaining: ['Remaining Amount', 'Montant ouvert'],
  due: ['Due Date', "Date d'échéance", 'Date échéance'],
  open: ['Open', 'Ouvert'],
  closedBy: ['Closed by Entry No.', 'N° séquence lettrage final'],
  closedByAmount: ['Closed by Amount', 'Montant lettrage final'],
  closedAt: ['Closed at Date', 'Date de clôture'],
} as const;

const DETAILED_CAPTIONS = {
  entryNo: ['Entry No.', 'N° séquence'],
  ledgerEntryNo: ['Cust. Ledger Entry No.', 'N° écriture comptable clt'],
  entryType: ['Entry Type', 'Type écriture'],
  posting: ['Posting Date', 'Date comptabilisation'],
  documentType: ['Document Type', 'Type document'],
  documentNo: ['Document No.', 'N° document'],
  customerNo: ['Customer No.', 'N° client'],
  amount: ['Amount', 'Montant'],
  appliedEntryNo: ['Applied Cust. Ledger Entry No.', 'N° écriture comptable clt lettrée'],
  unapplied: ['Unapplied', 'Non lettré'],
  currency: ['Currency Code', 'Code devise'],
} as const;

type LedgerRole = keyof typeof LEDGER_CAPTIONS;
type DetailedRole = keyof typeof DETAILED_CAPTIONS;

const LEDGER_KIND = 'Customer Ledger Entries';
const DETAILED_KIND = 'Detailed Cust. Ledg. Entries';

const DATE_ROLES = new Set<string>(['posting', 'due', 'closedAt']);
const MONEY_ROLES = new Set<string>(['amount', 'originalAmount', 'debit', 'credit', 'remaining', 'closedByAmount']);



function recognise(headers: readonly string[]): Recognition | undefined {
  // Detailed entries first: they also have a posting date, document type and number, customer and amount.
  const d = findRoles(headers, DETAILED_CAPTIONS);
  if (d.ledgerEntryNo >= 0 && d.entryType >= 0 && d.amount >= 0 && d.posting >= 0) {
    return { kind: DETAILED_KIND, kinds: columnKinds(headers, d, DATE_ROLES, MONEY_ROLES), score: rolesFound(d) };
  }
  const l = findRoles(headers, LEDGER_CAPTIONS);
  const hasAmount = l.amount >= 0 || l.originalAmount >= 0 || l.debit >= 0 || l.credit >= 0;
  // What only Business Central writes beside the usual ledger columns: its entry numbers or its open amounts.
  const own = l.entryNo >= 0 || l.remaining >= 0 || l.closedBy >= 0 || (l.open >= 0 && l.originalAmount >= 0);
  if (l.posting >= 0 && l.documentType >= 0 && l.documentNo >= 0 && l.customerNo >= 0 && hasAmount && own) {
    return { kind: LEDGER_KIND, kinds: columnKinds(headers, l, DATE_ROLES, MONEY_ROLES), score: rolesFound(l) };
  }
  return undefined;
}

/** Business Central's document types (English and French option captions) → the contract's entry types. */
const TYPES: ReadonlyMap<string, string> = new Map(
  (
    [
      ['invoice', 'invoice'], ['facture', 'invoice'],
      ['credit memo', 'credit_note'], ['avoir', 'credit_note'],
      ['payment', 'payment'], ['paiement', 'payment'], ['règlement', 'payment'],
      ['refund', 'refund'], ['remboursement', 'refund'],
      ['finance charge memo', 'finance_charge'], ['intérêts', 'finance_charge'],
      ['reminder', 'finance_charge'], ['relance', 'finance_charge'],
      ['', 'adjustment'],
    ] as const
  ).map(([caption, type]) => [normaliseKey(caption), type]),
);

const cellOf = (row: readonly string[], i: number): string => (i < 0 ? '' : (row[i] ?? '').trim());
const isZero = (text: string): boolean => text === '' || /^-?0*(\.0*)?$/.test(text);
const magnitude = (text: string): string => text.replace(/^-/, '');

interface LedgerSheet {
  readonly raw: RawTable;
  readonly roles: Record<LedgerRole, number>;
}

function convert(tables: readonly VendorTable[]): Converted {
  const used: ColumnUse[] = [];
  const unused: { sheet: string; header: string }[] = [];
  const sheetName = (t: RawTable): string => t.sheet ?? t.source;
  const note = (t: RawTable, roles: Readonly<Record<string, number>>, uses: Readonly<Record<string, string>>): void => {
    const usedAt = new Set<number>();
    for (const [role, use] of Object.entries(uses)) {
      const i = roles[role] ?? -1;
      if (i < 0) continue;
      usedAt.add(i);
      used.push({ sheet: sheetName(t), header: t.headers[i] ?? '', use });
    }
    t.headers.forEach((header, i) => {
      if (!usedAt.has(i) && header !== '') unused.push({ sheet: sheetName(t), header });
    });
  };

  const ledgers: LedgerSheet[] = [];
  const detailed: { raw: RawTable; roles: Record<DetailedRole, number> }[] = [];
  for (const t of tables) {
    if (t.recognition.kind === LEDGER_KIND) ledgers.push({ raw: t.raw, roles: findRoles(t.raw.headers, LEDGER_CAPTIONS) });
    else detailed.push({ raw: t.raw, roles: findRoles(t.raw.headers, DETAILED_CAPTIONS) });
  }

  // Every entry's sign and posting date, by entry number: which side of an application it is on, and its date when the export gives none.
  const signOf = new Map<string, number>();
  const postingOf = new Map<string, string>();
  const amountRole = (r: Record<LedgerRole, number>): LedgerRole | undefined => (r.amount >= 0 ? 'amount' : r.originalAmount >= 0 ? 'originalAmount' : undefined);
  for (const { raw, roles } of ledgers) {
    const a = amountRole(roles);
    for (let i = 0; i < raw.rows.length; i++) {
      const row = raw.rows.at(i) ?? [];
      const no = cellOf(row, roles.entryNo);
      if (no === '') continue;
      const text = a !== undefined ? cellOf(row, roles[a]) : isZero(cellOf(row, roles.debit)) ? `-${cellOf(row, roles.credit)}` : cellOf(row, roles.debit);
      signOf.set(no, text.startsWith('-') ? -1 : isZero(text) ? 0 : 1);
      postingOf.set(no, cellOf(row, roles.posting));
    }
  }

  const customers = new Map<string, string>();
  const entries: RawTable[] = [];
  const applications: RawTable[] = [];
  const haveDetailed = detailed.length > 0;

  for (const { raw, roles } of ledgers) {
    const a = amountRole(roles);
    const columns: CanonicalColumn[] = [
      { column: 'customer_id', from: roles.customerNo },
      { column: 'type', from: roles.documentType },
      { column: 'document_no', from: roles.documentNo },
      { column: 'posting_date', from: roles.posting },
      { column: 'due_date', from: roles.due },
      ...(a !== undefined ? [{ column: 'amount', from: roles[a] }] : [{ column: 'debit', from: roles.debit }, { column: 'credit', from: roles.credit }]),
      { column: 'currency', from: roles.currency },
      { column: 'description', from: roles.description },
      { column: 'reference', from: roles.externalDocumentNo },
      { column: 'entry_no', from: roles.entryNo },
      { column: 'open_amount', from: roles.remaining >= 0 ? roles.remaining : roles.open },
    ];
    const rows: CanonicalRow[] = [];
    const links: CanonicalRow[] = [];
    const seenPairs = new Set<string>();
    for (let i = 0; i < raw.rows.length; i++) {
      const row = raw.rows.at(i) ?? [];
      if (isBlankRow(row)) continue;
      const customer = cellOf(row, roles.customerNo);
      const name = cellOf(row, roles.customerName);
      if (customer !== '' && (customers.get(customer) ?? '') === '') customers.set(customer, name); // every customer, named by its first named row
      const typeText = cellOf(row, roles.documentType);
      const type = TYPES.get(normaliseKey(typeText)) ?? typeText; // an unknown caption is reported by the ledger reader, with its cell
      // Open amount: Remaining Amount; else Open = No says nothing is left; else unknown (blank).
      const openText = roles.remaining >= 0 ? cellOf(row, roles.remaining) : parseYesNo(cellOf(row, roles.open)) === false ? '0' : '';
      const amountCells = a !== undefined ? [cellOf(row, roles[a])] : [cellOf(row, roles.debit), cellOf(row, roles.credit)];
      rows.push({
        sourceRow: i,
        cells: [customer, type, cellOf(row, roles.documentNo), cellOf(row, roles.posting), cellOf(row, roles.due), ...amountCells, cellOf(row, roles.currency), cellOf(row, roles.description), cellOf(row, roles.externalDocumentNo), cellOf(row, roles.entryNo), openText],
      });
      // Closed by Entry No.: the entry that closed this one, for "Closed by Amount". Detailed entries, when given, say more (every partial application, dated).
      if (haveDetailed || roles.closedBy < 0 || roles.closedByAmount < 0) continue;
      const self = cellOf(row, roles.entryNo);
      const other = cellOf(row, roles.closedBy);
      const closed = cellOf(row, roles.closedByAmount);
      if (self === '' || isZero(other) || isZero(closed)) continue;
      const pair = [self, other].sort().join(' ');
      if (seenPairs.has(pair)) continue; // both entries closed each other: one application
      seenPairs.add(pair);
      const selfCredit = (signOf.get(self) ?? 0) < 0;
      // Without Closed at Date: the later posting date of the two (ISO text, so the later is the greater), as Business Central dates an application.
      const later = [cellOf(row, roles.posting), postingOf.get(other) ?? ''].sort()[1] ?? '';
      const date = roles.closedAt >= 0 ? cellOf(row, roles.closedAt) : later;
      links.push({ sourceRow: i, cells: [selfCredit ? self : other, selfCredit ? other : self, magnitude(closed), date] });
    }
    entries.push(canonicalTable('entries', raw, columns, rows));
    if (links.length > 0) {
      applications.push(canonicalTable('applications', raw, [
        { column: 'from_entry', from: roles.entryNo },
        { column: 'to_entry', from: roles.closedBy },
        { column: 'amount', from: roles.closedByAmount },
        { column: 'date', from: roles.closedAt },
      ], links));
    }
    note(raw, roles, {
      customerNo: 'customer_id', customerName: 'name', documentType: 'type', documentNo: 'document_no', posting: 'posting_date', due: 'due_date',
      ...(a !== undefined ? { [a]: 'amount' } : { debit: 'debit', credit: 'credit' }),
      currency: 'currency', description: 'description', externalDocumentNo: 'reference', entryNo: 'entry_no',
      ...(roles.remaining >= 0 ? { remaining: 'open_amount' } : { open: 'open_amount (Open = No: 0)' }),
      ...(!haveDetailed && roles.closedByAmount >= 0 ? { closedBy: roles.closedAt >= 0 ? 'to_entry' : 'to_entry (dated: the later posting date)', closedByAmount: 'amount applied', closedAt: 'application date' } : {}),
    });
  }

  // Detailed entries: each Application row on entry E, applied with entry A (E ≠ A), is one application;
  // its amount lowers a debit (negative) or raises a credit (positive). Unapplied rows cancel out and are left out.
  for (const { raw, roles } of detailed) {
    const links: CanonicalRow[] = [];
    for (let i = 0; i < raw.rows.length; i++) {
      const row = raw.rows.at(i) ?? [];
      if (isBlankRow(row)) continue;
      const type = normaliseKey(cellOf(row, roles.entryType));
      if (type !== 'application' && type !== 'lettrage') continue;
      if (parseYesNo(cellOf(row, roles.unapplied)) === true) continue;
      const self = cellOf(row, roles.ledgerEntryNo);
      const other = cellOf(row, roles.appliedEntryNo);
      if (self === '' || other === '' || other === self) continue; // the applying entry's own row: its pair is on the other entry
      const amount = cellOf(row, roles.amount);
      const selfCredit = !amount.startsWith('-');
      links.push({ sourceRow: i, cells: [selfCredit ? self : other, selfCredit ? other : self, magnitude(amount), cellOf(row, roles.posting)] });
    }
    applications.push(canonicalTable('applications', raw, [
      { column: 'from_entry', from: roles.ledgerEntryNo },
      { column: 'to_entry', from: roles.appliedEntryNo },
      { column: 'amount', from: roles.amount },
      { column: 'date', from: roles.posting },
    ], links));
    note(raw, roles, { ledgerEntryNo: 'from_entry / to_entry', appliedEntryNo: 'from_entry / to_entry', entryType: 'applications (Entry Type = Application)', amount: 'amount applied', posting: 'application date', unapplied: 'unapplied rows left out' });
  }

  const customerTables: RawTable[] = [];
  if (customers.size > 0 && ledgers.some((l) => l.roles.customerName >= 0)) {
    customerTables.push({ table: 'customers', source: '(Customer Name)', headers: ['customer_id', 'name'], rows: [...customers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, name]) => [id, name]) });
  }
  return { customers: customerTables, entries, applications, issues: [], used, unused };
}

export const businessCentral: VendorProfile = { id: 'business-central', system: 'Business Central', recognise, convert };
