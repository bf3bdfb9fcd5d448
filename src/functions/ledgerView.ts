import {
  computeStatements, DEFAULT_SELECTION, isKnownCurrency, mapHeaders,
  type AgingBasis, type AgingSpec, type ComputeResult, type CustomerStatement, type Day, type Issue, type Localised, type Section, type StatementStyle,
} from '../core';
import { FunctionProblem } from './functionErrors';
import { LedgerCache, type CacheLimits } from './ledgerCache';
import { MESSAGES } from './messages';
import { readRangeLedger, usedLength, type BadCell, type RangeLedger } from './rangeLedger';
import type { WorkbookSettings } from './workbookSettings';

export type Grid = readonly (readonly unknown[])[];

/** The ranges and the currency a function was given. */
export interface LedgerArguments {
  readonly entries: Grid;
  readonly applications?: Grid | undefined;
  readonly customers?: Grid | undefined;
  readonly currency?: string | undefined;
  /** Where the ranges are ("Ledger!C5:J900"), when Excel says (functions that ask for their parameters' addresses). */
  readonly addresses?: RangeAddresses | undefined;
}

export interface RangeAddresses {
  readonly entries?: string | undefined;
  readonly applications?: string | undefined;
  readonly customers?: string | undefined;
}

/** What one computation is asked: the engine's options less the selection, which the functions fix. */
export interface Question {
  readonly asOf: Day;
  readonly style: StatementStyle;
  readonly from?: Day | undefined;
  readonly aging: AgingSpec;
  /** The bands as given, to tell computations apart. */
  readonly agingText: string;
  readonly basis: AgingBasis;
  /** Totals only (no lines): BALANCE, AGING, AGEDRECEIVABLES. */
  readonly summary: boolean;
}

export interface Computed {
  readonly result: ComputeResult;
  readonly byId: ReadonlyMap<string, CustomerStatement>;
}

/** A ledger read from ranges, with the computations already asked of it. */
export interface LedgerView {
  readonly read: Extract<RangeLedger, { ok: true }>;
  readonly badCells: ReadonlyMap<string, readonly BadCell[]>;
  readonly computed: Map<string, Computed>;
  /** The `currency` argument the ledger was read with. */
  readonly defaultCurrency: string | undefined;
  /** Each customer's currencies, from its entries (for a blocked customer's rows). */
  currenciesOf?: Map<string, Set<string>>;
}

/** Computations kept per ledger (one per as-of date, bands, style and period asked): the oldest goes first. */
const COMPUTED_PER_LEDGER = 8;

const cache = new LedgerCache<LedgerView | { ok: false; error: Localised }>();

/** How often the functions read a ledger and settled one: what the cache saves (tests count them). */
export const engineCounts = { reads: 0, computations: 0 };

export function setCacheLimits(limits: CacheLimits): void {
  cache.setLimits(limits);
}

export function clearCache(): void {
  cache.clear();
}

export function cacheSize(): { ledgers: number; cells: number } {
  return cache.size;
}

/**
 * Every customer who has entries up to the date gets a statement, whatever the CLI's selection
 * flags would say (zero balance, opt-out): a balance is asked for by the formula, not mailed.
 */
const SELECTION = { ...DEFAULT_SELECTION, include: 'either', honourOptOut: false } as const;

function asGrid(v: unknown, argument: string): Grid | undefined {
  if (v === null || v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((row) => Array.isArray(row))) throw new FunctionProblem(MESSAGES.errorArgument(argument, String(v)));
  const used = usedLength(v as Grid);
  return used === v.length ? (v as Grid) : (v.slice(0, used) as Grid);
}

/** The ledger of these ranges, read once per distinct content (and currency and workbook settings). */
export function ledgerOf(args: { entries: unknown; applications?: unknown; customers?: unknown; currency?: string | undefined; addresses?: RangeAddresses | undefined }, settings: WorkbookSettings): LedgerView {
  const entries = asGrid(args.entries, 'entries');
  if (entries === undefined || entries.length === 0) throw new FunctionProblem(MESSAGES.noEntries);
  const applications = asGrid(args.applications, 'applications');
  const customers = asGrid(args.customers, 'customers');
  const at = args.addresses ?? {};
  // The addresses only change how a problem's cell is named, but that is part of the answer (the message).
  const key = { ranges: [entries, applications, customers], settings: `${args.currency ?? ''}|${settings.date1904 ? 1904 : 1900}|${settings.dateOrder}|${at.entries ?? ''}|${at.applications ?? ''}|${at.customers ?? ''}` };
  const view = cache.get(key, () => {
    engineCounts.reads++;
    const read = readRangeLedger(
      {
        entries: { values: entries, address: at.entries },
        ...(applications !== undefined ? { applications: { values: applications, address: at.applications } } : {}),
        ...(customers !== undefined ? { customers: { values: customers, address: at.customers } } : {}),
      },
      { date1904: settings.date1904, dateOrder: settings.dateOrder, currency: args.currency },
    );
    if (!read.ok) return read;
    const badCells = new Map<string, BadCell[]>();
    for (const b of read.badCells) {
      const id = b.customerId ?? '';
      const list = badCells.get(id);
      if (list === undefined) badCells.set(id, [b]);
      else list.push(b);
    }
    return { read, badCells, computed: new Map<string, Computed>(), defaultCurrency: args.currency };
  });
  if ('ok' in view) throw new FunctionProblem(view.error);
  return view;
}

