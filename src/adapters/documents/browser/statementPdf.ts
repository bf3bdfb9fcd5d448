/**
 * Statement PDFs in the browser: the same pdfmake definition as the CLI (statementAsPdfDefinition)
 * rendered by pdfmake's browser build with the same bundled font, put into pdfmake's virtual file
 * system, so the text and layout are the CLI's. Nothing is fetched but the bundle's own font files.
 */
import pdfMake from 'pdfmake/build/pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { StatementDocument, StatementSettings } from '../../../core';
import { PDF_FONT_FAMILY, PDF_FONT_FILES } from '../pdf/fonts';
import { statementAsPdfDefinition, statementsAsPdfDefinition, type PdfDefinitionOptions } from '../pdf/statementAsPdfDefinition';
import boldFontUrl from '../../../../assets/fonts/DejaVuSansCondensed-Bold.ttf';
import normalFontUrl from '../../../../assets/fonts/DejaVuSansCondensed.ttf';
import { assetBytes } from './assetBytes';
import { statementFileStems } from './fileNames';
import { zipFiles } from './zipFiles';

export type BrowserPdfOptions = PdfDefinitionOptions;

interface PdfMakeBrowser {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void; existsSync(name: string): boolean };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
}
const pdf = pdfMake as unknown as PdfMakeBrowser;

let fontsLoaded: Promise<void> | undefined;

/** The two font files in pdfmake's virtual file system, once. */
function loadFonts(): Promise<void> {
  fontsLoaded ??= Promise.all([assetBytes(normalFontUrl), assetBytes(boldFontUrl)]).then(([normal, bold]) => {
    pdf.virtualfs.writeFileSync(PDF_FONT_FILES.normal, normal);
    pdf.virtualfs.writeFileSync(PDF_FONT_FILES.bold, bold);
  });
  fontsLoaded.catch(() => (fontsLoaded = undefined));
  return fontsLoaded;
}

/**
 * The logo: the caller's data URL, else the settings' logo when it is a PNG or JPEG data URL (the
 * workbook's settings hold it so); a file path means nothing in the browser and is left out.
 */
function withLogo(settings: StatementSettings, options: BrowserPdfOptions): PdfDefinitionOptions {
  if (options.logoDataUrl !== undefined) return options;
  const logo = settings.company.logo;
  return /^data:image\/(png|jpeg);base64,/.test(logo) ? { ...options, logoDataUrl: logo } : options;
}

/** Renders a definition with the bundled font; URLs are refused (the logo arrives as a data URL). */
export async function renderPdfDefinitionInBrowser(definition: TDocumentDefinitions): Promise<Uint8Array> {
  await loadFonts();
  pdf.setFonts({ [PDF_FONT_FAMILY]: { normal: PDF_FONT_FILES.normal, bold: PDF_FONT_FILES.bold, italics: PDF_FONT_FILES.normal, bolditalics: PDF_FONT_FILES.bold } });
  pdf.setUrlAccessPolicy(() => false);
  const buffer = await pdf.createPdf(definition).getBuffer();
  // pdfmake's Buffer polyfill is a Uint8Array subclass: hand back a plain one.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** One statement as PDF bytes (the CLI's standard layout, A4 or Letter from settings.paper). */
export function statementPdf(doc: StatementDocument, settings: StatementSettings, options: BrowserPdfOptions = {}): Promise<Uint8Array> {
  return renderPdfDefinitionInBrowser(statementAsPdfDefinition(doc, settings, withLogo(settings, options)));
}

/** Every statement in one PDF for printing (the CLI's --print-file): each starts a page and numbers its own pages. */
export function printFile(docs: readonly StatementDocument[], settings: StatementSettings, options: BrowserPdfOptions = {}): Promise<Uint8Array> {
  return renderPdfDefinitionInBrowser(statementsAsPdfDefinition(docs, settings, withLogo(settings, options)));
}

export interface ZipProgress {
  /** Called after each statement with how many are done, to show progress. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Checked between statements: true stops the work (the promise rejects with an AbortError). */
  readonly signal?: AbortSignal | undefined;
}

/** Gives the page a turn between two pieces of long work, so the pane stays responsive. */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new DOMException('cancelled', 'AbortError');
}

/** One PDF per customer in a .zip, named as the CLI names them ("C001 Acme Ltd.pdf"). */
export async function statementsPdfZip(docs: readonly StatementDocument[], settings: StatementSettings, options: BrowserPdfOptions & ZipProgress = {}): Promise<Uint8Array> {
  const stems = statementFileStems(docs);
  const entries = [];
  for (let i = 0; i < docs.length; i++) {
    throwIfAborted(options.signal);
    entries.push({ name: `${stems[i] as string}.pdf`, bytes: await statementPdf(docs[i] as StatementDocument, settings, options) });
    options.onProgress?.(i + 1, docs.length);
    await yieldToPage();
  }
  return zipFiles(entries);
}
