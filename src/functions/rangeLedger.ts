import {
  a1Address, buildLedger, isBlank, mapHeaders, placeEn, placeFr, TableFinder,
  type DateOrder, type GridValue, type Issue, type Ledger, type LedgerTables, type Localised, type RawTable, type TableName,
} from '../core';
import { excelError, toGridValue } from './cells';

/** A range argument: its values (header row first) and, when the function knows it, its address ("Ledger!C5:J900"). */
export interface RangeInput {
  readonly values: readonly (readonly unknown[])[];
  readonly address?: string | undefined;
}

export interface RangeReadOptions {
  readonly date1904: boolean;
  readonly dateOrder: DateOrder;
  /** The `currency` argument: the currency of rows and customers that name none, as the CLI's --currency. */
  readonly currency?: string | undefined;
}

/** A cell holding an Excel error (#N/A): a bad cell, blocking the customer of its row. */
export interface BadCell {
  readonly table: TableName;
  readonly row: number;
  readonly column: string;
  /** The customer it blocks; undefined when the row names none the reader can tell. */
  readonly customerId: string | undefined;
  readonly message: Localised;
}

export type RangeLedger = { ok: true; ledger: Ledger; badCells: readonly BadCell[]; entries: readonly RawTable[] } | { ok: false; error: Localised };

const SHEET: Readonly<Record<TableName, string>> = { entries: 'Entries', customers: 'Customers', applications: 'Applications' };

/** "Ledger!C5:J900" → its sheet, first row and first column; undefined for anything else. */
export function parseAddress(address: string | undefined): { sheet: string; row: number; column: number } | undefined {
  if (address === undefined) return undefined;
  // A workbook may prefix it ("[Book1]Ledger!C5:J900"); only the sheet and the top-left cell matter.
  const m = /^(?:\[[^\]]*\])?(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::.*)?$/.exec(address.trim());
  if (m === null) return undefined;
  const sheet = (m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string)).replace(/^\[[^\]]*\]/, '');
  let column = 0;
  for (const ch of m[3] as string) column = column * 26 + ch.charCodeAt(0) - 64;
  return { sheet, row: Number(m[4]), column };
}

/** Rows up to the last that holds anything: a whole-column reference (A:H) brings a million blank rows. */
export function usedLength(values: readonly (readonly unknown[])[]): number {
  let n = values.length;
  while (n > 0 && (values[n - 1] as readonly unknown[]).every((c) => isBlank(toGridValue(c)))) n--;
  return n;
}

interface ErrorCell {
  readonly table: TableName;
  readonly row: number;
  /** Position in the range's row (0 = its first column, where the header starts). */
  readonly index: number;
  readonly code: string;
  /** Its address on the sheet, when the range's address is known. */
  readonly cell?: string | undefined;
}

/**
 * The ledger of ranges passed to a function, read by the CLI's workbook rules: each range is pushed
 * into the core's TableFinder as a sheet (header found in its first rows, the table told by its
 * headers, the sheet's name breaking ties), then typed by buildLedger. Rows are counted in the range
 * (header = row 1), or on the sheet when the range's address is known.
 */
export function readRangeLedger(ranges: Partial<Record<TableName, RangeInput>>, options: RangeReadOptions): RangeLedger {
  const finder = new TableFinder({ source: 'entries', dateOrder: options.dateOrder, date1904: options.date1904 });
  const errorCells: ErrorCell[] = [];
  const located = new Set<string>();
  for (const table of ['customers', 'entries', 'applications'] as const) {
    const range = ranges[table];
    if (range === undefined) continue;
    const at = parseAddress(range.address);
    if (at !== undefined) located.add(at.sheet);
    const name = at?.sheet ?? SHEET[table];
    const firstRow = at?.row ?? 1;
    const firstColumn = at?.column ?? 1;
    const sheet = finder.sheet({ name });
    const n = usedLength(range.values);
    for (let i = 0; i < n; i++) {
      const row = firstRow + i;
      if (!sheet.wants(row)) continue;
      const source = range.values[i] as readonly unknown[];
      // Most rows go to the finder as Excel passed them; a row with an error value (or an error's text) is converted.
      let cells = source as GridValue[];
      for (let j = 0; j < source.length; j++) {
        const raw = source[j];
        if (!((typeof raw === 'object' && raw !== null) || (typeof raw === 'string' && raw.charCodeAt(0) === 35 /* # */ && excelError(raw) !== undefined))) continue;
        if (cells === source) cells = source.map(toGridValue);
        const v = cells[j] as GridValue;
        if (v !== null && typeof v === 'object' && 'error' in v) errorCells.push({ table, row, index: j, code: v.error, cell: at === undefined ? undefined : a1Address(at.sheet, row, firstColumn + j) });
      }
      sheet.row(row, firstColumn, cells);
    }
    sheet.end(firstRow + n - 1);
  }
  const found = finder.finish();
  if (!found.ok) return found;
  // Without an address, a cell is named by its row in the range and its column (not a made-up sheet cell).
  const bare = (t: RawTable | readonly RawTable[] | undefined): RawTable[] =>
    (t === undefined ? [] : 'rows' in t ? [t as RawTable] : [...(t as readonly RawTable[])]).map((r) => (r.sheet !== undefined && located.has(r.sheet) ? r : unplaced(r)));
  const tables: LedgerTables = { customers: bare(found.tables.customers), entries: bare(found.tables.entries), applications: bare(found.tables.applications) };
  const sourceIssues = found.issues.map((i) => (i.cell !== undefined && !located.has(sheetOf(i.cell)) ? withoutCell(i) : i));
  const ledger = buildLedger(tables, { defaultCurrency: options.currency, dateOrder: options.dateOrder }, sourceIssues);
  return { ok: true, ledger, badCells: badCellsOf(errorCells, tables, ledger), entries: tables.entries as RawTable[] };
}

