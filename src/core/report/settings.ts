import type { Localised } from '../i18n/language';

/** Branding and layout options of the statement documents (`--settings file.json`; later kept in the workbook). */
export interface StatementSettings {
  readonly company: {
    readonly name: string;
    readonly addressLines: readonly string[];
    readonly registration: string;
    readonly vatNumber: string;
    readonly email: string;
    readonly phone: string;
    readonly bank: { readonly name: string; readonly iban: string; readonly bic: string };
    /** Path of a PNG or JPEG logo (resolved by the door that reads the settings). */
    readonly logo: string;
  };
  readonly paper: 'A4' | 'Letter';
  /** Free message printed on every statement, per language. */
  readonly message: Partial<Localised>;
  readonly showOverdueSection: boolean;
  /** Statement number = prefix + as-of yyyymm + '-' + customer id. */
  readonly numberPrefix: string;
}

export const DEFAULT_SETTINGS: StatementSettings = {
  company: { name: '', addressLines: [], registration: '', vatNumber: '', email: '', phone: '', bank: { name: '', iban: '', bic: '' }, logo: '' },
  paper: 'A4',
  message: {},
  showOverdueSection: true,
  numberPrefix: 'ST-',
};

export type SettingsParse = { ok: true; settings: StatementSettings } | { ok: false; errors: Localised[] };

const str = (x: unknown): x is string => typeof x === 'string';

/** Validates a settings JSON value field by field; unknown keys are errors so typos do not pass silently. */
export function parseSettings(value: unknown): SettingsParse {
  const errors: Localised[] = [];
  const err = (en: string, fr: string) => errors.push({ en, fr });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, errors: [{ en: 'settings: expected a JSON object', fr: 'réglages : objet JSON attendu' }] };
  const v = value as Record<string, unknown>;
  // 'mail' is the e-mail block, read on its own by parseMailSettings (core/mail/mailSettings.ts).
  const known = ['company', 'paper', 'message', 'showOverdueSection', 'numberPrefix', 'mail'];
  for (const k of Object.keys(v)) if (!known.includes(k)) err(`settings: unknown key "${k}" (known: ${known.join(', ')})`, `réglages : clé inconnue « ${k} » (clés connues : ${known.join(', ')})`);
  const c = (v['company'] ?? {}) as Record<string, unknown>;
  const text = (key: string, x: unknown): string => {
    if (x === undefined) return '';
    if (!str(x)) err(`settings: company.${key} must be text`, `réglages : company.${key} doit être un texte`);
    return str(x) ? x : '';
  };
  const companyKnown = ['name', 'addressLines', 'registration', 'vatNumber', 'email', 'phone', 'bank', 'logo'];
  for (const k of Object.keys(c)) if (!companyKnown.includes(k)) err(`settings: unknown key "company.${k}"`, `réglages : clé inconnue « company.${k} »`);
  const lines = c['addressLines'] ?? [];
  if (!Array.isArray(lines) || !lines.every(str)) err('settings: company.addressLines must be a list of texts', 'réglages : company.addressLines doit être une liste de textes');
  const b = (c['bank'] ?? {}) as Record<string, unknown>;
  const paper = v['paper'] ?? 'A4';
  if (paper !== 'A4' && paper !== 'Letter') err('settings: paper must be "A4" or "Letter"', 'réglages : paper doit valoir « A4 » ou « Letter »');
  const m = (v['message'] ?? {}) as Record<string, unknown>;
  if (typeof m !== 'object' || Object.entries(m).some(([k, x]) => (k !== 'en' && k !== 'fr') || !str(x))) err('settings: message must be {"en": "...", "fr": "..."}', 'réglages : message doit être {"en": "...", "fr": "..."}');
  const overdue = v['showOverdueSection'] ?? true;
  if (typeof overdue !== 'boolean') err('settings: showOverdueSection must be true or false', 'réglages : showOverdueSection doit valoir true ou false');
  const prefix = v['numberPrefix'] ?? DEFAULT_SETTINGS.numberPrefix;
  if (!str(prefix)) err('settings: numberPrefix must be text', 'réglages : numberPrefix doit être un texte');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      company: {
        name: text('name', c['name']),
        addressLines: lines as string[],
        registration: text('registration', c['registration']),
        vatNumber: text('vatNumber', c['vatNumber']),
        email: text('email', c['email']),
        phone: text('phone', c['phone']),
        bank: { name: text('bank.name', b['name']), iban: text('bank.iban', b['iban']), bic: text('bank.bic', b['bic']) },
        logo: text('logo', c['logo']),
      },
      paper: paper as 'A4' | 'Letter',
      message: m as Partial<Localised>,
      showOverdueSection: overdue as boolean,
      numberPrefix: prefix as string,
    },
  };
}

/** "ST-202610-C001": stable per customer and month, so a reprint carries the same number. */
export function statementNumber(settings: StatementSettings, asOfIso: string, customerId: string): string {
  return `${settings.numberPrefix}${asOfIso.slice(0, 4)}${asOfIso.slice(5, 7)}-${customerId}`;
}
