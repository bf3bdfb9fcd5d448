import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { Worker } from 'node:worker_threads';
import { csvRows, EntryRowParser, fastPathApplies, indexCsvRows, makeIssue, mapHeaders, type ColumnIndex, type CsvIndex, type Issue, type PreparsedEntries, type Utf8Decoder, type LedgerTables, type Localised, type RawTable, type TableMappings, type TableName } from '../../core';
import { ChunkedRows, type ChunkBoard } from './chunkedRows';

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

/** A CSV file read: its text as UTF-8 bytes, what it was written in, and where its rows start. */
export interface CsvFileRead {
  readonly bytes: Uint8Array;
  readonly utf8: boolean;
  readonly badBytes: number;
  readonly index: CsvIndex;
  /** An entries file's rows read ahead on the worker thread. */
  readonly preparsed?: PreparsedEntries | undefined;
}

/**
 * Reads and indexes one CSV file (also what the worker thread runs for a large entries file).
 * `shared`: read into memory both threads can see (a file that needs converting is not).
 */
export function readCsvFile(file: string, shared = false): CsvFileRead | Localised {
  const read = readBytes(file, shared);
  return 'bytes' in read ? { ...read, index: indexCsvRows(read.bytes, undefined, shared ? sharedCopy : undefined) } : read;
}

