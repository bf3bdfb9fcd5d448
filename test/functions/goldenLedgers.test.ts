/**
 * Every function on every golden ledger, its tables passed as Excel passes a range (serials,
 * numbers, ""), each figure compared with `statements compute --json` run on a workbook holding
 * the same cells with the same options (the functions' options: no FIFO, everyone with entries).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../helpers/workbook';
import { gridFromCsv, type Grid } from './excelGrids';
import { checkAgedReceivables, checkBalanceAndAging, checkOpen, checkStatements, columnOf, met, type LedgerCase } from './ledgerChecks';
import { freshRuntime } from './setup';

const ROOT = path.join(__dirname, '../golden/scenarios');
const scenarios = fs.readdirSync(ROOT).filter((d) => fs.statSync(path.join(ROOT, d)).isDirectory()).sort();
const dir = tempDir('stmt-functions-');

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
}

function load(name: string): LedgerCase {
  const folder = path.join(ROOT, name);
  const args = JSON.parse(fs.readFileSync(path.join(folder, 'args.json'), 'utf8')) as string[];
  const entries = gridFromCsv(folder, 'entries') as Grid;
  const customers = gridFromCsv(folder, 'customers') as Grid;
  const idColumn = columnOf('entries', entries, 'customer_id');
  const currencyColumn = columnOf('customers', customers, 'currency');
  return {
    entries,
    applications: gridFromCsv(folder, 'applications'),
    customers,
    asOf: flag(args, '--as-of') as string,
    style: (flag(args, '--style') ?? 'open-item') as LedgerCase['style'],
    from: flag(args, '--from'),
    bands: flag(args, '--aging') ?? '30,60,90',
    by: (flag(args, '--aging-by') ?? 'due') as LedgerCase['by'],
    ids: [...new Set(entries.slice(1).map((r) => String(r[idColumn])))],
    currencies: [undefined, ...new Set(customers.slice(1).map((r) => String(r[currencyColumn] ?? '')).filter((c) => c !== ''))],
    dir,
  };
}

/** The entries with a currency column filled from each customer's currency, where they have none (OPEN takes no currency argument). */
function withCurrencyColumn(s: LedgerCase): Grid {
  if (columnOf('entries', s.entries, 'currency') >= 0) return s.entries;
  const id = columnOf('entries', s.entries, 'customer_id');
  const cid = columnOf('customers', s.customers, 'customer_id');
  const cur = columnOf('customers', s.customers, 'currency');
  const of = new Map(s.customers.slice(1).map((r) => [String(r[cid]), r[cur] ?? '']));
  return [[...(s.entries[0] as (string | number)[]), 'currency'], ...s.entries.slice(1).map((r) => [...r, of.get(String(r[id])) ?? ''])];
}

beforeEach(() => freshRuntime());

describe.each(scenarios)('golden ledger %s', (name) => {
  const s = load(name);
  it('BALANCE and AGING of every customer, and AGING("*"), equal compute --json, with and without a currency', () => checkBalanceAndAging(s));
  it('STATEMENT of every customer equals the lines of compute --json', () => checkStatements(s));
  it('OPEN of every document equals the open amounts of its lines in compute --json', () => checkOpen(s, withCurrencyColumn(s)));
  it('AGEDRECEIVABLES equals the summary of compute --json, a total per currency', () => checkAgedReceivables(s));
});

describe('the comparisons above', () => {
  // No golden ledger shares a document between customers: functions.test.ts has that case.
  it('met figures, blocked customers, several currencies, lines and both kinds of aged rows', () => {
    for (const [what, count] of Object.entries(met)) if (what !== 'openShared') expect([what, count > 0]).toEqual([what, true]);
    expect(met.nonZero).toBeGreaterThan(30);
    expect(met.lines).toBeGreaterThan(50);
  });
});
