import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import type { Localised, StatementDocument, StatementSettings } from '../../../core';
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

export type LogoRead = { ok: true; dataUrl: string } | { ok: false; message: Localised };

/** Reads a PNG or JPEG logo into a data URL (checked by its magic bytes, not its name). */
export function readLogoDataUrl(file: string): LogoRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, message: { en: `logo ${file}: cannot be read (${why})`, fr: `logo ${file} : lecture impossible (${why})` } };
  }
  const png = bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) return { ok: false, message: { en: `logo ${file}: not a PNG or JPEG image`, fr: `logo ${file} : ce n'est pas une image PNG ou JPEG` } };
  return { ok: true, dataUrl: `data:image/${png ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}` };
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
