import type { Day } from '../calendar/day';
import type { EntryStore } from './entryStore';

/**
 * Each customer's entries posted on or before D, in ledger order: customer c's lie at
 * `entries[starts[c] .. starts[c + 1])`. A counting sort: two passes over the columns, no sorting.
 */
export interface EntriesByCustomer {
  readonly starts: Int32Array;
  readonly entries: Int32Array;
}

export function entriesByCustomer(store: EntryStore, customerCount: number, asOf: Day): EntriesByCustomer {
  const { customer, posting } = store;
  const starts = new Int32Array(customerCount + 1);
  for (let i = 0; i < store.length; i++) {
    if ((posting[i] as number) > asOf) continue;
    const c = (customer[i] as number) + 1;
    starts[c] = (starts[c] as number) + 1;
  }
  for (let c = 0; c < customerCount; c++) starts[c + 1] = (starts[c + 1] as number) + (starts[c] as number);
  const fill = starts.slice(0, customerCount);
  const entries = new Int32Array(starts[customerCount] as number);
  for (let i = 0; i < store.length; i++) {
    if ((posting[i] as number) > asOf) continue;
    const c = customer[i] as number;
    entries[fill[c] as number] = i;
    fill[c] = (fill[c] as number) + 1;
  }
  return { starts, entries };
}
