import { normaliseKey } from '../../ledger/normalise';
import { isBlankRow, rowNumberOf, type RawTable } from '../../ledger/rawTable';
import { groupRawTable } from '../../tables/groupedRows';
import { makeIssue, type Issue } from '../../issues/issue';
import { canonicalTable, type CanonicalColumn, type CanonicalRow } from '../canonicalTable';
import { decimalSign, subtractDecimalTexts } from '../decimalText';
import { columnKinds, findRoles, rolesFound } from '../headerRoles';
import type { ColumnUse, Converted, Recognition, VendorProfile, VendorTable } from '../vendorProfile';

/*
 * Sage 50 Accounts (UK): the Aged Debtors Analysis (Detailed) sent "Data to Excel" (one row per
 * outstanding transaction, the report's data fields as headers) and the Customer Activity report
 * (grouped by customer: an A/C row, the transactions with their O/S amount, a Totals row). Neither
 * says which payment settled which invoice: each transaction's outstanding amount is its open amount
 * at the export date. Sources, and what is inferred: test/fixtures/exports/sage/README.md.
 */

const AGED_CAPTIONS = {
  account: ['CustomerRecord.AccountReference'],
  name: ['CustomerRecord.AccountName'],
  number: ['TransactionOverview.Number'],
  type: ['TransactionOverview.Type'],
  date: ['TransactionOverview.Date'],
  due: ['TransactionOverview.DueDate'],
  reference: ['TransactionOverview.Reference'],
  details: ['TransactionOverview.Details'],
  aged: ['TransactionOverview.AgedAmount'],
} as const;

const ACTIVITY_CAPTIONS = {
  number: ['No', 'No.'],
  type: ['Type'],
  date: ['Date'],
  due: ['Due on', 'Due On'],
  reference: ['Ref', 'Ref.'],
  details: ['Details'],
  amount: ['Amount', 'Value'],
  outstanding: ['O/S'],
  debit: ['Debit'],
  credit: ['Credit'],
} as const;


const AGED_KIND = 'Aged Debtors Analysis (Detailed)';
const ACTIVITY_KIND = 'Customer Activity';
const DATE_ROLES = new Set<string>(['date', 'due']);
const MONEY_ROLES = new Set<string>(['aged', 'amount', 'outstanding', 'debit', 'credit']);


function recognise(headers: readonly string[]): Recognition | undefined {
  const a = findRoles(headers, AGED_CAPTIONS);
  if (a.account >= 0 && a.date >= 0 && a.aged >= 0) return { kind: AGED_KIND, kinds: columnKinds(headers, a, DATE_ROLES, MONEY_ROLES), score: rolesFound(a) };
  const c = findRoles(headers, ACTIVITY_CAPTIONS);
  // O/S beside Debit and Credit is the Activity's own: no other export here writes it.
  if (c.number >= 0 && c.type >= 0 && c.date >= 0 && c.outstanding >= 0 && c.debit >= 0 && c.credit >= 0) {
    return { kind: ACTIVITY_KIND, kinds: columnKinds(headers, c, DATE_ROLES, MONEY_ROLES), keepAllRows: true, score: rolesFound(c) };
  }
  return undefined;
}

/** Sage 50's transaction types: SI invoice, SC credit, SR receipt, SA payment on account, SD discount, SP payment (money paid back). */
const TYPES: ReadonlyMap<string, string> = new Map([
  ['si', 'invoice'], ['sc', 'credit_note'], ['sr', 'payment'], ['sa', 'payment'], ['sd', 'adjustment'], ['sp', 'refund'],
]);
function typeOf(code: string, amount: string): string {
  return TYPES.get(normaliseKey(code)) ?? (decimalSign(amount) === -1 ? 'payment' : 'invoice');
}

const cellOf = (row: readonly string[], i: number): string => (i < 0 ? '' : (row[i] ?? '').trim());
const negate = (x: string): string => (x === '' || decimalSign(x) === 0 ? x : x.startsWith('-') ? x.slice(1) : `-${x}`);

interface Notes {
  readonly used: ColumnUse[];
  readonly unused: { sheet: string; header: string }[];
}

function note(raw: RawTable, roles: Readonly<Record<string, number>>, uses: Readonly<Record<string, string>>, notes: Notes): void {
  const sheet = raw.sheet ?? raw.source;
  const at = new Set<number>();
  for (const [role, use] of Object.entries(uses)) {
    const i = roles[role] ?? -1;
    if (i < 0) continue;
    at.add(i);
    notes.used.push({ sheet, header: raw.headers[i] ?? '', use });
  }
  raw.headers.forEach((header, i) => {
    if (!at.has(i) && header !== '') notes.unused.push({ sheet, header });
  });
}

/** Aged debtors, one row per outstanding transaction: its aged amount is both what it is and what is open of it at the report's date. */
function convertAged(raw: RawTable, customers: Map<string, string>, notes: Notes): RawTable {
  const r = findRoles(raw.headers, AGED_CAPTIONS);
  const columns: CanonicalColumn[] = [
    { column: 'customer_id', from: r.account },
    { column: 'type', from: r.type },
    { column: 'document_no', from: r.reference >= 0 ? r.reference : r.number },
    { column: 'posting_date', from: r.date },
    { column: 'due_date', from: r.due },
    { column: 'amount', from: r.aged },
    { column: 'description', from: r.details },
    { column: 'entry_no', from: r.number },
    { column: 'open_amount', from: r.aged },
  ];
  const rows: CanonicalRow[] = [];
  for (let i = 0; i < raw.rows.length; i++) {
    const row = raw.rows.at(i) ?? [];
    if (isBlankRow(row)) continue;
    const id = cellOf(row, r.account);
    if (id !== '' && !customers.has(id)) customers.set(id, cellOf(row, r.name));
    const aged = cellOf(row, r.aged);
    const document = cellOf(row, r.reference) || cellOf(row, r.number);
    rows.push({ sourceRow: i, cells: [id, typeOf(cellOf(row, r.type), aged), document, cellOf(row, r.date), cellOf(row, r.due), aged, cellOf(row, r.details), cellOf(row, r.number), aged] });
  }
  note(raw, r, {
    account: 'customer_id', name: 'name', type: 'type', reference: 'document_no', number: 'entry_no', date: 'posting_date', due: 'due_date', details: 'description',
    aged: 'amount and open_amount (what is outstanding at the report date)',
  }, notes);
  return canonicalTable('entries', raw, columns, rows);
}

