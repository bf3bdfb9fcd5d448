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
  readonly problems: readonly Problem[];
  readonly usable: boolean;
}

/** A row's problem, with the documents (or entry numbers) it names, to find its customer once the entries are read. */
interface Problem {
  readonly issue: Issue;
  readonly from?: string;
  readonly to?: string;
  readonly fromEntry?: string;
  readonly toEntry?: string;
}

/** Reads the optional applications table; documents and amounts are checked during settlement. */
export function readApplications(tables: readonly RawTable[], dayOf: (text: string) => Day | undefined = parseIsoDay): ApplicationsRead {
  const applications: ApplicationRow[] = [];
  const problems: Problem[] = [];
  let usable = true;
  for (const t of tables) usable = readApplicationTable(t, dayOf, applications, problems) && usable;
  return { applications, problems, usable };
}

/** The problems, each given the customer of its from (else to) document, as the first entry with that number says. */
export function applicationIssues(read: ApplicationsRead, customerOfDocument: (documentNo: string) => string | undefined, customerOfEntry: (entryNo: string) => string | undefined = () => undefined): Issue[] {
  return read.problems.map(({ issue, from, to, fromEntry, toEntry }) => {
    const of = (x: string | undefined, find: (k: string) => string | undefined): string | undefined => (x === undefined || x === '' ? undefined : find(x));
    const customerId = of(from, customerOfDocument) ?? of(to, customerOfDocument) ?? of(fromEntry, customerOfEntry) ?? of(toEntry, customerOfEntry);
    return customerId === undefined || customerId === '' ? issue : { ...issue, customerId };
  });
}

function readApplicationTable(t: RawTable, dayOf: (text: string) => Day | undefined, applications: ApplicationRow[], problems: Problem[]): boolean {
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
    // By entry number when the row names its entries (from_entry/to_entry), else by document.
    const fromEntry = cell(r, ix, 'from_entry').trim();
    const toEntry = cell(r, ix, 'to_entry').trim();
    const byEntry = fromEntry !== '' || toEntry !== '' || (ix['from_document'] ?? -1) < 0;
    const [fromColumn, toColumn] = byEntry ? ['from_entry', 'to_entry'] : ['from_document', 'to_document'];
    const from = byEntry ? fromEntry : cell(r, ix, 'from_document').trim();
    const to = byEntry ? toEntry : cell(r, ix, 'to_document').trim();
    const amountText = cell(r, ix, 'amount').trim();
    const dateText = cell(r, ix, 'date').trim();
    const date = dateText === '' ? undefined : dayOf(dateText);
    const before = problems.length;
    const bad = (code: Parameters<typeof makeIssue>[0], column: string, value: string): void => {
      problems.push({ issue: makeIssue(code, locate(t, ix, row, column, value)), ...(byEntry ? { fromEntry: from, toEntry: to } : { from, to }) });
    };
    if (from === '') bad('missing-value', fromColumn, '');
    if (to === '') bad('missing-value', toColumn, '');
    if (amountText === '') bad('missing-value', 'amount', '');
    if (dateText !== '' && date === undefined) bad('bad-date', 'date', dateText);
    const beyond = cellBeyondHeaders(t, r, blankHeaders);
    if (beyond !== undefined) bad('extra-cells', beyond.column, beyond.value);
    if (problems.length > before) continue;
    applications.push({ origin, row, from, to, amountText, date, ...(byEntry ? { byEntry } : {}) });
  }
  return true;
}
