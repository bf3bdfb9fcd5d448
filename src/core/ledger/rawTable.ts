import type { TableName } from '../issues/issue';
import type { PreparsedEntries } from './entryRowParser';

/**
 * A table as any source hands it to the engine: header texts and rows of cell texts.
 * CSV, exceljs and Office.js adapters all produce this; the engine never sees a file.
 */
/** Rows by index: a plain array of arrays, or a source that builds each row when asked (large CSV files). */
export interface RowSource {
  readonly length: number;
  at(index: number): readonly string[] | undefined;
}

/** A CSV table's rows as UTF-8 bytes: data row i is bytes[rowStart[i], rowStart[i + 1]), its line end included. */
export interface ByteRows {
  readonly bytes: Uint8Array;
  readonly rowStart: Int32Array;
  /** The delimiter's byte. */
  readonly delimiter: number;
  /** For an entries table: its rows already read as far as they alone tell (on another thread), by row. */
  readonly preparsed?: PreparsedEntries;
}

export interface RawTable {
  readonly table: TableName;
  /** File or sheet name, for messages. */
  readonly source: string;
  readonly headers: readonly string[];
  readonly rows: RowSource;
  /** Row number as a person sees it for rows[i]; default i + 2 (header on row 1). */
  readonly rowNumbers?: ArrayLike<number>;
  /** Explicit header → canonical column mapping (the user's --mapping), overriding synonyms. */
  readonly mapping?: Readonly<Record<string, string>>;
  /** Sheet name and the column letter of each header, when the table came from a spreadsheet. */
  readonly sheet?: string;
  /** Row of the header as a person sees it (default 1). */
  readonly headerRow?: number;
  readonly columnLetters?: readonly string[];
  /** The same rows as bytes, when they came from a CSV file: the entries reader then reads most cells without making strings. */
  readonly bytes?: ByteRows;
}

export function rowNumberOf(t: RawTable, i: number): number {
  return t.rowNumbers?.[i] ?? i + 2;
}

/** "Entries!D17" for a spreadsheet cell, undefined for CSV. Quotes sheet names as Excel does. */
export function cellAddress(t: RawTable, row: number, headerIndex: number): string | undefined {
  if (t.sheet === undefined || headerIndex < 0) return undefined;
  const letter = t.columnLetters?.[headerIndex];
  if (letter === undefined || letter === '') return undefined; // '': a column a converted export made, with no cell of its own
  return `${sheetReference(t.sheet)}!${letter}${row}`;
}

/**
 * A sheet name as Excel writes it in a reference: quoted (quotes doubled) unless it is a plain name.
 * A name that reads as a cell (Q1, FY2026, R2C3) is quoted too, or `Q1!B2` would be ambiguous.
 */
export function sheetReference(sheet: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^(?:[Rr]\d*(?:[Cc]\d*)?|[Cc]\d*)$/.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** True when every cell of a row is blank (a spacer line: skipped, not an error). */
export function isBlankRow(r: readonly string[]): boolean {
  for (let i = 0; i < r.length; i++) {
    const c = r[i]; // (a hole in a caller's sparse row is blank too)
    if (c !== undefined && c !== '' && c.trim() !== '') return false;
  }
  return true;
}
