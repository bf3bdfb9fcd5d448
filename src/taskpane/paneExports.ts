import { DEFAULT_SETTINGS, statementDocument, type ComputeResult, type CustomerStatement, type Localised, type StatementDocument, type StatementSettings } from '../core';
import {
  MIME,
  offerFile,
  printFile,
  reconciliationCsv,
  reconciliationCsvZip,
  statementFileStems,
  statementPdf,
  statementsPdfZip,
  wordStatement,
  type OfferResult,
} from '../adapters/documents/browser';

/**
 * What the task pane's "Documents and exports" section calls (issue 14 §6), made in the browser
 * by `./browser` (the CLI's layouts, templates and CSV text): the standard PDF, the firm's Word
 * template, the reconciliation CSV, one customer or all of them as a .zip (or one print file),
 * downloaded where the host allows, else offered another way (an Office dialog for a PDF).
 */
export type ExportOutcome =
  /** The file went to the browser's downloads. */
  | { readonly kind: 'downloaded'; readonly fileName: string }
  /** Shown in an Office dialog (desktop Excel's WebView2 blocks blob downloads). */
  | { readonly kind: 'dialog' }
  /** Nothing could be offered on this host: why, in both languages. */
  | { readonly kind: 'blocked'; readonly reason: Localised };

export interface OneStatement {
  readonly result: ComputeResult;
  readonly statement: CustomerStatement;
  /** The firm's settings (branding, paper, message); default: none. */
  readonly settings?: StatementSettings | undefined;
}

export interface PaneExports {
  readonly statementPdf?: (one: OneStatement) => Promise<ExportOutcome>;
  readonly allPdfZip?: (result: ComputeResult, settings?: StatementSettings) => Promise<ExportOutcome>;
  readonly allPdfPrint?: (result: ComputeResult, settings?: StatementSettings) => Promise<ExportOutcome>;
  /** `template`: a .docx the user picked, or undefined for the shipped default. */
  readonly statementWord?: (one: OneStatement, template: ArrayBuffer | undefined) => Promise<ExportOutcome>;
  readonly statementCsv?: (one: OneStatement) => Promise<ExportOutcome>;
  readonly allCsvZip?: (result: ComputeResult) => Promise<ExportOutcome>;
}

const okDocuments = (result: ComputeResult): StatementDocument[] => result.statements.filter((s) => s.status === 'ok').map((s) => statementDocument(result, s));
const stemOf = (doc: StatementDocument): string => statementFileStems([doc])[0] ?? doc.customer.id;

/** Offers the file; a PDF the host will not download opens in an Office dialog instead. */
async function offer(name: string, bytes: Uint8Array, mime: string, language: 'en' | 'fr'): Promise<ExportOutcome> {
  const r: OfferResult = offerFile(name, bytes, mime, { language });
  if (r.status === 'downloaded') return { kind: 'downloaded', fileName: name };
  if (r.showInDialog === undefined) return { kind: 'blocked', reason: r.message };
  const shown = await r.showInDialog();
  return shown.ok ? { kind: 'dialog' } : { kind: 'blocked', reason: shown.message };
}

export const PANE_EXPORTS: PaneExports = {
  statementPdf: async ({ result, statement, settings }) => {
    const doc = statementDocument(result, statement);
    return offer(`${stemOf(doc)}.pdf`, await statementPdf(doc, settings ?? DEFAULT_SETTINGS), MIME.pdf, doc.language);
  },
  allPdfZip: async (result, settings) => offer('statements-pdf.zip', await statementsPdfZip(okDocuments(result), settings ?? DEFAULT_SETTINGS), MIME.zip, 'en'),
  allPdfPrint: async (result, settings) => offer('statements-print.pdf', await printFile(okDocuments(result), settings ?? DEFAULT_SETTINGS), MIME.pdf, 'en'),
  statementWord: async ({ result, statement, settings }, template) => {
    const doc = statementDocument(result, statement);
    const bytes = await wordStatement(template === undefined ? 'default' : { bytes: new Uint8Array(template), name: 'template.docx' }, doc, settings ?? DEFAULT_SETTINGS);
    return offer(`${stemOf(doc)}.docx`, bytes, MIME.docx, doc.language);
  },
  statementCsv: async ({ result, statement }) => {
    const doc = statementDocument(result, statement);
    return offer(`${stemOf(doc)}.csv`, reconciliationCsv(doc), MIME.csv, doc.language);
  },
  allCsvZip: async (result) => offer('statements-csv.zip', reconciliationCsvZip(okDocuments(result)), MIME.zip, 'en'),
};
