/**
 * Properties of the statement engine over random valid ledgers (DESIGN.md §3–§4):
 *  (a) activity: opening + Σ movements = closing, running balances continuous;
 *  (b) activity closing at D = open-item total at D;
 *  (c) open-item: Σ aging buckets = balance due, for every aging spec;
 *  (d) shuffling the rows of every table changes nothing but row numbers;
 *  (f) the summary has the full output's sections and figures, without lines;
 *  (e) payments dated after D change nothing at D (allocate none and fifo), even when they name an
 *      earlier invoice (applies_to) or share its matching code.
 */
import fc from 'fast-check';
import {
  buildLedger, computeResultAsJson, computeStatements, currencyExponent, DEFAULT_SELECTION, formatIsoDay, makeAger, parseIsoDay, startOfMonth,
  type AgingSpec, type ComputeOptions, type ComputeResult, type Day, type Section, type SelectionOptions,
} from '../../src/core';
import {
  amountText, chance, CURRENCIES, genAgingSpec, genAsOf, genLedger, pick, randFromGen, shuffled, toRawTables,
  type GenEntry, type GenLedger, type LedgerRaw, type Rand,
} from './ledgerGen';

const RUNS = { numRuns: 1000, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true };
const SELECT_ALL: SelectionOptions = { include: 'either', excludeCredit: false, overdueOnly: false, honourOptOut: false };

class PropertyError extends Error {}
function eq<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new PropertyError(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}
function ok(cond: boolean, what: string): void {
  if (!cond) throw new PropertyError(what);
}

function options(asOf: Day, o: Partial<ComputeOptions> = {}): ComputeOptions {
  return { asOf, style: 'open-item', aging: { kind: 'bounds', bounds: [30, 60, 90] }, agingBasis: 'due', allocate: 'none', selection: SELECT_ALL, summary: false, ...o };
}

function run(raw: LedgerRaw, o: ComputeOptions): ComputeResult {
  const result = computeStatements(buildLedger(raw), o);
  // The generator makes valid ledgers: an error here is a false alarm of the engine (or a generator bug).
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new PropertyError(`valid ledger reported errors: ${errors.map((i) => i.message.en).join(' | ')}`);
  for (const s of result.statements) eq(s.status, 'ok', `status of ${s.customerId}`);
  return result;
}

function randomOptions(r: Rand, asOf: Day): ComputeOptions {
  const selection: SelectionOptions = chance(r, 50)
    ? SELECT_ALL
    : chance(r, 30)
      ? DEFAULT_SELECTION
      : {
          include: pick(r, ['balance', 'activity', 'either'] as const),
          excludeCredit: chance(r, 30),
          overdueOnly: chance(r, 20),
          honourOptOut: chance(r, 50),
          minBalance: chance(r, 20) ? pick(r, ['10.00', '0', '-5', '1000']) : undefined,
          groups: chance(r, 20) ? ['retail'] : undefined,
        };
  return options(asOf, {
    style: pick(r, ['open-item', 'activity'] as const),
    from: chance(r, 30) ? undefined : asOf - r.int(0, 200),
    aging: genAgingSpec(r),
    agingBasis: pick(r, ['due', 'posting'] as const),
    allocate: pick(r, ['none', 'fifo'] as const),
    selection,
    summary: chance(r, 15),
  });
}

/** Σ amounts of the posted entries of one customer and currency whose posting date satisfies `when`. */
function oracleSum(g: GenLedger, customerId: string, currency: string, when: (posting: Day) => boolean): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const e of g.entries) {
    if (e.posted && e.customerId === customerId && e.currency === currency && when(e.posting)) {
      sum += e.amount;
      count++;
    }
  }
  return { sum, count };
}

function sectionsByKey(r: ComputeResult): Map<string, Section> {
  const m = new Map<string, Section>();
  for (const s of r.statements) for (const sec of s.sections) m.set(`${s.customerId}\u0000${sec.currency}`, sec);
  return m;
}

const keysOf = (g: GenLedger): [string, string][] => g.customers.flatMap((c) => CURRENCIES.map((k) => [c.id, k] as [string, string]));

