import { sheetReference } from '../ledger/rawTable';
import { columnLetter } from './gridValue';

/**
 * A cell as Excel shows it in a formula: `Entries!D238`, `'Grand livre'!A7`. Row and column are
 * Excel's, counted from 1 (column C is 3), wherever the range that held the cell started.
 */
export function a1Address(sheet: string, row: number, column: number): string {
  return `${sheetReference(sheet)}!${columnLetter(column - 1)}${row}`;
}
