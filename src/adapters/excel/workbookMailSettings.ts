import { lastScheduleRunFromRows, mailSettingsFromRows, mailSettingsRows, MAIL_PREFIX, scheduleRunRow, SCHEDULE_RUN_KEY, type Day, type MailSettingsParse, type MailSettings } from '../../core';
import type { ExcelRun } from './excelRun';
import { readWorkbookSettingsRows, replaceSettingsRows } from './workbookMapping';

/**
 * The e-mail settings and the monthly schedule kept in the workbook's settings sheet as `mail.*`
 * rows (core's mailSettingsRows), where `statements send` and `statements schedule due|run` read
 * them too; and the monthly runs the pane completed (`schedule-run` rows).
 */
export interface WorkbookMail {
  /** What the rows say: the settings, or what is wrong with them (edited by hand), named. */
  readonly parsed: MailSettingsParse;
  /** The latest monthly run the pane completed. */
  readonly lastRun: Day | undefined;
}

export async function readWorkbookMail(excelRun: ExcelRun): Promise<WorkbookMail> {
  const rows = await readWorkbookSettingsRows(excelRun);
  return { parsed: mailSettingsFromRows(rows), lastRun: lastScheduleRunFromRows(rows) };
}

/** Saves the mail settings (schedule included), replacing the `mail.*` rows and keeping every other row. */
export async function saveWorkbookMailSettings(excelRun: ExcelRun, settings: MailSettings): Promise<void> {
  await replaceSettingsRows(excelRun, MAIL_PREFIX, mailSettingsRows(settings));
}

/** Records a monthly run as complete: the one `schedule-run` row says the latest. */
export async function recordScheduleRun(excelRun: ExcelRun, runDate: Day): Promise<void> {
  await replaceSettingsRows(excelRun, SCHEDULE_RUN_KEY, [scheduleRunRow(runDate)]);
}
