/**
 * Every function on every golden ledger, its tables passed as Excel passes a range (serials,
 * numbers, ""), each figure compared with `statements compute --json` run on a workbook holding
 * the same cells with the same options (the functions' options: no FIFO, everyone with entries).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as STMT from '../../src/functions/functions';
import { tempDir } from '../helpers/workbook';
import { excelErrorOf } from './customFunctionsStub';
import { agingTotals, digits, expectBlocked, expectSeveral, sectionFor, statementRows } from './expectations';
import { amount, columnOf, computeJson, gridFromCsv, isoSerial, sumAmounts, type ComputeJson, type Grid } from './excelGrids';
import { freshRuntime, OMITTED } from './setup';

const ROOT = path.join(__dirname, '../golden/scenarios');
const scenarios = fs.readdirSync(ROOT).filter((d) => fs.statSync(path.join(ROOT, d)).isDirectory()).sort();
const dir = tempDir('stmt-functions-');

interface Scenario {
  readonly entries: Grid;
  readonly applications: Grid | undefined;
  readonly customers: Grid;
  readonly asOf: string;
  readonly style: 'open-item' | 'activity';
  readonly from: string | undefined;
  readonly bands: string;
  readonly by: 'due' | 'posting';
  readonly ids: string[];
  /** undefined (no currency argument) and each currency of the customers table. */
  readonly currencies: (string | undefined)[];
}

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
}

function load(name: string): Scenario {
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
    style: (flag(args, '--style') ?? 'open-item') as Scenario['style'],
    from: flag(args, '--from'),
    bands: flag(args, '--aging') ?? '30,60,90',
    by: (flag(args, '--aging-by') ?? 'due') as Scenario['by'],
    ids: [...new Set(entries.slice(1).map((r) => String(r[idColumn])))],
    currencies: [undefined, ...new Set(customers.slice(1).map((r) => String(r[currencyColumn] ?? '')).filter((c) => c !== ''))],
  };
}

/** The entries with a currency column filled from each customer's currency, where they have none (OPEN takes no currency argument). */
function withCurrencyColumn(s: Scenario): Grid {
  if (columnOf('entries', s.entries, 'currency') >= 0) return s.entries;
  const id = columnOf('entries', s.entries, 'customer_id');
  const cid = columnOf('customers', s.customers, 'customer_id');
  const cur = columnOf('customers', s.customers, 'currency');
  const of = new Map(s.customers.slice(1).map((r) => [String(r[cid]), r[cur] ?? '']));
  return [[...(s.entries[0] as (string | number)[]), 'currency'], ...s.entries.slice(1).map((r) => [...r, of.get(String(r[id])) ?? ''])];
}

const currencyArgs = (c: string | undefined): string[] => (c === undefined ? [] : ['--currency', c]);

beforeEach(() => freshRuntime());

/** What the comparisons met, so they cannot all pass vacuously (every customer blocked, every statement empty). No golden ledger shares a document between customers: functions.test.ts has that case. */
const met = { figures: 0, nonZero: 0, blocked: 0, several: 0, lines: 0, openNonZero: 0, agedRows: 0, blockedRows: 0 };

