import { DEFAULT_SETTINGS, hasSettingsRows, settingsFromRows, settingsRows, SETTINGS_PREFIX, type StatementSettings } from '../../core';
import type { ExcelRun } from './excelRun';
import { readWorkbookSettingsRows, replaceSettingsRows } from './workbookMapping';

/**
 * The firm's statement settings kept in the workbook's settings sheet as `settings.<path>` rows (the
 * paths of the CLI's `--settings` JSON), where the CLI's .xlsx reader finds them too. Settings the sheet
 * holds that do not parse (edited by hand) read as the defaults rather than stopping the pane.
 */
export async function readWorkbookSettings(excelRun: ExcelRun): Promise<StatementSettings> {
  const rows = await readWorkbookSettingsRows(excelRun);
  if (!hasSettingsRows(rows)) return DEFAULT_SETTINGS;
  const parsed = settingsFromRows(rows);
  return parsed.ok ? parsed.settings : DEFAULT_SETTINGS;
}

/** Saves the settings (logo left out: see settingsFromRows), replacing the `settings.*` rows and keeping the others. */
export async function saveWorkbookSettings(excelRun: ExcelRun, settings: StatementSettings): Promise<void> {
  await replaceSettingsRows(excelRun, SETTINGS_PREFIX, settingsRows(settings));
}