/** The engine's statements for a question, computed once per ledger and question (settling the ledger at that date). */
export function computedFor(view: LedgerView, q: Question): Computed {
  const key = `${q.asOf}|${q.style}|${q.from ?? ''}|${q.agingText}|${q.basis}|${q.summary}`;
  const known = view.computed.get(key);
  if (known !== undefined) {
    view.computed.delete(key);
    view.computed.set(key, known);
    return known;
  }
  engineCounts.computations++;
  const result = computeStatements(view.read.ledger, {
    asOf: q.asOf, from: q.from, style: q.style, aging: q.aging, agingBasis: q.basis, allocate: 'none', selection: SELECTION, summary: q.summary,
  });
  const byId = new Map<string, CustomerStatement>();
  for (const s of result.statements) byId.set(s.customerId, s);
  const computed = { result, byId };
  view.computed.set(key, computed);
  if (view.computed.size > COMPUTED_PER_LEDGER) view.computed.delete(view.computed.keys().next().value as string);
  return computed;
}

export type CustomerState = { readonly kind: 'ok'; readonly statement: CustomerStatement | undefined; readonly sections: readonly Section[] } | { readonly kind: 'blocked'; readonly problem: Localised };

/** A problem to name: the core's issue, or a cell holding an Excel error. */
interface Named {
  readonly row: number | undefined;
  readonly message: Localised;
}

/**
 * A customer as the functions see it: its sections, or blocked with its first bad cell (by row) and
 * how many more. A customer with no entries up to the date has no sections (its figures are 0).
 */
export function customerState(view: LedgerView, computed: Computed, id: string): CustomerState {
  const statement = computed.byId.get(id);
  const problems: Named[] = [];
  if (statement?.status === 'blocked') for (const i of statement.issues) if (i.severity === 'error') problems.push(named(i));
  for (const b of view.badCells.get(id) ?? []) problems.push({ row: b.row, message: b.message });
  if (problems.length > 0) {
    const sorted = problems.map((p, k) => ({ p, k })).sort((a, b) => (a.p.row ?? Infinity) - (b.p.row ?? Infinity) || a.k - b.k);
    return { kind: 'blocked', problem: MESSAGES.blocked(id, (sorted[0] as { p: Named }).p.message, problems.length - 1) };
  }
  return { kind: 'ok', statement, sections: statement?.sections ?? [] };
}

function named(i: Issue): Named {
  return { row: i.row, message: i.message };
}

/** Every customer the functions know, in ledger order: those with statements, and those blocked only by an error cell. */
export function customerIds(view: LedgerView, computed: Computed): string[] {
  const ids = computed.result.statements.map((s) => s.customerId);
  const seen = new Set(ids);
  for (const id of view.badCells.keys()) if (id !== '' && !seen.has(id)) ids.push(id);
  return ids;
}

/**
 * The currencies of a customer's entry rows, rejected rows too (a blocked customer has no sections
 * to tell them): the row's currency cell, else the customer's, else the `currency` argument.
 */
export function currenciesOf(view: LedgerView, id: string): string[] {
  if (view.currenciesOf === undefined) {
    const map = new Map<string, Set<string>>();
    const home = new Map(view.read.ledger.customers.map((c) => [c.id, c.currency]));
    for (const table of view.read.entries) {
      const index = mapHeaders(table).index;
      const c = index['customer_id'] ?? -1;
      const k = index['currency'] ?? -1;
      if (c < 0) continue;
      for (let i = 0; i < table.rows.length; i++) {
        const row = table.rows.at(i) ?? [];
        const customer = (row[c] ?? '').trim();
        const cell = k < 0 ? '' : (row[k] ?? '').trim().toUpperCase();
        const currency = isKnownCurrency(cell) ? cell : home.get(customer) ?? view.defaultCurrency;
        if (currency === undefined) continue;
        const set = map.get(customer) ?? new Set<string>();
        set.add(currency);
        map.set(customer, set);
      }
    }
    view.currenciesOf = map;
  }
  return [...(view.currenciesOf.get(id) ?? [])].sort();
}
