import { formatIsoDay } from '../calendar/day';
import type { Recognition } from '../exports/vendorProfile';
import { makeIssue, type Issue, type TableName } from '../issues/issue';
import { mapHeaders } from '../ledger/headerMap';
import type { RawTable } from '../ledger/rawTable';
import { normaliseKey } from '../ledger/normalise';
import { a1Address } from './cellAddress';
import { parseDateText, normaliseNumberText, numberToDecimalText, type DateOrder } from './coerce';
import { excelSerialToDay } from './excelSerial';
import { columnLetter, isBlank, type GridValue } from './gridValue';

export interface GridReadOptions {
  readonly dateOrder: DateOrder;
  readonly date1904: boolean;
  readonly mapping?: Readonly<Record<string, string>> | undefined;
}

type Kind = 'date' | 'money' | 'text';
const DATE_COLUMNS = new Set(['posting_date', 'due_date', 'date']);
const MONEY_COLUMNS = new Set(['amount', 'debit', 'credit']);
/** The cells that make a row an entry; a row with none of them is a note, a total or blank. */
const KEY_COLUMNS: Readonly<Record<TableName, readonly string[]>> = {
  customers: ['customer_id'],
  entries: ['customer_id', 'document_no', 'posting_date', 'amount', 'debit', 'credit'],
  applications: ['from_document', 'to_document', 'amount'],
};
const TOTAL = /^(grand[- ]?total|sub[- ]?total|sous[- ]?totaux?|sous[- ]?total|totaux?|total|solde|balance|report)\b/i;
/** Labels that can also describe a real entry ("Report à nouveau", "Balance brought forward"), unlike "Total". */
const CARRIED = /^(solde|balance|report)\b/i;

