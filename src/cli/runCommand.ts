import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { computeStatements, statementDocument, type ComputeResult, type Language } from '../core';
import { reconciliationCsv } from '../adapters/csv/writeReconciliationCsv';
import { safeFileName } from '../adapters/files/safeFileName';
import { writeStatementsWorkbook } from '../adapters/xlsx/writeStatementsWorkbook';
import { addComputeOptions } from './computeFlags';
import type { Io } from './io';
import { loadLedger } from './loadLedger';
import { computeOptionsFrom, UsageError, type ComputeFlags } from './options';
import { progressFor } from './progress';

export interface RunFlags extends ComputeFlags {
  out: string;
  maxSheets: string;
  csvDelimiter?: string;
  company?: string;
}

const T = {
  en: { wrote: 'Wrote', workbook: 'statements workbook', csv: 'reconciliation CSV files', statements: 'statements', blocked: 'blocked', excluded: 'left out', problems: 'input problems (see the Issues sheet)' },
  fr: { wrote: 'Écrit', workbook: 'classeur des relevés', csv: 'fichiers CSV de rapprochement', statements: 'relevés', blocked: 'bloqués', excluded: 'écartés', problems: 'problèmes dans les données (voir l\'onglet Problèmes)' },
};

/** One reconciliation CSV per ok statement, named after the customer, safely. */
function writeCsvFiles(result: ComputeResult, dir: string, delimiter: ',' | ';' | undefined, tick: (n: number) => void): number {
  fs.mkdirSync(dir, { recursive: true });
  const taken = new Set<string>();
  let n = 0;
  for (const s of result.statements) {
    if (s.status !== 'ok') continue;
    const doc = statementDocument(result, s);
    const name = safeFileName(`${s.customerId} ${doc.customer.name}`.trim(), taken);
    fs.writeFileSync(path.join(dir, `${name}.csv`), reconciliationCsv(doc, delimiter === undefined ? {} : { delimiter }));
    tick(++n);
  }
  return n;
}

export async function runRun(flags: RunFlags, io: Io): Promise<number> {
  const { options, language, defaultCurrency, dateOrder } = computeOptionsFrom(flags);
  const maxSheets = Number(flags.maxSheets);
  if (!Number.isInteger(maxSheets) || maxSheets < 0) throw new UsageError('--max-sheets: expected a whole number ≥ 0', '--max-sheets : nombre entier ≥ 0 attendu');
  const delimiter = flags.csvDelimiter;
  if (delimiter !== undefined && delimiter !== ',' && delimiter !== ';') throw new UsageError('--csv-delimiter: expected , or ;', '--csv-delimiter : , ou ; attendu');
  const progress = progressFor(io);
  progress.phase('read', 1);
  const loaded = await loadLedger(flags.ledger, { defaultCurrency, dateOrder, numberLanguage: language, mappingFile: flags.mapping, onRows: (n) => progress.tick(n) });
  if (!loaded.ok) {
    progress.stop();
    io.err(`${loaded.error[language]}\n`);
    return 1;
  }
  for (const note of loaded.notes) io.err(`${note[language]}\n`);
  const result = computeStatements(loaded.ledger, { ...options, summary: false });
  fs.mkdirSync(flags.out, { recursive: true });
  const workbook = path.join(flags.out, 'statements.xlsx');
  progress.phase('xlsx', 1);
  const company = flags.company === undefined ? {} : { company: { name: flags.company } };
  await writeStatementsWorkbook(result, workbook, { maxSheets, language, ...company });
  const ok = result.statements.filter((s) => s.status === 'ok').length;
  progress.phase('csv', ok);
  const csvDir = path.join(flags.out, 'csv');
  const csvCount = writeCsvFiles(result, csvDir, delimiter, (n) => progress.tick(n));
  progress.stop();
  io.out(summaryText(result, language, workbook, csvDir, csvCount));
  const failed = result.issues.some((i) => i.severity === 'error') || loaded.notes.length > 0;
  return failed ? 1 : 0;
}

function summaryText(result: ComputeResult, language: Language, workbook: string, csvDir: string, csvCount: number): string {
  const t = T[language];
  const ok = result.statements.filter((s) => s.status === 'ok').length;
  const blocked = result.statements.length - ok;
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  return [
    `${t.wrote} ${t.workbook}: ${workbook}`,
    `${t.wrote} ${csvCount} ${t.csv}: ${csvDir}${path.sep}`,
    `${ok} ${t.statements}, ${blocked} ${t.blocked}, ${result.excluded.length} ${t.excluded}, ${errors} ${t.problems}`,
    '',
  ].join('\n');
}

export function addRunCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  addComputeOptions(program.command('run').description('Write the statements: a workbook (aged receivables, one sheet per customer, issues) and reconciliation CSV files'))
    .requiredOption('--out <dir>', 'output folder (statements.xlsx, csv/)')
    .option('--max-sheets <n>', 'statement sheets in the workbook before a note points to the other outputs', '200')
    .option('--csv-delimiter <char>', 'CSV delimiter: , or ; (default: ; for French customers, , otherwise)')
    .option('--company <name>', 'company name printed on the statements')
    .action(async (flags: RunFlags) => setExit(await runRun(flags, io)));
}