/** The text of a Totals row's first cell, by its row number. */
function totalsLabel(raw: RawTable, rowNumber: number | undefined): string {
  for (let i = 0; i < raw.rows.length; i++) {
    if (rowNumberOf(raw, i) !== rowNumber) continue;
    return (raw.rows.at(i) ?? []).find((c) => c.trim() !== '')?.trim() ?? '';
  }
  return '';
}

const ACCOUNT_ROW = /^A\/C\s*:?\s*(.+)$/i;
const NAME_CELL = /^Name\s*:?\s*(.*)$/i;
const TOTALS_ROW = /^Totals?\s*:?$/i;

/**
 * Customer Activity: the report's A/C rows and Totals rows become a group row and a "Total for"
 * row (`groupRawTable` reads them as every grouped report: customers filled in, Debit and Credit
 * totals checked); each line's Debit or Credit gives its sign, O/S what is open of it.
 */
function convertActivity(raw: RawTable, customers: Map<string, string>, notes: Notes, issues: Issue[]): RawTable {
  const r = findRoles(raw.headers, ACTIVITY_CAPTIONS);
  const width = raw.headers.length;
  const rows: string[][] = [];
  let current = '';
  for (let i = 0; i < raw.rows.length; i++) {
    const row = [...(raw.rows.at(i) ?? [])];
    const first = row.find((c) => c.trim() !== '')?.trim() ?? '';
    const account = ACCOUNT_ROW.exec(first);
    if (account !== null) {
      current = (account[1] ?? '').trim();
      const name = row.map((c) => NAME_CELL.exec(c.trim())).find((m) => m !== null)?.[1]?.trim() ?? '';
      if (current !== '' && !customers.has(current)) customers.set(current, name);
      rows.push([current, ...new Array<string>(width - 1).fill('')]);
    } else if (TOTALS_ROW.test(first) && current !== '') {
      rows.push(row.map((c) => (c.trim() === first ? `Total for ${current}` : c)));
    } else rows.push(row);
  }
  const grouped = groupRawTable({ ...raw, rows });
  // A total row is reported with the report's own words ("Totals:"), not the label it was read under.
  issues.push(...grouped.issues.map((issue) => (issue.code === 'total-row' && issue.value?.startsWith('Total for ') === true ? makeIssue('total-row', { ...issue, value: totalsLabel(raw, issue.row) }) : issue)));
  const table = grouped.table;
  const customer = table.headers.length - 1; // the group column groupRawTable adds after the last
  const columns: CanonicalColumn[] = [
    { column: 'customer_id', from: customer },
    { column: 'type', from: r.type },
    { column: 'document_no', from: r.reference },
    { column: 'posting_date', from: r.date },
    { column: 'due_date', from: r.due },
    { column: 'amount', from: r.debit },
    { column: 'description', from: r.details },
    { column: 'entry_no', from: r.number },
    { column: 'open_amount', from: r.outstanding },
  ];
  const out: CanonicalRow[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows.at(i) ?? [];
    if (isBlankRow(row)) continue;
    const debit = cellOf(row, r.debit);
    const credit = cellOf(row, r.credit);
    const isCredit = debit === '' && credit !== '';
    const amount = debit !== '' && credit !== '' ? (subtractDecimalTexts(debit, credit) ?? debit) : isCredit ? negate(credit) : debit !== '' ? debit : cellOf(row, r.amount);
    const open = isCredit ? negate(cellOf(row, r.outstanding)) : cellOf(row, r.outstanding);
    out.push({ sourceRow: i, cells: [cellOf(row, customer), typeOf(cellOf(row, r.type), amount), cellOf(row, r.reference), cellOf(row, r.date), cellOf(row, r.due), amount, cellOf(row, r.details), cellOf(row, r.number), open] });
  }
  note(raw, r, {
    number: 'entry_no', type: 'type', date: 'posting_date', due: 'due_date', reference: 'document_no', details: 'description',
    debit: 'amount (debit − credit)', credit: 'amount (debit − credit)', outstanding: 'open_amount (signed as its side)',
  }, notes);
  notes.used.push({ sheet: raw.sheet ?? raw.source, header: 'A/C rows', use: 'customer_id, name' });
  return canonicalTable('entries', table, columns, out);
}

function convert(tables: readonly VendorTable[]): Converted {
  const customers = new Map<string, string>();
  const notes: Notes = { used: [], unused: [] };
  const issues: Issue[] = [];
  const entries = tables.map((t) => (t.recognition.kind === AGED_KIND ? convertAged(t.raw, customers, notes) : convertActivity(t.raw, customers, notes, issues)));
  const customerTables: RawTable[] = customers.size > 0 ? [{ table: 'customers', source: '(Sage customer records)', headers: ['customer_id', 'name'], rows: [...customers] }] : [];
  return { customers: customerTables, entries, applications: [], issues, used: notes.used, unused: notes.unused };
}

export const sage: VendorProfile = { id: 'sage', system: 'Sage 50 Accounts', recognise, convert };
