import { civilFromDay, dayFromCivil, daysInMonth, type Day } from '../calendar/day';

/** One monthly run: its date R(k) and the period it covers, R(k−1) .. R(k) − 1 (DESIGN.md §4). */
export interface ScheduledRun {
  readonly runDate: Day;
  readonly from: Day;
  readonly to: Day;
}

/** Day N of a month, clamped to the month's last day (31 → Feb 28/29, Apr 30). */
export function runDateIn(year: number, month: number, dayOfMonth: number): Day {
  return dayFromCivil(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
}

function monthOffset(year: number, month: number, k: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + k;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function runFor(year: number, month: number, dayOfMonth: number): ScheduledRun {
  const prev = monthOffset(year, month, -1);
  const runDate = runDateIn(year, month, dayOfMonth);
  return { runDate, from: runDateIn(prev.year, prev.month, dayOfMonth), to: runDate - 1 };
}

/** The latest run on or before `today`. */
export function latestRun(dayOfMonth: number, today: Day): ScheduledRun {
  const { year, month } = civilFromDay(today);
  const here = runFor(year, month, dayOfMonth);
  if (here.runDate <= today) return here;
  const prev = monthOffset(year, month, -1);
  return runFor(prev.year, prev.month, dayOfMonth);
}

/**
 * Runs due after `lastRun` up to and including `today`, oldest first: the catch-up list after missed
 * months. With no last run, only the latest run is due (a new schedule does not replay history).
 */
export function dueRuns(dayOfMonth: number, lastRun: Day | undefined, today: Day): ScheduledRun[] {
  if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31) throw new RangeError('day of month must be 1..31');
  const latest = latestRun(dayOfMonth, today);
  if (lastRun === undefined) return [latest];
  const runs: ScheduledRun[] = [];
  let { year, month } = civilFromDay(latest.runDate);
  for (;;) {
    const run = runFor(year, month, dayOfMonth);
    if (run.runDate <= lastRun) break;
    runs.push(run);
    ({ year, month } = monthOffset(year, month, -1));
  }
  return runs.reverse();
}
