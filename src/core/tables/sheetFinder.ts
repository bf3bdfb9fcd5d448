import { makeIssue, type Issue, type TableName } from '../issues/issue';
import { findVendorHeader } from '../exports/recognise';
import { detectHeader, HEADER_SEARCH_ROWS, tableFromName, type TableMappings } from './detectHeader';
import { a1Address } from './cellAddress';
import { isBlank, type GridValue } from './gridValue';
import { GroupedRows, groupedHeader } from './groupedRows';
import { MergeFill, type CellRange } from './mergeFill';
import { gridText, type TableBuilder } from './tableBuilder';

/** An Excel table (Insert › Table) on a sheet: its name and where it lies, header row included. */
export interface DeclaredTable extends CellRange {
  readonly name: string;
}

/** What a source knows of a sheet before its rows: its name, its Excel tables, its merged cells. */
export interface SheetLayout {
  readonly name: string;
  readonly tables?: readonly DeclaredTable[] | undefined;
  readonly merged?: readonly CellRange[] | undefined;
}

/** What a sheet needs of the workbook's finder: to open a table where its header is, and to report. */
export interface TableRegister {
  readonly mapping: TableMappings | undefined;
  issue(issue: Issue): void;
  /** `firstColumn`: Excel's column of `headerCells[0]` (1 = A). */
  open(table: TableName, sheet: string, headerRow: number, firstColumn: number, headerCells: readonly GridValue[]): TableBuilder;
}

/** Excel's last row: a sheet that reaches it was probably cut off when it was filled. */
export const EXCEL_LAST_ROW = 1048576;

interface Declared {
  readonly table: TableName;
  readonly range: DeclaredTable;
  builder: TableBuilder | undefined;
}

interface Pushed {
  readonly row: number;
  readonly firstColumn: number;
  readonly cells: GridValue[];
}

/**
 * One sheet of a TableFinder, fed its rows in order. Rows are Excel's (1 = the sheet's first row),
 * and a row's cells start at Excel's column `firstColumn` (1 = A; an Office.js range at C5 gives 3).
 */
export class SheetFinder {
  private readonly declared: Declared[];
  private readonly fill: MergeFill | undefined;
  /** The declared tables' rows: none of the sheet is read outside them (but merges above them are). */
  private readonly top: number;
  private readonly bottom: number;
  /** Rows kept until a header is found among them (no declared table). */
  private buffered: Pushed[] = [];
  private decided: boolean;
  private builder: TableBuilder | undefined;
  /** A grouped report's rows (customers as group rows, `Total for …` rows) pass through it first. */
  private grouped: GroupedRows | undefined;
  private headerColumn = 1;
  private lastRow = 0;
  private ended = false;

  constructor(private readonly layout: SheetLayout, private readonly register: TableRegister) {
    // An Excel table named like a ledger table wins: its range says exactly where the data is.
    this.declared = [];
    for (const range of layout.tables ?? []) {
      const table = tableFromName(range.name);
      if (table !== undefined) this.declared.push({ table, range, builder: undefined });
    }
    this.top = Math.min(...this.declared.map((d) => d.range.top));
    this.bottom = Math.max(...this.declared.map((d) => d.range.bottom));
    this.decided = this.declared.length > 0;
    this.fill = layout.merged !== undefined && layout.merged.length > 0 ? new MergeFill(layout.merged) : undefined;
  }

  get name(): string {
    return this.layout.name;
  }

  /** False for a row the finder will not read: a source can skip it without making its cells (a sheet that holds no table). */
  wants(row: number): boolean {
    if (this.declared.length > 0) return row <= this.bottom && (row >= this.top || this.fill !== undefined);
    return !this.decided || this.builder !== undefined;
  }

