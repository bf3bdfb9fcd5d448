import type { TableName } from '../issues/issue';
import { applicationSidesFound, canonicalColumn, REQUIRED } from '../ledger/columns';
import { normaliseKey } from '../ledger/normalise';
import { gridText } from './tableBuilder';
import type { GridValue } from './gridValue';

/** Rows searched for a header below titles and notes. */
export const HEADER_SEARCH_ROWS = 50;

const SHEET_NAMES: Readonly<Record<TableName, readonly string[]>> = {
  customers: ['customers', 'customer', 'clients', 'client', 'debtors', 'tiers', 'fichier clients'],
  entries: ['entries', 'entry', 'ledger', 'ledger entries', 'customer ledger entries', 'transactions', 'ecritures', 'écritures', 'grand livre', 'grand livre clients', 'releve', 'mouvements', 'invoices', 'factures'],
  applications: ['applications', 'application', 'lettrages', 'lettrage', 'allocations', 'rapprochements'],
};

/** The table a sheet or Excel table name announces, if any. */
export function tableFromName(name: string): TableName | undefined {
  // Excel table names often carry a prefix: tblEntries, Table_Clients, Tableau_Ecritures.
  const k = normaliseKey(name).replace(/^(tableau|table|tbl|tab)(?=[a-z])/, '');
  for (const [table, names] of Object.entries(SHEET_NAMES) as [TableName, readonly string[]][]) if (names.some((n) => normaliseKey(n) === k)) return table;
  return undefined;
}

export interface HeaderGuess {
  readonly table: TableName;
  /** Index in the rows given. */
  readonly index: number;
  readonly score: number;
}

/** The user's own header names per table (`--mapping`), compared like synonyms. */
export type TableMappings = Partial<Record<TableName, Readonly<Record<string, string>>>>;

function columnOf(table: TableName, cell: string, mappings: TableMappings | undefined): string | undefined {
  const own = mappings?.[table];
  if (own !== undefined) {
    const k = normaliseKey(cell);
    for (const [header, column] of Object.entries(own)) if (normaliseKey(header) === k) return column;
  }
  return canonicalColumn(table, cell);
}

function recognised(table: TableName, cells: readonly string[], mappings: TableMappings | undefined): Set<string> {
  const seen = new Set<string>();
  for (const c of cells) {
    const col = columnOf(table, c, mappings);
    if (col !== undefined) seen.add(col);
  }
  return seen;
}

function hasRequired(seen: ReadonlySet<string>, table: TableName): boolean {
  const amountOk = table !== 'entries' || seen.has('amount') || seen.has('debit') || seen.has('credit');
  const sidesOk = table !== 'applications' || applicationSidesFound((c) => seen.has(c));
  return amountOk && sidesOk && REQUIRED[table].every((c) => seen.has(c));
}

/**
 * Finds the header row among the first rows of a sheet: the row naming the most columns of a table
 * that has all its required columns. `expected` (from the sheet's name) wins ties and lowers the bar.
 */
export function detectHeader(rows: readonly (readonly GridValue[])[], expected?: TableName, mappings?: TableMappings): HeaderGuess | undefined {
  let best: HeaderGuess | undefined;
  const tables: TableName[] = expected !== undefined ? [expected] : ['entries', 'customers', 'applications'];
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const cells = row.map((c) => gridText(c).trim()).filter((c) => c !== '');
    if (cells.length === 0) return;
    for (const table of tables) {
      const seen = recognised(table, cells, mappings);
      if (!hasRequired(seen, table)) continue;
      const score = seen.size;
      if (best === undefined || score > best.score) best = { table, index, score };
    }
  });
  return best;
}
