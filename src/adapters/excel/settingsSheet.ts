import { type SettingsRow } from '../../core';

/**
 * The add-in's record in the workbook: a hidden sheet, "Statements settings", holding key/value
 * rows under a title (column A the key, column B the value). A sheet rather than a named item or
 * custom XML: it is saved with the workbook, the CLI's .xlsx reader reads it too, and a user can
 * unhide it to see what is kept. The rows' keys and their parsing live in core (settingsSheet), shared
 * with the CLI; only the writing of Excel's values is here.
 */
export { readSettingsRows, SETTINGS_SHEET, WRITTEN_SHEET, type SettingsRow } from '../../core';
const TITLE = 'Customer statements: what the add-in keeps in this workbook (do not edit) / Relevés clients : ce que le complément garde dans ce classeur (ne pas modifier)';

/** The sheet's values from A1 (2 columns): title, then the rows; text kept as text by Excel's "'" prefix. */
export function settingsValues(rows: readonly SettingsRow[]): string[][] {
  return [[`'${TITLE}`, ''], ...rows.map((r) => [`'${r.key}`, `'${r.value}`])];
}
