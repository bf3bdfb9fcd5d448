import type { Command } from 'commander';
import type { Io } from './io';
import type { ScheduleFlags } from './scheduleAction';
import { addMessageOptions } from './sendCommand';

/** Options of both schedule commands: the ledger, the day, the language, the selection by customer. */
function addScheduleBase(cmd: Command): Command {
  return cmd
    .requiredOption('--ledger <path>', 'an .xlsx workbook, or a folder with customers.csv, entries.csv and optional applications.csv')
    .requiredOption('--today <date>', 'the day the runs are looked at, YYYY-MM-DD')
    .option('--lang <language>', 'language of messages: en or fr', 'en')
    .option('--customer <ids...>', 'only these customers')
    .option('--aging <bands>', 'aging columns', '30,60,90')
    .option('--aging-by <basis>', 'age by due or posting date', 'due')
    .option('--allocate <mode>', 'unapplied credits: none or fifo', 'none')
    .option('--currency <code>', 'currency for rows and customers that name none')
    .option('--date-order <order>', 'dates typed as text: dmy or mdy')
    .option('--mapping <file.json>', 'your own header names');
}

export function addScheduleCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  const schedule = program.command('schedule').description('Monthly statements (settings "mail.schedule"): day N, period R(k−1)..R(k)−1, missed runs caught up, each run once');
  addScheduleBase(schedule.command('due').description('List the runs due, oldest first'))
    .option('--settings <file.json>', 'the settings with the "mail.schedule" block')
    .option('--log <file>', 'send log (default: beside the ledger)')
    .action(async (flags: ScheduleFlags) => setExit(await (await import('./scheduleAction')).runScheduleDue(withDefaults(flags), io)));
  addMessageOptions(addScheduleBase(schedule.command('run').description('Send the runs due (for cron or Task Scheduler), catching up missed ones')))
    .action(async (flags: ScheduleFlags) => setExit(await (await import('./scheduleAction')).runScheduleRun(withDefaults(flags), io)));
}

/** The compute options `schedule` does not offer take their `run` defaults. */
function withDefaults(f: ScheduleFlags): ScheduleFlags {
  return { ...f, style: f.style ?? 'activity', graphUrl: f.graphUrl ?? 'https://graph.microsoft.com/v1.0', perMinute: f.perMinute ?? '30', sentItemsWait: f.sentItemsWait ?? '120' };
}
