import { formatIsoDay, type Day } from '../calendar/day';
import { makeIssue, type Issue } from '../issues/issue';
import type { Ledger } from '../ledger/model';
import { cellAddress } from '../ledger/rawTable';
import { currencyExponent } from '../money/currencies';
import { formatMinor } from '../money/money';

/**
 * An export's own open amounts (`open_amount`: Business Central's Remaining Amount, QuickBooks' Open
 * Balance, Odoo's Amount Due), known at one date, the export date X (`exported`, else the latest
 * posting date, said in a warning). Issue 16:
 * - an entry no link reaches is open by that amount from X on: at D ≥ X, `remaining` takes it;
 * - at D < X such an entry's settlement date is unknown: a customer with one (posted by D, settled
 *   in part by the export's word) is refused (`before-export`), nothing guessed;
 * - an entry a link reaches keeps our settlement; where it differs at X from the export's figure, a
 *   warning names the document with both;
 * - what the export's figures settle on their own must net to zero per customer and currency
 *   (as much of invoices as of payments), or opening + movements = closing could not hold: such a
 *   customer is blocked (`open-amounts-unbalanced`).
 * `remaining` (at `asOf`) is changed in place; `remainingAt(X)`: our settlement at X, asked only for the comparison.
 */
export function applyOpenAmounts(ledger: Ledger, remaining: Float64Array, linked: Uint8Array | undefined, asOf: Day, exported: Day | undefined, remainingAt: (d: Day) => Float64Array): Issue[] {
  const s = ledger.entries;
  const open = s.openAmounts;
  if (open === undefined || linked === undefined) return [];
  const n = s.length;
  if (!open.subarray(0, n).some((o) => !Number.isNaN(o))) return []; // an empty column: nothing to take, nothing to say
  const issues: Issue[] = [];
  let latest = -Infinity;
  for (let i = 0; i < n; i++) latest = Math.max(latest, s.posting[i] as number);
  const x = exported ?? latest;
  if (n === 0) return issues;
  if (exported === undefined) issues.push(makeIssue('export-date-assumed', { table: 'entries' }, { date: formatIsoDay(x) }));

  const exponent = (i: number): number => currencyExponent(s.currencyOf(i)) ?? 2;
  const place = (i: number) => {
    const origin = s.originOf(i);
    const row = s.row(i);
    const cell = cellAddress(origin.table, row, origin.index['open_amount'] ?? -1);
    return { table: 'entries' as const, row, column: 'open_amount', customerId: s.customerId(i), ...(cell !== undefined ? { cell } : {}) };
  };

  // What the export's figures settle by customer and currency (signed: + of debits, − of credits), the first such entry of each customer.
  const netByGroup = new Map<string, { customer: string; currency: string; debits: number; credits: number }>();
  const firstSettled = new Map<string, number>();
  let atX: Float64Array | undefined;
  for (let i = 0; i < n; i++) {
    const o = open[i] as number;
    if (Number.isNaN(o)) continue;
    const posting = s.posting[i] as number;
    if (posting > x) issues.push(makeIssue('posted-after-export', { ...place(i), value: formatMinor(o, exponent(i)) }, { posting: formatIsoDay(posting), exported: formatIsoDay(x) }));
    const whole = Math.abs(s.amount[i] as number);
    if (linked[i] === 1) {
      if (posting > x) continue;
      atX ??= remainingAt(x);
      const ours = atX[i] as number;
      if (ours !== o) {
        const e = exponent(i);
        issues.push(makeIssue('open-amount-disagrees', { ...place(i), value: formatMinor(o, e) }, { document: s.documentNo(i), ours: formatMinor(ours, e), theirs: formatMinor(o, e), date: formatIsoDay(x) }));
      }
      continue;
    }
    const settled = whole - o;
    if (settled === 0) continue;
    const customer = s.customerId(i);
    const key = `${customer}\u0000${s.currencyOf(i)}`;
    const g = netByGroup.get(key) ?? { customer, currency: s.currencyOf(i), debits: 0, credits: 0 };
    if ((s.amount[i] as number) > 0) g.debits += settled;
    else g.credits += settled;
    netByGroup.set(key, g);
    if (posting <= asOf && !firstSettled.has(customer)) firstSettled.set(customer, i);
    if (asOf >= x && posting <= asOf) remaining[i] = o;
  }
  for (const g of netByGroup.values()) {
    if (g.debits === g.credits) continue;
    const e = currencyExponent(g.currency) ?? 2;
    issues.push(makeIssue('open-amounts-unbalanced', { table: 'entries', customerId: g.customer }, { customer: g.customer, currency: g.currency, debits: formatMinor(g.debits, e), credits: formatMinor(g.credits, e) }));
  }
  if (asOf < x) {
    for (const [customer, i] of firstSettled) {
      issues.push(makeIssue('before-export', { table: 'entries', customerId: customer }, { customer, asOf: formatIsoDay(asOf), exported: formatIsoDay(x), document: s.documentNo(i) }));
    }
  }
  return issues;
}
