/**
 * Property: on random valid ledgers (test/properties/ledgerGen.ts), passed as Excel passes ranges,
 * STMT.BALANCE, STMT.AGING and STMT.AGEDRECEIVABLES give the figures of the JSON contract
 * (computeResultAsJson, what `statements compute --json` prints) for the same tables and options.
 */
import fc from 'fast-check';
import {
  buildLedger, computeResultAsJson, computeStatements, currencyExponent, customersFromEntries,
  type AgingSpec, type Day, type LedgerTables, type RawTable,
} from '../../src/core';
import * as STMT from '../../src/functions/functions';
import { CURRENCIES, chance, genAgingSpec, genAsOf, genLedger, pick, randFromGen, toRawTables } from '../properties/ledgerGen';
import { excelErrorOf } from './customFunctionsStub';
import { gridFromTexts, serialOf, sumAmounts, type ComputeJson, type Grid } from './excelGrids';
import { freshRuntime, OMITTED } from './setup';

const RUNS = { numRuns: 150, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false };

const bandsText = (spec: AgingSpec): string => (spec.kind === 'bounds' ? spec.bounds.join(',') : spec.kind === 'months' ? 'months' : spec.formula.text);
const gridOf = (t: RawTable): Grid => gridFromTexts(t.table, t.headers, Array.from({ length: t.rows.length }, (_, i) => [...(t.rows.at(i) ?? [])]));
const serialOfDay = (day: Day): number => {
  const d = new Date(day * 86_400_000);
  return serialOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

/** The contract's JSON for these tables, as the CLI computes it for a workbook (the functions' selection: everyone with entries). */
function contract(tables: LedgerTables, asOf: Day, aging: AgingSpec, basis: 'due' | 'posting', defaultCurrency: string | undefined, summary: boolean): ComputeJson {
  const ledger = buildLedger(tables, { defaultCurrency, dateOrder: 'dmy' });
  const result = computeStatements(ledger, { asOf, style: 'open-item', aging, agingBasis: basis, allocate: 'none', summary, selection: { include: 'either', excludeCredit: false, overdueOnly: false, honourOptOut: false } });
  return JSON.parse(JSON.stringify(computeResultAsJson(result))) as ComputeJson;
}

const checked = { figures: 0, blocked: 0, several: 0, rows: 0 };

it('BALANCE, AGING and AGEDRECEIVABLES equal the contract on random ledgers', async () => {
  freshRuntime();
  await fc.assert(
    fc.asyncProperty(fc.gen(), async (gen) => {
      const r = randFromGen(gen);
      const g = genLedger(r);
      const raw = toRawTables(g);
      const asOf = genAsOf(r, g);
      const spec = genAgingSpec(r);
      const basis = pick(r, ['due', 'posting'] as const);
      const currency = chance(r, 25) ? undefined : pick(r, CURRENCIES);
      const entries = gridOf(raw.entries);
      const applications = raw.applications === undefined ? undefined : gridOf(raw.applications);
      const customers = gridOf(raw.customers);
      const bands = bandsText(spec);
      const at = serialOfDay(asOf);
      // Without a customers range, the customers come from the entries, as the CLI reads a workbook with no customers sheet.
      const derived = customersFromEntries([raw.entries]).table;
      const json = contract({ customers: derived, entries: raw.entries, applications: raw.applications }, asOf, spec, basis, currency, false);
      const ids = [...new Set(json.statements.map((s) => s.customerId))];
      for (const id of ids.slice(0, 6)) {
        const s = json.statements.find((x) => x.customerId === id);
        const balance = STMT.balance(entries, id, at, currency ?? OMITTED, applications ?? OMITTED);
        const aging = STMT.aging(entries, id, at, bands, basis, currency ?? OMITTED, applications ?? OMITTED);
        if (s?.status === 'blocked') {
          checked.blocked++;
          expect((await excelErrorOf(balance)).code).toBe('#VALUE!');
          expect((await excelErrorOf(aging)).code).toBe('#VALUE!');
          continue;
        }
        const sections = s?.sections ?? [];
        const section = currency !== undefined ? sections.find((x) => x.currency === currency) : sections.length === 1 ? sections[0] : undefined;
        if (currency === undefined && sections.length > 1) {
          checked.several++;
          expect((await excelErrorOf(balance)).message).toContain('several currencies');
          await excelErrorOf(aging);
          continue;
        }
        checked.figures++;
        expect(await balance).toBe(section === undefined ? 0 : Number(section.closingBalance));
        expect(await aging).toEqual([section === undefined ? json.aging.buckets.map(() => 0) : section.aging.map(Number)]);
      }
      // The aged receivables, with the customers range: every ok row and every total.
      const summary = contract({ customers: raw.customers, entries: raw.entries, applications: raw.applications }, asOf, spec, basis, undefined, true);
      const table = await STMT.agedReceivables(entries, at, bands, basis, applications ?? OMITTED, customers);
      const okRows = table.slice(1).filter((row) => row[row.length - 1] === 'ok');
      const expected = summary.statements.flatMap((s) => (s.status === 'ok' ? s.sections.filter((x) => Number(x.closingBalance) !== 0).map((x) => [s.customerId, s.name ?? '', x.currency, Number(x.closingBalance), ...x.aging.map(Number), 'ok']) : []));
      expect(okRows.sort()).toEqual(expected.sort());
      checked.rows += okRows.length;
      for (const total of table.filter((row) => row[0] === 'Total')) {
        const c = total[2] as string;
        const sections = summary.statements.flatMap((s) => s.sections.filter((x) => x.currency === c));
        expect(total[3]).toBe(sumAmounts(sections.map((x) => x.closingBalance), currencyExponent(c) ?? 2));
      }
    }),
    RUNS,
  );
  expect(checked.figures).toBeGreaterThan(100);
  expect(checked.rows).toBeGreaterThan(100);
});
