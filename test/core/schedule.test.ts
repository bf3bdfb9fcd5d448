import { dueRuns, formatIsoDay, latestRun, parseIsoDay, runFor, type ScheduledRun } from '../../src/core';

const d = (s: string) => parseIsoDay(s) as number;
const show = (r: ScheduledRun) => `${formatIsoDay(r.runDate)} ${formatIsoDay(r.from)}..${formatIsoDay(r.to)}`;

describe('monthly schedule', () => {
  it('clamps the run day to the month end and covers R(k-1)..R(k)-1', () => {
    expect(show(runFor(2028, 3, 31))).toBe('2028-03-31 2028-02-29..2028-03-30');
    expect(show(runFor(2028, 2, 31))).toBe('2028-02-29 2028-01-31..2028-02-28');
    expect(show(runFor(2027, 3, 30))).toBe('2027-03-30 2027-02-28..2027-03-29');
    expect(show(runFor(2027, 1, 1))).toBe('2027-01-01 2026-12-01..2026-12-31');
  });
  it('day 1 covers the previous calendar month', () => {
    expect(show(latestRun(1, d('2026-11-24')))).toBe('2026-11-01 2026-10-01..2026-10-31');
  });
  it('lists missed runs once each, oldest first', () => {
    expect(dueRuns(15, d('2026-08-15'), d('2026-11-24')).map(show)).toEqual([
      '2026-09-15 2026-08-15..2026-09-14',
      '2026-10-15 2026-09-15..2026-10-14',
      '2026-11-15 2026-10-15..2026-11-14',
    ]);
    expect(dueRuns(15, d('2026-11-15'), d('2026-11-24'))).toEqual([]);
    expect(dueRuns(25, undefined, d('2026-11-24')).map(show)).toEqual(['2026-10-25 2026-09-25..2026-10-24']);
    expect(() => dueRuns(0, undefined, d('2026-11-24'))).toThrow(RangeError);
  });
});
