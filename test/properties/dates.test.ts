/**
 * (g) Calendar, Business Central date formulas and the monthly schedule, checked against an
 * independent model (JS Date in UTC) where one is needed.
 */
import fc from 'fast-check';
import {
  calcDate, civilFromDay, dayFromCivil, daysInMonth, dueRuns, formatIsoDay, latestRun, makeAger, negateFirstTerm,
  parseAgingSpec, parseDateFormula, parseIsoDay, runFor, type DateFormula, type Day,
} from '../../src/core';

const RUNS = { numRuns: 1000 };
const MS = 86_400_000;

/** Days of years 1..9999, the range the engine accepts; and a narrower one JS Date handles plainly. */
const anyDay = fc.integer({ min: dayFromCivil(1, 1, 1), max: dayFromCivil(9999, 12, 31) });
const modernDay = fc.integer({ min: dayFromCivil(1900, 1, 1), max: dayFromCivil(2200, 12, 31) });

function formula(text: string): DateFormula {
  const p = parseDateFormula(text);
  if (!p.ok) throw new Error(`test bug: ${text}: ${p.error.en}`);
  return p.formula;
}
const isMonthEnd = (d: Day): boolean => civilFromDay(d + 1).day === 1;
const jsDate = (d: Day): Date => new Date(d * MS);

