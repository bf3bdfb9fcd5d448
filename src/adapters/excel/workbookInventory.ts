import { SETTINGS_SHEET } from './settingsSheet';

/**
 * Queues what the reader and the writer both start with: the sheets, the tables, the date system
 * and the add-in's settings sheet. One sync later, `date1904(inventory)` and the loaded items can be read.
 */
export function queueInventory(workbook: Excel.Workbook) {
  return {
    sheets: workbook.worksheets.load('items/name'),
    tables: workbook.tables.load('items/name'),
    // DATE(1904,1,1) is 0 in the 1904 date system and 1462 in the 1900 one: no workbook property says it before ExcelApi 1.19.
    probe: workbook.functions.date(1904, 1, 1).load('value'),
    settings: workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET),
  };
}

export const isDate1904 = (inventory: ReturnType<typeof queueInventory>): boolean => inventory.probe.value === 0;
