import { makeIssue, type Issue } from '../issues/issue';
import { mapHeaders } from '../ledger/headerMap';
import type { RawTable } from '../ledger/rawTable';

/** A ledger with no customers table still gets statements: one customer per id found in the entries (said in an issue). */
export function customersFromEntries(entries: readonly RawTable[]): { table: RawTable; issue: Issue } {
  const ids = new Set<string>();
  for (const t of entries) {
    const col = mapHeaders(t).index['customer_id'] ?? -1; // the entries table's own mapping, as the ledger reader will read it
    if (col < 0) continue;
    for (let i = 0; i < t.rows.length; i++) {
      const id = (t.rows.at(i)?.[col] ?? '').trim();
      if (id !== '') ids.add(id);
    }
  }
  return {
    table: { table: 'customers', source: '(entries)', headers: ['customer_id'], rows: [...ids].map((id) => [id]) },
    issue: makeIssue('customers-from-entries', { table: 'customers' }, { count: ids.size }),
  };
}
