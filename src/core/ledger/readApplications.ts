import { parseIsoDay, type Day } from '../calendar/day';
import { makeIssue, type Issue } from '../issues/issue';
import { blankHeaderIndexes, cell, cellBeyondHeaders, locate, mapHeaders } from './headerMap';
import type { ApplicationRow } from './model';
import { rowNumberOf, type RawTable } from './rawTable';

/** Reads the optional applications table; documents and amounts are checked during settlement. */
export function readApplications(
  tables: readonly RawTable[],
  customerOfDocument: (documentNo: string) => string | undefined,
  dayOf: (text: string) => Day | undefined = parseIsoDay,
): { applications: ApplicationRow[]; issues: Issue[]; usable: boolean } {
  const applications: ApplicationRow[] = [];
  const issues: Issue[] = [];
  let usable = true;
  for (const t of tables) usable = readApplicationTable(t, customerOfDocument, dayOf, applications, issues) && usable;
  return { applications, issues, usable };
}

function readApplicationTable(t: RawTable, customerOfDocument: (documentNo: string) => string | undefined, dayOf: (text: string) => Day | undefined, applications: ApplicationRow[], issues: Issue[]): boolean {
  const map = mapHeaders(t);
  issues.push(...map.issues);
  if (!map.usable) return false;
  const ix = map.index;
  const blankHeaders = blankHeaderIndexes(t); // once per table, not per row
  const origin = { table: t, index: ix };
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows.at(i) ?? [];
    if (r.every((c) => c.trim() === '')) continue;
    const row = rowNumberOf(t, i);
    const from = cell(r, ix, 'from_document').trim();
    const to = cell(r, ix, 'to_document').trim();
    // A broken application row blocks the customer its documents belong to.
    const at = (column: string, value: string) => locate(t, ix, row, column, value, customerOfDocument(from) ?? customerOfDocument(to));
    const amountText = cell(r, ix, 'amount').trim();
    const dateText = cell(r, ix, 'date').trim();
    const date = dateText === '' ? undefined : dayOf(dateText);
    const rowIssues: Issue[] = [];
    if (from === '') rowIssues.push(makeIssue('missing-value', at('from_document', '')));
    if (to === '') rowIssues.push(makeIssue('missing-value', at('to_document', '')));
    if (amountText === '') rowIssues.push(makeIssue('missing-value', at('amount', '')));
    if (dateText !== '' && date === undefined) rowIssues.push(makeIssue('bad-date', at('date', dateText)));
    const beyond = cellBeyondHeaders(t, r, blankHeaders);
    if (beyond !== undefined) rowIssues.push(makeIssue('extra-cells', at(beyond.column, beyond.value)));
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      continue;
    }
    applications.push({ origin, row, from, to, amountText, date });
  }
  return true;
}
