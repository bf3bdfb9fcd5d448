import type { Localised } from '../../../core';

export type TemplateProblemCode =
  /** A tag whose path is not in the data (misspelt, or from another data model). */
  | 'unknown-tag'
  /** A tag the safe parser refuses (characters, prototype names, raw XML). */
  | 'forbidden-tag'
  /** A plain tag that names a group or list, or a value that cannot be printed. */
  | 'not-printable'
  /** Tag syntax: unclosed or unopened tags and loops, mismatched loop ends, malformed XML. */
  | 'syntax'
  /** Not a zip, not a Word document, macro-enabled, too big. */
  | 'not-a-template'
  /** A template name from the customers table that is unsafe or not found. */
  | 'bad-name'
  | 'not-found';

export interface TemplateProblem {
  readonly code: TemplateProblemCode;
  /** The tag as written between braces, when the problem is about one tag. */
  readonly tag?: string;
  /** The part of the document (word/document.xml, word/footer1.xml...). */
  readonly part?: string;
  readonly text: Localised;
}

/**
 * A template that cannot be filled. `localised` holds the whole message in each language (the English
 * one is also `message`); `problems` lists every problem found, `tags` the tags concerned.
 */
export class TemplateError extends Error {
  readonly templateName: string;
  readonly problems: readonly TemplateProblem[];
  readonly tags: readonly string[];
  readonly localised: Localised;

  constructor(templateName: string, problems: readonly TemplateProblem[]) {
    const localised = describe(templateName, problems);
    super(localised.en);
    this.name = 'TemplateError';
    this.templateName = templateName;
    this.problems = problems;
    this.tags = [...new Set(problems.flatMap((p) => (p.tag === undefined ? [] : [p.tag])))];
    this.localised = localised;
  }
}

const MAX_LISTED = 20;

function describe(templateName: string, problems: readonly TemplateProblem[]): Localised {
  const shown = problems.slice(0, MAX_LISTED);
  const more = problems.length - shown.length;
  const list = (language: 'en' | 'fr') =>
    shown.map((p) => `  - ${p.text[language]}${p.part !== undefined && p.part !== 'word/document.xml' ? ` (${p.part})` : ''}`).join('\n') +
    (more > 0 ? (language === 'en' ? `\n  … and ${more} more` : `\n  … et ${more} autre(s)`) : '');
  const n = problems.length;
  return {
    en: `Word template "${templateName}" cannot be used (${n} problem${n === 1 ? '' : 's'}):\n${list('en')}`,
    fr: `Le modèle Word « ${templateName} » est inutilisable (${n} problème${n === 1 ? '' : 's'}) :\n${list('fr')}`,
  };
}
