import type { Day } from '../calendar/day';
import { grownTo } from '../collections/grow';
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

const SOURCES: readonly Allocation['source'][] = ['application', 'applies-to', 'matching-code', 'fifo'];

/**
 * Allocations as columns (typed arrays), in the order they were made: what settlement keeps, a few
 * hundred thousand Allocation objects being work for the garbage collector. `at(i)` builds one.
 */
export class AllocationColumns {
  count = 0;
  credit: Int32Array;
  debit: Int32Array;
  amount: Float64Array;
  date: Float64Array;
  source: Uint8Array;

  /** `capacity`: a guess at the count; the columns grow past it. */
  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.credit = new Int32Array(n);
    this.debit = new Int32Array(n);
    this.amount = new Float64Array(n);
    this.date = new Float64Array(n);
    this.source = new Uint8Array(n);
  }

  push(credit: number, debit: number, amount: Minor, date: Day, source: Allocation['source']): void {
    if (this.count === this.credit.length) this.grow();
    const i = this.count++;
    this.credit[i] = credit;
    this.debit[i] = debit;
    this.amount[i] = amount;
    this.date[i] = date;
    this.source[i] = SOURCES.indexOf(source);
  }

  at(i: number): Allocation {
    return { credit: this.credit[i] as number, debit: this.debit[i] as number, amount: this.amount[i] as Minor, date: this.date[i] as Day, source: SOURCES[this.source[i] as number] as Allocation['source'] };
  }

  /** Keeps, in order, the allocations for which `keep(i)` is true (called once each, in order). */
  keepOnly(keep: (i: number) => boolean): void {
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      if (!keep(i)) continue;
      this.credit[n] = this.credit[i] as number;
      this.debit[n] = this.debit[i] as number;
      this.amount[n] = this.amount[i] as number;
      this.date[n] = this.date[i] as number;
      this.source[n] = this.source[i] as number;
      n++;
    }
    this.count = n;
  }

  private grow(): void {
    const n = this.credit.length * 2;
    this.credit = grownTo(this.credit, n);
    this.debit = grownTo(this.debit, n);
    this.amount = grownTo(this.amount, n);
    this.date = grownTo(this.date, n);
    this.source = grownTo(this.source, n);
  }
}
