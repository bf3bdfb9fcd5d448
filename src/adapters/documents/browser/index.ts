/**
 * Documents and exports in the browser (the task pane): no Node API, so the add-in bundle can
 * import it. The same definitions, templates, data model and CSV text as the CLI.
 */
export { statementPdf, printFile, statementsPdfZip, renderPdfDefinitionInBrowser, type BrowserPdfOptions, type ZipProgress } from './statementPdf';
export { wordStatement, wordStatementsZip, type WordTemplate } from './wordStatement';
export { reconciliationCsv, reconciliationCsvZip, type ReconciliationCsvOptions } from './reconciliationCsv';
export { offerFile, showPdfInDialog, downloadsBlocked, dialogsAvailable, currentHost, type OfferResult, type OfferOptions, type DialogOutcome, type HostInfo } from './deliver';
export { statementFileStems } from './fileNames';
export { zipFiles, type ZipEntry } from './zipFiles';
export { TemplateError, type TemplateProblem } from '../docx/templateError';
export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv;charset=utf-8',
  zip: 'application/zip',
} as const;
