/**
 * The floor under any pdfmake layout: pdfkit (the PDF writer pdfmake draws with) writing the very
 * texts and rules of the standard-layout statements, each at a fixed place, with no layout engine
 * at all — no measuring, no line or page breaking, no tables, no splitting, no files. pdfmake
 * cannot be faster than this, so it bounds what the standard layout can reach on this machine.
 */
import PDFDocument from 'pdfkit';
import * as path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { PDF_FONT_FILES } from '../src/adapters/documents/pdf/fonts';
import { defaultFontDirectory } from '../src/adapters/documents/pdf/renderPdf';
import { statementAsPdfDefinition } from '../src/adapters/documents/pdf/statementAsPdfDefinition';
import type { StatementDocument, StatementSettings } from '../src/core';

interface Piece {
  readonly text: string;
  readonly bold: boolean;
}

/** Every text of a pdfmake definition (content and page-1 footer), in reading order. */
export function textsOf(definition: TDocumentDefinitions): Piece[] {
  const out: Piece[] = [];
  const walk = (node: unknown, bold: boolean): void => {
    if (node === null || node === undefined) return;
    if (typeof node === 'string') {
      if (node !== '') out.push({ text: node, bold });
      return;
    }
    if (Array.isArray(node)) {
      for (const n of node) walk(n, bold);
      return;
    }
    if (typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    const b = typeof n['bold'] === 'boolean' ? n['bold'] : bold;
    if ('text' in n) walk(n['text'], b);
    for (const key of ['stack', 'columns', 'section'] as const) if (key in n) walk(n[key], b);
    const table = n['table'] as { body?: unknown } | undefined;
    if (table?.body !== undefined) walk(table.body, b);
  };
  walk(definition.content, false);
  const footer = definition.footer;
  if (typeof footer === 'function') walk(footer(1, 1, { width: 595, height: 842, orientation: 'portrait' }) as Content, false);
  return out;
}

/** Draws `pieces` ten to a row, a rule under each row, a new page every 70 rows; resolves with the PDF bytes. */
function drawAll(statements: readonly Piece[][], fontDirectory: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', info: { CreationDate: new Date(0) } });
    doc.registerFont('R', path.join(fontDirectory, PDF_FONT_FILES.normal));
    doc.registerFont('B', path.join(fontDirectory, PDF_FONT_FILES.bold));
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const pieces of statements) {
      doc.addPage();
      let row = 0;
      for (let i = 0; i < pieces.length; i++) {
        const p = pieces[i] as Piece;
        const column = i % 10;
        if (column === 0 && i > 0) {
          doc.moveTo(36, 48 + row * 10).lineTo(559, 48 + row * 10).lineWidth(0.6).strokeColor('#888888').stroke();
          if (++row === 70) {
            doc.addPage();
            row = 0;
          }
        }
        doc.font(p.bold ? 'B' : 'R').fontSize(7.5).fillColor('#222222').text(p.text, 36 + column * 52, 40 + row * 10, { lineBreak: false });
      }
    }
    doc.end();
  });
}

/** Writes every statement's texts with pdfkit alone, in batches like the standard layout; returns the bytes written. */
export async function pdfkitFloor(docs: readonly StatementDocument[], settings: StatementSettings, batch: number): Promise<number> {
  const fonts = defaultFontDirectory();
  let bytes = 0;
  for (let i = 0; i < docs.length; i += batch) {
    const pieces = docs.slice(i, i + batch).map((d) => textsOf(statementAsPdfDefinition(d, settings)));
    bytes += (await drawAll(pieces, fonts)).length;
  }
  return bytes;
}
