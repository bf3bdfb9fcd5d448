import type { Day } from '../calendar/day';
import type { Minor } from '../money/money';

/** A part of a credit (payment, credit note...) settling a part of a debit (invoice...), from `date` on. */
export interface Allocation {
  readonly credit: number; // entry index
  readonly debit: number; // entry index
  readonly amount: Minor; // > 0
  readonly date: Day;
  readonly source: 'application' | 'applies-to' | 'matching-code' | 'fifo';
}

export type AllocateMode = 'none' | 'fifo';
