import type { TableName } from '../issues/issue';

/**
 * A table as any source hands it to the engine: header texts and rows of cell texts.
 * CSV, exceljs and Office.js adapters all produce this; the engine never sees a file.
 */
export interface RawTable {
  readonly table: TableName;
  /** File or sheet name, for messages. */
  readonly source: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Row number as a person sees it for rows[i]; default i + 2 (header on row 1). */
  readonly rowNumbers?: readonly number[];
  /** Explicit header → canonical column mapping (the user's --mapping), overriding synonyms. */
  readonly mapping?: Readonly<Record<string, string>>;
}

export function rowNumberOf(t: RawTable, i: number): number {
  return t.rowNumbers?.[i] ?? i + 2;
}