export function gridText(v: GridValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToDecimalText(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if ('day' in v) return formatIsoDay(v.day);
  return v.error;
}

/**
 * Turns the rows of one sheet, below a header row found by the caller, into a RawTable: cells coerced
 * to the text the ledger reader expects (ISO dates, plain decimals), totals, notes and blank rows
 * recognised and reported instead of read. Fed row by row so a million-row sheet is never held twice.
 */
export class TableBuilder {
  private readonly kinds: Kind[];
  private readonly keys: number[];
  /** Customer and document columns of an entries table (−1 when absent): a total row leaves both blank. */
  private readonly customerColumn: number;
  private readonly documentColumn: number;
  private readonly rows: string[][] = [];
  private readonly rowNumbers: number[] = [];
  private readonly issues: Issue[] = [];
  private blank = 0;
  private readonly headers: string[];
  private readonly letters: string[];

  constructor(
    private readonly table: TableName,
    private readonly sheet: string,
    private readonly headerRow: number,
    headerCells: readonly GridValue[],
    private readonly options: GridReadOptions,
    /** Column of the first cell (0 = A): an Excel table, or the range a row came from, may start further right. */
    private readonly firstColumn = 0,
    /** An export a vendor profile recognised: its own column kinds, and maybe every row kept for the profile. */
    private readonly vendor?: Recognition,
  ) {
    this.headers = headerCells.map((c) => gridText(c).trim());
    this.letters = this.headers.map((_, i) => columnLetter(firstColumn + i));
    const map = mapHeaders({ table, source: sheet, headers: this.headers, rows: [], ...(options.mapping !== undefined ? { mapping: options.mapping } : {}) });
    const columnAt: string[] = [];
    for (const [column, i] of Object.entries(map.index)) if (i >= 0) columnAt[i] = column;
    this.kinds = this.headers.map((_, i) => {
      if (vendor !== undefined) return vendor.kinds[i] ?? 'text';
      const c = columnAt[i] ?? '';
      return DATE_COLUMNS.has(c) ? 'date' : MONEY_COLUMNS.has(c) ? 'money' : 'text';
    });
    this.keys = KEY_COLUMNS[table].map((c) => map.index[c] ?? -1).filter((i) => i >= 0);
    this.customerColumn = map.index['customer_id'] ?? -1;
    this.documentColumn = map.index['document_no'] ?? -1;
  }

  addRow(rowNumber: number, cells: readonly GridValue[]): void {
    if (cells.every(isBlank)) {
      this.blank++;
      return;
    }
    if (this.vendor?.keepAllRows === true) {
      this.keep(rowNumber, cells); // group, subtotal and total rows are the profile's to read and report
      return;
    }
    if ((this.keys.length > 0 && this.keys.every((i) => isBlank(cells[i]))) || isLoneRemark(cells)) {
      this.reportNonEntry(rowNumber, cells);
      return;
    }
    // "Total", "Sous-total"... with no document: a subtotal line, per customer or not. "Solde", "Report à
    // nouveau" can also describe a real entry: a row naming its customer is then read (and checked), never dropped.
    const labels = cells.filter((c): c is string => typeof c === 'string' && TOTAL.test(c.trim()));
    const blankOrLabel = (i: number): boolean => i < 0 || isBlank(cells[i]) || TOTAL.test(gridText(cells[i]).trim());
    const subtotal = labels.some((l) => !CARRIED.test(l.trim()));
    if (labels.length > 0 && this.table === 'entries' && blankOrLabel(this.documentColumn) && (subtotal || blankOrLabel(this.customerColumn))) {
      this.reportNonEntry(rowNumber, cells);
      return;
    }
    this.keep(rowNumber, cells);
  }

  private keep(rowNumber: number, cells: readonly GridValue[]): void {
    const out: string[] = new Array<string>(this.headers.length);
    for (let i = 0; i < this.headers.length; i++) out[i] = this.coerce(cells[i], this.kinds[i] ?? 'text', rowNumber, i);
    this.rows.push(out);
    this.rowNumbers.push(rowNumber);
  }

  finish(): { raw: RawTable; issues: Issue[] } {
    if (this.blank > 0) this.issues.push(makeIssue('blank-rows', { table: this.table }, { count: this.blank }));
    return {
      raw: {
        table: this.table,
        source: this.sheet,
        sheet: this.sheet,
        headers: this.headers,
        rows: this.rows,
        rowNumbers: this.rowNumbers,
        columnLetters: this.letters,
        headerRow: this.headerRow,
        ...(this.options.mapping !== undefined && this.vendor === undefined ? { mapping: this.options.mapping } : {}),
      },
      issues: this.issues,
    };
  }

  private reportNonEntry(rowNumber: number, cells: readonly GridValue[]): void {
    const i = cells.findIndex((c) => !isBlank(c));
    const text = gridText(cells[i]).trim();
    const code = TOTAL.test(text) || cells.some((c) => typeof c === 'string' && TOTAL.test(c.trim())) ? 'total-row' : 'note-row';
    this.issues.push(makeIssue(code, { table: this.table, row: rowNumber, value: text.slice(0, 80), cell: a1Address(this.sheet, rowNumber, this.firstColumn + i + 1) }));
  }


  private coerce(v: GridValue, kind: Kind, rowNumber: number, col: number): string {
    if (v === null || v === undefined) return '';
    if (kind === 'date') {
      if (typeof v === 'number') {
        const d = excelSerialToDay(v, this.options.date1904);
        return d.ok ? formatIsoDay(d.day) : String(v); // left as is: the ledger reports it as a bad date
      }
      if (typeof v === 'string') {
        if (v.trim() === '') return '';
        const p = parseDateText(v, this.options.dateOrder);
        if (p.ok) return formatIsoDay(p.day);
        if (p.reason === 'ambiguous') {
          this.issues.push(makeIssue('ambiguous-date', { table: this.table, row: rowNumber, column: normaliseKey(this.headers[col] ?? ''), value: v, cell: a1Address(this.sheet, rowNumber, this.firstColumn + col + 1) }));
        }
        return v;
      }
      return gridText(v);
    }
    if (kind === 'money' && typeof v === 'string') {
      if (v.trim() === '') return '';
      return normaliseNumberText(v) ?? v;
    }
    return gridText(v);
  }
}

/** A row whose only cell is a phrase ("voir relance du 12/11") is a remark, not an entry with blanks. */
function isLoneRemark(cells: readonly GridValue[]): boolean {
  let text: string | undefined;
  for (const c of cells) {
    if (isBlank(c)) continue;
    if (text !== undefined || typeof c !== 'string') return false;
    text = c.trim();
  }
  return text !== undefined && (/\s/.test(text) || text.length > 30);
}
