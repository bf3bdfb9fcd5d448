import { existsSync } from 'node:fs';
import * as path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import type { StatementDocument, StatementSettings } from '../../../core';
import { readLogoDataUrl } from './logo';

export { readLogoDataUrl, type LogoRead } from './logo';
import { PDF_FONT_FAMILY, PDF_FONT_FILES } from './fonts';
import { statementAsPdfDefinition, statementsAsPdfDefinition, type PdfDefinitionOptions } from './statementAsPdfDefinition';

export interface PdfRenderOptions extends PdfDefinitionOptions {
  /** Folder holding the bundled TTF files (default: the repository's assets/fonts). */
  readonly fontDirectory?: string | undefined;
}

/** Finds assets/fonts by walking up from this file (works from src/ under ts-jest and from dist/). */
export function defaultFontDirectory(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'assets', 'fonts');
    if (existsSync(path.join(candidate, PDF_FONT_FILES.normal))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`statement PDF: the bundled font ${PDF_FONT_FILES.normal} was not found in an assets/fonts folder above ${__dirname}`);
}

/** Options with the settings' logo read into a data URL (once, by the caller of a batch). */
export function withLogo(settings: StatementSettings, options: PdfRenderOptions): PdfDefinitionOptions {
  if (options.logoDataUrl !== undefined || settings.company.logo === '') return options;
  const logo = readLogoDataUrl(settings.company.logo);
  if (!logo.ok) throw new Error(logo.message.en);
  return { ...options, logoDataUrl: logo.dataUrl };
}

/**
 * Renders a definition with the bundled font. pdfmake is a process-wide singleton: its fonts and
 * access policies are set right before createPdf, which reads them synchronously, so concurrent
 * renders (and other pdfmake users) cannot see each other's settings. Nothing is fetched: URLs are
 * refused and local reads are limited to the font folder (the logo arrives as a data URL).
 */
export async function renderPdfDefinition(definition: TDocumentDefinitions, fontDirectory: string = defaultFontDirectory()): Promise<Buffer> {
  const normal = path.join(fontDirectory, PDF_FONT_FILES.normal);
  const bold = path.join(fontDirectory, PDF_FONT_FILES.bold);
  const fonts: TFontDictionary = { [PDF_FONT_FAMILY]: { normal, bold, italics: normal, bolditalics: bold } };
  const allowed = new Set([normal, bold]);
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => allowed.has(path.resolve(file)));
  return pdfmake.createPdf(definition).getBuffer();
}

/** One statement as PDF bytes (A4 or Letter from settings.paper). */
export async function statementAsPdf(doc: StatementDocument, settings: StatementSettings, options: PdfRenderOptions = {}): Promise<Buffer> {
  return renderPdfDefinition(statementAsPdfDefinition(doc, settings, withLogo(settings, options)), options.fontDirectory);
}

/** Several statements in one PDF for printing: each starts on a new page and numbers its own pages. */
export async function statementsAsPdf(docs: readonly StatementDocument[], settings: StatementSettings, options: PdfRenderOptions = {}): Promise<Buffer> {
  return renderPdfDefinition(statementsAsPdfDefinition(docs, settings, withLogo(settings, options)), options.fontDirectory);
}
