import { makeIssue, type Issue, type IssueLocation } from '../issues/issue';
import { applicationSidesFound, canonicalColumn, COLUMNS, REQUIRED } from './columns';
import { normaliseKey } from './normalise';
import { cellAddress, type RawTable } from './rawTable';

/** Position of each canonical column in a raw table's rows (−1 when absent). */
export type ColumnIndex = Readonly<Record<string, number>>;

export interface HeaderMap {
  readonly index: ColumnIndex;
  readonly issues: readonly Issue[];
  /** False when a required column is missing: the table cannot be read. */
  readonly usable: boolean;
}

/** The header's row as a person sees it: 1 for CSV, wherever it was found in a sheet. */
function headerRow(t: RawTable): number {
  return t.headerRow ?? 1;
}

export function mapHeaders(t: RawTable): HeaderMap {
  const index: Record<string, number> = {};
  for (const c of COLUMNS[t.table]) index[c] = -1;
  const issues: Issue[] = [];
  const explicit = new Map<string, string>();
  for (const [header, column] of Object.entries(t.mapping ?? {})) explicit.set(normaliseKey(header), column);
  // The user's mapping first: a header mapped on purpose beats one that merely looks like a synonym.
  const mapped = t.headers.map((header) => (header.trim() === '' ? undefined : explicit.get(normaliseKey(header))));
  const claim = (column: string, i: number): void => {
    const used = index[column] as number;
    if (used === -1) index[column] = i;
    else issues.push(makeIssue('duplicate-column', { table: t.table, row: headerRow(t), column: t.headers[i] ?? '' }, { header: t.headers[i] ?? '', used: t.headers[used] ?? '', column }));
  };
  mapped.forEach((column, i) => {
    if (column !== undefined && column in index) claim(column, i);
  });
  t.headers.forEach((header, i) => {
    if (header.trim() === '') return;
    const wanted = mapped[i];
    if (wanted !== undefined && wanted in index) return;
    const column = wanted ?? canonicalColumn(t.table, header);
    if (column === undefined || !(column in index)) {
      issues.push(makeIssue('unknown-column', { table: t.table, row: headerRow(t), column: header }, { header }));
      return;
    }
    claim(column, i);
  });
  const required = [...REQUIRED[t.table]];
  let usable = true;
  for (const column of required) {
    if (index[column] === -1) {
      usable = false;
      issues.push(makeIssue('missing-column', { table: t.table, row: headerRow(t), column }, { column, seen: t.headers.join(', ') }));
    }
  }
  if (t.table === 'applications' && !applicationSidesFound((c) => (index[c] ?? -1) >= 0)) {
    usable = false;
    const column = index['from_entry'] !== -1 || index['to_entry'] !== -1 ? (index['from_entry'] === -1 ? 'from_entry' : 'to_entry') : index['from_document'] === -1 ? 'from_document' : 'to_document';
    issues.push(makeIssue('missing-column', { table: t.table, row: headerRow(t), column }, { column, seen: t.headers.join(', ') }));
  }
  if (t.table === 'entries' && index['amount'] === -1 && index['debit'] === -1 && index['credit'] === -1) {
    usable = false;
    issues.push(makeIssue('missing-column', { table: t.table, row: headerRow(t), column: 'amount' }, { column: 'amount (or debit/credit)', seen: t.headers.join(', ') }));
  }
  return { index, issues, usable };
}

/** Positions of columns whose header is blank: whatever they hold cannot be read. */
export function blankHeaderIndexes(t: RawTable): number[] {
  const out: number[] = [];
  t.headers.forEach((h, i) => {
    if (h.trim() === '') out.push(i);
  });
  return out;
}

/**
 * A non-blank cell the reader cannot place: under a blank header, or right of the last header (a row
 * shifted by an unquoted delimiter). Its 1-based position and text; undefined when there is none.
 */
export function cellBeyondHeaders(t: RawTable, row: readonly string[], blankHeaders: readonly number[] = blankHeaderIndexes(t)): { column: string; value: string } | undefined {
  for (const i of blankHeaders) {
    const value = row[i] ?? '';
    if (value !== '' && value.trim() !== '') return { column: String(i + 1), value };
  }
  for (let i = t.headers.length; i < row.length; i++) {
    const value = row[i] ?? '';
    if (value.trim() !== '') return { column: String(i + 1), value };
  }
  return undefined;
}

/** Reads a cell by canonical column; absent columns and short rows read as ''. */
export function cell(row: readonly string[], index: ColumnIndex, column: string): string {
  const i = index[column] ?? -1;
  return i < 0 ? '' : (row[i] ?? '');
}

/** Where a cell is, for an issue: table, row, canonical column, its text, its sheet address and customer. */
export function locate(t: RawTable, index: ColumnIndex, row: number, column: string, value: string, customerId?: string): IssueLocation & { customerId?: string | undefined } {
  const cell = cellAddress(t, row, index[column] ?? -1);
  return { table: t.table, row, column, value, ...(cell !== undefined ? { cell } : {}), customerId };
}
