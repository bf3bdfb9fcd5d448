import type { ComputeResult, CustomerStatement, Localised } from '../../core';

/**
 * What the task pane's "Documents and exports" section calls (issue 14 §6), made in the browser:
 * the standard PDF (pdfmake), the firm's Word template (docxtemplater), the reconciliation CSV, one
 * customer or all of them as a .zip (or one print file), downloaded where the host allows, else
 * offered another way (an Office dialog to print or save the PDF).
 *
 * THE BROWSER DOCUMENTS WORK FILLS THIS MODULE. Until it does, `PANE_EXPORTS` offers nothing and the
 * pane says these exports are not in the build; it shows a button for each capability present.
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
}

export interface PaneExports {
  readonly statementPdf?: (one: OneStatement) => Promise<ExportOutcome>;
  readonly allPdfZip?: (result: ComputeResult) => Promise<ExportOutcome>;
  readonly allPdfPrint?: (result: ComputeResult) => Promise<ExportOutcome>;
  /** `template`: a .docx the user picked, or undefined for the shipped default. */
  readonly statementWord?: (one: OneStatement, template: ArrayBuffer | undefined) => Promise<ExportOutcome>;
  readonly statementCsv?: (one: OneStatement) => Promise<ExportOutcome>;
  readonly allCsvZip?: (result: ComputeResult) => Promise<ExportOutcome>;
}

export const PANE_EXPORTS: PaneExports = {};
