import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { formatIsoDay, statementDocument, statementNumber, type ComputeResult, type CustomerStatement, type StatementDocument, type StatementSettings } from '../../../core';
import { renderPdfDefinition, withLogo, type PdfRenderOptions } from './renderPdf';
import { splitPdf } from './splitPdf';
import { statementsAsPdfDefinitionWithPages } from './statementAsPdfDefinition';

/** Statements rendered together before being cut apart: big enough to amortise the fonts, small enough to stream. */
export const PDF_BATCH = 40;

/** One PDF per statement, rendered in batches (combined, then split). Same pages as statementAsPdf. */
export async function statementsAsSeparatePdfs(docs: readonly StatementDocument[], settings: StatementSettings, options: PdfRenderOptions = {}): Promise<Buffer[]> {
  if (docs.length === 0) return [];
  const resolved = { ...withLogo(settings, options), ...(options.fontDirectory !== undefined ? { fontDirectory: options.fontDirectory } : {}) };
  const { definition, pages } = statementsAsPdfDefinitionWithPages(docs, settings, resolved);
  const combined = await renderPdfDefinition(definition, options.fontDirectory);
  const info = docs.map((d) => ({
    title: `${d.title} ${statementNumber(settings, formatIsoDay(d.asOf), d.customer.id)}`,
    author: settings.company.name,
    creationDate: options.creationDate ?? new Date(d.asOf * 86_400_000),
  }));
  return splitPdf(combined, pages(), info);
}

export interface PdfJob {
  readonly customerId: string;
  readonly file: string;
}

export interface PdfWriteOptions {
  /** Worker threads; 0 renders in this thread. Default: 2 when there are enough statements. */
  readonly workers?: number;
  readonly onProgress?: (done: number) => void;
}

/** Renders and writes the PDFs of jobs[i] in batches; the part of a pool worker or of the main thread. */
export async function writeStatementPdfBatches(result: ComputeResult, jobs: readonly PdfJob[], settings: StatementSettings, onBatch: (done: number) => void): Promise<void> {
  const byId = new Map<string, CustomerStatement>(result.statements.map((s) => [s.customerId, s]));
  const options = withLogo(settings, {});
  for (let i = 0; i < jobs.length; i += PDF_BATCH) {
    const batch = jobs.slice(i, i + PDF_BATCH);
    const docs = batch.map((j) => {
      const s = byId.get(j.customerId);
      if (s === undefined) throw new Error(`no statement for ${j.customerId}`);
      return statementDocument(result, s);
    });
    const pdfs = await statementsAsSeparatePdfs(docs, settings, options);
    batch.forEach((j, k) => fs.writeFileSync(j.file, pdfs[k] as Buffer));
    onBatch(batch.length);
  }
}

const WORKER_FILE = path.join(__dirname, 'pdfWorker.js');

/**
 * Writes every job's PDF, split over worker threads when the compiled worker is there (the CLI);
 * in-process otherwise (tests under ts-jest). The work is all CPU, so two workers use both cores.
 */
export async function writeStatementPdfs(result: ComputeResult, jobs: readonly PdfJob[], settings: StatementSettings, options: PdfWriteOptions = {}): Promise<void> {
  let done = 0;
  const progress = (n: number) => options.onProgress?.((done += n));
  const workers = Math.min(options.workers ?? (jobs.length >= 2 * PDF_BATCH ? 2 : 0), Math.ceil(jobs.length / PDF_BATCH));
  if (workers <= 1 || !fs.existsSync(WORKER_FILE)) return writeStatementPdfBatches(result, jobs, settings, progress);
  // Only the statements a worker renders travel to it: structured clone of the whole result would cost more.
  const shares = Array.from({ length: workers }, (_, w) => jobs.filter((_, i) => Math.floor(i / PDF_BATCH) % workers === w));
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const ids = new Set(share.map((j) => j.customerId));
          const slice: ComputeResult = { ...result, statements: result.statements.filter((s) => ids.has(s.customerId)), excluded: [], issues: [] };
          const worker = new Worker(WORKER_FILE, { workerData: { result: slice, jobs: share, settings } });
          worker.on('message', (m: { batch?: number }) => m.batch !== undefined && progress(m.batch));
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`PDF worker stopped with code ${code}`))));
        }),
    ),
  );
}