/** A copy in memory another thread sees: the index then reaches the main thread uncopied. */
function sharedCopy(a: Int32Array): Int32Array {
  const copy = new Int32Array(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

/** A CSV file's rows as a table: cells read when asked (and as bytes by the entries reader); encoding and quoting problems added to `issues`. */
function tableOf(table: TableName, file: string, read: CsvFileRead, mapping: Readonly<Record<string, string>> | undefined, issues: Issue[]): RawTable {
  const source = path.basename(file);
  if (!read.utf8) issues.push(makeIssue('not-utf8', { table }, { source }));
  if (read.badBytes > 0) issues.push(makeIssue('bad-utf8', { table }, { source, count: read.badBytes }));
  const csv = csvRows(read.bytes, read.index, nodeDecoder);
  // The rows swallowed by the open quote are lost, whoever they belonged to: the table cannot be trusted.
  if (csv.unterminatedQuoteAt !== undefined) issues.push(makeIssue('unterminated-quote', { table, row: csv.unterminatedQuoteAt }, { source }));
  return {
    table,
    source,
    headers: csv.at(0) ?? [],
    rows: { length: Math.max(0, csv.length - 1), at: (i: number) => (i < 0 ? undefined : csv.at(i + 1)) },
    // Row numbers are physical lines, so a quoted cell spanning lines keeps later rows where an editor shows them.
    rowNumbers: csv.lines.subarray(1),
    bytes: { bytes: csv.bytes, rowStart: csv.rowStart.subarray(1), delimiter: csv.delimiter, ...(read.preparsed !== undefined ? { preparsed: read.preparsed } : {}) },
    ...(mapping !== undefined ? { mapping } : {}),
  };
}

/** The file as UTF-8 bytes, whatever it was written in. */
function readBytes(file: string, shared: boolean): { bytes: Uint8Array; utf8: boolean; badBytes: number } | Localised {
  const size = fs.statSync(file).size;
  if (size > MAX_CSV_BYTES) {
    return { en: `${file} is ${Math.round(size / 1e6)} MB; the limit is ${MAX_CSV_BYTES / 1e6} MB`, fr: `${file} fait ${Math.round(size / 1e6)} Mo ; la limite est de ${MAX_CSV_BYTES / 1e6} Mo` };
  }
  const bytes = shared ? readShared(file, size) : fs.readFileSync(file);
  if (isUtf8(bytes)) return { bytes, utf8: true, badBytes: 0 };
  // UTF-8 with a stray byte (accents decoded fine elsewhere): keep UTF-8, the bad bytes become U+FFFD, and say how many.
  const asUtf8 = bytes.toString('utf8');
  if (/[\u0080-\ufffc\ufffe\uffff]/.test(asUtf8)) return { bytes: Buffer.from(asUtf8, 'utf8'), utf8: true, badBytes: asUtf8.split('\ufffd').length - 1 };
  // Excel's plain "CSV" on a French Windows writes Windows-1252: read it so (é stays é), and say so.
  return { bytes: Buffer.from(new TextDecoder('windows-1252').decode(bytes), 'utf8'), utf8: false, badBytes: 0 };
}

/** The file into a SharedArrayBuffer (readFileSync cannot), to the size it has when read. */
function readShared(file: string, size: number): Buffer {
  const bytes = Buffer.from(new SharedArrayBuffer(size));
  const fd = fs.openSync(file, 'r');
  try {
    let done = 0;
    for (let n = 1; done < size && n > 0; done += n) n = fs.readSync(fd, bytes, done, size - done, done);
    return bytes.subarray(0, done);
  } finally {
    fs.closeSync(fd);
  }
}

type Found = CsvFileRead | Localised | undefined;

/** The three tables from what was read of each file, or why the folder cannot be read. */
function assemble(folder: string, files: Readonly<Record<TableName, string | undefined>>, reads: Readonly<Record<TableName, Found>>, mapping: TableMappings | undefined): FolderRead {
  for (const table of ['customers', 'entries'] as const) {
    if (files[table] === undefined) {
      const names = FILE_NAMES[table].join(' / ');
      return { ok: false, error: { en: `${folder}: ${names} not found`, fr: `${folder} : ${names} introuvable` } };
    }
  }
  const issues: Issue[] = [];
  const tables: Partial<Record<TableName, RawTable>> = {};
  for (const table of ['customers', 'entries', 'applications'] as const) {
    const read = reads[table];
    const file = files[table];
    if (read === undefined || file === undefined) continue;
    if (!('bytes' in read)) return { ok: false, error: read };
    tables[table] = tableOf(table, file, read, mapping?.[table], issues);
  }
  return { ok: true, tables: { customers: tables.customers as RawTable, entries: tables.entries as RawTable, applications: tables.applications }, issues };
}

function noFolder(folder: string): FolderRead | undefined {
  if (fs.existsSync(folder) && fs.statSync(folder).isDirectory()) return undefined;
  return { ok: false, error: { en: `${folder}: no such folder (expected customers.csv and entries.csv inside)`, fr: `${folder} : dossier introuvable (customers.csv et entries.csv attendus dedans)` } };
}

const filesOf = (folder: string): Record<TableName, string | undefined> => ({ customers: findFile(folder, 'customers'), entries: findFile(folder, 'entries'), applications: findFile(folder, 'applications') });

/** Reads customers.csv, entries.csv and the optional applications.csv of a folder. */
export function readLedgerFolder(folder: string, mapping?: TableMappings): FolderRead {
  const missing = noFolder(folder);
  if (missing !== undefined) return missing;
  const files = filesOf(folder);
  const read = (table: TableName): Found => (files[table] === undefined ? undefined : readCsvFile(files[table]));
  return assemble(folder, files, { customers: read('customers'), entries: read('entries'), applications: read('applications') }, mapping);
}

const WORKER_FILE = path.join(__dirname, 'csvFileWorker.js');
/** Below this, starting a thread costs more than it saves. */
const WORKER_MIN_BYTES = 8e6;

/**
 * The same, with a large entries file read and indexed on another thread (the compiled worker,
 * so the CLI; tests under ts-jest read it here), then its rows read ahead by chunks on both threads
 * while they are stored (ChunkedRows). `meanwhile` gets the customers and applications tables as
 * soon as they are read, so the caller can type them while the entries are still being read.
 */
export async function readLedgerFolderAsync(folder: string, mapping?: TableMappings, meanwhile?: (customers: RawTable, applications: RawTable | undefined) => void): Promise<FolderRead> {
  const missing = noFolder(folder);
  if (missing !== undefined) return missing;
  const files = filesOf(folder);
  const entriesFile = files.entries;
  const size = entriesFile === undefined ? 0 : fs.statSync(entriesFile).size;
  const worker = entriesFile !== undefined && fs.existsSync(WORKER_FILE) && size >= WORKER_MIN_BYTES && size <= MAX_CSV_BYTES ? new EntriesWorker(entriesFile, mapping?.entries) : undefined;
  const customers = files.customers === undefined ? undefined : readCsvFile(files.customers);
  const applications = files.applications === undefined ? undefined : readCsvFile(files.applications);
  const table = (found: Found, name: TableName): RawTable | undefined => {
    const file = files[name];
    return found !== undefined && 'bytes' in found && file !== undefined ? tableOf(name, file, found, mapping?.[name], []) : undefined;
  };
  const customersTable = table(customers, 'customers');
  // (a folder missing a file, or with one unreadable, is reported by assemble below)
  if (meanwhile !== undefined && customersTable !== undefined && (applications === undefined || 'bytes' in applications)) meanwhile(customersTable, table(applications, 'applications'));
  let entries: Found;
  if (worker !== undefined) {
    try {
      entries = withChunks(await worker.read);
    } catch {
      entries = readCsvFile(worker.file); // a worker that failed before it read the file: read it here
    }
  } else if (entriesFile !== undefined) entries = readCsvFile(entriesFile);
  return assemble(folder, files, { customers, entries, applications }, mapping);
}

/** What the worker sends once it has read and indexed the file: with the board of chunks it has started reading ahead, when the fast path applies. */
export interface EntriesFromWorker {
  readonly read: CsvFileRead | Localised;
  readonly ahead?: { readonly out: PreparsedEntries; readonly board: ChunkBoard; readonly width: number };
}

/** The bytes and column positions the entries' rows are read ahead with; undefined when the fast path cannot read this table (or the bytes could not be shared: a converted file). */
export function entriesReadAhead(read: CsvFileRead, entriesMapping: Readonly<Record<string, string>> | undefined): { bytes: Uint8Array; rowStart: Int32Array; columns: ColumnIndex; width: number; rows: number } | undefined {
  if (!(read.bytes.buffer instanceof SharedArrayBuffer)) return undefined;
  const csv = csvRows(read.bytes, read.index);
  const headers = csv.at(0) ?? [];
  const table = { table: 'entries' as const, source: 'entries', headers, rows: [], ...(entriesMapping !== undefined ? { mapping: entriesMapping } : {}) };
  const map = mapHeaders(table);
  if (!map.usable || !fastPathApplies(table, map.index)) return undefined;
  return { bytes: csv.bytes, rowStart: csv.rowStart.subarray(1), columns: map.index, width: headers.length, rows: csv.length - 1 };
}

/** The worker's read, its rows to be read ahead by chunks here too as the entries reader stores them. */
function withChunks(m: EntriesFromWorker): Found {
  const { read, ahead } = m;
  if (!('bytes' in read) || ahead === undefined) return read;
  const csv = csvRows(read.bytes, read.index);
  const parser = new EntryRowParser(csv.bytes, csv.rowStart.subarray(1), csv.delimiter, ahead.out.columns, ahead.width);
  const out = ahead.out;
  const chunks = new ChunkedRows(ahead.board, out.ok.length, (from, to) => {
    for (let i = from; i < to; i++) parser.parse(i, out, i);
  });
  return { ...read, preparsed: { ...out, readAhead: chunks } };
}

/** The entries worker: it reads the file, then reads rows ahead by chunks until none is left, and ends. */
class EntriesWorker {
  readonly read: Promise<EntriesFromWorker>;

  constructor(
    readonly file: string,
    mapping: Readonly<Record<string, string>> | undefined,
  ) {
    const worker = new Worker(WORKER_FILE, { workerData: { file, mapping } });
    this.read = new Promise((resolve, reject) => {
      worker.once('error', (e: unknown) => {
        void worker.terminate();
        reject(e instanceof Error ? e : new Error(String(e)));
      });
      worker.once('exit', (code) => reject(new Error(`the entries worker ended (${String(code)}) before reading ${file}`)));
      worker.once('message', (m: EntriesFromWorker) => {
        // After this the board is the only channel: a failure there releases its chunk to this thread (chunkedRows.ts).
        worker.on('error', () => undefined);
        worker.unref(); // never what keeps the process alive
        resolve(m);
      });
    });
  }
}
