import { parseIsoDay, type Day } from '../calendar/day';
import { makeIssue, type Issue } from '../issues/issue';
import { blankHeaderIndexes, cell, cellBeyondHeaders, locate, mapHeaders } from './headerMap';
import type { ApplicationRow } from './model';
import { isBlankRow, rowNumberOf, type RawTable } from './rawTable';

/**
 * The applications table read, before the entries are: its rows, and its problems in table and row
 * order. A row's problem blocks the customer its documents belong to, which only the entries tell:
 * `applicationIssues` attributes them once those are read. So the table can be typed while another
 * thread is still reading a large entries file.
 */
export interface ApplicationsRead {
  readonly applications: ApplicationRow[];
  readonly problems: readonly { readonly issue: Issue; readonly from?: string; readonly to?: string }[];
  readonly usable: boolean;
}

/** Reads the optional applications table; documents and amounts are checked during settlement. */
export function readApplications(tables: readonly RawTable[], dayOf: (text: string) => Day | undefined = parseIsoDay): ApplicationsRead {
  const applications: ApplicationRow[] = [];
  const problems: { issue: Issue; from?: string; to?: string }[] = [];
  let usable = true;
  for (const t of tables) usable = readApplicationTable(t, dayOf, applications, problems) && usable;
  return { applications, problems, usable };
}

/** The problems, each given the customer of its from (else to) document, as the first entry with that number says. */
export function applicationIssues(read: ApplicationsRead, customerOfDocument: (documentNo: string) => string | undefined): Issue[] {
  return read.problems.map(({ issue, from, to }) => {
    const customerId = (from === undefined ? undefined : customerOfDocument(from)) ?? (to === undefined ? undefined : customerOfDocument(to));
    return customerId === undefined || customerId === '' ? issue : { ...issue, customerId };
  });
}

function readApplicationTable(t: RawTable, dayOf: (text: string) => Day | undefined, applications: ApplicationRow[], problems: { issue: Issue; from?: string; to?: string }[]): boolean {
  const map = mapHeaders(t);
  for (const issue of map.issues) problems.push({ issue });
  if (!map.usable) return false;
  const ix = map.index;
  const blankHeaders = blankHeaderIndexes(t); // once per table, not per row
  const origin = { table: t, index: ix };
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows.at(i) ?? [];
    if (isBlankRow(r)) continue;
    const row = rowNumberOf(t, i);
    const from = cell(r, ix, 'from_document').trim();
    const to = cell(r, ix, 'to_document').trim();
    const amountText = cell(r, ix, 'amount').trim();
    const dateText = cell(r, ix, 'date').trim();
    const date = dateText === '' ? undefined : dayOf(dateText);
    const before = problems.length;
    const bad = (code: Parameters<typeof makeIssue>[0], column: string, value: string): void => {
      problems.push({ issue: makeIssue(code, locate(t, ix, row, column, value)), from, to });
    };
    if (from === '') bad('missing-value', 'from_document', '');
    if (to === '') bad('missing-value', 'to_document', '');
    if (amountText === '') bad('missing-value', 'amount', '');
    if (dateText !== '' && date === undefined) bad('bad-date', 'date', dateText);
    const beyond = cellBeyondHeaders(t, r, blankHeaders);
    if (beyond !== undefined) bad('extra-cells', beyond.column, beyond.value);
    if (problems.length > before) continue;
    applications.push({ origin, row, from, to, amountText, date });
  }
  return true;
}
