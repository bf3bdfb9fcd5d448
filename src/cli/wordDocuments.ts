import * as fs from 'node:fs';
import * as path from 'node:path';
import { statementDocument, type ComputeResult, type Localised, type StatementSettings } from '../core';
import { completeStatementSample, fillTemplate, mergeSample, resolveTemplate, statementTemplateData, TemplateError } from '../adapters/documents/docx';
import { convertToPdf, LibreOfficeError } from '../adapters/documents/libreoffice';
import type { NamedStatement } from './statementFiles';

export interface WordOutcome {
  readonly written: string[];
  readonly pdfs: string[];
  /** Per-customer problems (a broken template blocks only that customer's document). */
  readonly problems: Localised[];
}

/** Fills each customer's Word template into DIR/docx/, then optionally converts them all to PDF in few soffice calls. */
export async function writeWordDocuments(result: ComputeResult, statements: readonly NamedStatement[], outDir: string, o: { settings: StatementSettings; templatesDir: string; toPdf: boolean; tick: (n: number) => void }): Promise<WordOutcome> {
  const docxDir = path.join(outDir, 'docx');
  fs.mkdirSync(docxDir, { recursive: true });
  const written: string[] = [];
  const problems: Localised[] = [];
  const templates = new Map<string, Buffer>();
  // First every statement's data merged into one sample that enters every loop and condition; each
  // template is filled with it once, so a tag misspelt inside a loop refuses the template for all its
  // customers, not only for those whose statements happen to reach that loop.
  let sample: unknown;
  for (const { statement } of statements) sample = mergeSample(sample, statementTemplateData(statementDocument(result, statement), o.settings));
  sample = completeStatementSample(sample);
  const checked = new Map<string, TemplateError | undefined>();
  const check = (template: string, bytes: Buffer): void => {
    if (checked.has(template)) return;
    try {
      fillTemplate(bytes, path.basename(template), sample as Record<string, unknown>);
      checked.set(template, undefined);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      checked.set(template, e);
    }
  };
  for (const { statement, fileStem } of statements) {
    const doc = statementDocument(result, statement);
    try {
      const template = resolveTemplate(doc.customer.template, o.templatesDir, doc.language);
      let bytes = templates.get(template);
      if (bytes === undefined) templates.set(template, (bytes = fs.readFileSync(template)));
      check(template, bytes);
      const refused = checked.get(template);
      if (refused !== undefined) throw refused;
      const file = path.join(docxDir, `${fileStem}.docx`);
      fs.writeFileSync(file, fillTemplate(bytes, path.basename(template), statementTemplateData(doc, o.settings)));
      written.push(file);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      problems.push({ en: `${statement.customerId}: ${e.localised.en}`, fr: `${statement.customerId} : ${e.localised.fr}` });
    }
    o.tick(written.length + problems.length);
  }
  if (!o.toPdf || written.length === 0) return { written, pdfs: [], problems };
  const pdfDir = path.join(outDir, 'docx-pdf');
  try {
    const { converted } = await convertToPdf(written, pdfDir);
    return { written, pdfs: converted, problems };
  } catch (e) {
    if (!(e instanceof LibreOfficeError)) throw e;
    return { written, pdfs: [...e.converted], problems: [...problems, e.localised] };
  }
}
