import type { Issue } from '../issues/issue';
import type { Customer, Ledger } from './model';
import type { RawTable } from './rawTable';
import { readApplications } from './readApplications';
import { readCustomers } from './readCustomers';
import { readEntries, type EntryReadOptions } from './readEntries';

export interface LedgerTables {
  readonly customers: RawTable;
  readonly entries: RawTable;
  readonly applications?: RawTable | undefined;
}

/** Types and validates the three tables. Never throws on bad input: problems are issues. */
export function buildLedger(tables: LedgerTables, options: EntryReadOptions = {}): Ledger {
  const c = readCustomers(tables.customers);
  const byId = new Map<string, Customer>(c.customers.map((x) => [x.id, x]));
  const e = readEntries(tables.entries, byId, options);
  const customerOfDocument = new Map<string, string>();
  for (const entry of e.entries) if (!customerOfDocument.has(entry.documentNo)) customerOfDocument.set(entry.documentNo, entry.customerId);
  const a = tables.applications === undefined ? { applications: [], issues: [] as Issue[], usable: true } : readApplications(tables.applications, (d) => customerOfDocument.get(d));
  return {
    customers: c.customers,
    entries: e.entries,
    applications: a.applications,
    issues: [...c.issues, ...e.issues, ...a.issues],
    unreadable: !c.usable || !e.usable || !a.usable,
  };
}
