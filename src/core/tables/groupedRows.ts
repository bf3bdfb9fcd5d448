import { makeIssue, type Issue } from '../issues/issue';
import { normaliseKey } from '../ledger/normalise';
import { cellAddress, rowNumberOf, type RawTable } from '../ledger/rawTable';
import { isBlank, type GridValue } from './gridValue';
import { figureText, reportFigure } from './reportFigure';
import { gridText } from './tableBuilder';

/**
 * Grouped reports (QuickBooks' Customer Balance Detail, Open Invoices, Transaction List by Customer;
 * Xero's Aged Receivables Detail; Sage's aged debtors) print no customer column: each customer is a
 * row of its own above its transactions, closed by a `Total for …` row, the report by a grand total.
 * `GroupedRows` turns such rows back into a table: the group's name fills a customer column, subtotal
 * and grand-total rows are checked against the rows they add up (a difference is a warning naming the
 * row) and reported, never read as entries. Every other row is handed on, so nothing is dropped unsaid.
 *
 *     const grouped = new GroupedRows({ sheet, headerRow, firstColumn, header });
 *     builder = open(grouped.header);                      // the header with its customer column
 *     for (each row below) { const r = grouped.row(n, cells); if (r !== undefined) builder.addRow(n, r); }
 *     issues.push(...grouped.finish());
 */

/** The caption given to the column the groups fill: a synonym of `customer_id` in every table. */
export const GROUP_CAPTION = 'Customer';

/** `Total for X` (QuickBooks Online), `Total X` (QuickBooks Desktop, Xero), `Total pour X`, `Sous-total X`. */
const SUBTOTAL = /^(?:sub-?\s?total|sous-?\s?total|total)\s+(.+)$/i;
const SUBTOTAL_LINK = /^(?:for|of|pour|de|du|des)\s+(.+)$/i;
/** The report's own total: `TOTAL`, `Grand total`, `Total général`, `Totaux`. */
const GRAND_TOTAL = /^(?:grand\s+total|total\s+g[ée]n[ée]ral|totaux|total)$/i;
/** Columns holding a running balance: their total row shows the last balance, not a sum. */
const RUNNING_BALANCE = new Set(['balance', 'runningbalance', 'solde', 'soldecumule', 'soldeprogressif'].map(normaliseKey));

export interface GroupedLayout {
  /** Sheet or file name, for the summary. */
  readonly sheet: string;
  /** Row of the header as a person sees it. */
  readonly headerRow: number;
  readonly header: readonly GridValue[];
  /** The address of the cell at (row, header index), `Report!G12`; undefined where there is none (CSV). */
  readonly cell: (row: number, index: number) => string | undefined;
  /** Non-blank rows above the header (report title, company, dates), when known: reported as skipped. */
  readonly titleRows?: number | undefined;
}

interface Group {
  readonly name: string;
  readonly key: string;
  readonly row: number;
  readonly sums: Map<number, bigint>;
  /** Rows read while this group was the innermost: a group row after them starts a new customer, not a nested one. */
  direct: number;
}

/** True when `cells` is a group row: one text cell alone, not a total label. */
export function isGroupRow(cells: readonly GridValue[]): boolean {
  let text: string | undefined;
  for (const c of cells) {
    if (isBlank(c)) continue;
    if (text !== undefined || typeof c !== 'string') return false;
    text = c.trim();
  }
  return text !== undefined && !SUBTOTAL.test(text) && !GRAND_TOTAL.test(text);
}

/**
 * A header row with no customer column, above a grouped report: the first non-blank row below it is a
 * group row. `rows[index]` is the header candidate. Returns the header with its customer column (in the
 * header's blank first cell, as QuickBooks leaves it, else added after the last), or undefined.
 */
export function groupedHeader(rows: readonly (readonly GridValue[])[], index: number): GridValue[] | undefined {
  const header = rows[index];
  if (header === undefined) return undefined;
  const below = rows.slice(index + 1).find((r) => !r.every(isBlank));
  if (below === undefined || !isGroupRow(below)) return undefined;
  return withGroupColumn(header);
}

