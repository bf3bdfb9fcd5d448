import type { Day } from '../calendar/day';
import type { Minor } from '../money/money';
import { moneyFormat } from './formats';
import { BLANK, type Cell, type CellStyle, type CellValue, type SheetModel, type SheetTable } from './model';
import { shownLength, widthFor } from './widths';

export const text = (t: string): CellValue => ({ kind: 'text', text: t });
export const num = (value: number): CellValue => ({ kind: 'number', value });
export const money = (minor: Minor, currency: string): CellValue => ({ kind: 'money', minor, currency });
export const date = (day: Day): CellValue => ({ kind: 'date', day });

/** A value with its format and style, as a builder places it. */
export interface Placed {
  readonly value: CellValue;
  readonly format?: string | undefined;
  readonly style?: CellStyle | undefined;
}

export const BOLD: CellStyle = { bold: true };
/** Under a header. */
export const HEADER_RULE: CellStyle = { bold: true, border: { bottom: 'thin' } };
/** A total: ruled above, double-ruled below. */
export const TOTAL: CellStyle = { bold: true, border: { top: 'thin', bottom: 'double' } };

/** The style of today's tables. */
const TABLE_STYLE = 'TableStyleMedium2';

/** A sheet being filled: cells by 1-based row and column, tables, and the widest content per column. */
export class SheetBuilder {
  private readonly grid: Cell[][] = [];
  private readonly tables: SheetTable[] = [];
  private readonly longest: number[] = [];

  constructor(readonly name: string) {}

  put(row: number, col: number, value: CellValue, format?: string, style?: CellStyle): void {
    const cells = (this.grid[row - 1] ??= []);
    cells[col - 1] = { value, ...(format === undefined ? {} : { format }), ...(style === undefined ? {} : { style }) };
  }

  /** Same as put, for a value made elsewhere. */
  place(row: number, col: number, cell: Placed): void {
    this.put(row, col, cell.value, cell.format, cell.style);
  }

  /** Styles a cell, keeping its value and format (a blank cell can carry a border). */
  style(row: number, col: number, style: CellStyle): void {
    const cell = this.grid[row - 1]?.[col - 1];
    this.put(row, col, cell?.value ?? BLANK, cell?.format, { ...cell?.style, ...style });
  }

  /** Counts a value towards its column's width (only the values a column should fit are counted). */
  see(col: number, value: CellValue, format?: string): void {
    const n = shownLength(value, format);
    if (n > (this.longest[col - 1] ?? 0)) this.longest[col - 1] = n;
  }

  /** The width of column `col` to fit what was seen, clamped to min..max. */
  widthOf(col: number, min: number, max: number): number {
    return widthFor(this.longest[col - 1] ?? 0, min, max);
  }

  /**
   * An Excel table over a header row at `top` and `rows` below it, or a plain bold header row when
   * there are no rows (Excel refuses an empty table). Headers are made unique as Excel requires.
   */
  table(name: string, top: number, headers: readonly string[], rows: readonly (readonly Placed[])[]): void {
    const names = uniqueHeaders(headers);
    names.forEach((h, i) => this.put(top, i + 1, text(h), undefined, rows.length === 0 ? HEADER_RULE : undefined));
    rows.forEach((row, i) => row.forEach((cell, j) => this.place(top + 1 + i, j + 1, cell)));
    if (rows.length > 0) this.tables.push({ name, top, left: 1, headers: names, dataRows: rows.length, style: TABLE_STYLE, rowStripes: true });
  }

  build(layout: Omit<SheetModel, 'name' | 'rows' | 'tables'>): SheetModel {
    const rows: Cell[][] = [];
    for (let r = 0; r < this.grid.length; r++) {
      const cells = this.grid[r] ?? [];
      const dense: Cell[] = [];
      for (let c = 0; c < cells.length; c++) dense.push(cells[c] ?? { value: BLANK });
      rows.push(dense);
    }
    return { name: this.name, rows, tables: this.tables, ...layout };
  }
}

/** Table column names must be unique (case-insensitive) within a table. */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h) => {
    let name = h.trim() === '' ? '-' : h;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${h} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** A money cell with its currency's format. */
export function moneyCell(minor: Minor, currency: string, style?: CellStyle): Placed {
  return { value: money(minor, currency), format: moneyFormat(currency), style };
}
