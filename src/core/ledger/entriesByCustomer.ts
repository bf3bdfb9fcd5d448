import type { Day } from '../calendar/day';
import { groupIndices } from '../collections/groupIndices';
import { Scratch } from '../collections/scratch';
import type { EntryStore } from './entryStore';

/**
 * Each customer's entries posted on or before D, in ledger order: customer c's lie at
 * `entries[starts[c] .. starts[c + 1])`.
 */
export interface EntriesByCustomer {
  readonly starts: Int32Array;
  readonly entries: Int32Array;
}

/** `scratch`: where its arrays are taken from (see Scratch for how long they last). */
export function entriesByCustomer(store: EntryStore, customerCount: number, asOf: Day, scratch = new Scratch()): EntriesByCustomer {
  const { customer, posting } = store;
  const keys = scratch.int32(store.length);
  for (let i = 0; i < keys.length; i++) keys[i] = (posting[i] as number) > asOf ? -1 : (customer[i] as number);
  const { starts, items } = groupIndices(keys, customerCount, scratch);
  return { starts, entries: items };
}