function groupColumnOf(header: readonly GridValue[]): number {
  return header.length > 1 && isBlank(header[0]) ? 0 : header.length;
}

function withGroupColumn(header: readonly GridValue[]): GridValue[] {
  const out = [...header];
  out[groupColumnOf(header)] = GROUP_CAPTION;
  return out;
}

export class GroupedRows {
  /** The header as the table reads it: the report's own, with its customer column. */
  readonly header: GridValue[];
  private readonly groupColumn: number;
  private readonly summed: number[] = [];
  private readonly open: Group[] = [];
  private readonly all = new Map<number, bigint>();
  private readonly issues: Issue[] = [];
  private groups = 0;
  private subtotals = 0;
  private grandTotals = 0;

  constructor(private readonly layout: GroupedLayout) {
    this.groupColumn = groupColumnOf(layout.header);
    this.header = withGroupColumn(layout.header);
    layout.header.forEach((h, i) => {
      if (i !== this.groupColumn && !RUNNING_BALANCE.has(normaliseKey(gridText(h)))) this.summed.push(i);
    });
  }

  /** The row to read as an entry (its group filled in), or undefined for a group, subtotal or total row. */
  row(rowNumber: number, cells: readonly GridValue[]): GridValue[] | undefined {
    const first = cells.findIndex((c) => !isBlank(c));
    if (first < 0) return [...cells]; // blank: the table counts it
    const label = typeof cells[first] === 'string' ? (cells[first] as string).trim() : '';
    if (isGroupRow(cells)) {
      if (this.grandTotals > 0) {
        // Below the report's total: a footer (QuickBooks Online prints when the report was run), not a customer.
        this.issues.push(makeIssue('note-row', { table: 'entries', row: rowNumber, value: label.slice(0, 80), ...this.at(rowNumber, first) }));
        return undefined;
      }
      this.openGroup(label, rowNumber);
      return undefined;
    }
    if (label !== '' && GRAND_TOTAL.test(label)) {
      this.grandTotals++;
      this.check(rowNumber, cells, this.all, label, undefined);
      this.reportTotal(rowNumber, first, label);
      return undefined;
    }
    const sub = label !== '' ? this.closing(label) : undefined;
    if (sub !== undefined) {
      const group = this.open[sub] as Group;
      this.subtotals++;
      this.check(rowNumber, cells, group.sums, label, group.name);
      this.open.length = sub; // closes the group and any nested in it (QuickBooks Desktop's jobs)
      this.reportTotal(rowNumber, first, label);
      return undefined;
    }
    if (label !== '' && SUBTOTAL.test(label)) {
      // "Total for X" with no X open: a total the reader cannot check; reported, not read.
      this.issues.push(makeIssue('group-total-unmatched', { table: 'entries', row: rowNumber, value: label, ...this.at(rowNumber, first) }));
      return undefined;
    }
    return this.entry(cells);
  }

  /** Issues found (totals that disagree, totals reported), and what the report's layout gave. */
  finish(): Issue[] {
    const { sheet, titleRows } = this.layout;
    const counts = { sheet, groups: this.groups, subtotals: this.subtotals, totals: this.grandTotals };
    const summary = makeIssue('grouped-report', { table: 'entries', row: this.layout.headerRow }, titleRows === undefined ? counts : { ...counts, titles: titleRows });
    return [summary, ...this.issues];
  }

  private entry(cells: readonly GridValue[]): GridValue[] {
    const out = [...cells];
    const outer = this.open[0];
    // A row before any group keeps a blank customer: the ledger reports it on its row.
    out[this.groupColumn] = outer?.name ?? null;
    const inner = this.open[this.open.length - 1];
    if (inner !== undefined) inner.direct++;
    for (const i of this.summed) {
      const x = reportFigure(cells[i]);
      if (x === undefined) continue;
      this.all.set(i, (this.all.get(i) ?? 0n) + x);
      for (const g of this.open) g.sums.set(i, (g.sums.get(i) ?? 0n) + x);
    }
    return out;
  }

