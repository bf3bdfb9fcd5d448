/**
 * Statement documents, side by side in one run, for the same 1,000 statements of about 25 lines:
 * (i)  the standard layout: writeStatementPdfs (pdfmake in batches, cut apart), 2 worker threads,
 *      and 0 workers for reference;
 * (ii) the Word route: fillTemplate on the shipped template of the customer's language into .docx
 *      files, then convertToPdf (headless LibreOffice, 2 soffice processes at a time).
 * Checks: the number of PDFs, every PDF starts with %PDF, and pdftotext of the same statements from
 * each route shows the same balance due as the engine.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fillTemplate, resolveTemplate, statementTemplateData } from '../src/adapters/documents/docx';
import { convertToPdf, DEFAULT_BATCH_SIZE, findSoffice, LibreOfficeError } from '../src/adapters/documents/libreoffice';
import { PDF_BATCH, writeStatementPdfs, type PdfJob } from '../src/adapters/documents/pdf/renderMany';
import { computeOptionsFrom } from '../src/cli/options';
import {
  buildLedger, computeStatements, DEFAULT_SETTINGS, statementDocument, type ComputeResult, type CustomerStatement, type StatementDocument, type StatementSettings,
} from '../src/core';
import { DOCUMENTS_PARAMS, documentsLedger } from './documentsLedger';
import { pdfkitFloor, textsOf } from './pdfkitFloor';
import { statementAsPdfDefinition } from '../src/adapters/documents/pdf/statementAsPdfDefinition';
import { collect, cpuMs, nowMs, samples, type Samples } from './measure';

export const DOCUMENTS_TARGET = 25;

export interface DocumentsBenchOptions {
  /** Runs of the standard layout (each setting); the Word route runs once. */
  readonly runs: number;
  /** Convert only the first N statements through LibreOffice (default: all). */
  readonly wordSubset?: number | undefined;
  /** Keep the output folder (default: removed). */
  readonly keep?: boolean | undefined;
  readonly log: (line: string) => void;
}

/** The letterhead both routes print. */
export const BENCH_SETTINGS: StatementSettings = {
  ...DEFAULT_SETTINGS,
  company: {
    name: 'Bench Trading SAS',
    addressLines: ['12 avenue des Ternes', '75017 Paris', 'France'],
    registration: 'RCS Paris 123 456 789',
    vatNumber: 'FR12 123456789',
    email: 'credit@bench-trading.example',
    phone: '+33 1 23 45 67 89',
    bank: { name: 'Banque Exemple', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPPXXX' },
    logo: '',
  },
  message: { en: 'Please pay the overdue items by return. Thank you for your business.', fr: 'Merci de régler les pièces échues par retour. Avec nos remerciements.' },
};

const rate = (n: number, ms: number): number => Math.round((n / ms) * 1000 * 100) / 100;
const round2 = (x: number): number => Math.round(x * 100) / 100;

function listPdfs(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).map((f) => path.join(dir, f)) : [];
}

/** Files among `files` that do not start with %PDF. */
function notPdf(files: readonly string[]): string[] {
  const bad: string[] = [];
  const head = Buffer.alloc(5);
  for (const f of files) {
    const fd = fs.openSync(f, 'r');
    const n = fs.readSync(fd, head, 0, 5, 0);
    fs.closeSync(fd);
    if (n < 5 || head.toString('latin1') !== '%PDF-') bad.push(f);
  }
  return bad;
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
}

/**
 * The balance due amounts a statement's text shows: on every line naming the label ("Balance due" /
 * "Solde dû"), the amounts after it, reduced to sign and digits (so "€1,234.50", "1 234,50 €" and
 * "1,234.50" all read 123450): both routes format money their own way, the cents are what must agree.
 */
export function balancesDueInText(text: string, label: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[\u00a0\u202f\u2009]/g, ' ');
    const at = line.indexOf(label);
    if (at < 0) continue;
    const after = line.slice(at + label.length);
    for (const m of after.matchAll(/(-|−|\()?\s*[^\d\s-]{0,3}\s*(\d{1,3}(?:[ ,.]\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)/g)) {
      const digits = (m[2] ?? '').replace(/\D/g, '');
      if (digits === '') continue;
      out.push(`${m[1] !== undefined ? '-' : ''}${digits.replace(/^0+(?=\d)/, '')}`);
    }
  }
  return out;
}

interface Verification {
  readonly customerId: string;
  readonly language: string;
  readonly expected: string;
  readonly standard: string[];
  readonly word: string[];
  readonly same: boolean;
}

