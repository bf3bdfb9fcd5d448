import type { Issue } from '../issues/issue';
import type { Customer, Ledger } from './model';
import type { RawTable } from './rawTable';
import { readApplications } from './readApplications';
import { readCustomers } from './readCustomers';
import { dayReader, readEntries, type EntryReadOptions } from './readEntries';

/** The three tables; a workbook may split one over several sheets (an English and a French ledger sheet). */
export interface LedgerTables {
  readonly customers: RawTable | readonly RawTable[];
  readonly entries: RawTable | readonly RawTable[];
  readonly applications?: RawTable | readonly RawTable[] | undefined;
}

const list = (t: RawTable | readonly RawTable[] | undefined): readonly RawTable[] => (t === undefined ? [] : 'rows' in t ? [t] : t);

/** Types and validates the three tables. Never throws on bad input: problems are issues. */
/** `sourceIssues`: what the reader found before typing (total rows, ambiguous dates...), kept first. */
export function buildLedger(tables: LedgerTables, options: EntryReadOptions = {}, sourceIssues: readonly Issue[] = []): Ledger {
  const c = readCustomers(list(tables.customers));
  const byId = new Map<string, Customer>(c.customers.map((x) => [x.id, x]));
  const e = readEntries(list(tables.entries), byId, options);
  // Needed only to attribute a broken application row to its customer: built on first use.
  let customerOfDocument: Map<string, string> | undefined;
  const customerOf = (d: string): string | undefined => {
    if (customerOfDocument === undefined) {
      customerOfDocument = new Map();
      for (const entry of e.entries) if (!customerOfDocument.has(entry.documentNo)) customerOfDocument.set(entry.documentNo, entry.customerId);
    }
    return customerOfDocument.get(d);
  };
  const a = readApplications(list(tables.applications), customerOf, dayReader(options.dateOrder));
  return {
    customers: c.customers,
    entries: e.entries,
    applications: a.applications,
    issues: [...sourceIssues, ...c.issues, ...e.issues, ...a.issues],
    unreadable: !c.usable || !e.usable || !a.usable,
    documents: e.documents,
    entryOrigins: e.origins,
  };
}