describe.each(scenarios)('golden ledger %s', (name) => {
  const s = load(name);
  const asOf = isoSerial(s.asOf);
  const agingArgs = ['--as-of', s.asOf, '--aging', s.bands, '--aging-by', s.by];
  const sheets = { Entries: s.entries, ...(s.applications !== undefined ? { Applications: s.applications } : {}) };

  it('BALANCE and AGING of every customer, and AGING("*"), equal compute --json, with and without a currency', async () => {
    let checked = 0;
    for (const currency of s.currencies) {
      const json = await computeJson(dir, sheets, [...agingArgs, ...currencyArgs(currency)]);
      for (const id of [...s.ids, 'NOT-A-CUSTOMER']) {
        const st = json.statements.find((x) => x.customerId === id);
        const balance = STMT.balance(s.entries, id, asOf, currency ?? OMITTED, s.applications ?? OMITTED);
        const aging = STMT.aging(s.entries, id, asOf, s.bands, s.by, currency ?? OMITTED, s.applications ?? OMITTED);
        checked++;
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
      const all = STMT.aging(s.entries, '*', asOf, s.bands, s.by, currency ?? OMITTED, s.applications ?? OMITTED);
      const blocked = json.statements.filter((x) => x.status === 'blocked').map((x) => x.customerId);
      const present = [...new Set(json.statements.flatMap((x) => x.sections.map((y) => y.currency)))].sort();
      if (blocked.length > 0) {
        const e = await excelErrorOf(all);
        expect(e.code).toBe('#VALUE!');
        expect(e.message).toContain(`left out of the total: customer${blocked.length > 1 ? 's' : ''} ${blocked.join(', ')}`);
      } else if (currency === undefined && present.length > 1) await expectSeveral(present, all);
      else {
        const c = currency ?? present[0];
        expect(await all).toEqual([(c === undefined ? undefined : agingTotals(json, c)) ?? json.aging.buckets.map(() => 0)]);
      }
    }
    expect(checked).toBeGreaterThan(s.ids.length);
  });

  it('STATEMENT of every customer equals the lines of compute --json', async () => {
    for (const currency of s.currencies) {
      const json = await computeJson(dir, sheets, ['--as-of', s.asOf, '--style', s.style, ...(s.from !== undefined ? ['--from', s.from] : []), ...currencyArgs(currency)]);
      for (const id of s.ids) {
        const st = json.statements.find((x) => x.customerId === id);
        const answer = STMT.statement(s.entries, id, asOf, s.style, s.from === undefined ? OMITTED : isoSerial(s.from), currency ?? OMITTED, s.applications ?? OMITTED);
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
        expect(await answer).toEqual(statementRows(json, pick.section, s.style, s.asOf));
      }
    }
  });

  it('OPEN of every document equals the open amounts of its lines in compute --json', async () => {
    const entries = withCurrencyColumn(s);
    const json = await computeJson(dir, { ...sheets, Entries: entries }, ['--as-of', s.asOf]);
    const doc = columnOf('entries', entries, 'document_no');
    const cust = columnOf('entries', entries, 'customer_id');
    const documents = new Map<string, Set<string>>();
    for (const r of entries.slice(1)) {
      const d = String(r[doc]);
      if (d === '') continue;
      documents.set(d, (documents.get(d) ?? new Set()).add(String(r[cust])));
    }
    expect(documents.size).toBeGreaterThan(0);
    for (const [d, owners] of documents) {
      const answer = STMT.open(entries, d, asOf, s.applications ?? OMITTED);
      if (owners.size > 1) {
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
    const unknown = await excelErrorOf(STMT.open(entries, 'NO-SUCH-DOCUMENT', asOf, s.applications ?? OMITTED));
    expect(unknown).toEqual({ code: '#N/A', message: 'document NO-SUCH-DOCUMENT is not in the entries' });
  });

  it('AGEDRECEIVABLES equals the summary of compute --json, a total per currency', async () => {
    const json: ComputeJson = await computeJson(dir, { ...sheets, Customers: s.customers }, [...agingArgs, '--summary']);
    const table = await STMT.agedReceivables(s.entries, asOf, s.bands, s.by, s.applications ?? OMITTED, s.customers);
    const width = 5 + json.aging.buckets.length;
    expect(table[0]).toEqual(['Customer', 'Name', 'Currency', 'Balance', ...json.aging.buckets, 'Status']);
    for (const row of table) expect(row).toHaveLength(width);
    const body = table.slice(1);
    const rows = body.filter((r) => r[0] !== 'Total');
    const totals = body.filter((r) => r[0] === 'Total');
    const expected = json.statements.flatMap((x) => (x.status === 'ok' ? x.sections.filter((y) => amount(y.closingBalance) !== 0).map((y) => [x.customerId, x.name ?? '', y.currency, amount(y.closingBalance), ...y.aging.map(amount), 'ok']) : []));
    expect(rows.filter((r) => r[width - 1] === 'ok').sort()).toEqual(expected.sort());
    met.agedRows += expected.length;
    const blocked = json.statements.filter((x) => x.status === 'blocked');
    for (const b of blocked) {
      const mine = rows.filter((r) => r[0] === b.customerId);
      met.blockedRows += mine.length;
      expect(mine.length).toBeGreaterThan(0);
      for (const r of mine) {
        expect(r.slice(3, width - 1).every((c) => c === '')).toBe(true);
        expect(String(r[width - 1])).toMatch(/^blocked: customer /);
      }
    }
    const currencies = [...new Set(expected.map((r) => r[2] as string))].sort();
    expect(totals.map((t) => t[2])).toEqual([...new Set([...currencies, ...totals.map((t) => t[2] as string)])].sort());
    for (const t of totals) {
      const c = t[2] as string;
      const sections = json.statements.flatMap((x) => x.sections.filter((y) => y.currency === c));
      expect(t.slice(3, width - 1)).toEqual([sumAmounts(sections.map((y) => y.closingBalance), digits(c)), ...json.aging.buckets.map((_, k) => sumAmounts(sections.map((y) => y.aging[k] as string), digits(c)))]);
      // Each currency's rows come just before its total.
      const at = table.indexOf(t);
      expect(table[at - 1]?.[2]).toBe(c);
    }
  });
});

describe('the comparisons above', () => {
  it('met figures, blocked customers, several currencies, lines, and both kinds of aged rows', () => {
    for (const [what, count] of Object.entries(met)) expect([what, count > 0]).toEqual([what, true]);
    expect(met.nonZero).toBeGreaterThan(30);
    expect(met.lines).toBeGreaterThan(50);
  });
});
