import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Row } from 'exceljs';
import ExcelJS from './exceljs';
import { mappingFromRows, readSettingsRows, SETTINGS_SHEET, TableFinder, type DateOrder, type ExportOptions, type GridValue, type Issue, type LedgerTables, type Localised, type SettingsRow, type TableMappings } from '../../core';
import { toGridValue } from './cellValue';
import { excelTablesBySheet, mergedRangesBySheet, workbookParts, worksheetNamesOf, workbookSaysUsEnglish } from './excelTables';
import { readZipDirectory, type ZipEntryInfo } from './zipDirectory';

export interface WorkbookReadOptions {
  /** Dates typed as text: default month first when the workbook's date formats are US English, else day first. */
  readonly dateOrder?: DateOrder;
  /** The header mapping; when given it replaces, whole, the one the workbook's settings sheet holds. */
  readonly mapping?: TableMappings | undefined;
  /** Refuse files larger than this (default 200 MB). */
  readonly maxBytes?: number;
  /** Refuse a part that inflates more than this many times its compressed size (default 200). */
  readonly maxRatio?: number;
  /** Refuse a workbook whose parts inflate to more than this in all (default 2 GB). */
  readonly maxUncompressed?: number;
  readonly onRows?: (rowsRead: number) => void;
  /** What the user said about another system's export (its receivable accounts…). */
  readonly exportOptions?: ExportOptions | undefined;
}

/** The ledger tables, and the key/value rows of the add-in's hidden settings sheet ([] without one). */
export type WorkbookRead = { ok: true; tables: LedgerTables; issues: Issue[]; settingsRows: readonly SettingsRow[] } | { ok: false; error: Localised };

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

type Rows = AsyncIterable<Row>;
const cellText = (v: unknown): string => String(toGridValue(v) ?? '');

/** The settings sheet's rows, as the Office.js adapter reads them (row 1 the title). */
async function collectSettingsRows(ws: Rows): Promise<SettingsRow[]> {
  const grid: string[][] = [];
  for await (const row of ws) {
    const values = row.values as unknown[];
    grid[row.number - 1] = [cellText(values[1]), cellText(values[2])];
  }
  return readSettingsRows(Array.from(grid, (r) => r ?? ['', '']));
}

/**
 * The settings sheet's rows read before the ledger's sheets, so its mapping can guide the finder:
 * the add-in adds the sheet last, after the ledger, and a stream cannot go back. Sheets before it are
 * skipped unparsed (exceljs drains a sheet nobody iterates).
 */
async function settingsRowsFirst(file: string): Promise<SettingsRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  for await (const ws of reader) {
    if ((ws as unknown as { name?: string }).name === SETTINGS_SHEET) return collectSettingsRows(ws as Rows);
  }
  return [];
}

/**
 * Reads the customers, entries and applications tables of an .xlsx: vets the file, then streams each
 * sheet's rows, with its Excel tables and merged cells, into the engine's TableFinder, which decides
 * which table is which. A sheet the finder does not want is skipped without making its cells.
 */
export async function readWorkbook(file: string, options: WorkbookReadOptions = {}): Promise<WorkbookRead> {
  if (!fs.existsSync(file)) return fail(`${file}: no such file`, `${file} : fichier introuvable`);
  const vetted = vet(file, options);
  if (!Array.isArray(vetted)) return vetted;
  const parts = workbookParts(file, vetted);
  const excelTables = excelTablesBySheet(parts);
  const merged = mergedRangesBySheet(parts);
  const dateOrder = options.dateOrder ?? (workbookSaysUsEnglish(file, vetted) ? 'mdy' : 'dmy');
  const sheetNames = worksheetNamesOf(parts);
  const hasSettingsSheet = sheetNames.includes(SETTINGS_SHEET);
  const sheetsRead = new Set<string>();
  let settingsRows: SettingsRow[] = [];
  let mapping = options.mapping;
  let finder: TableFinder | undefined;
  const finderFor = (date1904: boolean) => new TableFinder({ source: path.basename(file), dateOrder, date1904, mapping, exportOptions: options.exportOptions });
  let rowsRead = 0;
  try {
    if (hasSettingsSheet && mapping === undefined) {
      settingsRows = await settingsRowsFirst(file);
      const saved = mappingFromRows(settingsRows);
      if (Object.keys(saved).length > 0) mapping = saved;
    }
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
    for await (const ws of reader) {
      // The date system is known once workbook.xml is read, before the first sheet.
      finder ??= finderFor((reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 === true);
      const name = (ws as unknown as { name?: string }).name ?? 'Sheet';
      sheetsRead.add(name);
      if (name === SETTINGS_SHEET) {
        // The add-in's record, never a ledger table.
        const rows = await collectSettingsRows(ws as Rows);
        if (settingsRows.length === 0) settingsRows = rows;
        continue;
      }
      const sheet = finder.sheet({ name, tables: excelTables.get(name), merged: merged.get(name) });
      let lastRow = 0;
      for await (const row of ws as AsyncIterable<Row>) {
        lastRow = row.number;
        rowsRead++;
        if (options.onRows !== undefined && rowsRead % 10000 === 0) options.onRows(rowsRead);
        if (!sheet.wants(row.number)) continue; // not a ledger sheet, or outside its Excel tables: skip quickly
        const values = row.values as unknown[]; // exceljs: values[1] is column A
        const cells: GridValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(toGridValue(values[i]));
        sheet.row(row.number, 1, cells);
      }
      sheet.end(lastRow);
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const name = path.basename(file);
    return fail(`${name} could not be read as a workbook: ${why}`, `${name} n'a pas pu être lu comme classeur : ${why}`);
  }
  // A streaming reader that skipped a part must not pass for a smaller ledger.
  const missed = sheetNames.filter((s) => !sheetsRead.has(s));
  if (missed.length > 0) {
    const name = path.basename(file);
    const list = missed.join(', ');
    return fail(`${name} could not be read completely (sheets not read: ${list}); try again, or save it again from Excel`, `${name} n'a pas pu être lu entièrement (feuilles non lues : ${list}) ; réessayez, ou enregistrez-le à nouveau depuis Excel`);
  }
  const found = (finder ?? finderFor(false)).finish();
  return found.ok ? { ...found, settingsRows } : found;
}
