import { mappingFromRows, mappingRows, MAPPING_PREFIX, type TableMappings } from '../../core';
import type { ExcelRun } from './excelRun';
import { readSettingsRows, SETTINGS_SHEET, settingsValues, type SettingsRow } from './settingsSheet';

/**
 * The user's header mapping, kept in the hidden "Statements settings" sheet as one key/value row
 * per mapped column: key `mapping.<table>.<column>` (a canonical column of DESIGN.md §3), value the
 * sheet's header text, e.g. `mapping.entries.document_no` | `Inv Ref`. The same mapping as the CLI's
 * `--mapping {"entries": {"Inv Ref": "document_no"}}`; one header per column, so a row is a column.
 * The rows' parsing is core's (settingsSheet), shared with the CLI's .xlsx reader.
 */
export { mappingFromRows, mappingRows, MAPPING_PREFIX };

/** The settings sheet's key/value rows ([] when there is none). One round trip, two with a settings sheet. */
export async function readWorkbookSettingsRows(excelRun: ExcelRun): Promise<SettingsRow[]> {
  return excelRun(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    await context.sync();
    if (sheet.isNullObject) return [];
    const used = sheet.getUsedRangeOrNullObject(true).load('values');
    await context.sync();
    return used.isNullObject ? [] : readSettingsRows(used.values);
  });
}

/**
 * Replaces the settings sheet's rows whose key starts with `prefix` by `rows` (the sheet made, hidden,
 * if absent), keeping every other row (the sheets the last run wrote, the mapping, …) as it was.
 */
export async function replaceSettingsRows(excelRun: ExcelRun, prefix: string, rows: readonly SettingsRow[]): Promise<void> {
  await excelRun(async (context) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    await context.sync();
    let kept: SettingsRow[] = [];
    if (!existing.isNullObject) {
      const used = existing.getUsedRangeOrNullObject(true).load('values');
      await context.sync();
      if (!used.isNullObject) {
        kept = readSettingsRows(used.values).filter((r) => !r.key.startsWith(prefix));
        used.clear();
      }
    }
    const sheet = existing.isNullObject ? context.workbook.worksheets.add(SETTINGS_SHEET) : existing;
    const values = settingsValues([...kept, ...rows]);
    sheet.getRangeByIndexes(0, 0, values.length, 2).values = values;
    sheet.visibility = 'Hidden';
    await context.sync();
  });
}

/** The mapping saved in the open workbook ({} when there is none). */
export async function readWorkbookMapping(excelRun: ExcelRun): Promise<TableMappings> {
  return mappingFromRows(await readWorkbookSettingsRows(excelRun));
}

/** Saves `mapping` in the workbook's settings sheet, replacing the mapping rows there and keeping the others. */
export async function saveWorkbookMapping(excelRun: ExcelRun, mapping: TableMappings): Promise<void> {
  await replaceSettingsRows(excelRun, MAPPING_PREFIX, mappingRows(mapping));
}
