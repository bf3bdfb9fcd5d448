import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { makeIssue, type Issue, type LedgerTables, type Localised, type RawTable, type TableMappings, type TableName } from '../../core';
import { parseCsvRows } from './parseCsv';

/** File names tried for each table, English then French. */
const FILE_NAMES: Readonly<Record<TableName, readonly string[]>> = {
  customers: ['customers.csv', 'clients.csv'],
  entries: ['entries.csv', 'ecritures.csv', 'écritures.csv'],
  applications: ['applications.csv', 'lettrages.csv'],
};

/** Files above this are refused with a message rather than exhausting memory. */
export const MAX_CSV_BYTES = 512 * 1024 * 1024;

export type FolderRead = { ok: true; tables: LedgerTables; issues: Issue[] } | { ok: false; error: Localised };

function findFile(folder: string, table: TableName): string | undefined {
  const names = new Set(fs.readdirSync(folder));
  const lower = new Map([...names].map((n) => [n.toLowerCase(), n]));
  for (const candidate of FILE_NAMES[table]) {
    const hit = lower.get(candidate);
    if (hit !== undefined) return path.join(folder, hit);
  }
  return undefined;
}

export function csvToRawTable(table: TableName, source: string, text: string, mapping?: Readonly<Record<string, string>>): { raw: RawTable; issues: Issue[] } {
  const parsed = parseCsvRows(text);
  const headers = parsed.at(0) ?? [];
  const rows = { length: Math.max(0, parsed.length - 1), at: (i: number) => (i < 0 ? undefined : parsed.at(i + 1)) };
  const issues: Issue[] = [];
  // The rows swallowed by the open quote are lost, whoever they belonged to: the table cannot be trusted.
  if (parsed.unterminatedQuoteAt !== undefined) issues.push(makeIssue('unterminated-quote', { table, row: parsed.unterminatedQuoteAt }, { source }));
  // Row numbers are physical lines, so a quoted cell spanning lines keeps later rows where an editor shows them.
  const raw: RawTable = { table, source, headers, rows, rowNumbers: parsed.lines.subarray(1), ...(mapping !== undefined ? { mapping } : {}) };
  return { raw, issues };
}

function readText(file: string): { text: string; utf8: boolean; badBytes: number } | Localised {
  const size = fs.statSync(file).size;
  if (size > MAX_CSV_BYTES) {
    return { en: `${file} is ${Math.round(size / 1e6)} MB; the limit is ${MAX_CSV_BYTES / 1e6} MB`, fr: `${file} fait ${Math.round(size / 1e6)} Mo ; la limite est de ${MAX_CSV_BYTES / 1e6} Mo` };
  }
  // Bytes then one decode: Node 20's readFileSync(file, 'utf8') takes twice as long on a large file.
  const bytes = fs.readFileSync(file);
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), utf8: true, badBytes: 0 };
  // UTF-8 with a stray byte (accents decoded fine elsewhere): keep UTF-8, the bad bytes become U+FFFD, and say how many.
  const asUtf8 = bytes.toString('utf8');
  if (/[\u0080-\ufffc\ufffe\uffff]/.test(asUtf8)) return { text: asUtf8, utf8: true, badBytes: asUtf8.split('\ufffd').length - 1 };
  // Excel's plain "CSV" on a French Windows writes Windows-1252: read it so (é stays é), and say so.
  return { text: new TextDecoder('windows-1252').decode(bytes), utf8: false, badBytes: 0 };
}

/** Reads customers.csv, entries.csv and the optional applications.csv of a folder. */
export function readLedgerFolder(folder: string, mapping?: TableMappings): FolderRead {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    return { ok: false, error: { en: `${folder}: no such folder (expected customers.csv and entries.csv inside)`, fr: `${folder} : dossier introuvable (customers.csv et entries.csv attendus dedans)` } };
  }
  const issues: Issue[] = [];
  const read = (table: TableName): RawTable | Localised | undefined => {
    const file = findFile(folder, table);
    if (file === undefined) return undefined;
    const read = readText(file);
    if (!('text' in read)) return read;
    if (!read.utf8) issues.push(makeIssue('not-utf8', { table }, { source: path.basename(file) }));
    if (read.badBytes > 0) issues.push(makeIssue('bad-utf8', { table }, { source: path.basename(file), count: read.badBytes }));
    const r = csvToRawTable(table, path.basename(file), read.text, mapping?.[table]);
    issues.push(...r.issues);
    return r.raw;
  };
  const customers = read('customers');
  const entries = read('entries');
  const applications = read('applications');
  for (const [table, t] of [['customers', customers], ['entries', entries]] as const) {
    if (t === undefined) {
      const names = FILE_NAMES[table].join(' / ');
      return { ok: false, error: { en: `${folder}: ${names} not found`, fr: `${folder} : ${names} introuvable` } };
    }
  }
  for (const t of [customers, entries, applications]) if (t !== undefined && !('rows' in t)) return { ok: false, error: t };
  return { ok: true, tables: { customers: customers as RawTable, entries: entries as RawTable, applications: applications as RawTable | undefined }, issues };
}