  private openGroup(name: string, row: number): void {
    // A group row under a group with no rows of its own yet (a customer, then its job) is nested in it;
    // after rows of its own (a report without subtotals), it starts a new customer.
    const inner = this.open[this.open.length - 1];
    if (inner !== undefined && inner.direct > 0) this.open.length = 0;
    this.open.push({ name, key: groupKey(name), row, sums: new Map(), direct: 0 });
    if (this.open.length === 1) this.groups++;
  }

  /** Which open group a `Total …` label closes (innermost first), or undefined. */
  private closing(label: string): number | undefined {
    const m = SUBTOTAL.exec(label);
    if (m === null) return undefined;
    const rest = (m[1] ?? '').trim();
    const linked = SUBTOTAL_LINK.exec(rest);
    const names = [groupKey(rest), ...(linked !== null ? [groupKey(linked[1] ?? '')] : [])];
    for (let i = this.open.length - 1; i >= 0; i--) if (names.includes((this.open[i] as Group).key)) return i;
    return undefined;
  }

  private check(rowNumber: number, cells: readonly GridValue[], sums: ReadonlyMap<number, bigint>, label: string, group: string | undefined): void {
    for (const i of this.summed) {
      const shown = reportFigure(cells[i]);
      if (shown === undefined) continue;
      const added = sums.get(i) ?? 0n;
      if (shown === added) continue;
      this.issues.push(makeIssue(
        'group-total-mismatch',
        { table: 'entries', row: rowNumber, column: gridText(this.layout.header[i]).trim(), value: label, ...this.at(rowNumber, i), customerId: group },
        { shown: figureText(shown), added: figureText(added) },
      ));
    }
  }

  private reportTotal(rowNumber: number, index: number, label: string): void {
    this.issues.push(makeIssue('total-row', { table: 'entries', row: rowNumber, value: label.slice(0, 80), ...this.at(rowNumber, index) }));
  }

  private at(rowNumber: number, index: number): { cell?: string } {
    const cell = this.layout.cell(rowNumber, index);
    return cell === undefined ? {} : { cell };
  }
}

function groupKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/**
 * A grouped report already read into a table (every row kept, as a vendor profile asks with
 * `keepAllRows`) → the same table with its customer column filled from the group rows, without its
 * group, subtotal and total rows, and the issues. Row numbers and cell letters stay the report's own;
 * a customer column added after the last has no letter ('': no cell of its own).
 */
export function groupRawTable(raw: RawTable, titleRows?: number): { table: RawTable; issues: Issue[] } {
  const grouped = new GroupedRows({
    sheet: raw.sheet ?? raw.source,
    headerRow: raw.headerRow ?? 1,
    header: raw.headers,
    cell: (row, index) => cellAddress(raw, row, index),
    titleRows,
  });
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = 0; i < raw.rows.length; i++) {
    const cells = raw.rows.at(i) ?? [];
    const n = rowNumberOf(raw, i);
    const read = grouped.row(n, cells);
    if (read === undefined) continue;
    rows.push(read.map((c) => (typeof c === 'string' ? c : c === null || c === undefined ? '' : gridText(c))));
    rowNumbers.push(n);
  }
  const headers = grouped.header.map((h) => gridText(h));
  const letters = raw.columnLetters !== undefined ? headers.map((_, i) => raw.columnLetters?.[i] ?? '') : undefined;
  const { bytes: _bytes, ...rest } = raw; // the rows are new: any byte view of the source no longer matches them
  void _bytes;
  return {
    table: { ...rest, headers, rows, rowNumbers, ...(letters !== undefined ? { columnLetters: letters } : {}) },
    issues: grouped.finish(),
  };
}
