import type { Language, Localised } from '../i18n/language';

/** The placeholders a subject or body may use, e.g. "Statement {number}". */
export const PLACEHOLDERS = ['customer', 'balance', 'overdue', 'asOf', 'number', 'firm'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Readonly<Record<Placeholder, string>>;

export interface MailTemplates {
  readonly subject: Localised;
  readonly body: Localised;
}

/**
 * Clean defaults. A line with {overdue} is left out when nothing is overdue, and one with {firm}
 * when the firm has no name, so the defaults never print "Overdue: 0.00" or an empty signature.
 */
export const DEFAULT_TEMPLATES: MailTemplates = {
  subject: { en: 'Statement of account {number}', fr: 'Relevé de compte {number}' },
  body: {
    en: 'Dear {customer},\n\nPlease find attached your statement of account at {asOf}.\n\nBalance: {balance}\nOverdue: {overdue}\n\nIf you have already paid, thank you; please disregard this reminder.\n\nKind regards,\n{firm}\n',
    fr: 'Madame, Monsieur,\n\nVeuillez trouver ci-joint votre relevé de compte au {asOf}.\n\nSolde : {balance}\nÉchu : {overdue}\n\nSi vous avez déjà réglé, merci de ne pas tenir compte de ce rappel.\n\nCordialement,\n{firm}\n',
  },
};

/** Placeholders a template names that do not exist ({Customer}, {total}): refused when the settings are read. */
export function unknownPlaceholders(template: string): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(/\{([^{}]*)\}/g)) {
    const name = m[1] ?? '';
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) out.push(name);
  }
  return out;
}

/** Fills a template; lines whose only content would be an empty {overdue}/{firm} are dropped (see DEFAULT_TEMPLATES). */
export function fillMailTemplate(template: string, values: PlaceholderValues, blank: ReadonlySet<Placeholder>): string {
  const lines = template.split('\n').filter((line) => ![...blank].some((p) => line.includes(`{${p}}`)));
  return lines.join('\n').replace(/\{([^{}]*)\}/g, (whole, name: string) => ((PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole));
}

export function templateFor(templates: MailTemplates, language: Language): { subject: string; body: string } {
  return { subject: templates.subject[language], body: templates.body[language] };
}
