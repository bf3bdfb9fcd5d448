/**
 * Fills a firm's Word template (.docx) with one statement's data (statementTemplateData) through
 * docxtemplater, from bytes to bytes with no Node API (the add-in fills templates in the browser;
 * fillTemplate.ts is the Node door). Tags are read by the safe parser only; any unknown, refused or broken tag stops the
 * fill with a TemplateError (en + fr) naming the tags and the template, so no statement ever goes out
 * with "undefined" or a blank where a figure should be.
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { Localised } from '../../../core';
import { safeParser } from './safeParser';
import { TemplateError, type TemplateProblem } from './templateError';

/** A template bigger than this is refused before unzipping (a statement template is a few hundred KB). */
export const MAX_TEMPLATE_BYTES = 50 * 1024 * 1024;
/** Unzipped size limit of the template's parts (zip bombs). */
export const MAX_TEMPLATE_UNZIPPED_BYTES = 200 * 1024 * 1024;

const DOCUMENT_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const TEMPLATE_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';

const notTemplate = (templateName: string, en: string, fr: string): TemplateError =>
  new TemplateError(templateName, [{ code: 'not-a-template', text: { en, fr } }]);

/**
 * The filled document (.docx bytes). `templateName` names the template in error messages (its file
 * name). Throws TemplateError for any problem of the template; `data` is usually statementTemplateData.
 */
export function fillTemplateBytes(templateBytes: Uint8Array, templateName: string, data: Record<string, unknown>): Uint8Array {
  const zip = openTemplateZip(templateBytes, templateName);
  const problems: TemplateProblem[] = [];
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      stripInvalidXMLChars: true,
      errorLogging: false,
      parser: safeParser(problems),
      // The parser never yields null; this is the last guard against "undefined" in a statement.
      nullGetter: (part) => {
        const tag = String(part.raw ?? part.value);
        problems.push({ code: 'unknown-tag', tag, text: { en: `tag {${tag}} has no value`, fr: `la balise {${tag}} n'a pas de valeur` } });
        return part.module === 'loop' ? false : '';
      },
    });
  } catch (error) {
    throw new TemplateError(templateName, [...problems, ...docxtemplaterProblems(error, templateName)]);
  }
  if (problems.length > 0) throw new TemplateError(templateName, problems);
  try {
    doc.render(data);
  } catch (error) {
    throw new TemplateError(templateName, [...problems, ...docxtemplaterProblems(error, templateName)]);
  }
  if (problems.length > 0) throw new TemplateError(templateName, problems);

  const out = doc.getZip() as PizZip;
  // A .dotx filled is a document: Word opens it as one, not as a new document from a template.
  const types = out.file('[Content_Types].xml');
  if (types !== null) {
    const text = types.asText();
    if (text.includes(TEMPLATE_MAIN)) out.file('[Content_Types].xml', text.split(TEMPLATE_MAIN).join(DOCUMENT_MAIN));
  }
  return out.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Unzips and vets a template: a zip, within size limits, a Word document, without macros. */
function openTemplateZip(bytes: Uint8Array, templateName: string): PizZip {
  if (bytes.length > MAX_TEMPLATE_BYTES) {
    throw notTemplate(templateName, `the file is ${Math.round(bytes.length / 1e6)} MB; a template may be at most ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB`, `le fichier fait ${Math.round(bytes.length / 1e6)} Mo ; un modèle fait au plus ${MAX_TEMPLATE_BYTES / 1024 / 1024} Mo`);
  }
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw notTemplate(templateName, 'the file is not a Word document (.docx): it is not a zip archive or it is damaged', "le fichier n'est pas un document Word (.docx) : ce n'est pas une archive zip, ou elle est endommagée");
  }
  let unzipped = 0;
  for (const entry of Object.values(zip.files)) {
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (typeof size === 'number') unzipped += size;
  }
  if (unzipped > MAX_TEMPLATE_UNZIPPED_BYTES) {
    throw notTemplate(templateName, `the file unzips to more than ${MAX_TEMPLATE_UNZIPPED_BYTES / 1024 / 1024} MB`, `le fichier décompressé dépasse ${MAX_TEMPLATE_UNZIPPED_BYTES / 1024 / 1024} Mo`);
  }
  const types = zip.file('[Content_Types].xml');
  if (types === null || zip.file('word/document.xml') === null) {
    throw notTemplate(templateName, 'the file is a zip archive but not a Word document (.docx): word/document.xml is missing', "le fichier est une archive zip mais pas un document Word (.docx) : word/document.xml manque");
  }
  if (/macroEnabled/i.test(types.asText()) || zip.file('word/vbaProject.bin') !== null) {
    throw notTemplate(templateName, 'macro-enabled Word files (.docm, .dotm) are refused: save the template as .docx', 'les fichiers Word avec macros (.docm, .dotm) sont refusés : enregistrez le modèle en .docx');
  }
  return zip;
}