describe('statement properties over random valid ledgers', () => {
  it('(a) activity: opening + Σ movements = closing per section; running balances are continuous', () => {
    fc.assert(
      fc.property(fc.gen(), (gv) => {
        const r = randFromGen(gv);
        const g = genLedger(r);
        const asOf = genAsOf(r, g);
        const from = chance(r, 20) ? undefined : asOf - r.int(0, 200);
        const o = options(asOf, { style: 'activity', from, allocate: pick(r, ['none', 'fifo'] as const), aging: genAgingSpec(r), agingBasis: pick(r, ['due', 'posting'] as const) });
        const res = run(toRawTables(g), o);
        const start = from ?? startOfMonth(asOf);
        eq(res.from, start, 'default period start');
        const seen = sectionsByKey(res);
        for (const [id, currency] of keysOf(g)) {
          const sec = seen.get(`${id}\u0000${currency}`);
          const opening = oracleSum(g, id, currency, (p) => p < start);
          const period = oracleSum(g, id, currency, (p) => p >= start && p <= asOf);
          if (sec === undefined) {
            ok(opening.sum === 0 && period.count === 0, `${id} ${currency}: section missing though it has a balance or activity`);
            continue;
          }
          const where = `${id} ${currency}`;
          eq(sec.openingBalance, opening.sum, `${where} opening = Σ amounts before ${formatIsoDay(start)}`);
          eq(sec.lines.length, period.count, `${where} every entry of the period is a line`);
          let balance = sec.openingBalance;
          let previous = -Infinity;
          for (const l of sec.lines) {
            ok(l.entry.posting >= start && l.entry.posting <= asOf, `${where} line ${l.entry.documentNo} inside the period`);
            ok(l.entry.posting >= previous, `${where} lines in date order`);
            previous = l.entry.posting;
            balance += l.entry.amount;
            eq(l.balance, balance, `${where} running balance after ${l.entry.documentNo}`);
            eq(l.open, l.entry.amount - l.applied, `${where} open = amount − applied`);
          }
          eq(sec.closingBalance, balance, `${where} opening + Σ movements = closing`);
          eq(sec.closingBalance, opening.sum + period.sum, `${where} closing = Σ amounts up to D`);
        }
      }),
      RUNS,
    );
  });

  it('(b) activity closing at D = open-item total at D, per customer and currency', () => {
    fc.assert(
      fc.property(fc.gen(), (gv) => {
        const r = randFromGen(gv);
        const g = genLedger(r);
        const raw = toRawTables(g);
        const asOf = genAsOf(r, g);
        const common = { allocate: pick(r, ['none', 'fifo'] as const), aging: genAgingSpec(r), agingBasis: pick(r, ['due', 'posting'] as const) };
        const activity = sectionsByKey(run(raw, options(asOf, { ...common, style: 'activity', from: chance(r, 30) ? undefined : asOf - r.int(0, 300) })));
        const openItemFrom = chance(r, 50) ? undefined : asOf - r.int(0, 300);
        const openItem = sectionsByKey(run(raw, options(asOf, { ...common, style: 'open-item', from: openItemFrom })));
        for (const [id, currency] of keysOf(g)) {
          const key = `${id}\u0000${currency}`;
          const a = activity.get(key)?.closingBalance ?? 0;
          const o = openItem.get(key);
          const total = o?.closingBalance ?? 0;
          eq(a, total, `${id} ${currency}: activity closing = open-item total`);
          eq(total, oracleSum(g, id, currency, (p) => p <= asOf).sum, `${id} ${currency}: = Σ amounts posted ≤ D`);
          if (o === undefined) continue;
          // Open-item lines: only open items, running balance of open amounts from the opening balance.
          let balance = o.openingBalance;
          for (const l of o.lines) {
            ok(l.open !== 0, `${id} ${currency}: ${l.entry.documentNo} listed with nothing open`);
            ok(Math.sign(l.applied) * Math.sign(l.entry.amount) >= 0 && Math.abs(l.applied) <= Math.abs(l.entry.amount), `${id} ${currency}: ${l.entry.documentNo} applied within amount, same sign`);
            eq(l.open, l.entry.amount - l.applied, 'open = amount − applied');
            balance += l.open;
            eq(l.balance, balance, `${id} ${currency}: running open balance after ${l.entry.documentNo}`);
          }
          eq(o.closingBalance, balance, `${id} ${currency}: open-item opening + Σ open = total`);
        }
      }),
      RUNS,
    );
  });

  it('(c) open-item: Σ aging buckets = balance due, buckets as the spec defines them, for every aging spec', () => {
    fc.assert(
      fc.property(fc.gen(), (gv) => {
        const r = randFromGen(gv);
        const g = genLedger(r);
        const asOf = genAsOf(r, g);
        const spec = genAgingSpec(r);
        const basis = pick(r, ['due', 'posting'] as const);
        const res = run(toRawTables(g), options(asOf, { aging: spec, agingBasis: basis, allocate: pick(r, ['none', 'fifo'] as const) }));
        const labels = makeAger(spec, asOf).labels('en');
        eq(computeResultAsJson(res).aging.buckets.length, labels.length, 'JSON bucket labels');
        for (const s of res.statements) {
          for (const sec of s.sections) {
            const where = `${s.customerId} ${sec.currency} (${describeSpec(spec)}, by ${basis})`;
            eq(sec.aging.length, labels.length, `${where}: one amount per column`);
            eq(sec.aging.reduce((x, y) => x + y, 0), sec.closingBalance, `${where}: Σ buckets = balance due`);
            const expected = new Array<number>(labels.length).fill(0);
            let overdue = 0;
            for (const l of sec.lines) {
              const date = basis === 'due' ? l.entry.due : l.entry.posting;
              const slot = expectedBucket(spec, asOf, date);
              expected[slot] = (expected[slot] as number) + l.open;
              if (l.entry.due < asOf) overdue += l.open;
              eq(l.daysOverdue, l.open > 0 && l.entry.due < asOf ? asOf - l.entry.due : 0, `${where}: days overdue of ${l.entry.documentNo} (only what is owed is late)`);
            }
            eq(sec.aging.join(','), expected.join(','), `${where}: buckets recomputed from the lines`);
            eq(sec.overdue, overdue, `${where}: overdue = Σ open items due before D`);
            if (basis === 'due') eq(sec.aging.slice(1).reduce((x, y) => x + y, 0), sec.overdue, `${where}: every column but Current is overdue`);
          }
        }
      }),
      RUNS,
    );
  });

  it('(d) shuffling the rows of each table changes nothing but row numbers', () => {
    fc.assert(
      fc.property(fc.gen(), (gv) => {
        const r = randFromGen(gv);
        const g = genLedger(r);
        const raw = toRawTables(g);
        const mixed: LedgerRaw = {
          customers: { ...raw.customers, rows: shuffled(r, raw.customers.rows as readonly (readonly string[])[]) },
          entries: { ...raw.entries, rows: shuffled(r, raw.entries.rows as readonly (readonly string[])[]) },
          ...(raw.applications !== undefined ? { applications: { ...raw.applications, rows: shuffled(r, raw.applications.rows as readonly (readonly string[])[]) } } : {}),
        };
        const o = randomOptions(r, genAsOf(r, g));
        const a = withoutRowNumbers(computeResultAsJson(run(raw, o)));
        const b = withoutRowNumbers(computeResultAsJson(run(mixed, o)));
        expect(b).toEqual(a);
      }),
      RUNS,
    );
  });

  it('(e) payments dated after D change nothing at D, with allocate none and fifo, plain or naming earlier documents', () => {
    fc.assert(
      fc.property(fc.gen(), (gv) => {
        const r = randFromGen(gv);
        const g = genLedger(r);
        const asOf = genAsOf(r, g);
        const later: GenLedger = { ...g, entries: [...g.entries, ...laterPayments(r, g, asOf)] };
        const o = randomOptions(r, asOf);
        for (const allocate of ['none', 'fifo'] as const) {
          const before = JSON.stringify(computeResultAsJson(run(toRawTables(g), { ...o, allocate })));
          const after = JSON.stringify(computeResultAsJson(run(toRawTables(later), { ...o, allocate })));
          eq(after, before, `statements at ${formatIsoDay(asOf)} with allocate ${allocate}`);
        }
      }),
      RUNS,
    );
  });
});

