import type { Day } from '../calendar/day';
import { grownTo } from '../collections/grow';
import type { Minor } from '../money/money';

export type AllocateMode = 'none' | 'fifo';

/**
 * Allocations (a part of a credit settling a part of a debit, from `date` on) as columns, in the
 * order they were made. Settlement records only the explicit applications this way, so that the
 * ones dated after D can be undone (`keepOnly`); everything else is only what stays open.
 */
export class AllocationColumns {
  count = 0;
  /** Entry indices. */
  credit: Int32Array;
  debit: Int32Array;
  /** > 0, minor units. */
  amount: Float64Array;
  date: Float64Array;

  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.credit = new Int32Array(n);
    this.debit = new Int32Array(n);
    this.amount = new Float64Array(n);
    this.date = new Float64Array(n);
  }

  push(credit: number, debit: number, amount: Minor, date: Day): void {
    if (this.count === this.credit.length) {
      const n = this.count * 2;
      this.credit = grownTo(this.credit, n);
      this.debit = grownTo(this.debit, n);
      this.amount = grownTo(this.amount, n);
      this.date = grownTo(this.date, n);
    }
    const i = this.count++;
    this.credit[i] = credit;
    this.debit[i] = debit;
    this.amount[i] = amount;
    this.date[i] = date;
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
      n++;
    }
    this.count = n;
  }
}
