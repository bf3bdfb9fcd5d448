import type { Localised } from '../i18n/language';
import type { StatementStyle } from '../statements/model';
import { isPlainAddress } from './recipients';
import { DEFAULT_TEMPLATES, unknownPlaceholders, type MailTemplates } from './mailTemplates';

/** How often a customer gets a scheduled statement. */
export type Frequency = 'monthly' | 'quarterly' | 'never';
export const FREQUENCIES: readonly Frequency[] = ['monthly', 'quarterly', 'never'];

/** The monthly schedule (DESIGN.md §4): day N, period R(k−1)..R(k)−1; quarterly customers every third month. */
export interface MailSchedule {
  readonly dayOfMonth: number;
  readonly style: StatementStyle;
  readonly frequency: Frequency;
  /** Per-customer frequency, by customer id. */
  readonly customers: Readonly<Record<string, Frequency>>;
}

/** The `mail` block of the settings file (and, in the add-in, of the workbook's settings). */
export interface MailSettings {
  /** Sender shown (a shared mailbox); '' = the signed-in mailbox. */
  readonly from: string;
  readonly replyTo: string;
  /** A blind copy of every statement to the sending mailbox. */
  readonly copyToSelf: boolean;
  /** The statement as the standard PDF, or the firm's Word template converted to PDF. */
  readonly attachment: 'pdf' | 'word-pdf';
  readonly attachCsv: boolean;
  readonly templates: MailTemplates;
  readonly schedule: MailSchedule | undefined;
}

export const DEFAULT_MAIL_SETTINGS: MailSettings = {
  from: '',
  replyTo: '',
  copyToSelf: false,
  attachment: 'pdf',
  attachCsv: false,
  templates: DEFAULT_TEMPLATES,
  schedule: undefined,
};

export type MailSettingsParse = { ok: true; settings: MailSettings } | { ok: false; errors: Localised[] };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads the `mail` block field by field; unknown keys and placeholders are errors, so a typo does not pass silently. */
export function parseMailSettings(value: unknown): MailSettingsParse {
  if (value === undefined) return { ok: true, settings: DEFAULT_MAIL_SETTINGS };
  const errors: Localised[] = [];
  const err = (en: string, fr: string): void => void errors.push({ en, fr });
  if (!isObject(value)) return { ok: false, errors: [{ en: 'settings: mail must be a JSON object', fr: 'réglages : mail doit être un objet JSON' }] };
  const known = ['from', 'replyTo', 'copyToSelf', 'attachment', 'attachCsv', 'subject', 'body', 'schedule'];
  for (const k of Object.keys(value)) if (!known.includes(k)) err(`settings: unknown key "mail.${k}" (known: ${known.join(', ')})`, `réglages : clé inconnue « mail.${k} » (clés connues : ${known.join(', ')})`);
  const address = (key: string): string => {
    const x = value[key] ?? '';
    if (typeof x !== 'string' || (x !== '' && !isPlainAddress(x.trim()))) {
      err(`settings: mail.${key} must be an e-mail address`, `réglages : mail.${key} doit être une adresse e-mail`);
      return '';
    }
    return x.trim();
  };
  const bool = (key: string): boolean => {
    const x = value[key] ?? false;
    if (typeof x !== 'boolean') err(`settings: mail.${key} must be true or false`, `réglages : mail.${key} doit valoir true ou false`);
    return x === true;
  };
  const localised = (key: 'subject' | 'body'): Localised => {
    const x = value[key] ?? {};
    const fallback = DEFAULT_TEMPLATES[key];
    if (!isObject(x) || Object.entries(x).some(([k, t]) => (k !== 'en' && k !== 'fr') || typeof t !== 'string')) {
      err(`settings: mail.${key} must be {"en": "...", "fr": "..."}`, `réglages : mail.${key} doit être {"en": "...", "fr": "..."}`);
      return fallback;
    }
    const out = { en: (x['en'] as string | undefined) ?? fallback.en, fr: (x['fr'] as string | undefined) ?? fallback.fr };
    for (const language of ['en', 'fr'] as const) {
      for (const name of unknownPlaceholders(out[language])) {
        err(`settings: mail.${key}.${language}: unknown placeholder {${name}} (known: {customer}, {balance}, {overdue}, {asOf}, {number}, {firm})`,
          `réglages : mail.${key}.${language} : champ inconnu {${name}} (champs connus : {customer}, {balance}, {overdue}, {asOf}, {number}, {firm})`);
      }
    }
    if (key === 'subject' && /[\r\n]/.test(out.en + out.fr)) err('settings: mail.subject must be one line', 'réglages : mail.subject doit tenir sur une ligne');
    return out;
  };
  const attachment = value['attachment'] ?? 'pdf';
  if (attachment !== 'pdf' && attachment !== 'word-pdf') err('settings: mail.attachment must be "pdf" or "word-pdf"', 'réglages : mail.attachment doit valoir « pdf » ou « word-pdf »');
  const settings: MailSettings = {
    from: address('from'),
    replyTo: address('replyTo'),
    copyToSelf: bool('copyToSelf'),
    attachment: attachment === 'word-pdf' ? 'word-pdf' : 'pdf',
    attachCsv: bool('attachCsv'),
    templates: { subject: localised('subject'), body: localised('body') },
    schedule: value['schedule'] === undefined ? undefined : parseSchedule(value['schedule'], err),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings };
}

function parseSchedule(x: unknown, err: (en: string, fr: string) => void): MailSchedule | undefined {
  if (!isObject(x)) {
    err('settings: mail.schedule must be a JSON object', 'réglages : mail.schedule doit être un objet JSON');
    return undefined;
  }
  const known = ['dayOfMonth', 'style', 'frequency', 'customers'];
  for (const k of Object.keys(x)) if (!known.includes(k)) err(`settings: unknown key "mail.schedule.${k}"`, `réglages : clé inconnue « mail.schedule.${k} »`);
  const day = x['dayOfMonth'] ?? 1;
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 31) err('settings: mail.schedule.dayOfMonth must be a whole number 1..31', 'réglages : mail.schedule.dayOfMonth doit être un entier 1..31');
  const style = x['style'] ?? 'activity';
  if (style !== 'activity' && style !== 'open-item') err('settings: mail.schedule.style must be "activity" or "open-item"', 'réglages : mail.schedule.style doit valoir « activity » ou « open-item »');
  const frequency = (key: string, f: unknown): Frequency => {
    if (typeof f === 'string' && (FREQUENCIES as readonly string[]).includes(f)) return f as Frequency;
    err(`settings: ${key} must be one of ${FREQUENCIES.join(', ')}`, `réglages : ${key} doit valoir ${FREQUENCIES.join(', ')}`);
    return 'monthly';
  };
  const customers: Record<string, Frequency> = {};
  const c = x['customers'] ?? {};
  if (!isObject(c)) err('settings: mail.schedule.customers must map customer ids to a frequency', 'réglages : mail.schedule.customers doit associer des numéros de client à une fréquence');
  else for (const [id, f] of Object.entries(c)) customers[id] = frequency(`mail.schedule.customers.${id}`, f);
  return { dayOfMonth: typeof day === 'number' ? day : 1, style: style === 'open-item' ? 'open-item' : 'activity', frequency: frequency('mail.schedule.frequency', x['frequency'] ?? 'monthly'), customers };
}