describe('the aged-receivables summary', () => {
  it('(f) has exactly the statements, sections and figures of the full output, without lines', () => {
    fc.assert(
      fc.property(fc.gen(), (gv) => {
        const r = randFromGen(gv);
        const g = genLedger(r);
        const o = randomOptions(r, genAsOf(r, g));
        const raw = toRawTables(g);
        const full = computeResultAsJson(run(raw, { ...o, summary: false }));
        const summary = computeResultAsJson(run(raw, { ...o, summary: true }));
        const withoutLines = {
          ...full,
          statements: full.statements.map((st) => ({ ...st, sections: st.sections.map(({ currency, openingBalance, closingBalance, overdue, aging }) => ({ currency, openingBalance, closingBalance, overdue, aging })) })),
        };
        expect(summary).toEqual(withoutLines);
      }),
      RUNS,
    );
  });
});

describe('regressions found by review', () => {
  it('a summary keeps a section whose open items cancel out (balance 0, lines shown in full)', () => {
    const customers = { table: 'customers' as const, source: 'customers.csv', headers: ['customer_id', 'currency'], rows: [['A', 'EUR']] };
    const head = ['customer_id', 'type', 'document_no', 'posting_date', 'due_date', 'amount', 'currency'];
    const rows = [
      ['A', 'invoice', 'I1', '2024-03-01', '2024-04-15', '100.00', 'USD'],
      ['A', 'payment', 'P1', '2024-05-02', '', '-100.00', 'USD'],
      ['A', 'invoice', 'I2', '2024-05-10', '2024-06-09', '50.00', 'EUR'],
    ];
    const o = options(parseIsoDay('2024-05-31') as Day, { selection: DEFAULT_SELECTION });
    const json = (summary: boolean) => computeResultAsJson(run({ customers, entries: { table: 'entries', source: 'entries.csv', headers: head, rows } }, { ...o, summary }));
    const sections = (summary: boolean) => json(summary).statements.flatMap((st) => st.sections.map((x) => `${x.currency} ${x.closingBalance} ${x.aging.join('|')}`));
    expect(sections(false)).toEqual(['EUR 50.00 50.00|0.00|0.00|0.00|0.00', 'USD 0.00 0.00|-100.00|100.00|0.00|0.00']);
    expect(sections(true)).toEqual(sections(false));
  });
});

