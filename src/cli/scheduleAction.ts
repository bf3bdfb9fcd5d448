import * as path from 'node:path';
import { computeStatements, formatIsoDay, type SettingsRow, lastScheduleRun, parseIsoDay, scheduledGroups, type Day, type Language, type MailSchedule } from '../core';
import { defaultLogPath, readSendLog, SendLogFile } from '../adapters/mail/sendLogFile';
import type { Io } from './io';
import { loadLedger } from './loadLedger';
import { mailSettingsForRun } from './mailSettingsFile';
import { computeOptionsFrom, exportOptionsFrom, UsageError } from './options';
import { checkSendFlags, sendComputed, type SendFlags } from './sendAction';

export interface ScheduleFlags extends Omit<SendFlags, 'asOf'> {
  today: string;
}

const T = {
  en: { none: 'No run due.', run: 'Run', period: 'period', customers: (n: number) => (n === 1 ? 'customer' : 'customers'), frequency: { monthly: 'monthly', quarterly: 'quarterly' }, done: 'Run complete:', incomplete: 'Run not complete (it will be tried again):' },
  fr: { none: 'Aucun envoi dû.', run: 'Envoi du', period: 'période', customers: (n: number) => (n === 1 ? 'client' : 'clients'), frequency: { monthly: 'mensuel', quarterly: 'trimestriel' }, done: 'Envoi terminé :', incomplete: 'Envoi incomplet (il sera repris) :' },
};

/** The schedule of --settings, else the one saved in the workbook by the task pane. */
function scheduleOf(f: ScheduleFlags, workbookRows: readonly SettingsRow[]): MailSchedule {
  const schedule = mailSettingsForRun(f.settings, workbookRows).schedule;
  if (schedule === undefined) throw new UsageError('no schedule: add "mail": {"schedule": {"dayOfMonth": 1}} to --settings (or save one in the task pane)', 'pas de calendrier : ajoutez "mail": {"schedule": {"dayOfMonth": 1}} à --settings (ou enregistrez-en un dans le volet)');
  return schedule;
}

function today(f: ScheduleFlags): Day {
  const d = parseIsoDay(f.today);
  if (d === undefined) throw new UsageError(`--today ${f.today}: expected a date YYYY-MM-DD`, `--today ${f.today} : date AAAA-MM-JJ attendue`);
  return d;
}

async function groupsDue(f: ScheduleFlags, io: Io): Promise<{ groups: ReturnType<typeof scheduledGroups>; language: Language; logFile: string; schedule: MailSchedule | undefined; ledger: Awaited<ReturnType<typeof loadLedger>> }> {
  const { language, defaultCurrency, dateOrder } = computeOptionsFrom({ ...f, asOf: f.today });
  if (f.settings !== undefined) scheduleOf(f, []); // a settings file without a schedule is said before the ledger is read
  const logFile = f.log ?? defaultLogPath(f.ledger);
  const last = lastScheduleRun(readSendLog(logFile));
  const ledger = await loadLedger(f.ledger, { defaultCurrency, dateOrder, mappingFile: f.mapping, exportOptions: exportOptionsFrom(f) });
  if (!ledger.ok) {
    io.err(`${ledger.error[language]}\n`);
    return { groups: [], language, logFile, schedule: undefined, ledger };
  }
  const schedule = scheduleOf(f, ledger.settingsRows);
  const ids = ledger.ledger.customers.map((c) => c.id);
  const selected = f.customer === undefined ? ids : ids.filter((id) => f.customer?.includes(id));
  return { groups: scheduledGroups(schedule, last === undefined ? undefined : parseIsoDay(last), today(f), selected), language, logFile, schedule, ledger };
}

const describe = (g: ReturnType<typeof scheduledGroups>[number], language: Language): string =>
  `${T[language].run} ${formatIsoDay(g.run.runDate)} (${T[language].frequency[g.frequency]})${language === 'fr' ? ' :' : ':'} ${T[language].period} ${formatIsoDay(g.from)}..${formatIsoDay(g.asOf)}, ${g.customerIds.length} ${T[language].customers(g.customerIds.length)}`;

/** `statements schedule due`: the runs due today, catch-up included, oldest first. */
export async function runScheduleDue(f: ScheduleFlags, io: Io): Promise<number> {
  const { groups, language, ledger } = await groupsDue(f, io);
  if (!ledger.ok) return 1;
  io.out(groups.length === 0 ? `${T[language].none}\n` : `${groups.map((g) => describe(g, language)).join('\n')}\n`);
  return 0;
}

/** `statements schedule run`: sends each due run in order; a run is recorded done only when nothing of it failed. */
export async function runScheduleRun(f: ScheduleFlags, io: Io): Promise<number> {
  checkSendFlags({ ...f, asOf: f.today });
  const { groups, language, logFile, schedule, ledger } = await groupsDue(f, io);
  if (!ledger.ok) return 1;
  if (groups.length === 0) {
    io.out(`${T[language].none}\n`);
    return 0;
  }
  let code = 0;
  const runDates = [...new Set(groups.map((g) => g.run.runDate))];
  for (const runDate of runDates) {
    let failed = false;
    for (const g of groups.filter((x) => x.run.runDate === runDate)) {
      io.out(`${describe(g, language)}\n`);
      const { options } = computeOptionsFrom({ ...f, asOf: formatIsoDay(g.asOf), from: formatIsoDay(g.from), style: schedule?.style ?? 'activity' });
      const result = computeStatements(ledger.ledger, { ...options, customers: [...g.customerIds], summary: false });
      const printFile = f.printFile ?? path.join(path.dirname(path.resolve(logFile)), `statements-to-print-${formatIsoDay(g.asOf)}.pdf`);
      const r = await sendComputed(result, { ...f, asOf: formatIsoDay(g.asOf) }, io, language, logFile, printFile, ledger.settingsRows);
      if (r.code !== 0) {
        failed = true;
        code = Math.max(code, r.code);
      }
      if (r.code === 2) return 2;
    }
    const run = groups.find((g) => g.run.runDate === runDate)?.run;
    if (run === undefined) continue;
    if (failed) {
      io.err(`${T[language].incomplete} ${formatIsoDay(runDate)}\n`);
      break; // later runs wait: each run is recorded once, in order
    }
    if (f.dryRun !== true) {
      const log = new SendLogFile(logFile);
      log.append({ v: 1, kind: 'schedule-run', runDate: formatIsoDay(run.runDate), from: formatIsoDay(run.from), to: formatIsoDay(run.to), time: new Date().toISOString() });
      log.close();
    }
    io.out(`${T[language].done} ${formatIsoDay(runDate)}\n`);
  }
  return code;
}
