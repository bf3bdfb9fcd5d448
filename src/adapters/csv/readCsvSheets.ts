import * as fs from 'node:fs';
import * as path from 'node:path';
import { csvRows, makeIssue, TableFinder, type DateOrder, type ExportOptions, type FoundTables, type Issue, type TableMappings } from '../../core';
import { readCsvFile } from './readLedgerFolder';

/**
 * CSV files read as the sheets of one workbook, through the engine's table finder: another system's
 * export (Business Central's Customer Ledger Entries saved as CSV, with its Detailed entries in a
 * second file) is recognised as it is in an .xlsx, its header found below titles and its totals
 * reported. Each file is a sheet named after it; its rows keep their line numbers.
 */
export function readCsvSheets(files: readonly string[], options: { source: string; dateOrder: DateOrder; mapping?: TableMappings | undefined; exportOptions?: ExportOptions | undefined }): FoundTables {
  const finder = new TableFinder({ source: options.source, dateOrder: options.dateOrder, date1904: false, mapping: options.mapping, exportOptions: options.exportOptions });
  const issues: Issue[] = [];
  for (const file of files) {
    const read = readCsvFile(file);
    if (!('bytes' in read)) return { ok: false, error: read };
    const source = path.basename(file);
    if (!read.utf8) issues.push(makeIssue('not-utf8', { table: 'entries' }, { source }));
    if (read.badBytes > 0) issues.push(makeIssue('bad-utf8', { table: 'entries' }, { source, count: read.badBytes }));
    const csv = csvRows(read.bytes, read.index);
    if (csv.unterminatedQuoteAt !== undefined) issues.push(makeIssue('unterminated-quote', { table: 'entries', row: csv.unterminatedQuoteAt }, { source }));
    const sheet = finder.sheet({ name: source.replace(/\.csv$/i, '') });
    for (let i = 0; i < csv.length; i++) {
      const line = csv.lines[i] as number;
      if (sheet.wants(line)) sheet.row(line, 1, csv.at(i) ?? []);
    }
    sheet.end();
  }
  const found = finder.finish();
  return found.ok ? { ...found, issues: [...issues, ...found.issues] } : found;
}

/** The .csv files of a folder, by name: what is read as an export when the folder has no entries.csv. */
export function csvFilesIn(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((n) => /\.csv$/i.test(n))
    .sort()
    .map((n) => path.join(folder, n));
}
