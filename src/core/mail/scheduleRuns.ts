import { civilFromDay, type Day } from '../calendar/day';
import { dueRuns, runDateIn, type ScheduledRun } from '../schedule/monthlySchedule';
import type { Frequency, MailSchedule } from './mailSettings';

/** One statement run of a scheduled date: the customers of one frequency and their period. */
export interface RunGroup {
  readonly run: ScheduledRun;
  readonly frequency: Exclude<Frequency, 'never'>;
  /** Period start: R(k−1) for monthly, R(k−3) for quarterly customers. */
  readonly from: Day;
  /** Statement date: the period's last day, R(k) − 1. */
  readonly asOf: Day;
  readonly customerIds: readonly string[];
}

/** Quarterly customers are sent on the runs of January, April, July and October, covering the three months before. */
const isQuarterMonth = (month: number): boolean => month % 3 === 1;

/**
 * The runs due on `today` after the last completed one (catch-up, oldest first; DESIGN.md §4), each
 * split by frequency. Customers set to "never" get no scheduled statement.
 */
export function scheduledGroups(schedule: MailSchedule, lastRun: Day | undefined, today: Day, customerIds: readonly string[]): RunGroup[] {
  const groups: RunGroup[] = [];
  const frequencyOf = (id: string): Frequency => schedule.customers[id] ?? schedule.frequency;
  for (const run of dueRuns(schedule.dayOfMonth, lastRun, today)) {
    const { year, month } = civilFromDay(run.runDate);
    const monthly = customerIds.filter((id) => frequencyOf(id) === 'monthly');
    if (monthly.length > 0) groups.push({ run, frequency: 'monthly', from: run.from, asOf: run.to, customerIds: monthly });
    const quarterly = customerIds.filter((id) => frequencyOf(id) === 'quarterly');
    if (quarterly.length > 0 && isQuarterMonth(month)) {
      const index = year * 12 + (month - 1) - 3;
      const from = runDateIn(Math.floor(index / 12), (index % 12) + 1, schedule.dayOfMonth);
      groups.push({ run, frequency: 'quarterly', from, asOf: run.to, customerIds: quarterly });
    }
  }
  return groups;
}
