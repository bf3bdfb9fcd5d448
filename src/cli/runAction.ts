import * as fs from 'node:fs';
import * as path from 'node:path';
import { colon, computeStatements, statementDocument, type ComputeResult, type Language, type Localised } from '../core';
import { reconciliationCsv } from '../adapters/csv/writeReconciliationCsv';
import { writeStatementsWorkbook } from '../adapters/xlsx/writeStatementsWorkbook';
import type { Io } from './io';
import { loadLedger } from './loadLedger';
import { computeOptionsFrom, exportOptionsFrom, UsageError, type ComputeFlags } from './options';
import { progressFor } from './progress';
import { recordRun, removePreviousRun } from './runManifest';
import { readSettingsFile, settingsForRun } from './settingsFile';
import { nameStatements, type NamedStatement } from './statementFiles';
import { writeWordDocuments } from './wordDocuments';
import { statementsAsPdf } from '../adapters/documents/pdf/renderPdf';
import { writeStatementPdfs } from '../adapters/documents/pdf/renderMany';

export interface RunFlags extends ComputeFlags {
  out: string;
  maxSheets: string;
  csvDelimiter?: string;
  company?: string;
  settings?: string;
  docx?: boolean;
  docxPdf?: boolean;
  templates?: string;
  pdf?: boolean;
  printFile?: boolean;
  workers?: string;
}

const T = {
  en: { wrote: 'Wrote', workbook: 'statements workbook', csv: 'reconciliation CSV files', docx: 'Word statements', docxPdf: 'PDF statements from Word (LibreOffice)', pdf: 'PDF statements', printFile: 'print file', statements: 'statements', blocked: 'blocked', excluded: 'left out', problems: 'input problems', warnings: 'warnings (see the Issues sheet)' },
  fr: { wrote: 'Écrit', workbook: 'classeur des relevés', csv: 'fichiers CSV de rapprochement', docx: 'relevés Word', docxPdf: 'relevés PDF depuis Word (LibreOffice)', pdf: 'relevés PDF', printFile: "fichier d'impression", statements: 'relevés', blocked: 'bloqués', excluded: 'écartés', problems: 'problèmes dans les données', warnings: 'avertissements (voir l\'onglet Problèmes)' },
};