describe('regressions found by the properties', () => {
  it('a payment after D in a currency the customer had not used before D does not change the selection at D', () => {
    const customers = { table: 'customers' as const, source: 'customers.csv', headers: ['customer_id', 'currency'], rows: [['A', 'EUR']] };
    const head = ['customer_id', 'type', 'document_no', 'posting_date', 'amount', 'currency'];
    const before = [['A', 'payment', 'P1', '2026-01-05', '-0.01', 'EUR']];
    const after = [...before, ['A', 'payment', 'P2', '2026-03-01', '-5.00', 'USD']];
    const o = options(parseIsoDay('2026-02-15') as Day, { selection: { ...DEFAULT_SELECTION, minBalance: '0' } });
    const json = (rows: string[][]) => computeResultAsJson(run({ customers, entries: { table: 'entries', source: 'entries.csv', headers: head, rows } }, o));
    expect(json(before).excluded).toEqual([{ customerId: 'A', reason: 'below minimum balance' }]);
    expect(json(after)).toEqual(json(before));
  });
});

function laterPayments(r: Rand, g: GenLedger, asOf: Day): GenEntry[] {
  const out: GenEntry[] = [];
  const n = r.int(1, 5);
  for (let i = 0; i < n; i++) {
    const c = pick(r, g.customers);
    const currency = c.currency !== undefined && chance(r, 70) ? c.currency : pick(r, CURRENCIES);
    const posting = asOf + r.int(1, 120);
    const amount = -r.int(1, 500000);
    const text = amountText(r, -amount, currencyExponent(currency) as number).trim().replace(/^\+/, '');
    const documentNo = `LATE-${i}`;
    const due = chance(r, 50) ? undefined : posting + r.int(0, 30);
    // Often the later payment names an earlier invoice of the customer: the case where a global
    // settlement would let it take the invoice from a credit that had it at D.
    const debits = g.entries.filter((e) => e.posted && e.customerId === c.id && e.currency === currency && e.amount > 0);
    const named = debits.length > 0 && chance(r, 60) ? pick(r, debits) : undefined;
    const appliesTo = named !== undefined && (named.matchingCode === '' || chance(r, 50)) ? named.documentNo : '';
    const matchingCode = named !== undefined && appliesTo === '' ? named.matchingCode : '';
    out.push({
      customerId: c.id, type: 'payment', documentNo, posting, due, amount, currency, matchingCode, appliesTo, posted: true,
      cells: {
        customer_id: c.id, type: pick(r, ['payment', 'règlement', 'Payment']), document_no: documentNo, posting_date: formatIsoDay(posting),
        due_date: due === undefined ? '' : formatIsoDay(due), amount: `-${text}`, debit: '', credit: text, currency, description: 'later', reference: '', matching_code: matchingCode, applies_to: appliesTo, status: '', __notes: '',
      },
    });
  }
  return out;
}

