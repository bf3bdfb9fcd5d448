import { addMonths, calcDate, dayFromCivil, daysInMonth, endOfMonth, formatIsoDay, isLeapYear, negateFirstTerm, parseDateFormula, parseIsoDay } from '../../src/core';

const d = (s: string) => {
  const v = parseIsoDay(s);
  if (v === undefined) throw new Error(s);
  return v;
};
const calc = (formula: string, from: string) => {
  const f = parseDateFormula(formula);
  if (!f.ok) throw new Error(f.error.en);
  return formatIsoDay(calcDate(f.formula, d(from)));
};

describe('calendar days', () => {
  it('round-trips ISO dates and rejects impossible ones', () => {
    for (const s of ['1970-01-01', '2000-02-29', '2024-12-31', '1900-03-01', '9999-12-31', '0001-01-01']) expect(formatIsoDay(d(s))).toBe(s);
    for (const s of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '1900-02-29', '26-01-01', '2026-1-1', '', '2026-01-01T00:00']) expect(parseIsoDay(s)).toBeUndefined();
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
  });
  it('knows leap years and month ends', () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(formatIsoDay(endOfMonth(d('2028-02-10')))).toBe('2028-02-29');
    expect(formatIsoDay(addMonths(d('2026-01-31'), 1))).toBe('2026-02-28');
    expect(formatIsoDay(addMonths(d('2028-03-31'), -1))).toBe('2028-02-29');
    expect(formatIsoDay(addMonths(d('2026-11-15'), 3))).toBe('2027-02-15');
  });
});

describe('Business Central date formulas', () => {
  it.each([
    ['30D', '2026-10-31', '2026-11-30'],
    ['-30D', '2026-10-31', '2026-10-01'],
    ['1M+CM', '2026-10-15', '2026-11-30'],
    ['-1M+CM', '2026-10-31', '2026-09-30'],
    ['-1Y', '2028-02-29', '2027-02-28'],
    ['CQ', '2026-08-14', '2026-09-30'],
    ['-CQ', '2026-08-14', '2026-07-01'],
    ['2W', '2026-11-24', '2026-12-08'],
    ['CM+1D', '2026-02-10', '2026-03-01'],
    ['CW', '2026-11-24', '2026-11-29'], // Tuesday → Sunday
    ['-CW', '2026-11-24', '2026-11-23'],
    ['CY', '2026-05-05', '2026-12-31'],
    ['-CM', '2026-05-05', '2026-05-01'],
    ['1Q', '2026-11-30', '2027-02-28'],
    ['<1M>', '2026-01-31', '2026-02-28'],
    ['1m + cm', '2026-01-10', '2026-02-28'],
    ['30J', '2026-10-31', '2026-11-30'], // French letters: J = day
    ['1A', '2026-10-31', '2027-10-31'], // A = année
  ])('%s from %s is %s', (formula, from, expected) => {
    expect(calc(formula, from)).toBe(expected);
  });

  it.each(['', 'M', '30', '30X', '1M+', '1M2D', 'C', 'CX', '++1D', '99999D', 'abc'])('rejects %j with a message in en and fr', (bad) => {
    const f = parseDateFormula(bad);
    expect(f.ok).toBe(false);
    if (!f.ok) {
      expect(f.error.en.length).toBeGreaterThan(5);
      expect(f.error.fr.length).toBeGreaterThan(5);
      expect(f.error.fr).not.toBe(f.error.en);
    }
  });

  it('negates only the first term', () => {
    const f = parseDateFormula('1M+CM');
    if (!f.ok) throw new Error('parse');
    expect(formatIsoDay(calcDate(negateFirstTerm(f.formula), d('2026-10-31')))).toBe('2026-09-30');
  });
});
