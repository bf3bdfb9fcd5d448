import { makeIssue, type Issue } from '../../issues/issue';
import { normaliseKey } from '../../ledger/normalise';
import { isBlankRow, type RawTable } from '../../ledger/rawTable';
import { GROUP_CAPTION, groupRawTable } from '../../tables/groupedRows';
import { canonicalTable, type CanonicalColumn, type CanonicalRow } from '../canonicalTable';
import { columnKinds, findRoles, rolesFound } from '../headerRoles';
import type { ColumnUse, Converted, Recognition, VendorProfile, VendorTable } from '../vendorProfile';

/*
 * Xero: the Aged Receivables Detail report exported to Excel (contacts as group rows, `Total <contact>`
 * rows, a `Total` row; the amount due of each invoice, credit note or overpayment in ageing columns
 * and its `Total`), and the sales invoice export (Business › Invoices › Export: one row per invoice
 * line, `ContactName`, `InvoiceNumber`, `InvoiceDate`, `DueDate`, `Total`, `InvoiceAmountDue`, …).
 * Neither carries payments nor links: the amount due is the open amount at the export date.
 * Sources: test/fixtures/exports/xero/README.md.
 */

const REPORT_CAPTIONS = {
  date: ['Invoice Date', 'Date'],
  number: ['Invoice Number', 'Number', 'Transaction'],
  reference: ['Invoice Reference', 'Reference'],
  due: ['Due Date'],
  current: ['Current'],
  lessThanMonth: ['< 1 Month', 'Less than 1 Month'],
  month1: ['1 Month'],
  month2: ['2 Months'],
  month3: ['3 Months'],
  older: ['Older'],
  total: ['Total', 'Amount Due', 'Due'],
  currency: ['Currency', 'Currency Code'],
} as const;

const EXPORT_CAPTIONS = {
  contact: ['ContactName'],
  email: ['EmailAddress'],
  address1: ['POAddressLine1'],
  address2: ['POAddressLine2'],
  address3: ['POAddressLine3'],
  city: ['POCity'],
  postcode: ['POPostalCode'],
  country: ['POCountry'],
  number: ['InvoiceNumber', 'CreditNoteNumber'],
  reference: ['Reference'],
  date: ['InvoiceDate', 'Date'],
  due: ['DueDate'],
  total: ['Total'],
  paid: ['InvoiceAmountPaid', 'AmountPaid'],
  amountDue: ['InvoiceAmountDue', 'AmountDue', 'RemainingCredit'],
  currency: ['Currency', 'CurrencyCode'],
  type: ['Type'],
  status: ['Status'],
} as const;

const REPORT_KIND = 'Aged Receivables Detail';
const EXPORT_KIND = 'Invoices export';
const REPORT_DATES = new Set<string>(['date', 'due']);
const REPORT_MONEY = new Set<string>(['current', 'lessThanMonth', 'month1', 'month2', 'month3', 'older', 'total']);
const EXPORT_DATES = new Set<string>(['date', 'due']);
const EXPORT_MONEY = new Set<string>(['total', 'paid', 'amountDue']);


function recognise(headers: readonly string[]): Recognition | undefined {
  const e = findRoles(headers, EXPORT_CAPTIONS);
  // Xero's one-word column names: no other ledger writes `ContactName` and `InvoiceAmountDue`.
  if (e.contact >= 0 && e.number >= 0 && e.date >= 0 && e.amountDue >= 0 && e.total >= 0) {
    return { kind: EXPORT_KIND, kinds: columnKinds(headers, e, EXPORT_DATES, EXPORT_MONEY), score: rolesFound(e) };
  }
  const r = findRoles(headers, REPORT_CAPTIONS);
  // Xero's ageing columns: `Current` … `Older` beside a `Total`.
  if (r.number >= 0 && r.date >= 0 && r.current >= 0 && r.older >= 0 && r.total >= 0) {
    return { kind: REPORT_KIND, kinds: columnKinds(headers, r, REPORT_DATES, REPORT_MONEY), keepAllRows: true, score: rolesFound(r) };
  }
  return undefined;
}

