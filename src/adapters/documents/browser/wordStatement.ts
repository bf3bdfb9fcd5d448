/**
 * Word statements in the browser: the firm's template (a .docx the user picked) or the shipped
 * default for the customer's language, filled by the CLI's code (docxtemplater, the safe parser,
 * statementTemplateData), so a tag means the same in both and a bad tag is a TemplateError.
 */
import type { Language, StatementDocument, StatementSettings } from '../../../core';
import { fillTemplateBytes } from '../docx/fillTemplateBytes';
import { statementTemplateData } from '../docx/templateData';
import defaultTemplateFrUrl from '../../../../assets/templates/statement-fr.docx';
import defaultTemplateUrl from '../../../../assets/templates/statement.docx';
import { assetBytes } from './assetBytes';
import { statementFileStems } from './fileNames';
import { throwIfAborted, yieldToPage, type ZipProgress } from './statementPdf';
import { zipFiles } from './zipFiles';

/** A template the user picked (its bytes and file name, for messages), or the shipped default. */
export type WordTemplate = { readonly bytes: Uint8Array; readonly name: string } | 'default';

const DEFAULTS: Readonly<Record<Language, { url: string; name: string }>> = {
  en: { url: defaultTemplateUrl, name: 'statement.docx' },
  fr: { url: defaultTemplateFrUrl, name: 'statement-fr.docx' },
};

async function templateFor(template: WordTemplate, language: Language): Promise<{ bytes: Uint8Array; name: string }> {
  if (template !== 'default') return template;
  const { url, name } = DEFAULTS[language];
  return { bytes: await assetBytes(url), name };
}

/** One statement as a .docx. Throws TemplateError (en + fr, naming the tags) for a bad template. */
export async function wordStatement(template: WordTemplate, doc: StatementDocument, settings: StatementSettings): Promise<Uint8Array> {
  const { bytes, name } = await templateFor(template, doc.language);
  return fillTemplateBytes(bytes, name, statementTemplateData(doc, settings));
}

/** One .docx per customer in a .zip, named as the CLI names them. */
export async function wordStatementsZip(template: WordTemplate, docs: readonly StatementDocument[], settings: StatementSettings, progress: ZipProgress = {}): Promise<Uint8Array> {
  const stems = statementFileStems(docs);
  const entries = [];
  for (let i = 0; i < docs.length; i++) {
    throwIfAborted(progress.signal);
    entries.push({ name: `${stems[i] as string}.docx`, bytes: await wordStatement(template, docs[i] as StatementDocument, settings) });
    progress.onProgress?.(i + 1, docs.length);
    if (i % 20 === 19) await yieldToPage();
  }
  return zipFiles(entries);
}
