/**
 * The comparisons of every function with `statements compute --json`, for one ledger given as
 * Excel passes ranges: shared by the golden ledgers and the sample workbook.
 */
import * as STMT from '../../src/functions/functions';
import { excelErrorOf } from './customFunctionsStub';
import { agingTotals, digits, expectBlocked, expectSeveral, sectionFor, statementRows } from './expectations';
import { amount, computeJson, isoSerial, sumAmounts, type ComputeJson, type Grid } from './excelGrids';
import { canonicalColumn, type TableName } from '../../src/core';
import { OMITTED } from './setup';

export interface LedgerCase {
  readonly entries: Grid;
  readonly applications: Grid | undefined;
  readonly customers: Grid;
  readonly asOf: string;
  readonly style: 'open-item' | 'activity';
  readonly from: string | undefined;
  readonly bands: string;
  readonly by: 'due' | 'posting';
  /** The customers to ask about. */
  readonly ids: readonly string[];
  /** undefined (no currency argument) and currencies to pass. */
  readonly currencies: readonly (string | undefined)[];
  /** Where the workbooks the CLI reads are written. */
  readonly dir: string;
}

/** What the comparisons met, so they cannot all pass vacuously (every customer blocked, every statement empty). */
export const met = { figures: 0, nonZero: 0, blocked: 0, several: 0, lines: 0, openNonZero: 0, openShared: 0, agedRows: 0, blockedRows: 0 };

/** The header row of a grid (below any title rows) and the column of a canonical column in it, or −1. */
export function headerAt(table: TableName, grid: Grid): number {
  return Math.max(0, grid.findIndex((r) => r.some((h) => canonicalColumn(table, String(h)) === 'customer_id' || canonicalColumn(table, String(h)) === 'from_document')));
}
export function columnOf(table: TableName, grid: Grid, column: string): number {
  return (grid[headerAt(table, grid)] ?? []).findIndex((h) => canonicalColumn(table, String(h)) === column);
}
export function dataRows(table: TableName, grid: Grid): Grid {
  return grid.slice(headerAt(table, grid) + 1);
}

const currencyArgs = (c: string | undefined): string[] => (c === undefined ? [] : ['--currency', c]);
const sheetsOf = (c: LedgerCase): { Entries: Grid; Applications?: Grid } => ({ Entries: c.entries, ...(c.applications !== undefined ? { Applications: c.applications } : {}) });

export async function checkBalanceAndAging(c: LedgerCase): Promise<void> {
  const asOf = isoSerial(c.asOf);
  for (const currency of c.currencies) {
    const json = await computeJson(c.dir, sheetsOf(c), ['--as-of', c.asOf, '--aging', c.bands, '--aging-by', c.by, ...currencyArgs(currency)]);
    for (const id of [...c.ids, 'NOT-A-CUSTOMER']) {
      const st = json.statements.find((x) => x.customerId === id);
      const balance = STMT.balance(c.entries, id, asOf, currency ?? OMITTED, c.applications ?? OMITTED);
      const aging = STMT.aging(c.entries, id, asOf, c.bands, c.by, currency ?? OMITTED, c.applications ?? OMITTED);
      if (st?.status === 'blocked') {
        met.blocked++;
        await expectBlocked(st, balance);
        await expectBlocked(st, aging);
        continue;
      }
      const pick = sectionFor(st, currency);
      if ('several' in pick) {
        met.several++;
        await expectSeveral(pick.several, balance);
        await expectSeveral(pick.several, aging);
        continue;
      }
      met.figures++;
      if (pick.section !== undefined && amount(pick.section.closingBalance) !== 0) met.nonZero++;
      expect(await balance).toBe(pick.section === undefined ? 0 : amount(pick.section.closingBalance));
      expect(await aging).toEqual([pick.section === undefined ? json.aging.buckets.map(() => 0) : pick.section.aging.map(amount)]);
    }
    const all = STMT.aging(c.entries, '*', asOf, c.bands, c.by, currency ?? OMITTED, c.applications ?? OMITTED);
    const blocked = json.statements.filter((x) => x.status === 'blocked').map((x) => x.customerId);
    const present = [...new Set(json.statements.flatMap((x) => x.sections.map((y) => y.currency)))].sort();
    if (blocked.length > 0) {
      const e = await excelErrorOf(all);
      expect(e.code).toBe('#VALUE!');
      expect(e.message).toContain(`left out of the total: customer${blocked.length > 1 ? 's' : ''} ${blocked.slice(0, 10).join(', ')}`);
    } else if (currency === undefined && present.length > 1) await expectSeveral(present, all);
    else {
      const k = currency ?? present[0];
      expect(await all).toEqual([(k === undefined ? undefined : agingTotals(json, k)) ?? json.aging.buckets.map(() => 0)]);
    }
  }
}

