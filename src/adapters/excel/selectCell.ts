import { blockAddress, parseSheetAddress } from './a1';
import type { ExcelRun } from './excelRun';

/**
 * Selects an issue's cell in the workbook ("Entries!D238", "'Grand livre'!A7"), showing its sheet.
 * False when the address names no sheet of the workbook, or a hidden one (nothing is selected).
 */
export async function selectCell(excelRun: ExcelRun, address: string): Promise<boolean> {
  const at = parseSheetAddress(address);
  if (at === undefined) return false;
  return excelRun(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(at.sheet);
    sheet.load('visibility');
    await context.sync();
    if (sheet.isNullObject || sheet.visibility !== 'Visible') return false;
    const { top, left, bottom, right } = at.range;
    sheet.activate();
    sheet.getRange(blockAddress(top, left, bottom - top + 1, right - left + 1)).select();
    await context.sync();
    return true;
  });
}
