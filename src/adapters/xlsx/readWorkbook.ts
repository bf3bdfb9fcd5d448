import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Row } from 'exceljs';
import ExcelJS from './exceljs';
import {
  detectHeader, HEADER_SEARCH_ROWS, mapHeaders, makeIssue, tableFromName, TableBuilder,
  type DateOrder, type GridReadOptions, type TableMappings, type GridValue, type Issue, type LedgerTables, type Localised, type RawTable, type TableName,
} from '../../core';
import { toGridValue } from './cellValue';
import { excelTablesBySheet, MergeFill, mergedRangesBySheet, workbookSaysUsEnglish, type ExcelTable } from './excelTables';
import { readZipDirectory, type ZipEntryInfo } from './zipDirectory';

export interface WorkbookReadOptions {
  /** Dates typed as text: default month first when the workbook's date formats are US English, else day first. */
  readonly dateOrder?: DateOrder;
  readonly mapping?: TableMappings | undefined;
  /** Refuse files larger than this (default 200 MB). */
  readonly maxBytes?: number;
  /** Refuse a part that inflates more than this many times its compressed size (default 200). */
  readonly maxRatio?: number;
  /** Refuse a workbook whose parts inflate to more than this in all (default 2 GB). */
  readonly maxUncompressed?: number;
  readonly onRows?: (rowsRead: number) => void;
}

export type WorkbookRead = { ok: true; tables: LedgerTables; issues: Issue[] } | { ok: false; error: Localised };

const EXCEL_LAST_ROW = 1048576;
const fail = (en: string, fr: string): WorkbookRead => ({ ok: false, error: { en, fr } });

/** Checks a file is a sane zip before exceljs inflates it: size, structure, compression ratio. Returns its parts. */
function vet(file: string, o: WorkbookReadOptions): WorkbookRead | ZipEntryInfo[] {
  const name = path.basename(file);
  const size = fs.statSync(file).size;
  const maxBytes = o.maxBytes ?? 200e6;
  if (size > maxBytes) return fail(`${name} is ${(size / 1e6).toFixed(1)} MB; the limit is ${(maxBytes / 1e6).toFixed(0)} MB`, `${name} fait ${(size / 1e6).toFixed(1)} Mo ; la limite est de ${(maxBytes / 1e6).toFixed(0)} Mo`);
  const dir = readZipDirectory(file);
  if (!dir.ok) return fail(`${name} is not a readable .xlsx workbook (${dir.reason === 'not-a-zip' ? 'not a zip archive' : 'the archive is truncated'})`, `${name} n'est pas un classeur .xlsx lisible (${dir.reason === 'not-a-zip' ? "ce n'est pas une archive zip" : "l'archive est tronquée"})`);
  if (!dir.entries.some((e) => e.name === 'xl/workbook.xml')) return fail(`${name} is a zip but not an Excel workbook (no xl/workbook.xml)`, `${name} est un zip mais pas un classeur Excel (pas de xl/workbook.xml)`);
  const maxRatio = o.maxRatio ?? 200;
  const total = dir.entries.reduce((s, e) => s + e.uncompressedSize, 0);
  const bomb = dir.entries.find((e) => e.uncompressedSize > 1e6 && e.uncompressedSize > maxRatio * Math.max(1, e.compressedSize));
  if (bomb !== undefined || total > (o.maxUncompressed ?? 2e9)) {
    const what = bomb !== undefined ? `${bomb.name} inflates ${Math.round(bomb.uncompressedSize / Math.max(1, bomb.compressedSize))}×` : `its parts inflate to ${(total / 1e6).toFixed(0)} MB`;
    const quoi = bomb !== undefined ? `${bomb.name} se décompresse ${Math.round(bomb.uncompressedSize / Math.max(1, bomb.compressedSize))} fois` : `ses parties font ${(total / 1e6).toFixed(0)} Mo décompressées`;
    return fail(`${name} refused: ${what} (a zip bomb?)`, `${name} refusé : ${quoi} (bombe zip ?)`);
  }
  return dir.entries;
}

interface SheetState {
  readonly name: string;
  readonly buffered: { row: number; cells: GridValue[] }[];
  builder: TableBuilder | undefined;
  decided: boolean;
  lastRow: number;
}

/**
 * Reads the customers, entries and applications tables of an .xlsx, streaming row by row:
 * sheets recognised by name or by a header row anywhere in their first 50 rows.
 */
