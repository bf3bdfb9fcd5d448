import { startOfMonth } from '../calendar/day';
import { makeAger } from '../aging/agingSpec';
import type { Issue } from '../issues/issue';
import type { EntryStore } from '../ledger/entryStore';
import type { Customer, Ledger } from '../ledger/model';
import { currencyExponent } from '../money/currencies';
import { minorAtLeast, type Minor } from '../money/money';
import { entriesByCustomer } from '../ledger/entriesByCustomer';
import { settle } from '../settlement/settle';
import { buildSection } from './buildSection';
import type { ComputeOptions, ComputeResult, CustomerStatement, Exclusion, Section } from './model';
import { exclusionReason } from './selection';

/** The whole run: settle, then one statement per selected customer, blocked where its input is bad. */
export function computeStatements(ledger: Ledger, options: ComputeOptions): ComputeResult {
  // Entries posted after D play no part at D, not even as an empty currency section for selection.
  const byCustomerIndex = entriesByCustomer(ledger.entries, ledger.customers.length, options.asOf);
  const settlement = settle(ledger, options.allocate, options.asOf, byCustomerIndex, options.exported);
  const issues: Issue[] = [...ledger.issues, ...settlement.issues];
  const from = options.from ?? (options.style === 'activity' ? startOfMonth(options.asOf) : undefined);
  const ager = makeAger(options.aging, options.asOf);
  const only = options.customers === undefined || options.customers.length === 0 ? undefined : new Set(options.customers);

  const issuesOf = new Map<string, Issue[]>();
  const tableLevel: Issue[] = [];
  for (const issue of issues) {
    if (issue.customerId === undefined) {
      if (issue.code === 'missing-column' || issue.code === 'unterminated-quote') tableLevel.push(issue); // a table that cannot be read blocks everyone
      continue;
    }
    const list = issuesOf.get(issue.customerId);
    if (list === undefined) issuesOf.set(issue.customerId, [issue]);
    else list.push(issue);
  }

  const store = ledger.entries;
  const { starts, entries: byCustomer } = byCustomerIndex;

  const minCache = new Map<string, Minor | undefined>();
  const minBalanceIn = (currency: string): Minor | undefined => {
    const text = options.selection.minBalance;
    if (text === undefined) return undefined;
    if (!minCache.has(currency)) {
      minCache.set(currency, minorAtLeast(text, currencyExponent(currency) ?? 2));
    }
    return minCache.get(currency);
  };

  const statements: CustomerStatement[] = [];
  const excluded: Exclusion[] = [];
  const build = (currency: string, entries: ArrayLike<number>, start: number, end: number): Section =>
    buildSection({ currency, store, entries, start, end, remaining: settlement.remaining, style: options.style, asOf: options.asOf, from, ager, basis: options.agingBasis, withLines: !options.summary });
  const statementOf = (id: string, customer: Customer | undefined, position: number): void => {
    if (only !== undefined && !only.has(id)) return;
    const own = issuesOf.get(id) ?? [];
    if (customer === undefined || tableLevel.length > 0 || own.some((i) => i.severity === 'error')) {
      statements.push({ customerId: id, customer, status: 'blocked', sections: [], issues: [...tableLevel, ...own] });
      return;
    }
    const sections = sectionsOf(store, byCustomer, starts[position] as number, starts[position + 1] as number, customer.currency, build);
    const reason = exclusionReason(customer, sections, options.selection, minBalanceIn);
    if (reason !== undefined) {
      excluded.push({ customerId: id, customer, reason });
      return;
    }
    const shown = sections.filter((s) => s.closingBalance !== 0 || s.openingBalance !== 0 || s.lineCount > 0 || (options.style === 'activity' && s.hasActivity));
    // Selected for its activity with nothing open (--include activity on open items): its zero
    // balance is what the statement says, not a blank page.
    const kept = shown.length > 0 ? shown : sections.filter((s) => s.hasActivity);
    statements.push({ customerId: id, customer, status: 'ok', sections: kept, issues: own });
  };
  // Ids with issues, and ids asked for, that no customer row has: what is left once the customers are
  // struck off (a set of the few, not of fifty thousand ids).
  const unmatched = new Set(issuesOf.keys());
  const unasked = only === undefined ? undefined : new Set(only);
  ledger.customers.forEach((customer, position) => {
    if (unmatched.size > 0) unmatched.delete(customer.id);
    unasked?.delete(customer.id);
    statementOf(customer.id, customer, position);
  });
  for (const id of unmatched) statementOf(id, undefined, -1); // unknown customers: blocked, never dropped
  // A customer asked for by id that the ledger does not have is said to be left out, not silently missing.
  if (unasked !== undefined) for (const id of unasked) if (!issuesOf.has(id)) excluded.push({ customerId: id, reason: 'unknown customer' });
  return { asOf: options.asOf, from, style: options.style, aging: options.aging, agingBasis: options.agingBasis, summary: options.summary, statements, excluded, issues };
}

type BuildSection = (currency: string, entries: ArrayLike<number>, start: number, end: number) => Section;

/** One section per currency of the customer's entries list[start, end): the customer's own currency first, then alphabetical. */
function sectionsOf(store: EntryStore, list: Int32Array, start: number, end: number, home: string | undefined, build: BuildSection): Section[] {
  if (start === end) return [];
  const firstCurrency = store.currency[list[start] as number] as number;
  let single = true;
  for (let k = start + 1; k < end && single; k++) single = store.currency[list[k] as number] === firstCurrency;
  if (single) return [build(store.currencies[firstCurrency] as string, list, start, end)];
  const byCurrency = new Map<string, number[]>();
  for (let k = start; k < end; k++) {
    const i = list[k] as number;
    const c = store.currencyOf(i);
    const same = byCurrency.get(c);
    if (same === undefined) byCurrency.set(c, [i]);
    else same.push(i);
  }
  const currencies = [...byCurrency.keys()].sort((a, b) => (a === home ? -1 : b === home ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return currencies.map((c) => {
    const own = byCurrency.get(c) as number[];
    return build(c, own, 0, own.length);
  });
}
