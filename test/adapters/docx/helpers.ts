import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import PizZip from 'pizzip';
import { docxPackage, para, run } from '../../../scripts/buildTemplates';

export const TEMPLATES_DIR = path.join(__dirname, '../../../assets/templates');
export const template = (file: string): Buffer => fs.readFileSync(path.join(TEMPLATES_DIR, file));

/** A one-part template: each string is a paragraph of one run (tags stay whole). */
export const docxWith = (...paragraphs: string[]): Buffer => docxPackage(paragraphs.map((p) => para(run(p))).join(''));

export const part = (docx: Buffer, name = 'word/document.xml'): string => {
  const file = new PizZip(docx).file(name);
  if (file === null) throw new Error(`${name} missing`);
  return file.asText();
};

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Visible text of some WordprocessingML: runs joined, a line break as "\n", paragraphs and cells separated. */
export function textOf(xml: string, cellSeparator = '|'): string {
  return unescape(
    xml
      .replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '') // field codes (PAGE) are not text
      .replace(/<w:br\/>/g, '\n')
      .replace(/<\/w:p>/g, '¶')
      .replace(/<\/w:tc>/g, cellSeparator)
      .replace(/<(?!\/?w:t[ >])[^>]*>/g, '')
      .replace(/<\/?w:t[^>]*>/g, ''),
  );
}

/** Paragraph texts of a document part. */
export const paragraphs = (xml: string): string[] => textOf(xml).split('¶').map((p) => p.replace(/\|/g, '').trim()).filter((p) => p !== '');

/** Every table row's cells (innermost rows only), as texts. */
export function rows(xml: string): string[][] {
  const out: string[][] = [];
  for (const m of xml.matchAll(/<w:tr>((?:(?!<w:tr>)[\s\S])*?)<\/w:tr>/g)) {
    const cells = [...(m[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1] ?? '', '').replace(/¶/g, ' ').trim());
    out.push(cells);
  }
  return out;
}

/** Spaces as pdftotext and Word may show them (no-break, narrow no-break) made plain. */
export const plainSpaces = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}