const cellOf = (row: readonly string[], i: number): string => (i < 0 ? '' : (row[i] ?? '').trim());
const isZero = (text: string): boolean => text === '' || /^-?0*(\.0*)?$/.test(text);
const negative = (text: string): string => (isZero(text) || text.startsWith('-') ? text : `-${text}`);

/** Xero's statuses: drafts and invoices awaiting approval are not in the books yet; voided and deleted ones no longer are. */
function statusOf(text: string): string {
  const k = normaliseKey(text);
  if (k === 'draft' || k === 'submitted' || k === 'awaitingapproval') return 'draft';
  if (k === 'voided' || k === 'deleted') return 'void';
  return '';
}

interface Noted {
  used: ColumnUse[];
  unused: { sheet: string; header: string }[];
}

function note(into: Noted, raw: RawTable, roles: Readonly<Record<string, number>>, uses: Readonly<Record<string, string>>, also: readonly number[] = []): void {
  const sheet = raw.sheet ?? raw.source;
  const at = new Set<number>(also);
  for (const [role, use] of Object.entries(uses)) {
    const i = roles[role] ?? -1;
    if (i < 0) continue;
    at.add(i);
    into.used.push({ sheet, header: raw.headers[i] ?? '', use });
  }
  raw.headers.forEach((header, i) => {
    if (!at.has(i) && header !== '') into.unused.push({ sheet, header });
  });
}

/** The aged receivables detail: each row's `Total` is what is due on it at the report date, its only amount. */
function convertReport(source: RawTable, noted: Noted, issues: Issue[], customers: Map<string, string[]>): RawTable {
  const grouped = groupRawTable(source);
  issues.push(...grouped.issues);
  const raw = grouped.table;
  const r = findRoles(raw.headers, REPORT_CAPTIONS);
  const contact = raw.headers.indexOf(GROUP_CAPTION);
  const columns: CanonicalColumn[] = [
    { column: 'customer_id', from: contact },
    { column: 'type', from: -1 },
    { column: 'document_no', from: r.number },
    { column: 'reference', from: r.reference },
    { column: 'posting_date', from: r.date },
    { column: 'due_date', from: r.due },
    { column: 'amount', from: r.total },
    { column: 'open_amount', from: r.total },
    { column: 'currency', from: r.currency },
  ];
  const rows: CanonicalRow[] = [];
  for (let i = 0; i < raw.rows.length; i++) {
    const row = raw.rows.at(i) ?? [];
    if (isBlankRow(row)) continue;
    const contactName = cellOf(row, contact);
    if (contactName !== '' && !customers.has(contactName)) customers.set(contactName, [contactName, contactName, '', '', '', '', '', '', '']);
    const due = cellOf(row, r.total);
    // A credit note or an overpayment is due to the customer: negative, with no due date of its own.
    const type = due.startsWith('-') ? 'credit_note' : 'invoice';
    rows.push({ sourceRow: i, cells: [cellOf(row, contact), type, cellOf(row, r.number), cellOf(row, r.reference), cellOf(row, r.date), cellOf(row, r.due), due, due, cellOf(row, r.currency)] });
  }
  noted.used.push({ sheet: raw.sheet ?? raw.source, header: '(contact group rows)', use: 'customer_id' });
  note(noted, raw, r, {
    number: 'document_no', reference: 'reference', date: 'posting_date', due: 'due_date', total: 'amount and open_amount (amount due at the report date)', currency: 'currency',
    current: 'checked against its totals (ageing recomputed)', lessThanMonth: 'checked against its totals (ageing recomputed)', month1: 'checked against its totals (ageing recomputed)',
    month2: 'checked against its totals (ageing recomputed)', month3: 'checked against its totals (ageing recomputed)', older: 'checked against its totals (ageing recomputed)',
  }, [contact]);
  return { ...canonicalTable('entries', raw, columns, rows), openItemsOnly: true };
}

