import { formatIsoDay, scheduledGroups, type ComputeResult, type Day, type Language, type Localised, type MailSchedule, type RunGroup } from '../../core';
import { readWorkbookMail, recordScheduleRun, type ExcelRun } from '../../adapters/excel';
import type { ItemResult } from '../../adapters/mail/deliverBatch';
import { prepareBatch, sendBatch, type BatchChoice } from './mailBatch';
import type { PaneMailDeps } from './mailDeps';

/**
 * Monthly schedules in the pane (DESIGN.md §4, core's scheduledGroups): the runs due today after
 * the last one the pane completed, oldest first (missed months caught up), shown when the workbook
 * opens; "Run them" sends each run's statements (exactly once: the "Sent statements" sheet and the
 * mailbox are looked up first) and records a run complete only when nothing of it failed.
 */
export interface DueRuns {
  readonly schedule: MailSchedule | undefined;
  /** The saved attachment choice, used by the runs. */
  readonly attachment: 'pdf' | 'word-pdf';
  readonly attachCsv: boolean;
  readonly groups: readonly RunGroup[];
  readonly error?: Localised;
}

export async function findDueRuns(run: ExcelRun, customerIds: readonly string[], today: Day): Promise<DueRuns> {
  const saved = await readWorkbookMail(run);
  if (!saved.parsed.ok) return { schedule: undefined, attachment: 'pdf', attachCsv: false, groups: [], error: { en: saved.parsed.errors.map((e) => e.en).join('; '), fr: saved.parsed.errors.map((e) => e.fr).join(' ; ') } };
  const { schedule, attachment, attachCsv } = saved.parsed.settings;
  return { schedule, attachment, attachCsv, groups: schedule === undefined ? [] : scheduledGroups(schedule, saved.lastRun, today, customerIds) };
}

export interface RunProgress {
  readonly group: RunGroup;
  readonly done: number;
  readonly total: number;
  readonly results: readonly ItemResult[];
}

/**
 * Sends the due runs in order. `compute` gives a group's statements (its period, style and
 * customers, with the pane's other options). Stops at the first run with a failure: later runs
 * wait, so each is recorded once, in order.
 */
export async function runDue(
  run: ExcelRun, due: DueRuns, deps: PaneMailDeps, language: Language,
  compute: (group: RunGroup, style: MailSchedule['style']) => Promise<ComputeResult | undefined>,
  onProgress: (p: RunProgress) => void,
): Promise<{ readonly completed: readonly string[]; readonly error?: Localised }> {
  const completed: string[] = [];
  const schedule = due.schedule;
  if (schedule === undefined) return { completed };
  const runDates = [...new Set(due.groups.map((g) => g.run.runDate))];
  for (const runDate of runDates) {
    let failed: Localised | undefined;
    for (const group of due.groups.filter((g) => g.run.runDate === runDate)) {
      const result = await compute(group, schedule.style);
      if (result === undefined) return { completed, error: { en: 'the ledger cannot be read', fr: 'le grand livre ne peut pas être lu' } };
      const choice: BatchChoice = { customerId: undefined, mode: 'send', sendAtLocal: '', attachment: due.attachment, attachCsv: due.attachCsv, resend: false };
      const prepared = await prepareBatch(run, result, choice, deps);
      if (!prepared.ok) return { completed, error: prepared.error };
      const sent = await sendBatch(run, prepared.batch, deps, language, { onProgress: (p) => onProgress({ group, done: p.done, total: p.total, results: p.results }) });
      if (!sent.ok) return { completed, error: sent.error };
      if (sent.report.failures.length > 0) failed = { en: `${sent.report.failures.length} statement(s) not sent`, fr: `${sent.report.failures.length} relevé(s) non envoyé(s)` };
    }
    if (failed !== undefined) return { completed, error: { en: `Run ${formatIsoDay(runDate)} not complete (it will be tried again): ${failed.en}`, fr: `Envoi du ${formatIsoDay(runDate)} incomplet (il sera repris) : ${failed.fr}` } };
    await recordScheduleRun(run, runDate);
    completed.push(formatIsoDay(runDate));
  }
  return { completed };
}