function unplaced(r: RawTable): RawTable {
  const { sheet: _sheet, columnLetters: _letters, ...rest } = r;
  return rest;
}

function sheetOf(cell: string): string {
  const bang = cell.lastIndexOf('!');
  const s = cell.slice(0, bang);
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

function withoutCell(i: Issue): Issue {
  const { cell: _cell, ...rest } = i;
  return rest;
}

/**
 * Error cells the ledger reader has not already reported (an error in a date or amount cell is a bad
 * date or amount to it): each blocks the customer of its row. An applications row blocks the
 * customer of the documents it names.
 */
function badCellsOf(cells: readonly ErrorCell[], tables: LedgerTables, ledger: Ledger): BadCell[] {
  if (cells.length === 0) return [];
  const reported = new Set(ledger.issues.filter((i) => i.severity === 'error' && i.row !== undefined).map((i) => `${i.table}:${i.row}:${i.value ?? ''}`));
  let byDocument: Map<string, string> | undefined;
  /** The customer of a document number (applications rows), from the stored entries: built on first use. */
  const customerOfDocument = (document: string): string | undefined => {
    if (byDocument === undefined) {
      byDocument = new Map<string, string>();
      const store = ledger.entries;
      for (let i = 0; i < store.length; i++) byDocument.set(store.documentNo(i), store.customerId(i));
    }
    return byDocument.get(document);
  };
  /** Each table's row numbers → positions (a column of #N/A must not cost a search per cell). */
  const positions = new Map<RawTable, Map<number, number>>();
  const positionOf = (table: RawTable, row: number): number => {
    let map = positions.get(table);
    if (map === undefined) {
      map = new Map<number, number>();
      const numbers = table.rowNumbers ?? [];
      for (let k = 0; k < numbers.length; k++) map.set(numbers[k] as number, k);
      positions.set(table, map);
    }
    return map.get(row) ?? -1;
  };
  const out: BadCell[] = [];
  for (const c of cells) {
    if (reported.has(`${c.table}:${c.row}:${c.code}`)) continue;
    const table = (tables[c.table] as RawTable[] | undefined)?.[0];
    if (table === undefined) continue;
    const at = positionOf(table, c.row);
    if (at < 0) continue; // the header row or a row the finder did not read (a note, a total)
    const cellsOfRow = table.rows.at(at) ?? [];
    const index = mapHeaders(table).index;
    const text = (column: string): string => ((index[column] ?? -1) >= 0 ? (cellsOfRow[index[column] as number] ?? '').trim() : '');
    const customerId = c.table === 'applications' ? customerOfDocument(text('from_document')) ?? customerOfDocument(text('to_document')) : text('customer_id') || undefined;
    const header = Object.entries(index).find(([, i]) => i === c.index)?.[0] ?? table.headers[c.index] ?? '';
    const where = { table: c.table, row: c.row, column: header, ...(c.cell !== undefined ? { cell: c.cell } : {}) };
    out.push({
      table: c.table,
      row: c.row,
      column: header,
      customerId,
      message: {
        en: `${placeEn(where)}: the cell holds the Excel error ${c.code}`,
        fr: `${placeFr(where)} : la cellule contient l'erreur Excel ${c.code}`,
      },
    });
  }
  return out;
}
