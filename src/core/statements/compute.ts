import { startOfMonth } from '../calendar/day';
import { makeAger } from '../aging/agingSpec';
import type { Issue } from '../issues/issue';
import type { EntryStore } from '../ledger/entryStore';
import type { Ledger } from '../ledger/model';
import { currencyExponent } from '../money/currencies';
import { minorAtLeast, type Minor } from '../money/money';
import { entriesByCustomer } from '../ledger/entriesByCustomer';
import { settle } from '../settlement/settle';
import { appliedByEntry, buildSection } from './buildSection';
import type { ComputeOptions, ComputeResult, CustomerStatement, Exclusion, Section } from './model';
import { exclusionReason } from './selection';

/** The whole run: settle, then one statement per selected customer, blocked where its input is bad. */
export function computeStatements(ledger: Ledger, options: ComputeOptions): ComputeResult {
  const byCustomerIndex = entriesByCustomer(ledger.entries, ledger.customers.length, options.asOf);
  const settlement = settle(ledger, options.allocate, options.asOf, byCustomerIndex);
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

  // Entries posted after D play no part at D, not even as an empty currency section for selection.
  const store = ledger.entries;
  const { starts, entries: byCustomer } = byCustomerIndex;
  const positionOf = new Map(ledger.customers.map((c, i) => [c.id, i]));

  const applied = appliedByEntry(settlement.columns, ledger.entries.length, options.asOf);

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
  const ids = [...ledger.customers.map((c) => c.id)];
  const known = new Set(ids);
  for (const id of issuesOf.keys()) if (!known.has(id)) ids.push(id); // unknown customers: blocked, never dropped
  const customerById = new Map(ledger.customers.map((c) => [c.id, c]));

  for (const id of ids) {
    if (only !== undefined && !only.has(id)) continue;
    const customer = customerById.get(id);
    const own = issuesOf.get(id) ?? [];
    const blocking = [...tableLevel, ...own.filter((i) => i.severity === 'error')];
    if (blocking.length > 0 || customer === undefined) {
      statements.push({ customerId: id, customer, status: 'blocked', sections: [], issues: [...tableLevel, ...own] });
      continue;
    }
    const position = positionOf.get(id) as number;
    const mine = byCustomer.subarray(starts[position], starts[position + 1]);
    const sections = sectionsOf(store, mine, customer.currency, (currency, entries) =>
      buildSection({ currency, store, entries, applied, style: options.style, asOf: options.asOf, from, ager, basis: options.agingBasis, withLines: !options.summary }),
    );
    const reason = exclusionReason(customer, sections, options.selection, minBalanceIn);
    if (reason !== undefined) {
      excluded.push({ customerId: id, customer, reason });
      continue;
    }
    const shown = sections.filter((s) => s.closingBalance !== 0 || s.openingBalance !== 0 || s.lineCount > 0 || (options.style === 'activity' && s.hasActivity));
    // Selected for its activity with nothing open (--include activity on open items): its zero
    // balance is what the statement says, not a blank page.
    const kept = shown.length > 0 ? shown : sections.filter((s) => s.hasActivity);
    statements.push({ customerId: id, customer, status: 'ok', sections: kept, issues: own });
  }
  // A customer asked for by id that the ledger does not have is said to be left out, not silently missing.
  if (only !== undefined) for (const id of only) if (!known.has(id) && !issuesOf.has(id)) excluded.push({ customerId: id, reason: 'unknown customer' });
  return { asOf: options.asOf, from, style: options.style, aging: options.aging, agingBasis: options.agingBasis, summary: options.summary, statements, excluded, issues };
}

/** One section per currency: the customer's own currency first, then alphabetical. */
function sectionsOf(store: EntryStore, entries: Int32Array, home: string | undefined, build: (currency: string, entries: ArrayLike<number>) => Section): Section[] {
  if (entries.length === 0) return [];
  const firstCurrency = store.currency[entries[0] as number] as number;
  let single = true;
  for (let k = 1; k < entries.length && single; k++) single = store.currency[entries[k] as number] === firstCurrency;
  if (single) return [build(store.currencies[firstCurrency] as string, entries)];
  const byCurrency = new Map<string, number[]>();
  for (const i of entries) {
    const c = store.currencyOf(i);
    const list = byCurrency.get(c);
    if (list === undefined) byCurrency.set(c, [i]);
    else list.push(i);
  }
  const currencies = [...byCurrency.keys()].sort((a, b) => (a === home ? -1 : b === home ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return currencies.map((c) => build(c, byCurrency.get(c) as number[]));
}