export async function documentsBench(o: DocumentsBenchOptions): Promise<{ report: Record<string, unknown>; lines: string[]; failures: string[] }> {
  const failures: string[] = [];
  const log = o.log;
  const p = DOCUMENTS_PARAMS;

  // The statements.
  const t0 = nowMs();
  const ledgerIn = documentsLedger(p);
  const { options, defaultCurrency } = computeOptionsFrom({ ledger: '', asOf: p.asOf, style: 'open-item', aging: '30,60,90', agingBy: 'due', allocate: 'none', summary: false, json: false, lang: 'en' });
  const ledger = buildLedger(ledgerIn.tables, { defaultCurrency });
  const result: ComputeResult = computeStatements(ledger, options);
  const computeMs = nowMs() - t0;
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) failures.push(`documents ledger has ${errors.length} error issues, e.g. ${errors.slice(0, 3).map((i) => i.message.en).join(' | ')}`);
  const ok: CustomerStatement[] = result.statements.filter((s) => s.status === 'ok');
  if (ok.length !== p.customers) failures.push(`documents ledger: ${ok.length} ok statements, expected ${p.customers} (excluded ${result.excluded.length})`);
  const docs: StatementDocument[] = ok.map((s) => statementDocument(result, s));
  const lineCounts = docs.map((d) => d.sections.reduce((n, s) => n + s.lines.length, 0));
  const linesTotal = lineCounts.reduce((a, b) => a + b, 0);
  const byLang = { en: docs.filter((d) => d.language === 'en').length, fr: docs.filter((d) => d.language === 'fr').length };
  const n = docs.length;
  log(`documents: ${n} statements (${byLang.en} en, ${byLang.fr} fr), ${linesTotal} lines (${Math.min(...lineCounts)}–${Math.max(...lineCounts)}, mean ${(linesTotal / Math.max(1, n)).toFixed(1)}), computed in ${Math.round(computeMs)} ms`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'statements-bench-docs-'));
  const settings = BENCH_SETTINGS;
  try {
    // (i) Standard layout.
    const standard = async (workers: number, runs: number): Promise<{ times: Samples; cpu: Samples; dir: string }> => {
      const dir = path.join(work, `standard-w${workers}`);
      const all: number[] = [];
      const cpu: number[] = [];
      for (let r = 0; r < runs; r++) {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        const jobs: PdfJob[] = ok.map((s) => ({ customerId: s.customerId, file: path.join(dir, `${s.customerId}.pdf`) }));
        collect();
        const c0 = cpuMs();
        const s0 = nowMs();
        await writeStatementPdfs(result, jobs, settings, { workers });
        all.push(nowMs() - s0);
        cpu.push(cpuMs() - c0);
        log(`  standard layout, ${workers} workers, run ${r + 1}: ${Math.round(all[all.length - 1] ?? NaN)} ms`);
      }
      return { times: samples(all), cpu: samples(cpu), dir };
    };
    const w2 = await standard(2, o.runs);
    const w0 = await standard(0, Math.min(o.runs, 2));
    const stdPdfs = listPdfs(w2.dir);
    const stdBad = notPdf(stdPdfs);
    if (stdPdfs.length !== n) failures.push(`standard layout wrote ${stdPdfs.length} PDFs, expected ${n}`);
    if (stdBad.length > 0) failures.push(`standard layout: ${stdBad.length} files do not start with %PDF, e.g. ${stdBad[0] ?? ''}`);
    const stdPages = pageCount(stdPdfs.slice(0, 20));

    // (iii) The floor: pdfkit alone writing the same texts, no layout (see pdfkitFloor.ts), this thread.
    const floorTimes: number[] = [];
    let floorBytes = 0;
    for (let r = 0; r < o.runs; r++) {
      collect();
      const s0 = nowMs();
      floorBytes = await pdfkitFloor(docs, settings, PDF_BATCH);
      floorTimes.push(nowMs() - s0);
      log(`  pdfkit floor (no layout), run ${r + 1}: ${Math.round(floorTimes[floorTimes.length - 1] ?? NaN)} ms`);
    }
    const floor = samples(floorTimes);
    const textsPerStatement = docs.slice(0, 50).reduce((sum, d) => sum + textsOf(statementAsPdfDefinition(d, settings)).length, 0) / Math.min(50, n);

    // (ii) Word template + LibreOffice. Fill every statement; convert all (or the stated subset).
    const docxDir = path.join(work, 'docx');
    const wordPdfDir = path.join(work, 'docx-pdf');
    fs.mkdirSync(docxDir, { recursive: true });
    const templates = new Map<string, Buffer>();
    const docxFiles: string[] = [];
    const fillMs: number[] = [];
    collect();
    const f0 = nowMs();
    for (const doc of docs) {
      const s0 = nowMs();
      const template = resolveTemplate('', '', doc.language);
      let bytes = templates.get(template);
      if (bytes === undefined) templates.set(template, (bytes = fs.readFileSync(template)));
      const file = path.join(docxDir, `${doc.customer.id}.docx`);
      fs.writeFileSync(file, fillTemplate(bytes, path.basename(template), statementTemplateData(doc, settings)));
      docxFiles.push(file);
      fillMs.push(nowMs() - s0);
    }
    const fillAllMs = nowMs() - f0;
    log(`  Word fill: ${n} .docx in ${Math.round(fillAllMs)} ms`);
    const subset = Math.min(n, o.wordSubset ?? n);
    const toConvert = docxFiles.slice(0, subset);
    const fillSubsetMs = fillMs.slice(0, subset).reduce((a, b) => a + b, 0);
    const soffice = findSoffice();
    const loVersion = sofficeVersion(soffice);
    const concurrency = 2;
    // Batches of at most the adapter's default (LibreOffice 7.4 silently stops after 243 files in one
    // run), as many as a multiple of the concurrency so both soffice processes stay busy to the end.
    const batchCount = Math.ceil(Math.ceil(subset / DEFAULT_BATCH_SIZE) / concurrency) * concurrency;
    const batchSize = Math.ceil(subset / batchCount);
    let converted: string[] = [];
    let convertError: string | undefined;
    const c0 = nowMs();
    try {
      converted = (await convertToPdf(toConvert, wordPdfDir, { soffice, concurrency, batchSize, timeoutMs: 20 * 60_000 })).converted;
    } catch (e) {
      if (e instanceof LibreOfficeError) {
        converted = [...e.converted];
        convertError = e.localised.en;
      } else throw e;
    }
    const convertMs = nowMs() - c0;
    log(`  LibreOffice: ${converted.length} of ${subset} .docx → PDF in ${Math.round(convertMs)} ms (${batchCount} soffice runs of ≤ ${batchSize} files, ${concurrency} at a time)`);
    if (convertError !== undefined) failures.push(`LibreOffice: ${convertError}`);
    const wordPdfs = listPdfs(wordPdfDir);
    const wordBad = notPdf(wordPdfs);
    if (converted.length !== subset || wordPdfs.length !== subset) failures.push(`Word route: ${converted.length} converted / ${wordPdfs.length} PDFs, expected ${subset}`);
    if (wordBad.length > 0) failures.push(`Word route: ${wordBad.length} files do not start with %PDF, e.g. ${wordBad[0] ?? ''}`);
    const wordPages = pageCount(wordPdfs.slice(0, 20));

    // Same balance due in both routes, for the first English and the first French statement converted.
    const checks: Verification[] = [];
    for (const lang of ['en', 'fr'] as const) {
      const doc = docs.slice(0, subset).find((d) => d.language === lang);
      if (doc === undefined) continue;
      const section = doc.sections[0];
      if (section === undefined) continue;
      const expected = String(section.closingBalance);
      const label = doc.labels.balanceDue;
      const read = (file: string): string[] => (fs.existsSync(file) ? balancesDueInText(pdfText(file), label) : []);
      const std = read(path.join(w2.dir, `${doc.customer.id}.pdf`));
      const word = read(path.join(wordPdfDir, `${doc.customer.id}.pdf`));
      const same = std.includes(expected) && word.includes(expected);
      checks.push({ customerId: doc.customer.id, language: lang, expected, standard: std, word, same });
      if (!same) failures.push(`balance due of ${doc.customer.id} (${lang}, ${expected} minor units, label "${label}"): standard layout shows ${JSON.stringify(std)}, Word route ${JSON.stringify(word)}`);
    }

    const stdRate = rate(n, w2.times.best);
    const stdRate0 = rate(n, w0.times.best);
    const wordMs = fillSubsetMs + convertMs;
    const wordRate = rate(converted.length, wordMs);
    const ratio = wordRate > 0 ? round2(stdRate / wordRate) : NaN;
    const pass = ratio >= DOCUMENTS_TARGET;
    const floorRate = rate(n, floor.best);
    const needed = round2(DOCUMENTS_TARGET * wordRate);

    const lines = [
      `statement documents: ${n} statements, ${(linesTotal / Math.max(1, n)).toFixed(1)} lines each on average (${byLang.en} en, ${byLang.fr} fr); ${loVersion}`,
      table([
        ['route', 'statements', 'ms', 'statements/s', 'CPU ms (this process)'],
        [`standard layout, 2 worker threads (best of ${w2.times.all.length})`, String(n), fmt(w2.times.best), fmt(stdRate, 1), fmt(w2.cpu.best)],
        [`standard layout, in this thread (best of ${w0.times.all.length})`, String(n), fmt(w0.times.best), fmt(stdRate0, 1), fmt(w0.cpu.best)],
        ['Word template fill (.docx), this thread', String(n), fmt(fillAllMs), fmt(rate(n, fillAllMs), 1), ''],
        [`Word route: fill + LibreOffice → PDF (${concurrency} soffice at a time)`, String(converted.length), fmt(wordMs), fmt(wordRate, 2), ''],
        ['   of which LibreOffice conversion', String(converted.length), fmt(convertMs), fmt(rate(converted.length, convertMs), 2), ''],
        [`pdfkit floor: the same texts, no layout, this thread (best of ${floor.all.length})`, String(n), fmt(floor.best), fmt(floorRate, 1), ''],
      ]),
      `floor: pdfkit alone writes ${textsPerStatement.toFixed(0)} texts a statement at ${fmt(floorRate, 1)} statements/s on one thread, so at most ${fmt(2 * floorRate, 1)}/s on both cores with no layout at all; ${DOCUMENTS_TARGET}× the Word route needs ${fmt(needed, 1)}/s`,
      subset < n ? `note: the LibreOffice route converted the first ${subset} of the ${n} statements (a fixed subset); its rate comes from them` : `the LibreOffice route converted all ${n} statements`,
      `pages per PDF (first 20): standard ${stdPages.join(',')}; Word ${wordPages.join(',')}`,
      `checks: ${stdPdfs.length} standard PDFs, ${wordPdfs.length} Word PDFs, all %PDF: ${stdBad.length + wordBad.length === 0 ? 'yes' : 'NO'}; balance due ${checks.map((c) => `${c.customerId} (${c.language}) ${c.same ? 'same' : 'DIFFERENT'}`).join(', ')}`,
      table([
        ['target', 'value', 'goal', ''],
        ['standard layout (2 workers) / Word route, statements/s', fmt(ratio, 1), `≥ ${DOCUMENTS_TARGET}`, pass ? 'PASS' : 'MISS'],
      ]),
    ];
    const report = {
      date: new Date().toISOString(),
      params: p,
      statements: n,
      languages: byLang,
      lines: { total: linesTotal, min: Math.min(...lineCounts), max: Math.max(...lineCounts), mean: round2(linesTotal / Math.max(1, n)) },
      settings: { paper: settings.paper, logo: false },
      standard: {
        call: 'writeStatementPdfs(result, jobs, settings, { workers })',
        batch: PDF_BATCH,
        workers2: { ms: w2.times, cpuMs: w2.cpu, statementsPerSecond: stdRate },
        workers0: { ms: w0.times, cpuMs: w0.cpu, statementsPerSecond: stdRate0 },
        pdfs: stdPdfs.length,
        pagesFirst20: stdPages,
      },
      word: {
        call: `fillTemplate(resolveTemplate('', '', language)) then convertToPdf(files, outDir, { concurrency: ${concurrency}, batchSize: ${batchSize} })`,
        libreOffice: loVersion,
        fillAllMs: Math.round(fillAllMs),
        fillPerSecond: rate(n, fillAllMs),
        converted: converted.length,
        subset: subset < n ? `first ${subset} of ${n}` : 'all',
        fillSubsetMs: Math.round(fillSubsetMs),
        convertMs: Math.round(convertMs),
        totalMs: Math.round(wordMs),
        statementsPerSecond: wordRate,
        pdfs: wordPdfs.length,
        pagesFirst20: wordPages,
        ...(convertError !== undefined ? { error: convertError } : {}),
      },
      floor: {
        call: 'pdfkitFloor(docs, settings, PDF_BATCH): pdfkit text() of every text of the definition, ten to a row, no layout',
        ms: floor,
        statementsPerSecond: floorRate,
        bothCoresAtMost: round2(2 * floorRate),
        textsPerStatement: round2(textsPerStatement),
        bytes: floorBytes,
        neededFor25x: needed,
      },
      checks: { allPdf: stdBad.length + wordBad.length === 0, balanceDue: checks },
      ratio: { standardOverWord: ratio, goal: `>= ${DOCUMENTS_TARGET}`, pass },
    };
    return { report, lines, failures };
  } finally {
    if (o.keep === true) log(`  documents kept in ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

function pageCount(files: readonly string[]): number[] {
  return files.map((f) => {
    try {
      const info = execFileSync('pdfinfo', [f], { encoding: 'utf8' });
      return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
    } catch {
      return NaN;
    }
  });
}

export function sofficeVersion(soffice: string): string {
  try {
    return execFileSync(soffice, ['--version'], { encoding: 'utf8', timeout: 60_000 }).trim().split('\n')[0] ?? '?';
  } catch {
    return '?';
  }
}

const fmt = (x: number, digits = 0): string => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');

export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}
