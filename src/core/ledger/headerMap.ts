import { makeIssue, type Issue } from '../issues/issue';
import { canonicalColumn, COLUMNS, REQUIRED } from './columns';
import { normaliseKey } from './normalise';
import type { RawTable } from './rawTable';

/** Position of each canonical column in a raw table's rows (−1 when absent). */
export type ColumnIndex = Readonly<Record<string, number>>;

export interface HeaderMap {
  readonly index: ColumnIndex;
  readonly issues: readonly Issue[];
  /** False when a required column is missing: the table cannot be read. */
  readonly usable: boolean;
}

export function mapHeaders(t: RawTable): HeaderMap {
  const index: Record<string, number> = {};
  for (const c of COLUMNS[t.table]) index[c] = -1;
  const issues: Issue[] = [];
  const explicit = new Map<string, string>();
  for (const [header, column] of Object.entries(t.mapping ?? {})) explicit.set(normaliseKey(header), column);
  t.headers.forEach((header, i) => {
    if (header.trim() === '') return;
    const column = explicit.get(normaliseKey(header)) ?? canonicalColumn(t.table, header);
    if (column === undefined || !(column in index)) {
      issues.push(makeIssue('unknown-column', { table: t.table, row: 1, column: header }, { header }));
      return;
    }
    if (index[column] === -1) index[column] = i;
  });
  const required = [...REQUIRED[t.table]];
  let usable = true;
  for (const column of required) {
    if (index[column] === -1) {
      usable = false;
      issues.push(makeIssue('missing-column', { table: t.table, row: 1, column }, { column, seen: t.headers.join(', ') }));
    }
  }
  if (t.table === 'entries' && index['amount'] === -1 && index['debit'] === -1 && index['credit'] === -1) {
    usable = false;
    issues.push(makeIssue('missing-column', { table: t.table, row: 1, column: 'amount' }, { column: 'amount (or debit/credit)', seen: t.headers.join(', ') }));
  }
  return { index, issues, usable };
}

/** Reads a cell by canonical column; absent columns and short rows read as ''. */
export function cell(row: readonly string[], index: ColumnIndex, column: string): string {
  const i = index[column] ?? -1;
  return i < 0 ? '' : (row[i] ?? '');
}
