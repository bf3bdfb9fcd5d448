import type { Issue } from '../issues/issue';
import type { Ledger } from './model';
import type { RawTable } from './rawTable';
import { applicationIssues, readApplications, type ApplicationsRead } from './readApplications';
import { readCustomers, type CustomersRead } from './readCustomers';
import { dayReader, readEntries, type EntryReadOptions } from './readEntries';

/** The three tables; a workbook may split one over several sheets (an English and a French ledger sheet). */
export interface LedgerTables {
  readonly customers: RawTable | readonly RawTable[];
  readonly entries: RawTable | readonly RawTable[];
  readonly applications?: RawTable | readonly RawTable[] | undefined;
}

const list = (t: RawTable | readonly RawTable[] | undefined): readonly RawTable[] => (t === undefined ? [] : 'rows' in t ? [t] : t);

/** The customers and applications tables already typed (readCustomers, readApplications), while the entries were still being read. */
export interface TypedEarly {
  readonly customers?: CustomersRead | undefined;
  readonly applications?: ApplicationsRead | undefined;
}

/**
 * Types and validates the three tables. Never throws on bad input: problems are issues.
 * `sourceIssues`: what the reader found before typing (total rows, ambiguous dates...), kept first.
 * `early`: tables the caller typed already, from these same tables.
 */
export function buildLedger(tables: LedgerTables, options: EntryReadOptions = {}, sourceIssues: readonly Issue[] = [], early: TypedEarly = {}): Ledger {
  const c = early.customers ?? readCustomers(list(tables.customers));
  const e = readEntries(list(tables.entries), c.customers, options);
  // To attribute a broken application row to the customer of the first row that has its document.
  const customerOf = (d: string): string | undefined => {
    const k = e.entries.documents.findText(d);
    const customer = k < 0 ? -1 : e.docs.customerOf(k);
    return customer < 0 ? undefined : e.customerKeys.text(customer);
  };
  const a = early.applications ?? readApplications(list(tables.applications), dayReader(options.dateOrder));
  return {
    customers: c.customers,
    entries: e.entries,
    applications: a.applications,
    issues: [...sourceIssues, ...c.issues, ...e.issues, ...applicationIssues(a, customerOf, (no) => {
      const i = e.entries.entryIndex(no);
      return i < 0 ? undefined : e.entries.customerId(i);
    })],
    unreadable: !c.usable || !e.usable || !a.usable,
  };
}
