/**
 * The add-in's record in the workbook: a hidden sheet, "Statements settings", holding key/value
 * rows under a title (column A the key, column B the value). A sheet rather than a named item or
 * custom XML: it is saved with the workbook, the CLI's .xlsx reader can read it, and a user can
 * unhide it to see what is kept. Keys: `written-sheet` (one row per sheet the last run wrote, so
 * the next one replaces exactly those); the mapping and the firm's settings will join them.
 */
export const SETTINGS_SHEET = 'Statements settings';
export const WRITTEN_SHEET = 'written-sheet';
const TITLE = 'Customer statements: what the add-in keeps in this workbook (do not edit) / Relevés clients : ce que le complément garde dans ce classeur (ne pas modifier)';

export interface SettingsRow {
  readonly key: string;
  readonly value: string;
}

/** The key/value rows of the sheet's values (read from A1), title left out. */
export function readSettingsRows(values: readonly (readonly unknown[])[]): SettingsRow[] {
  const out: SettingsRow[] = [];
  values.forEach((row, i) => {
    if (i === 0) return;
    const key = String(row[0] ?? '').trim();
    if (key !== '') out.push({ key, value: String(row[1] ?? '') });
  });
  return out;
}

/** The sheet's values from A1 (2 columns): title, then the rows; text kept as text by Excel's "'" prefix. */
export function settingsValues(rows: readonly SettingsRow[]): string[][] {
  return [[`'${TITLE}`, ''], ...rows.map((r) => [`'${r.key}`, `'${r.value}`])];
}
