import * as fs from 'node:fs';
import { buildLedger, canonicalColumn, type SettingsRow, COLUMNS, dayReader, readApplications, readCustomers, type DateOrder, type TypedEarly, type Issue, type Ledger, type Localised, type TableName, type ExportOptions } from '../core';
import * as path from 'node:path';
import { readLedgerFolderAsync } from '../adapters/csv/readLedgerFolder';
import { csvFilesIn, readCsvSheets } from '../adapters/csv/readCsvSheets';
import { UsageError } from './options';

export interface LoadOptions {
  readonly defaultCurrency: string | undefined;
  readonly dateOrder: DateOrder | undefined;
  /** Path of a JSON mapping: {"Header": "column"} for every table, or {"entries": {"Header": "column"}, ...}. Given, it replaces the workbook's saved mapping whole. */
  readonly mappingFile: string | undefined;
  readonly onRows?: (rows: number) => void;
  /** What the user said about another system's export: `--account`. */
  readonly exportOptions?: ExportOptions | undefined;
}

/** `settingsRows`: what the workbook's hidden "Statements settings" sheet holds (the add-in's mapping and firm settings; [] for CSV). */
export type Loaded = { ok: true; ledger: Ledger; settingsRows: readonly SettingsRow[] } | { ok: false; error: Localised };

/** The user's header → column mapping, per table. Bad JSON is a usage error. */
export function readMapping(file: string | undefined): Partial<Record<TableName, Record<string, string>>> | undefined {
  if (file === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError(`--mapping ${file}: ${why}`, `--mapping ${file} : ${why}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UsageError(`--mapping ${file}: expected a JSON object`, `--mapping ${file} : objet JSON attendu`);
  const o = json as Record<string, unknown>;
  const tables: TableName[] = ['customers', 'entries', 'applications'];
  const perTable = Object.keys(o).length > 0 && Object.keys(o).every((k) => (tables as string[]).includes(k));
  const strings = (x: unknown): Record<string, string> => {
    if (typeof x !== 'object' || x === null || Object.values(x).some((v) => typeof v !== 'string')) throw new UsageError(`--mapping ${file}: header names must map to column names (strings)`, `--mapping ${file} : chaque en-tête doit correspondre à un nom de colonne (texte)`);
    return Object.fromEntries(Object.entries(x as Record<string, string>));
  };
  // Targets are column names (or their synonyms: "due" → due_date); one that names no column is a typo, not a column to drop silently.
  const resolve = (forTables: readonly TableName[], m: Record<string, string>): Partial<Record<TableName, Record<string, string>>> => {
    const out: Partial<Record<TableName, Record<string, string>>> = {};
    for (const t of forTables) out[t] = {};
    for (const [header, target] of Object.entries(m)) {
      let found = false;
      for (const t of forTables) {
        const column = COLUMNS[t].includes(target) ? target : canonicalColumn(t, target);
        if (column === undefined) continue;
        (out[t] as Record<string, string>)[header] = column;
        found = true;
      }
      if (!found) {
        const known = [...new Set(forTables.flatMap((t) => COLUMNS[t]))].join(', ');
        throw new UsageError(`--mapping ${file}: "${header}" → "${target}": no such column (columns: ${known})`, `--mapping ${file} : « ${header} » → « ${target} » : colonne inconnue (colonnes : ${known})`);
      }
    }
    return out;
  };
  if (perTable) return Object.assign({}, ...Object.entries(o).map(([k, v]) => resolve([k as TableName], strings(v)))) as Partial<Record<TableName, Record<string, string>>>;
  return resolve(tables, strings(o));
}

/** True when a folder holds our own entries or customers file (entries.csv, clients.csv…): a ledger folder, not an export. */
function hasEntriesCsv(folder: string): boolean {
  return fs.readdirSync(folder).some((n) => ['entries.csv', 'ecritures.csv', 'écritures.csv', 'customers.csv', 'clients.csv'].includes(n.toLowerCase()));
}

/** A folder of CSV files, a CSV export or an .xlsx workbook → a validated ledger. */
export async function loadLedger(source: string, o: LoadOptions): Promise<Loaded> {
  const mapping = readMapping(o.mappingFile);
  const sourceIssues: Issue[] = [];
  let tables;
  let settingsRows: readonly SettingsRow[] = [];
  let early: TypedEarly = {};
  const isWorkbook = /\.(xlsx|xlsm)$/i.test(source);
  const kind = fs.existsSync(source) ? (fs.statSync(source).isDirectory() ? 'folder' : 'file') : 'none';
  // Another system's export as CSV: one file, or a folder of them without our entries.csv (a ledger and its detailed entries).
  const exportFiles = kind === 'file' && /\.csv$/i.test(source) ? [source] : kind === 'folder' && !hasEntriesCsv(source) ? csvFilesIn(source) : [];
  if (exportFiles.length > 0) {
    const found = readCsvSheets(exportFiles, { source: path.basename(source), dateOrder: o.dateOrder ?? 'dmy', mapping, exportOptions: o.exportOptions });
    if (!found.ok) return found;
    return { ok: true, ledger: buildLedger(found.tables, { defaultCurrency: o.defaultCurrency }, found.issues), settingsRows: [] };
  }
  if (isWorkbook && kind === 'folder') return { ok: false, error: { en: `${source}: a folder, not a workbook file`, fr: `${source} : un dossier, pas un fichier classeur` } };
  if (!isWorkbook && kind === 'file') {
    return {
      ok: false,
      error: {
        en: `${source}: expected an .xlsx workbook, a .csv export or a folder holding customers.csv and entries.csv (an .xls or .ods workbook: save it as .xlsx first)`,
        fr: `${source} : classeur .xlsx, export .csv ou dossier contenant customers.csv et entries.csv attendu (classeur .xls ou .ods : enregistrez-le d'abord en .xlsx)`,
      },
    };
  }
  // A CSV export keeps dates as its software typed them: day first unless told otherwise (a workbook's reader has already converted its own).
  const dateOrder = isWorkbook ? undefined : (o.dateOrder ?? 'dmy');
  if (isWorkbook) {
    const { readWorkbook } = await import('../adapters/xlsx/readWorkbook'); // exceljs only when a workbook is read
    const wb = await readWorkbook(source, { ...(o.dateOrder !== undefined ? { dateOrder: o.dateOrder } : {}), mapping, exportOptions: o.exportOptions, ...(o.onRows !== undefined ? { onRows: o.onRows } : {}) });
    if (!wb.ok) return wb;
    tables = wb.tables;
    settingsRows = wb.settingsRows;
    sourceIssues.push(...wb.issues);
  } else {
    // The customers and applications are typed while another thread reads a large entries file.
    const folder = await readLedgerFolderAsync(source, mapping, (customers, applications) => {
      early = { customers: readCustomers([customers]), applications: readApplications(applications === undefined ? [] : [applications], dayReader(dateOrder)) };
    });
    if (!folder.ok) return folder;
    tables = folder.tables;
    sourceIssues.push(...folder.issues);
  }
  return { ok: true, ledger: buildLedger(tables, { defaultCurrency: o.defaultCurrency, dateOrder }, sourceIssues, early), settingsRows };
}
