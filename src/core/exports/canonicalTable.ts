import type { TableName } from '../issues/issue';
import { rowNumberOf, type RawTable } from '../ledger/rawTable';

/** A contract column of a converted table and the export's column it comes from (−1: made by the profile, no cell of its own). */
export interface CanonicalColumn {
  readonly column: string;
  readonly from: number;
}

/** A converted row: the export's row it comes from (its index in `source.rows`) and the cells, in `columns` order. */
export interface CanonicalRow {
  readonly sourceRow: number;
  readonly cells: readonly string[];
}

/**
 * A contract table made from an export's table: headers are the contract's column names, and each
 * row keeps its row number and each column the export's letter, so an issue names the export's own
 * cell (`'Customer Ledger Entries'!H7`).
 */
export function canonicalTable(table: TableName, source: RawTable, columns: readonly CanonicalColumn[], rows: readonly CanonicalRow[]): RawTable {
  return {
    table,
    source: source.source,
    headers: columns.map((c) => c.column),
    rows: rows.map((r) => r.cells),
    rowNumbers: rows.map((r) => rowNumberOf(source, r.sourceRow)),
    ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
    ...(source.headerRow !== undefined ? { headerRow: source.headerRow } : {}),
    columnLetters: columns.map((c) => (c.from < 0 ? '' : (source.columnLetters?.[c.from] ?? ''))),
  };
}