/** One reconciliation CSV per ok statement. */
function writeCsvFiles(result: ComputeResult, statements: readonly NamedStatement[], dir: string, delimiter: ',' | ';' | undefined, written: string[], tick: (n: number) => void): number {
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  for (const { statement, fileStem } of statements) {
    const doc = statementDocument(result, statement);
    const file = path.join(dir, `${fileStem}.csv`);
    written.push(file);
    fs.writeFileSync(file, reconciliationCsv(doc, delimiter === undefined ? {} : { delimiter }));
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
  // Read now, before anything is written: a bad --settings file is a usage error, not a half-run.
  const settingsFile = flags.settings === undefined ? undefined : readSettingsFile(flags.settings);
  const workers = flags.workers === undefined ? undefined : Number(flags.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 16)) throw new UsageError('--workers: expected a whole number 0..16', '--workers : nombre entier 0..16 attendu');
  if (flags.templates !== undefined && !(fs.existsSync(flags.templates) && fs.statSync(flags.templates).isDirectory())) {
    throw new UsageError(`--templates ${flags.templates}: no such folder`, `--templates ${flags.templates} : dossier introuvable`);
  }
  prepareOutFolder(flags.out);
  const progress = progressFor(io);
  const written: string[] = []; // listed for the next run into this folder, even if this one fails half-way
  try {
    progress.phase('read', 1);
    const loaded = await loadLedger(flags.ledger, { defaultCurrency, dateOrder, mappingFile: flags.mapping, exportOptions: exportOptionsFrom(flags), onRows: (n) => progress.tick(n) });
    if (!loaded.ok) {
      progress.stop();
      io.err(`${loaded.error[language]}\n`);
      return 1;
    }
    const settings = settingsForRun(settingsFile, loaded.settingsRows);
    const company = flags.company ?? settings.company.name;
    const docSettings = { ...settings, company: { ...settings.company, name: company } };
    const result = computeStatements(loaded.ledger, { ...options, summary: false });
    // Only now, with something to write: a run that fails before (a typo in --ledger) leaves the last good run alone.
    removePreviousRun(flags.out);
    const workbook = path.join(flags.out, 'statements.xlsx');
    written.push(workbook);
    progress.phase('xlsx', 1);
    await writeStatementsWorkbook(result, workbook, { maxSheets, language, paper: settings.paper, showOverdueSection: settings.showOverdueSection, ...(company === '' ? {} : { company: { name: company, addressLines: settings.company.addressLines } }) });
    const named = nameStatements(result);
    progress.phase('csv', named.length);
    const csvDir = path.join(flags.out, 'csv');
    const csvCount = writeCsvFiles(result, named, csvDir, delimiter, written, (n) => progress.tick(n));
    const lines = [`${T[language].wrote} ${T[language].workbook}: ${workbook}`, `${T[language].wrote} ${csvCount} ${T[language].csv}: ${csvDir}${path.sep}`];
    const problems: Localised[] = [];
    if (flags.pdf === true) {
      progress.phase('pdf', named.length);
      const pdfDir = path.join(flags.out, 'pdf');
      fs.mkdirSync(pdfDir, { recursive: true });
      const jobs = named.map((n) => ({ customerId: n.statement.customerId, file: path.join(pdfDir, `${n.fileStem}.pdf`) }));
      written.push(...jobs.map((j) => j.file));
      await writeStatementPdfs(result, jobs, docSettings, { ...(workers !== undefined ? { workers } : {}), onProgress: (n) => progress.tick(n) });
      lines.push(`${T[language].wrote} ${jobs.length} ${T[language].pdf}: ${pdfDir}${path.sep}`);
    }
    if (flags.printFile === true && named.length > 0) {
      progress.phase('print', 1);
      const file = path.join(flags.out, 'statements-print.pdf');
      written.push(file);
      fs.writeFileSync(file, await statementsAsPdf(named.map((n) => statementDocument(result, n.statement)), docSettings));
      lines.push(`${T[language].wrote} ${T[language].printFile}: ${file}`);
    }
    if (flags.docx === true || flags.docxPdf === true) {
      progress.phase('docx', named.length);
      const word = await writeWordDocuments(result, named, flags.out, { settings: docSettings, templatesDir: flags.templates ?? '', toPdf: flags.docxPdf === true, tick: (n) => progress.tick(n) });
      lines.push(`${T[language].wrote} ${word.written.length} ${T[language].docx}: ${path.join(flags.out, 'docx')}${path.sep}`);
      if (flags.docxPdf === true) lines.push(`${T[language].wrote} ${word.pdfs.length} ${T[language].docxPdf}: ${path.join(flags.out, 'docx-pdf')}${path.sep}`);
      written.push(...word.written, ...word.pdfs);
      problems.push(...word.problems);
    }
    progress.stop();
    for (const p of problems) io.err(`${p[language]}\n`);
    io.out([...lines, countsText(result, language), ...blockedText(result, language), ''].join('\n'));
    const failed = result.issues.some((i) => i.severity === 'error') || problems.length > 0;
    return failed ? 1 : 0;
  } finally {
    progress.stop(); // also when something fails: a terminal is never left with its cursor hidden
    try {
      if (written.length > 0) recordRun(flags.out, written);
    } catch {
      // The list is a convenience for the next run; failing to write it must not hide this run's own outcome.
    }
  }
}

/** `--out`: a folder that exists or can be made; anything else is a usage error, not a stack trace. */
function prepareOutFolder(out: string): void {
  if (out.trim() === '') throw new UsageError('--out: a folder is required', '--out : un dossier est requis');
  try {
    fs.mkdirSync(out, { recursive: true });
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UsageError(`--out ${out}: cannot be used as the output folder (${why})`, `--out ${out} : inutilisable comme dossier de sortie (${why})`);
  }
}

/** Which statements are blocked and the first reason of each (the Issues sheet has them all). */
function blockedText(result: ComputeResult, language: Language, max = 20): string[] {
  const blocked = result.statements.filter((s) => s.status === 'blocked');
  const lines = blocked.slice(0, max).map((s) => {
    const first = s.issues.find((i) => i.severity === 'error');
    return `  ${s.customerId}${colon(language)} ${first?.message[language] ?? ''}`;
  });
  if (blocked.length > max) lines.push(`  … ${blocked.length - max} ${language === 'fr' ? 'de plus' : 'more'}`);
  return lines;
}

function countsText(result: ComputeResult, language: Language): string {
  const t = T[language];
  const ok = result.statements.filter((s) => s.status === 'ok').length;
  const blocked = result.statements.length - ok;
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  const warnings = result.issues.filter((i) => i.severity === 'warning').length;
  return `${ok} ${t.statements}, ${blocked} ${t.blocked}, ${result.excluded.length} ${t.excluded}, ${errors} ${t.problems}, ${warnings} ${t.warnings}`;
}