type Json = ReturnType<typeof computeResultAsJson>;

/** Everything but row numbers (which shuffling changes) and the order that follows the rows of a table. */
function withoutRowNumbers(j: Json) {
  const issue = (i: Json['issues'][number]) => JSON.stringify({ ...i, row: undefined, message: i.message.replace(/\brows? \d+/g, 'row #') });
  return {
    ...j,
    statements: [...j.statements].sort((x, y) => (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0)).map((s) => ({ ...s, issues: s.issues?.map(issue).sort() })),
    excluded: j.excluded.map((e) => JSON.stringify(e)).sort(),
    issues: j.issues.map(issue).sort(),
  };
}

function describeSpec(s: AgingSpec): string {
  return s.kind === 'bounds' ? s.bounds.join(',') : s.kind === 'months' ? 'months' : s.formula.text;
}

// ---- An independent model of the aging columns (JS Date arithmetic, not the engine's calendar). ----
const MS = 86_400_000;
const ymd = (d: Day): [number, number, number] => {
  const x = new Date(d * MS);
  return [x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate()];
};
const dayOf = (y: number, m: number, d: number): Day => Date.UTC(y, m - 1, d) / MS;
const monthLength = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
function monthsBack(d: Day, n: number): Day {
  const [y, m, dd] = ymd(d);
  const index = y * 12 + (m - 1) - n;
  const Y = Math.floor(index / 12);
  const M = index - Y * 12 + 1;
  return dayOf(Y, M, Math.min(dd, monthLength(Y, M)));
}
const monthEnd = (d: Day): Day => {
  const [y, m] = ymd(d);
  return dayOf(y, m, monthLength(y, m));
};
const sundayOf = (d: Day): Day => d + ((7 - new Date(d * MS).getUTCDay()) % 7);

/** One step back of a period length, as DESIGN.md §4 reads it (the minus on the first term only). */
function stepBack(text: string, d: Day): Day {
  const days = /^(\d+)D$/.exec(text);
  if (days !== null) return d - Number(days[1]);
  const weeks = /^(\d+)W$/.exec(text);
  if (weeks !== null) return d - 7 * Number(weeks[1]);
  switch (text) {
    case '1M': return monthsBack(d, 1);
    case '1Q': return monthsBack(d, 3);
    case '1Y': return monthsBack(d, 12);
    case '1M+CM': return monthEnd(monthsBack(d, 1));
    case '1M-1D': return monthsBack(d, 1) - 1;
    case '1W+CW': return sundayOf(d - 7);
  }
  throw new Error(`no model for period ${text}`);
}

function expectedBucket(spec: AgingSpec, asOf: Day, date: Day): number {
  const d = asOf - date;
  if (d <= 0) return 0;
  if (spec.kind === 'bounds') {
    const i = spec.bounds.findIndex((b) => d <= b);
    return i < 0 ? spec.bounds.length + 1 : i + 1;
  }
  if (spec.kind === 'months') {
    const [ya, ma] = ymd(asOf);
    const [yd, md] = ymd(date);
    const k = ya * 12 + ma - (yd * 12 + md);
    return k <= 3 ? 1 + k : 5;
  }
  let edge = asOf;
  for (let column = 1; column <= 4; column++) {
    edge = stepBack(spec.formula.text, edge);
    if (date > edge) return column;
  }
  return 5;
}
