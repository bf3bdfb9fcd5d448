import type { ExcelRun } from './excelRun';
import { readSettingsRows, SETTINGS_SHEET, WRITTEN_SHEET } from './settingsSheet';

/** The first rows of a sheet, as text, from its used range's first row and column (1-based). */
export interface SheetHead {
  readonly sheet: string;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly rows: readonly (readonly string[])[];
}

/**
 * The first `rows` rows (at most `columns` wide) of each visible sheet that is the user's (not the
 * settings sheet, not one the last run wrote), for a person to say which row is a table's header
 * when the finder found none. Two round trips, whatever the number of sheets; a few KB each.
 */
export async function readSheetHeads(excelRun: ExcelRun, only?: readonly string[], rows = 50, columns = 60): Promise<SheetHead[]> {
  return excelRun(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name, items/visibility');
    const settings = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    await context.sync();
    const record = settings.isNullObject ? undefined : settings.getUsedRangeOrNullObject(true).load('values');
    const wanted = sheets.items.filter((s) => s.visibility === 'Visible' && s.name !== SETTINGS_SHEET && (only === undefined || only.includes(s.name)));
    const used = wanted.map((s) => ({ name: s.name, range: s.getUsedRangeOrNullObject(true).load('rowIndex, columnIndex, rowCount, columnCount') }));
    await context.sync();
    const ours = new Set(record === undefined || record.isNullObject ? [] : readSettingsRows(record.values).filter((r) => r.key === WRITTEN_SHEET).map((r) => r.value.toLowerCase()));
    const blocks = used
      .filter((u) => !u.range.isNullObject && !ours.has(u.name.toLowerCase()))
      .map((u) => ({
        name: u.name,
        top: u.range.rowIndex,
        left: u.range.columnIndex,
        values: context.workbook.worksheets.getItem(u.name)
          .getRangeByIndexes(u.range.rowIndex, u.range.columnIndex, Math.min(rows, u.range.rowCount), Math.min(columns, u.range.columnCount))
          .load('values'),
      }));
    if (blocks.length > 0) await context.sync();
    return blocks.map((b) => ({
      sheet: b.name,
      firstRow: b.top + 1,
      firstColumn: b.left + 1,
      rows: b.values.values.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v)))),
    }));
  });
}
