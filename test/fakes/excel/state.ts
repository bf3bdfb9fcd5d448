import type { Rect } from './addresses';

/** A cell's value as Office.js's `values` gives it: text, number (dates are serials), boolean; "" is empty. */
export type Scalar = string | number | boolean;

export type BorderStyle = 'Continuous' | 'Double' | 'None';
export type BorderWeight = 'Thin' | 'Medium' | 'Thick';
export interface Border {
  readonly style: BorderStyle;
  readonly weight: BorderWeight;
}

/** A cell's formatting, as Office.js's RangeFormat sets it (colours "#RRGGBB"). */
export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  horizontalAlignment?: string;
  wrapText?: boolean;
  borders?: { top?: Border; bottom?: Border; left?: Border; right?: Border };
}

export interface PageLayoutState {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Margins in points, as Office.js gives them. */
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  printTitleRows: string | undefined;
}

export interface SheetState {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** `values[r][c]`, 0-based; holes are empty cells. */
  values: (Scalar | undefined)[][];
  /** Number format codes; holes are "General". */
  formats: (string | undefined)[][];
  /** Formatting by `r * MAX_COLUMNS + c`. */
  cellFormats: Map<number, CellFormat>;
  /** Column widths in points. */
  columnWidths: Map<number, number>;
  merged: Rect[];
  frozen: { rows: number; columns: number };
  pageLayout: PageLayoutState;
}

export interface TableState {
  name: string;
  sheet: SheetState;
  rect: Rect;
  style: string;
  showBandedRows: boolean;
}

export interface WorkbookState {
  date1904: boolean;
  sheets: SheetState[];
  tables: TableState[];
  properties: Record<string, string>;
  activeSheet: SheetState | undefined;
  /** What `range.select()` selected last: a full address such as "Entries!D238". */
  selection: string | undefined;
}

/** Excel's default column width: 8.43 characters of Calibri 11, 64 pixels, 48 points. */
export const DEFAULT_COLUMN_WIDTH = 48;

/** Excel's "Normal" margins in points (0.7", 0.75", 0.3"). */
export function newPageLayout(): PageLayoutState {
  return { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6, printTitleRows: undefined };
}

export function newSheet(name: string): SheetState {
  return { name, visibility: 'Visible', values: [], formats: [], cellFormats: new Map(), columnWidths: new Map(), merged: [], frozen: { rows: 0, columns: 0 }, pageLayout: newPageLayout() };
}

/** The block holding every value (and format, unless `valuesOnly`) of a sheet; undefined when it has none. */
export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | undefined {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  const see = (r: number, c: number): void => {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };
  sheet.values.forEach((row, r) => row.forEach((v, c) => { if (v !== undefined && v !== '') see(r, c); }));
  if (!valuesOnly) {
    sheet.formats.forEach((row, r) => row.forEach((f, c) => { if (f !== undefined) see(r, c); }));
    for (const key of sheet.cellFormats.keys()) see(Math.floor(key / 16384), key % 16384);
  }
  return bottom < 0 ? undefined : { top, left, rows: bottom - top + 1, columns: right - left + 1 };
}
