import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { indexCsvBytes, makeIssue, type Issue, type Utf8Decoder, type LedgerTables, type Localised, type RawTable, type TableMappings, type TableName } from '../../core';

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

/** Node's native UTF-8 decoding of `bytes` (one Buffer view made once): several times faster than the engine's portable one on a million cells. */
function nodeDecoder(bytes: Uint8Array): Utf8Decoder {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (b, from, to) => (b === bytes ? view : Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toString('utf8', from, to);
}

/** A CSV file's UTF-8 bytes as a table: rows indexed, their cells read when asked (and as bytes by the entries reader). */
export function csvToRawTable(table: TableName, source: string, bytes: Uint8Array, mapping?: Readonly<Record<string, string>>): { raw: RawTable; issues: Issue[] } {
  const csv = indexCsvBytes(bytes, undefined, nodeDecoder);
  const headers = csv.at(0) ?? [];
  const rows = { length: Math.max(0, csv.length - 1), at: (i: number) => (i < 0 ? undefined : csv.at(i + 1)) };
  const issues: Issue[] = [];
  // The rows swallowed by the open quote are lost, whoever they belonged to: the table cannot be trusted.
  if (csv.unterminatedQuoteAt !== undefined) issues.push(makeIssue('unterminated-quote', { table, row: csv.unterminatedQuoteAt }, { source }));
  // Row numbers are physical lines, so a quoted cell spanning lines keeps later rows where an editor shows them.
  const raw: RawTable = {
    table,
    source,
    headers,
    rows,
    rowNumbers: csv.lines.subarray(1),
    bytes: { bytes: csv.bytes, rowStart: csv.rowStart.subarray(1), delimiter: csv.delimiter },
    ...(mapping !== undefined ? { mapping } : {}),
  };
  return { raw, issues };
}

/** The file as UTF-8 bytes, whatever it was written in. */
function readBytes(file: string): { bytes: Uint8Array; utf8: boolean; badBytes: number } | Localised {
  const size = fs.statSync(file).size;
  if (size > MAX_CSV_BYTES) {
    return { en: `${file} is ${Math.round(size / 1e6)} MB; the limit is ${MAX_CSV_BYTES / 1e6} MB`, fr: `${file} fait ${Math.round(size / 1e6)} Mo ; la limite est de ${MAX_CSV_BYTES / 1e6} Mo` };
  }
  const bytes = fs.readFileSync(file);
  if (isUtf8(bytes)) return { bytes, utf8: true, badBytes: 0 };
  // UTF-8 with a stray byte (accents decoded fine elsewhere): keep UTF-8, the bad bytes become U+FFFD, and say how many.
  const asUtf8 = bytes.toString('utf8');
  if (/[\u0080-\ufffc\ufffe\uffff]/.test(asUtf8)) return { bytes: Buffer.from(asUtf8, 'utf8'), utf8: true, badBytes: asUtf8.split('\ufffd').length - 1 };
  // Excel's plain "CSV" on a French Windows writes Windows-1252: read it so (é stays é), and say so.
  return { bytes: Buffer.from(new TextDecoder('windows-1252').decode(bytes), 'utf8'), utf8: false, badBytes: 0 };
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
    const read = readBytes(file);
    if (!('bytes' in read)) return read;
    if (!read.utf8) issues.push(makeIssue('not-utf8', { table }, { source: path.basename(file) }));
    if (read.badBytes > 0) issues.push(makeIssue('bad-utf8', { table }, { source: path.basename(file), count: read.badBytes }));
    const r = csvToRawTable(table, path.basename(file), read.bytes, mapping?.[table]);
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
