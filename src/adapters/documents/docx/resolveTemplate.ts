/**
 * Which Word template a customer's statement uses. The customers table's `template` column holds a
 * file name ("acme.docx", or "acme" for acme.docx) looked up in the firm's templates folder; a blank
 * cell means the default template. A name is a plain file name: no folders, no "..", no absolute path,
 * and the file found must really lie inside the folder (symbolic links included).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language } from '../../../core';
import { TemplateError } from './templateError';

/** The default templates shipped in assets/templates, by language. */
export const DEFAULT_TEMPLATE_FILES: Readonly<Record<Language, string>> = { en: 'statement.docx', fr: 'statement-fr.docx' };

const EXTENSIONS = ['.docx', '.dotx'];
const MAX_NAME_LENGTH = 200;

/** The shipped assets/templates folder (found above this file, from src/ or from dist/). */
export function builtinTemplatesDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'assets', 'templates');
    if (fs.existsSync(path.join(candidate, DEFAULT_TEMPLATE_FILES.en))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`assets/templates not found above ${__dirname}`);
    dir = up;
  }
}

const badName = (name: string, en: string, fr: string) => new TemplateError(name, [{ code: 'bad-name', text: { en, fr } }]);

/** Checks a template name from the customers table and gives its file name (".docx" added when missing). */
export function checkTemplateName(name: string): string {
  const n = name.trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(n)) throw badName(name, 'the template name contains control characters', 'le nom du modèle contient des caractères de contrôle');
  if (path.posix.isAbsolute(n) || path.win32.isAbsolute(n) || /^[A-Za-z]:/.test(n)) {
    throw badName(name, 'a template is named by its file name in the templates folder, not by an absolute path', 'un modèle est désigné par son nom de fichier dans le dossier des modèles, pas par un chemin absolu');
  }
  if (n.includes('/') || n.includes('\\')) {
    throw badName(name, 'a template name is a file name without folders ("/" or "\\" are not allowed)', 'un nom de modèle est un nom de fichier sans dossier (« / » et « \\ » sont interdits)');
  }
  if (n.startsWith('.')) throw badName(name, 'a template name cannot start with "."', 'un nom de modèle ne peut pas commencer par « . »');
  if (n.length > MAX_NAME_LENGTH) throw badName(name, `a template name has at most ${MAX_NAME_LENGTH} characters`, `un nom de modèle a au plus ${MAX_NAME_LENGTH} caractères`);
  const ext = path.extname(n).toLowerCase();
  if (EXTENSIONS.includes(ext)) return n;
  // "Acme v2.1" or "Acme Inc." have no extension; "acme.pdf" has the wrong one.
  if (/^\.[a-z][a-z0-9]{1,4}$/.test(ext)) {
    throw badName(name, `a template is a Word file (.docx or .dotx), not "${ext}"`, `un modèle est un fichier Word (.docx ou .dotx), pas « ${ext} »`);
  }
  return `${n}.docx`;
}

/** `file` (a plain name) inside `dir`, if it is a regular file whose real path stays inside the real `dir`. */
function inside(dir: string, file: string): string | undefined {
  const base = path.resolve(dir);
  const full = path.resolve(base, file);
  const rel = path.relative(base, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  let real: string;
  let realBase: string;
  try {
    real = fs.realpathSync(full);
    realBase = fs.realpathSync(base);
  } catch {
    return undefined; // missing
  }
  const realRel = path.relative(realBase, real);
  if (realRel === '' || realRel.startsWith('..') || path.isAbsolute(realRel)) {
    throw badName(file, `${file} points outside the templates folder`, `${file} pointe hors du dossier des modèles`);
  }
  return fs.statSync(real).isFile() ? full : undefined;
}

/**
 * The path of the template for a customer: `customerTemplate` (the customers table's `template`
 * cell) looked up in `templatesDir`, preferring its language variant ("acme.docx" → "acme-fr.docx"
 * for a French customer when that file exists). Blank: statement-fr.docx / statement.docx from
 * `templatesDir` when the firm put one there, else the shipped default. Throws TemplateError
 * (en + fr) for an unsafe name or a template that is not there.
 */
export function resolveTemplate(customerTemplate: string, templatesDir: string, language: Language): string {
  const tried: string[] = [];
  const find = (dir: string, names: readonly string[]): string | undefined => {
    for (const name of names) {
      tried.push(path.join(dir, name));
      const found = inside(dir, name);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  if (customerTemplate.trim() === '') {
    const defaults = [...new Set([DEFAULT_TEMPLATE_FILES[language], DEFAULT_TEMPLATE_FILES.en])];
    const found = (templatesDir === '' ? undefined : find(templatesDir, defaults)) ?? find(builtinTemplatesDir(), defaults);
    if (found !== undefined) return found;
  } else {
    const file = checkTemplateName(customerTemplate);
    const ext = path.extname(file);
    const variant = `${file.slice(0, file.length - ext.length)}-${language}${ext}`;
    // Only ever in the firm's templates folder: with none given, not in whatever folder the command runs from.
    if (templatesDir === '') {
      throw new TemplateError(customerTemplate.trim(), [
        { code: 'not-found', text: { en: 'named in the customers table, but no templates folder was given (--templates DIR)', fr: 'nommé dans la table des clients, mais aucun dossier de modèles n\'est donné (--templates DOSSIER)' } },
      ]);
    }
    const found = find(templatesDir, [variant, file]);
    if (found !== undefined) return found;
  }
  const name = customerTemplate.trim() === '' ? DEFAULT_TEMPLATE_FILES[language] : customerTemplate.trim();
  throw new TemplateError(name, [
    {
      code: 'not-found',
      text: { en: `template not found (looked for ${tried.join(', ')})`, fr: `modèle introuvable (cherché : ${tried.join(', ')})` },
    },
  ]);
}