export async function readWorkbook(file: string, options: WorkbookReadOptions = {}): Promise<WorkbookRead> {
  if (!fs.existsSync(file)) return fail(`${file}: no such file`, `${file} : fichier introuvable`);
  const vetted = vet(file, options);
  if (!Array.isArray(vetted)) return vetted;
  const excelTables = excelTablesBySheet(file, vetted);
  const merged = mergedRangesBySheet(file, vetted);
  const dateOrder = options.dateOrder ?? (workbookSaysUsEnglish(file, vetted) ? 'mdy' : 'dmy');
  const issues: Issue[] = [];
  const found: Record<TableName, { sheet: string; builder: TableBuilder }[]> = { customers: [], entries: [], applications: [] };
  let rowsRead = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
    for await (const ws of reader) {
      const date1904 = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 === true;
      const grid = (table: TableName): GridReadOptions => ({ dateOrder, date1904, mapping: options.mapping?.[table] });
      const sheetName = (ws as unknown as { name?: string }).name ?? 'Sheet';
      const state: SheetState = { name: sheetName, buffered: [], builder: undefined, decided: false, lastRow: 0 };
      // An Excel table named like a ledger table wins: its range says exactly where the data is.
      const declared = (excelTables.get(sheetName) ?? []).map((t) => ({ t, table: tableFromName(t.name) })).find((x) => x.table !== undefined) as { t: ExcelTable; table: TableName } | undefined;
      if (declared !== undefined) state.decided = true;
      const ranges = merged.get(sheetName);
      const fill = ranges === undefined ? undefined : new MergeFill(ranges);
      const decide = () => {
        state.decided = true;
        const rows = state.buffered.map((b) => b.cells);
        const guess = detectHeader(rows, tableFromName(sheetName), options.mapping) ?? detectHeader(rows, undefined, options.mapping);
        if (guess === undefined) {
          issues.push(makeIssue('no-table', { table: 'entries' }, { sheet: sheetName, rows: HEADER_SEARCH_ROWS }));
          return;
        }
        const header = state.buffered[guess.index] as { row: number; cells: GridValue[] };
        const builder = new TableBuilder(guess.table, sheetName, header.row, header.cells, grid(guess.table));
        const already = found[guess.table][0];
        if (already !== undefined) issues.push(makeIssue('duplicate-table', { table: guess.table }, { sheet: sheetName, first: already.sheet }));
        found[guess.table].push({ sheet: sheetName, builder });
        state.builder = builder;
        for (const b of state.buffered.slice(guess.index + 1)) builder.addRow(b.row, b.cells);
      };
      for await (const row of ws as AsyncIterable<Row>) {
        state.lastRow = row.number;
        rowsRead++;
        if (options.onRows !== undefined && rowsRead % 10000 === 0) options.onRows(rowsRead);
        if (state.decided && state.builder === undefined && declared === undefined) continue; // not a ledger sheet: skip quickly
        const values = row.values as unknown[];
        fill?.apply(row.number, values);
        const cells: GridValue[] = [];
        if (declared !== undefined) {
          const { t, table } = declared;
          if (row.number < t.top || row.number > t.bottom) continue;
          for (let i = t.left; i <= t.right; i++) cells.push(toGridValue(values[i]));
          if (row.number === t.top) {
            const builder = new TableBuilder(table, sheetName, row.number, cells, grid(table), t.left - 1);
            found[table].push({ sheet: sheetName, builder });
            state.builder = builder;
          } else state.builder?.addRow(row.number, cells);
          continue;
        }
        for (let i = 1; i < values.length; i++) cells.push(toGridValue(values[i]));
        if (state.builder !== undefined) state.builder.addRow(row.number, cells);
        else {
          state.buffered.push({ row: row.number, cells });
          if (state.buffered.length >= HEADER_SEARCH_ROWS) decide();
        }
      }
      if (!state.decided && state.buffered.length > 0) decide();
      if (state.lastRow >= EXCEL_LAST_ROW) issues.push(makeIssue('sheet-full', { table: 'entries', row: EXCEL_LAST_ROW }, { sheet: sheetName }));
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const name = path.basename(file);
    return fail(`${name} could not be read as a workbook: ${why}`, `${name} n'a pas pu être lu comme classeur : ${why}`);
  }
  const finished: Record<TableName, RawTable[]> = { customers: [], entries: [], applications: [] };
  for (const table of Object.keys(found) as TableName[]) {
    for (const f of found[table]) {
      const r = f.builder.finish();
      finished[table].push(r.raw);
      issues.push(...r.issues);
    }
  }
  if (finished.entries.length === 0) {
    return fail(`${path.basename(file)}: no entries table found (a sheet with Customer, Document No., Posting Date and Amount headers, in English or French)`, `${path.basename(file)} : aucune table d'écritures trouvée (un onglet avec les en-têtes N° client, N° pièce, Date comptable et Montant, en français ou en anglais)`);
  }
  if (finished.customers.length === 0) finished.customers.push(customersFromEntries(finished.entries, issues));
  return { ok: true, tables: { customers: finished.customers, entries: finished.entries, applications: finished.applications }, issues };
}

/** A ledger with no customers sheet still gets statements: one customer per id found in the entries. */
function customersFromEntries(entries: readonly RawTable[], issues: Issue[]): RawTable {
  const ids = new Set<string>();
  for (const t of entries) {
    const col = mapHeaders(t).index['customer_id'] ?? -1; // the entries table's own mapping, as the ledger reader will read it
    if (col < 0) continue;
    for (let i = 0; i < t.rows.length; i++) {
      const id = (t.rows.at(i)?.[col] ?? '').trim();
      if (id !== '') ids.add(id);
    }
  }
  issues.push(makeIssue('customers-from-entries', { table: 'customers' }, { count: ids.size }));
  return { table: 'customers', source: '(entries)', headers: ['customer_id'], rows: [...ids].map((id) => [id]) };
}