describe('(g) calendar and BC date formulas', () => {
  it('day numbers: civil conversion agrees with JS Date, ISO text round-trips', () => {
    fc.assert(
      fc.property(modernDay, (d) => {
        const c = civilFromDay(d);
        const js = jsDate(d);
        expect([c.year, c.month, c.day]).toEqual([js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate()]);
        expect(dayFromCivil(c.year, c.month, c.day)).toBe(d);
        expect(formatIsoDay(d)).toBe(js.toISOString().slice(0, 10));
      }),
      RUNS,
    );
    fc.assert(fc.property(anyDay, (d) => expect(parseIsoDay(formatIsoDay(d))).toBe(d)), RUNS);
  });

  it('impossible dates are refused: day 0, day past the month end, month 13', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), (y, m, over) => {
        const iso = (yy: number, mm: number, dd: number) => `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
        const last = daysInMonth(y, m);
        expect(parseIsoDay(iso(y, m, last))).toBe(dayFromCivil(y, m, last));
        if (last + over <= 99) expect(parseIsoDay(iso(y, m, last + over))).toBeUndefined();
        expect(parseIsoDay(iso(y, m, 0))).toBeUndefined();
        expect(parseIsoDay(iso(y, 12 + over, 1))).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('`nD` adds n days and `-nD` takes them away (also with the French J)', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 9999 }), fc.constantFrom('D', 'J', 'd'), (d, n, unit) => {
        expect(calcDate(formula(`${n}${unit}`), d)).toBe(d + n);
        expect(calcDate(formula(`-${n}${unit}`), d)).toBe(d - n);
        expect(calcDate(formula(`${n}W`), d)).toBe(d + 7 * n);
      }),
      RUNS,
    );
  });

  it('`CM` always gives the end of the same month; `-CM` its first day', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const end = calcDate(formula('CM'), d);
        const c = civilFromDay(d);
        expect(isMonthEnd(end)).toBe(true);
        expect(end).toBeGreaterThanOrEqual(d);
        expect(civilFromDay(end)).toEqual({ year: c.year, month: c.month, day: daysInMonth(c.year, c.month) });
        const start = calcDate(formula('-CM'), d);
        expect(civilFromDay(start)).toEqual({ year: c.year, month: c.month, day: 1 });
      }),
      RUNS,
    );
  });

  it('negateFirstTerm(`1M+CM`) from a month end steps exactly one month end back (from any day: the previous month end)', () => {
    const back = negateFirstTerm(formula('1M+CM'));
    fc.assert(
      fc.property(modernDay, (d) => {
        const monthEnd = calcDate(formula('CM'), d);
        const r = calcDate(back, monthEnd);
        expect(isMonthEnd(r)).toBe(true);
        // The previous month end is the day before the first of the month (JS Date as the model).
        const js = jsDate(monthEnd);
        const model = Date.UTC(js.getUTCFullYear(), js.getUTCMonth(), 0) / MS;
        expect(r).toBe(model);
        expect(calcDate(back, d)).toBe(model);
        // And forwards again: +1M+CM from the previous month end comes back to this one.
        expect(calcDate(formula('1M+CM'), r)).toBe(monthEnd);
      }),
      RUNS,
    );
  });

  it('every period an aging spec accepts walks strictly back in time, from every date', () => {
    const term = fc.tuple(fc.constantFrom('', '+', '-'), fc.oneof(fc.constant('C'), fc.integer({ min: 0, max: 40 }).map(String)), fc.constantFrom('D', 'W', 'M', 'Q', 'Y'));
    const text = fc.array(term, { minLength: 1, maxLength: 3 }).map((ts) => ts.map(([s, n, u], i) => `${i > 0 && s === '' ? '+' : s}${n}${u}`).join(''));
    const parsed = new Map<string, ReturnType<typeof parseAgingSpec>>(); // the same texts come back often
    fc.assert(
      fc.property(text, modernDay, (t, asOf) => {
        const p = parsed.get(t) ?? parseAgingSpec(t);
        parsed.set(t, p);
        if (!p.ok || p.spec.kind !== 'period') return;
        const back = negateFirstTerm(p.spec.formula);
        let edge = asOf;
        for (let i = 0; i < 4; i++) {
          const next = calcDate(back, edge);
          if (!(next < edge)) throw new Error(`aging period "${t}" accepted, but from ${formatIsoDay(edge)} it steps to ${formatIsoDay(next)}`);
          edge = next;
        }
        // Columns of a period spec: Current + 5 ranges, every date in exactly one.
        expect(makeAger(p.spec, asOf).size).toBe(6);
      }),
      RUNS,
    );
  });
});

describe('aging periods must walk back from every date (CM, CQ, CY, CW, CM+1D, CW-CY used to be accepted)', () => {
  it.each(['CM', 'CQ', 'CY', 'CW', 'CM+1D', 'CW-CY', '-CM', '0D'])('%s is refused', (t) => {
    expect(parseAgingSpec(t).ok).toBe(false);
  });
  it.each(['30D', '1M+CM', '1M', '2W', '1Q', '1M-1D', '1W+CW'])('%s is accepted', (t) => {
    expect(parseAgingSpec(t).ok).toBe(true);
  });
});

describe('(g) monthly schedule', () => {
  const month = fc.record({ year: fc.integer({ min: 1901, max: 2199 }), month: fc.integer({ min: 1, max: 12 }) });
  const next = (y: number, m: number) => (m === 12 ? { year: y + 1, month: 1 } : { year: y, month: m + 1 });

  it('consecutive runs tile time (next.from = prev.to + 1) for every day of month 1..31', () => {
    fc.assert(
      fc.property(month, (ym) => {
        const problems: string[] = [];
        const check = (cond: boolean, what: string) => void (cond || problems.push(what));
        for (let n = 1; n <= 31; n++) {
          const prev = runFor(ym.year, ym.month, n);
          const nx = next(ym.year, ym.month);
          const following = runFor(nx.year, nx.month, n);
          const where = `day ${n} of ${ym.year}-${ym.month}`;
          check(following.from === prev.to + 1, `${where}: next run starts the day after this one ends`);
          check(prev.from <= prev.to, `${where}: period not empty`);
          check(prev.runDate === prev.to + 1, `${where}: the period ends the day before the run`);
          // Day n of the month, clamped to its last day.
          const c = civilFromDay(prev.runDate);
          check(c.year === ym.year && c.month === ym.month && c.day === Math.min(n, daysInMonth(ym.year, ym.month)), `${where}: run date clamped to the month`);
          // Day 1: the previous calendar month exactly.
          if (n === 1) check(civilFromDay(prev.from).day === 1 && isMonthEnd(prev.to), `${where}: the previous calendar month`);
        }
        expect(problems).toEqual([]);
      }),
      RUNS,
    );
  });

  it('catch-up runs: each missed run once, oldest first, tiling from the last run to today', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }), (ym, n, gapMonths, extraDays) => {
        const last = runFor(ym.year, ym.month, n);
        const today = last.runDate + gapMonths * 31 + extraDays;
        const runs = dueRuns(n, last.runDate, today);
        const latest = latestRun(n, today);
        expect(latest.runDate).toBeLessThanOrEqual(today);
        const after = civilFromDay(latest.runDate);
        const nx = next(after.year, after.month);
        expect(runFor(nx.year, nx.month, n).runDate).toBeGreaterThan(today);
        if (runs.length === 0) {
          expect(latest.runDate).toBe(last.runDate);
          return;
        }
        expect(runs[0]?.from).toBe(last.runDate);
        expect(runs[runs.length - 1]).toEqual(latest);
        for (let i = 1; i < runs.length; i++) expect(runs[i]?.from).toBe((runs[i - 1]?.to as number) + 1);
        expect(new Set(runs.map((r) => r.runDate)).size).toBe(runs.length);
      }),
      RUNS,
    );
  });
});