/** The invoice export: one row per line; the invoice's own columns repeat on each, so its first row is the entry. */
function convertExport(raw: RawTable, noted: Noted, issues: Issue[], customers: Map<string, string[]>): RawTable {
  const e = findRoles(raw.headers, EXPORT_CAPTIONS);
  const columns: CanonicalColumn[] = [
    { column: 'customer_id', from: e.contact },
    { column: 'type', from: e.type },
    { column: 'document_no', from: e.number },
    { column: 'reference', from: e.reference },
    { column: 'posting_date', from: e.date },
    { column: 'due_date', from: e.due },
    { column: 'amount', from: e.total },
    { column: 'open_amount', from: e.amountDue },
    { column: 'currency', from: e.currency },
    { column: 'status', from: e.status },
  ];
  const rows: CanonicalRow[] = [];
  const seen = new Set<string>();
  let lines = 0;
  for (let i = 0; i < raw.rows.length; i++) {
    const row = raw.rows.at(i) ?? [];
    if (isBlankRow(row)) continue;
    const contact = cellOf(row, e.contact);
    const number = cellOf(row, e.number);
    const typeText = cellOf(row, e.type);
    const key = `${contact}\u0000${number}\u0000${typeText}`;
    if (number !== '' && seen.has(key)) {
      lines++; // another line of an invoice already read
      continue;
    }
    seen.add(key);
    if (contact !== '' && !customers.has(contact)) {
      customers.set(contact, [contact, contact, cellOf(row, e.email), cellOf(row, e.address1), cellOf(row, e.address2), cellOf(row, e.address3), cellOf(row, e.postcode), cellOf(row, e.city), cellOf(row, e.country)]);
    }
    const credit = /credit/i.test(typeText);
    const total = cellOf(row, e.total);
    const due = cellOf(row, e.amountDue);
    rows.push({
      sourceRow: i,
      cells: [contact, credit ? 'credit_note' : 'invoice', number, cellOf(row, e.reference), cellOf(row, e.date), cellOf(row, e.due), credit ? negative(total) : total, credit ? negative(due) : due, cellOf(row, e.currency), statusOf(cellOf(row, e.status))],
    });
  }
  if (lines > 0) issues.push(makeIssue('invoice-lines-folded', { table: 'entries' }, { sheet: raw.sheet ?? raw.source, lines, invoices: rows.length }));
  note(noted, raw, e, {
    contact: 'customer_id, name', email: 'email', address1: 'address1', address2: 'address2', address3: 'address3', city: 'city', postcode: 'postcode', country: 'country',
    number: 'document_no', reference: 'reference', date: 'posting_date', due: 'due_date', total: 'amount', amountDue: 'open_amount', currency: 'currency',
    type: 'type (credit notes negative)', status: 'status (drafts and voided left out)',
  });
  // Invoices and credit notes only: what they say was paid was paid by payments the file does not hold.
  return { ...canonicalTable('entries', raw, columns, rows), openItemsOnly: true };
}

function convert(tables: readonly VendorTable[]): Converted {
  const noted: Noted = { used: [], unused: [] };
  const issues: Issue[] = [];
  const entries: RawTable[] = [];
  const customers = new Map<string, string[]>();
  for (const t of tables) entries.push(t.recognition.kind === REPORT_KIND ? convertReport(t.raw, noted, issues, customers) : convertExport(t.raw, noted, issues, customers));
  const customerTables: RawTable[] = customers.size === 0 ? [] : [{
    table: 'customers', source: '(contacts)', headers: ['customer_id', 'name', 'email', 'address1', 'address2', 'address3', 'postcode', 'city', 'country'],
    rows: [...customers.values()],
  }];
  return { customers: customerTables, entries, applications: [], issues, used: noted.used, unused: noted.unused };
}

export const xero: VendorProfile = { id: 'xero', system: 'Xero', recognise, convert };