export async function checkStatements(c: LedgerCase): Promise<void> {
  const asOf = isoSerial(c.asOf);
  for (const currency of c.currencies) {
    const json = await computeJson(c.dir, sheetsOf(c), ['--as-of', c.asOf, '--style', c.style, ...(c.from !== undefined ? ['--from', c.from] : []), ...currencyArgs(currency)]);
    for (const id of c.ids) {
      const st = json.statements.find((x) => x.customerId === id);
      const answer = STMT.statement(c.entries, id, asOf, c.style, c.from === undefined ? OMITTED : isoSerial(c.from), currency ?? OMITTED, c.applications ?? OMITTED);
      if (st?.status === 'blocked') {
        await expectBlocked(st, answer);
        continue;
      }
      const pick = sectionFor(st, currency);
      if ('several' in pick) {
        await expectSeveral(pick.several, answer);
        continue;
      }
      met.lines += pick.section?.lines?.length ?? 0;
      expect(await answer).toEqual(statementRows(json, pick.section, c.style, c.asOf));
    }
  }
}

/** OPEN of every document; `entries` must name each row's currency (OPEN takes no currency argument). */
export async function checkOpen(c: LedgerCase, entries: Grid): Promise<void> {
  const asOf = isoSerial(c.asOf);
  const json = await computeJson(c.dir, { ...sheetsOf(c), Entries: entries }, ['--as-of', c.asOf]);
  const doc = columnOf('entries', entries, 'document_no');
  const cust = columnOf('entries', entries, 'customer_id');
  const documents = new Map<string, Set<string>>();
  for (const r of dataRows('entries', entries)) {
    const d = String(r[doc] ?? '');
    if (d === '') continue;
    documents.set(d, (documents.get(d) ?? new Set()).add(String(r[cust])));
  }
  expect(documents.size).toBeGreaterThan(0);
  for (const [d, owners] of documents) {
    const answer = STMT.open(entries, d, asOf, c.applications ?? OMITTED);
    if (owners.size > 1) {
      met.openShared++;
      const e = await excelErrorOf(answer);
      expect(e.message).toContain(`document ${d} is used by several customers: ${[...owners].join(', ')}`);
      continue;
    }
    const st = json.statements.find((x) => x.customerId === [...owners][0]);
    if (st?.status === 'blocked') {
      await expectBlocked(st, answer);
      continue;
    }
    const lines = (st?.sections ?? []).flatMap((x) => (x.lines ?? []).filter((l) => l.documentNo === d).map((l) => ({ open: l.open, currency: x.currency })));
    if (lines.some((l) => amount(l.open) !== 0)) met.openNonZero++;
    expect(await answer).toBe(lines.length === 0 ? 0 : sumAmounts(lines.map((l) => l.open), digits(lines[0]?.currency as string)));
  }
  expect(await excelErrorOf(STMT.open(entries, 'NO-SUCH-DOCUMENT', asOf, c.applications ?? OMITTED))).toEqual({ code: '#N/A', message: 'document NO-SUCH-DOCUMENT is not in the entries' });
}

export async function checkAgedReceivables(c: LedgerCase): Promise<void> {
  const json: ComputeJson = await computeJson(c.dir, { ...sheetsOf(c), Customers: c.customers }, ['--as-of', c.asOf, '--aging', c.bands, '--aging-by', c.by, '--summary']);
  const table = await STMT.agedReceivables(c.entries, isoSerial(c.asOf), c.bands, c.by, c.applications ?? OMITTED, c.customers);
  const width = 5 + json.aging.buckets.length;
  expect(table[0]).toEqual(['Customer', 'Name', 'Currency', 'Balance', ...json.aging.buckets, 'Status']);
  for (const row of table) expect(row).toHaveLength(width);
  const body = table.slice(1);
  const rows = body.filter((r) => r[0] !== 'Total');
  const totals = body.filter((r) => r[0] === 'Total');
  const expected = json.statements.flatMap((x) => (x.status === 'ok' ? x.sections.filter((y) => amount(y.closingBalance) !== 0).map((y) => [x.customerId, x.name ?? '', y.currency, amount(y.closingBalance), ...y.aging.map(amount), 'ok']) : []));
  expect(rows.filter((r) => r[width - 1] === 'ok').sort()).toEqual(expected.sort());
  met.agedRows += expected.length;
  for (const b of json.statements.filter((x) => x.status === 'blocked')) {
    const mine = rows.filter((r) => r[0] === b.customerId);
    met.blockedRows += mine.length;
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) {
      expect(r.slice(3, width - 1).every((x) => x === '')).toBe(true);
      expect(String(r[width - 1])).toMatch(/^blocked: customer /);
    }
  }
  const currencies = [...new Set(expected.map((r) => r[2] as string))].sort();
  expect(totals.map((t) => t[2])).toEqual([...new Set([...currencies, ...totals.map((t) => t[2] as string)])].sort());
  for (const t of totals) {
    const k = t[2] as string;
    const sections = json.statements.flatMap((x) => x.sections.filter((y) => y.currency === k));
    expect(t.slice(3, width - 1)).toEqual([sumAmounts(sections.map((y) => y.closingBalance), digits(k)), ...json.aging.buckets.map((_, i) => sumAmounts(sections.map((y) => y.aging[i] as string), digits(k)))]);
    expect(table[table.indexOf(t) - 1]?.[2]).toBe(k); // each currency's rows come just before its total
  }
}
