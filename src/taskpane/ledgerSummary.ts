import {
  applicationSidesFound, canonicalColumn, mapHeaders, normaliseKey, REQUIRED, tableFromName,
  type FoundTables, type LedgerTables, type RawTable, type TableMappings, type TableName,
} from '../core';
import type { SheetHead } from '../adapters/excel';

/** One table as the pane shows it: where it was found, its rows, and how each header was read. */
export interface TableSummary {
  readonly table: TableName;
  readonly sheet: string;
  readonly headerRow: number;
  readonly rows: number;
  readonly columns: readonly { readonly header: string; readonly column: string | undefined }[];
  /** Needed columns not found ("amount" stands for amount or debit/credit). */
  readonly missing: readonly string[];
}

const TABLES: readonly TableName[] = ['customers', 'entries', 'applications'];
const asList = (t: LedgerTables[keyof LedgerTables]): readonly RawTable[] => (t === undefined ? [] : 'rows' in t ? [t] : t);

/** Each table the finder read, with how core's header map reads its columns (the same map the ledger is built with). */
export function summariseTables(found: FoundTables): TableSummary[] {
  if (!found.ok) return [];
  const out: TableSummary[] = [];
  for (const table of TABLES) {
    for (const raw of asList(found.tables[table])) {
      const map = mapHeaders(raw);
      const byPosition = new Map<number, string>();
      for (const [column, i] of Object.entries(map.index)) if (i >= 0) byPosition.set(i, column);
      out.push({
        table,
        sheet: raw.sheet ?? raw.source,
        headerRow: raw.headerRow ?? 1,
        rows: raw.rows.length,
        columns: raw.headers.map((header, i) => ({ header, column: byPosition.get(i) })).filter((c) => c.header.trim() !== ''),
        missing: map.issues.filter((i) => i.code === 'missing-column').map((i) => i.column ?? ''),
      });
    }
  }
  return out;
}

/** A table the user can make readable by naming the header of each missing column. */
export interface MappingCandidate {
  readonly sheet: string;
  /** The table the sheet holds; the user may change it when the finder found none (`fixed` false). */
  readonly table: TableName;
  readonly fixed: boolean;
  readonly headerRow: number;
  readonly headers: readonly string[];
}

/** The columns `table` needs that `headers` do not name (by synonym or the mapping); "amount" for amount or debit/credit. */
export function missingColumns(table: TableName, headers: readonly string[], mapping: TableMappings): string[] {
  const own = mapping[table] ?? {};
  const seen = new Set<string>();
  for (const h of headers) {
    const mapped = Object.entries(own).find(([header]) => normaliseKey(header) === normaliseKey(h))?.[1];
    const column = mapped ?? canonicalColumn(table, h);
    if (column !== undefined) seen.add(column);
  }
  const missing = REQUIRED[table].filter((c) => !seen.has(c));
  if (table === 'entries' && !seen.has('amount') && !seen.has('debit') && !seen.has('credit')) missing.push('amount');
  if (table === 'applications' && !applicationSidesFound((c) => seen.has(c))) missing.push(...['from_document', 'to_document'].filter((c) => !seen.has(c)));
  return missing;
}

/**
 * Sheets where a table was found but cannot be read (a needed column unknown), and sheets with no
 * table whose likeliest header row names at least two columns of a table: the header row is the
 * row of the first 50 naming the most columns, the sheet's own name choosing the table when it names one;
 * a sheet whose header lacks nothing (a table read elsewhere, or already mapped) is not offered.
 */
export function mappingCandidates(summaries: readonly TableSummary[], heads: readonly SheetHead[], mapping: TableMappings): MappingCandidate[] {
  const out: MappingCandidate[] = summaries
    .filter((s) => s.missing.length > 0)
    .map((s) => ({ sheet: s.sheet, table: s.table, fixed: true, headerRow: s.headerRow, headers: s.columns.map((c) => c.header) }));
  const taken = new Set(summaries.map((s) => s.sheet));
  for (const head of heads) {
    if (taken.has(head.sheet)) continue;
    let best: { table: TableName; row: number; score: number; headers: string[] } | undefined;
    const named = tableFromName(head.sheet);
    head.rows.forEach((cells, i) => {
      const headers = cells.map((c) => c.trim()).filter((c) => c !== '');
      for (const table of named !== undefined ? [named, ...TABLES.filter((t) => t !== named)] : TABLES) {
        const score = new Set(headers.map((h) => canonicalColumn(table, h)).filter((c) => c !== undefined)).size;
        if (score >= 2 && (best === undefined || score > best.score)) best = { table, row: head.firstRow + i, score, headers };
      }
    });
    if (best !== undefined && missingColumns(best.table, best.headers, mapping).length > 0) out.push({ sheet: head.sheet, table: best.table, fixed: false, headerRow: best.row, headers: best.headers });
  }
  return out;
}