interface DxtErrorProperties {
  readonly id?: string;
  readonly xtag?: string;
  readonly file?: string;
  readonly explanation?: string;
  readonly openingtag?: string;
  readonly closingtag?: string;
  readonly errors?: readonly { readonly properties?: DxtErrorProperties; readonly message?: string }[];
  readonly rootError?: { readonly message?: string };
}

/** docxtemplater's errors (a MultiError or one error) as problems in English and French. */
function docxtemplaterProblems(error: unknown, templateName: string): TemplateProblem[] {
  if (error instanceof TemplateError) return [...error.problems];
  const props = (error as { properties?: DxtErrorProperties } | null)?.properties;
  const message = error instanceof Error ? error.message : String(error);
  if (props?.errors !== undefined && props.errors.length > 0) {
    return props.errors.map((e) => oneProblem(e.properties ?? {}, e.message ?? ''));
  }
  if (props !== undefined) return [oneProblem(props, message)];
  return [{ code: 'not-a-template', text: { en: `docxtemplater failed on ${templateName}: ${message}`, fr: `docxtemplater a échoué sur ${templateName} : ${message}` } }];
}

function oneProblem(p: DxtErrorProperties, message: string): TemplateProblem {
  const tag = p.xtag;
  const part = p.file;
  const withPart = (problem: Omit<TemplateProblem, 'part'>): TemplateProblem => (part === undefined ? problem : { ...problem, part });
  const syntax = (text: Localised) => withPart(tag === undefined ? { code: 'syntax', text } : { code: 'syntax', tag, text });
  switch (p.id) {
    case 'unclosed_tag':
      return syntax({ en: `tag {${tag ?? ''} is never closed: add "}"`, fr: `la balise {${tag ?? ''} n'est jamais fermée : ajoutez « } »` });
    case 'unopened_tag':
      return syntax({ en: `"${tag ?? ''}}" closes a tag that was never opened: add "{" or remove "}"`, fr: `« ${tag ?? ''}} » ferme une balise jamais ouverte : ajoutez « { » ou retirez « } »` });
    case 'duplicate_open_tag':
      return syntax({ en: `tag "${tag ?? ''}" has two opening braces "{{"`, fr: `la balise « ${tag ?? ''} » a deux accolades ouvrantes « {{ »` });
    case 'duplicate_close_tag':
      return syntax({ en: `tag "${tag ?? ''}" has two closing braces "}}"`, fr: `la balise « ${tag ?? ''} » a deux accolades fermantes « }} »` });
    case 'unclosed_loop':
      return syntax({ en: `loop {#${tag ?? ''}} is never closed: add {/${tag ?? ''}}`, fr: `la boucle {#${tag ?? ''}} n'est jamais fermée : ajoutez {/${tag ?? ''}}` });
    case 'unopened_loop':
      return syntax({ en: `{/${tag ?? ''}} closes a loop that was never opened: add {#${tag ?? ''}}`, fr: `{/${tag ?? ''}} ferme une boucle jamais ouverte : ajoutez {#${tag ?? ''}}` });
    case 'closing_tag_does_not_match_opening_tag':
      return withPart({
        code: 'syntax',
        tag: p.openingtag ?? '',
        text: { en: `loop {#${p.openingtag ?? ''}} is closed by {/${p.closingtag ?? ''}}`, fr: `la boucle {#${p.openingtag ?? ''}} est fermée par {/${p.closingtag ?? ''}}` },
      });
    case 'unbalanced_loop_tags':
    case 'loop_position_invalid':
      return syntax({
        en: `loop tags ${tag === undefined ? '' : `{#${tag}}…{/${tag}} `}are misplaced: a loop that starts in a table row must end in the same table (${p.explanation ?? message})`,
        fr: `les balises de boucle ${tag === undefined ? '' : `{#${tag}}…{/${tag}} `}sont mal placées : une boucle qui commence dans une ligne de tableau doit finir dans le même tableau (${p.explanation ?? message})`,
      });
    case 'scopeparser_compilation_failed':
    case 'scopeparser_execution_failed':
      return syntax({ en: `tag {${tag ?? ''}} cannot be read: ${p.rootError?.message ?? message}`, fr: `la balise {${tag ?? ''}} est illisible : ${p.rootError?.message ?? message}` });
    case 'malformed_xml':
    case 'file_has_invalid_xml':
      return withPart({ code: 'not-a-template', text: { en: `the document's XML is damaged (${p.explanation ?? message})`, fr: `le XML du document est endommagé (${p.explanation ?? message})` } });
    case 'filetype_not_identified':
    case 'filetype_not_handled':
      return { code: 'not-a-template', text: { en: 'the file is not a Word document (.docx)', fr: "le fichier n'est pas un document Word (.docx)" } };
    default:
      return syntax({ en: `${p.explanation ?? message}${p.id === undefined ? '' : ` [${p.id}]`}`, fr: `${p.explanation ?? message}${p.id === undefined ? '' : ` [${p.id}]`}` });
  }
}
