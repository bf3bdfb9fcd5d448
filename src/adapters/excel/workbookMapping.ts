import { COLUMNS, type TableMappings, type TableName } from '../../core';
import type { ExcelRun } from './excelRun';
import { readSettingsRows, SETTINGS_SHEET, settingsValues, type SettingsRow } from './settingsSheet';

/**
 * The user's header mapping, kept in the hidden "Statements settings" sheet as one key/value row
 * per mapped column: key `mapping.<table>.<column>` (a canonical column of DESIGN.md §3), value the
 * sheet's header text, e.g. `mapping.entries.document_no` | `Inv Ref`. The same mapping as the CLI's
 * `--mapping {"entries": {"Inv Ref": "document_no"}}`; one header per column, so a row is a column.
 */
export const MAPPING_PREFIX = 'mapping.';
const TABLES: readonly TableName[] = ['customers', 'entries', 'applications'];

/** The mapping the settings rows hold; rows naming no known table or column are left out. */
export function mappingFromRows(rows: readonly SettingsRow[]): TableMappings {
  const out: Partial<Record<TableName, Record<string, string>>> = {};
  for (const { key, value } of rows) {
    if (!key.startsWith(MAPPING_PREFIX) || value.trim() === '') continue;
    const [table, column] = key.slice(MAPPING_PREFIX.length).split('.') as [TableName, string | undefined];
    if (!TABLES.includes(table) || column === undefined || !COLUMNS[table].includes(column)) continue;
    (out[table] ??= {})[value] = column;
  }
  return out;
}

/** The settings rows of a mapping, tables and columns in the contract's order. */
export function mappingRows(mapping: TableMappings): SettingsRow[] {
  const rows: SettingsRow[] = [];
  for (const table of TABLES) {
    const own = Object.entries(mapping[table] ?? {});
    for (const column of COLUMNS[table]) {
      const header = own.find(([, c]) => c === column)?.[0];
      if (header !== undefined) rows.push({ key: `${MAPPING_PREFIX}${table}.${column}`, value: header });
    }
  }
  return rows;
}

/** The mapping saved in the open workbook ({} when there is none). One round trip, two with a settings sheet. */
export async function readWorkbookMapping(excelRun: ExcelRun): Promise<TableMappings> {
  return excelRun(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    await context.sync();
    if (sheet.isNullObject) return {};
    const used = sheet.getUsedRangeOrNullObject(true).load('values');
    await context.sync();
    return used.isNullObject ? {} : mappingFromRows(readSettingsRows(used.values));
  });
}

/**
 * Saves `mapping` in the workbook's settings sheet (made, hidden, if absent), replacing the mapping
 * rows there and keeping every other row (the sheets the last run wrote, …) as it was.
 */
export async function saveWorkbookMapping(excelRun: ExcelRun, mapping: TableMappings): Promise<void> {
  await excelRun(async (context) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    await context.sync();
    let kept: SettingsRow[] = [];
    if (!existing.isNullObject) {
      const used = existing.getUsedRangeOrNullObject(true).load('values');
      await context.sync();
      if (!used.isNullObject) {
        kept = readSettingsRows(used.values).filter((r) => !r.key.startsWith(MAPPING_PREFIX));
        used.clear();
      }
    }
    const sheet = existing.isNullObject ? context.workbook.worksheets.add(SETTINGS_SHEET) : existing;
    const values = settingsValues([...kept, ...mappingRows(mapping)]);
    sheet.getRangeByIndexes(0, 0, values.length, 2).values = values;
    sheet.visibility = 'Hidden';
    await context.sync();
  });
}