  /** Row `row`'s cells, from column `firstColumn` on. The finder may keep the array and fill merged cells into it. */
  row(row: number, firstColumn: number, cells: GridValue[]): void {
    if (row > this.lastRow) this.lastRow = row;
    if (this.ended || !this.wants(row)) return;
    this.fill?.apply(row, firstColumn, cells);
    if (this.declared.length > 0) {
      for (const d of this.declared) {
        const r = d.range;
        if (row < r.top || row > r.bottom) continue;
        const span = realign(cells, firstColumn, r.left, r.right - r.left + 1);
        if (row === r.top) d.builder = this.register.open(d.table, this.name, row, r.left, span);
        else d.builder?.addRow(row, span);
      }
      return;
    }
    if (this.builder !== undefined) {
      this.add(row, firstColumn === this.headerColumn ? cells : realign(cells, firstColumn, this.headerColumn));
      return;
    }
    this.buffered.push({ row, firstColumn, cells });
    if (this.buffered.length >= HEADER_SEARCH_ROWS) this.decide();
  }

  /**
   * The sheet is over. `lastRow`: the last row the sheet has, skipped or not (default: the last pushed),
   * to report a sheet filled down to Excel's last row.
   */
  end(lastRow = this.lastRow): void {
    if (this.ended) return;
    if (!this.decided && this.buffered.length > 0) this.decide();
    this.ended = true;
    for (const issue of this.grouped?.finish() ?? []) this.register.issue(issue);
    if (lastRow >= EXCEL_LAST_ROW) this.register.issue(makeIssue('sheet-full', { table: 'entries', row: EXCEL_LAST_ROW }, { sheet: this.name }));
  }

  /** Finds the header among the rows kept: the sheet's name, if it names a table, is tried first. */
  private decide(): void {
    this.decided = true;
    const rows = this.buffered;
    this.buffered = [];
    const grid = rows.map((b) => b.cells);
    const { mapping } = this.register;
    // Another system's export first (exports/): its header also names some of the contract's columns, but its profile knows them all.
    const vendor = findVendorHeader(grid.map((r) => r.map((c) => gridText(c).trim())));
    const guess = vendor !== undefined ? { table: 'entries' as const, index: vendor.index } : (detectHeader(grid, tableFromName(this.name), mapping) ?? detectHeader(grid, undefined, mapping));
    // A grouped report in the contract's own captions (no profile): its customers are group rows.
    const grouped = guess === undefined ? findGroupedHeader(grid, mapping) : undefined;
    if (guess === undefined && grouped === undefined) {
      this.register.issue(makeIssue('no-table', { table: 'entries' }, { sheet: this.name, rows: HEADER_SEARCH_ROWS }));
      return;
    }
    const index = guess?.index ?? (grouped as number);
    const header = rows[index] as Pushed;
    this.headerColumn = header.firstColumn;
    if (guess !== undefined) this.builder = this.register.open(guess.table, this.name, header.row, header.firstColumn, header.cells);
    else {
      const titleRows = grid.slice(0, index).filter((r) => !r.every(isBlank)).length;
      const sheet = this.name;
      const first = header.firstColumn;
      this.grouped = new GroupedRows({ sheet, headerRow: header.row, header: header.cells, titleRows, cell: (row, i) => a1Address(sheet, row, first + i) });
      this.builder = this.register.open('entries', this.name, header.row, header.firstColumn, this.grouped.header);
    }
    for (const b of rows.slice(index + 1)) {
      this.add(b.row, b.firstColumn === this.headerColumn ? b.cells : realign(b.cells, b.firstColumn, this.headerColumn));
    }
  }

  private add(row: number, cells: GridValue[]): void {
    if (this.grouped === undefined) {
      this.builder?.addRow(row, cells);
      return;
    }
    const read = this.grouped.row(row, cells);
    if (read !== undefined) this.builder?.addRow(row, read);
  }
}

/** The first row that is an entries header once given the customer column its grouped report leaves out. */
function findGroupedHeader(grid: readonly (readonly GridValue[])[], mapping: TableMappings | undefined): number | undefined {
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    const header = groupedHeader(grid, i);
    if (header !== undefined && detectHeader([header], 'entries', mapping) !== undefined) return i;
  }
  return undefined;
}

/** The cells from column `from` on (`count` of them, or to the row's end), of a row whose cells start at column `first`. */
function realign(cells: readonly GridValue[], first: number, from: number, count = Math.max(0, cells.length - (from - first))): GridValue[] {
  const out = new Array<GridValue>(count);
  for (let i = 0; i < count; i++) out[i] = cells[from - first + i] ?? null;
  return out;
}
