import type { Day } from '../calendar/day';
import { groupIndices } from '../collections/groupIndices';
import type { EntryStore } from './entryStore';

/**
 * Each customer's entries posted on or before D, in ledger order: customer c's lie at
 * `entries[starts[c] .. starts[c + 1])`.
 */
export interface EntriesByCustomer {
  readonly starts: Int32Array;
  readonly entries: Int32Array;
}

export function entriesByCustomer(store: EntryStore, customerCount: number, asOf: Day): EntriesByCustomer {
  const { customer, posting } = store;
  const keys = new Int32Array(store.length);
  for (let i = 0; i < keys.length; i++) keys[i] = (posting[i] as number) > asOf ? -1 : (customer[i] as number);
  const { starts, items } = groupIndices(keys, customerCount);
  return { starts, entries: items };
}
