import type { Day } from '../calendar/day';
import type { Minor } from '../money/money';
import { columnLetter } from '../tables/gridValue';

/**
 * A workbook as plain data: what every sheet shows, where, and how it is formatted and printed.
 * Core decides all of it (`statementsWorkbookModel`); a writer only lays it out: exceljs for a file
 * (`src/adapters/xlsx/workbookAsXlsx.ts`) and, in the add-in, Office.js into the open workbook. So the
 * shape stays simple for both: dense rows of cells (Office.js writes `values` and `numberFormat`
 * as 2-D arrays), 1-based Excel row and column numbers everywhere else, no writer's types.
 *
 * A writer must keep text as text: a text cell starting with "=" is never a formula (Office.js
 * needs the "@" format or a leading apostrophe for that; exceljs writes strings as strings).
 */
export interface WorkbookModel {
  readonly sheets: readonly SheetModel[];
}

export interface SheetModel {
  /** A valid, unique Excel sheet name (see `SheetNamer`). */
  readonly name: string;
  /** `rows[r][c]` is the cell at Excel row r + 1, column c + 1; rows are dense, trailing blanks left out. */
  readonly rows: readonly (readonly Cell[])[];
  /** Widths in characters, `columnWidths[c]` for column c + 1; missing ones keep the writer's default. */
  readonly columnWidths: readonly number[];
  readonly tables: readonly SheetTable[];
  /** Rows and columns kept in view at the top and left (0 = none). */
  readonly frozen?: { readonly rows: number; readonly columns: number };
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  readonly printTitleRows?: { readonly first: number; readonly last: number };
  /** Missing: the writer's default page setup. */
  readonly pageSetup?: PageSetup;
}

/** Typed values: money stays minor units with its currency, dates stay `Day`; writers convert. */
export type CellValue =
  | { readonly kind: 'blank' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'money'; readonly minor: Minor; readonly currency: string }
  | { readonly kind: 'date'; readonly day: Day }
  | { readonly kind: 'boolean'; readonly value: boolean };

export interface Cell {
  readonly value: CellValue;
  /** Excel number format code (money cells carry their currency's, dates the language's). */
  readonly format?: string;
  readonly style?: CellStyle;
}

export type BorderLine = 'thin' | 'medium' | 'double';
export type HorizontalAlignment = 'left' | 'center' | 'right';

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points (the writer's default when missing). */
  readonly size?: number;
  /** Font colour, `RRGGBB`. */
  readonly color?: string;
  /** Solid fill colour, `RRGGBB`. */
  readonly fill?: string;
  readonly horizontal?: HorizontalAlignment;
  readonly wrap?: boolean;
  readonly border?: { readonly top?: BorderLine; readonly bottom?: BorderLine; readonly left?: BorderLine; readonly right?: BorderLine };
}

/**
 * An Excel table: a header row at (`top`, `left`) then `dataRows` rows (at least one: Excel refuses
 * an empty table). Its header and data cells are in the sheet's rows like any other; the headers
 * are unique ignoring case, as Excel requires.
 */
export interface SheetTable {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly headers: readonly string[];
  readonly dataRows: number;
  /** A built-in table style, e.g. `TableStyleMedium2`. */
  readonly style: string;
  readonly rowStripes: boolean;
}

export interface PageSetup {
  readonly paper: 'A4' | 'Letter';
  readonly orientation: 'portrait' | 'landscape';
  /** Pages wide and tall the sheet is shrunk to fit; 0 = as many as it takes. */
  readonly fitToWidth: number;
  readonly fitToHeight: number;
  /** In inches, as Excel stores them. */
  readonly margins: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number; readonly header: number; readonly footer: number };
}

/** Excel's own default margins ("Normal"). */
export const NORMAL_MARGINS: PageSetup['margins'] = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

export const BLANK: CellValue = { kind: 'blank' };

/** "A1"-style address of a cell (1-based row and column). */
export function a1(row: number, col: number): string {
  return `${columnLetter(col - 1)}${row}`;
}

/** The table's range with its header row, e.g. "A1:L8". */
export function tableRange(table: SheetTable): string {
  return `${a1(table.top, table.left)}:${a1(table.top + table.dataRows, table.left + table.headers.length - 1)}`;
}
