/**
 * The monthly schedule of DESIGN.md §4 against a hand-written expectation (schedule-expected.md):
 * run dates and periods for schedule days 29, 30 and 31 (and 1) across a common February (2027) and
 * a leap February (2028), and the catch-up lists after missed runs. The schedule is not a `compute`
 * feature, so this calls src/core directly. The expected file is never generated: edit it by hand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dueRuns, formatIsoDay, parseIsoDay, runFor, type Day, type ScheduledRun } from '../../src/core';

const day = (iso: string): Day => {
  const d = parseIsoDay(iso);
  if (d === undefined) throw new Error(`bad date ${iso}`);
  return d;
};

const runRow = (r: ScheduledRun): string => `| ${formatIsoDay(r.runDate)} | ${formatIsoDay(r.from)} | ${formatIsoDay(r.to)} |`;

function runForSection(dayOfMonth: number, months: readonly [number, number][]): string[] {
  const out = [`## runFor: day ${dayOfMonth}`, '', '| Month | Run date | Period from | Period to |', '|---|---|---|---|'];
  for (const [year, month] of months) out.push(`| ${year}-${String(month).padStart(2, '0')} ${runRow(runFor(year, month, dayOfMonth))}`);
  out.push('');
  return out;
}

function dueRunsSection(dayOfMonth: number, lastRun: string | undefined, today: string): string[] {
  const out = [`### day ${dayOfMonth}, ${lastRun === undefined ? 'no last run' : `last run ${lastRun}`}, today ${today}`, ''];
  const runs = dueRuns(dayOfMonth, lastRun === undefined ? undefined : day(lastRun), day(today));
  if (runs.length === 0) out.push('_Nothing due._');
  else out.push('| Run date | Period from | Period to |', '|---|---|---|', ...runs.map(runRow));
  out.push('');
  return out;
}

function scheduleMarkdown(): string {
  const janToMay = (year: number): [number, number][] => [1, 2, 3, 4, 5].map((m) => [year, m]);
  const months = [...janToMay(2027), ...janToMay(2028)];
  const out = [
    '# Monthly schedule (DESIGN.md §4)',
    '',
    "Run date R(k) = day N of month k, clamped to the month's last day; the run covers R(k−1) .. R(k) − 1.",
    'February 2027 has 28 days (common year), February 2028 has 29 (leap year).',
    'Written by hand, not generated.',
    '',
    ...runForSection(1, [[2027, 3], [2028, 3]]),
    ...runForSection(29, months),
    ...runForSection(30, months),
    ...runForSection(31, months),
    '## dueRuns: catch-up after missed runs',
    '',
    ...dueRunsSection(31, '2027-12-31', '2028-04-10'),
    ...dueRunsSection(30, '2027-11-30', '2028-03-01'),
    ...dueRunsSection(30, '2027-01-30', '2027-03-30'),
    ...dueRunsSection(29, '2028-01-29', '2028-02-29'),
    ...dueRunsSection(29, '2028-02-29', '2028-03-28'),
    ...dueRunsSection(29, '2027-01-29', '2027-03-01'),
    ...dueRunsSection(31, undefined, '2027-02-28'),
    ...dueRunsSection(31, '2027-02-28', '2027-02-28'),
    ...dueRunsSection(31, undefined, '2027-02-27'),
  ];
  return out.join('\n');
}

it('matches the hand-written schedule-expected.md', () => {
  const expected = fs.readFileSync(path.join(__dirname, 'schedule-expected.md'), 'utf8');
  expect(scheduleMarkdown()).toBe(expected);
});

it('catches up every missed run exactly once: consecutive periods, no gap, no overlap', () => {
  for (const dayOfMonth of [1, 28, 29, 30, 31]) {
    const runs = dueRuns(dayOfMonth, day('2026-12-15'), day('2028-12-31'));
    expect(runs.length).toBeGreaterThanOrEqual(24);
    for (let i = 1; i < runs.length; i++) {
      const prev = runs[i - 1] as ScheduledRun;
      const run = runs[i] as ScheduledRun;
      expect(run.from).toBe(prev.runDate);
      expect(run.from).toBe(prev.to + 1);
    }
    // Resuming from the last run sent leaves nothing to send twice.
    const last = runs[runs.length - 1] as ScheduledRun;
    expect(dueRuns(dayOfMonth, last.runDate, day('2028-12-31'))).toEqual([]);
  }
});
