import { parseSettings, type Language, type StatementSettings } from '../core';

/** The "Firm settings" form's fields, as typed (address: one line per line). */
export interface FirmForm {
  readonly name: string;
  readonly address: string;
  readonly email: string;
  readonly phone: string;
  readonly bankName: string;
  readonly iban: string;
  readonly bic: string;
  readonly messageEn: string;
  readonly messageFr: string;
  readonly paper: 'A4' | 'Letter';
}

export function firmForm(s: StatementSettings): FirmForm {
  const c = s.company;
  return { name: c.name, address: c.addressLines.join('\n'), email: c.email, phone: c.phone, bankName: c.bank.name, iban: c.bank.iban, bic: c.bank.bic, messageEn: s.message.en ?? '', messageFr: s.message.fr ?? '', paper: s.paper };
}

export type FirmCheck = { ok: true; settings: StatementSettings } | { ok: false; errors: Partial<Record<keyof FirmForm, string>> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The settings the form gives, on top of `base` (what the workbook held: registration, VAT number,
 * number prefix and the overdue section are kept, the logo is never kept in the workbook), checked by
 * core's parser as the CLI's `--settings` is. An e-mail that is not one is said, per field.
 */
export function settingsFromForm(f: FirmForm, base: StatementSettings, language: Language): FirmCheck {
  if (f.email.trim() !== '' && !EMAIL.test(f.email.trim())) return { ok: false, errors: { email: language === 'fr' ? 'Adresse e-mail non valide' : 'Not a valid e-mail address' } };
  const trim = (x: string) => x.trim();
  const message: Record<string, string> = {};
  if (f.messageEn.trim() !== '') message['en'] = f.messageEn.trim();
  if (f.messageFr.trim() !== '') message['fr'] = f.messageFr.trim();
  const parsed = parseSettings({
    company: {
      name: trim(f.name), addressLines: f.address.split(/\r?\n/).map(trim).filter((l) => l !== ''), registration: base.company.registration, vatNumber: base.company.vatNumber,
      email: trim(f.email), phone: trim(f.phone), bank: { name: trim(f.bankName), iban: trim(f.iban), bic: trim(f.bic) },
    },
    paper: f.paper,
    message,
    showOverdueSection: base.showOverdueSection,
    numberPrefix: base.numberPrefix,
  });
  return parsed.ok ? parsed : { ok: false, errors: { name: parsed.errors.map((e) => e[language]).join('; ') } };
}

export const FIRM_TEXTS: Record<Language, Record<keyof FirmForm | 'title' | 'help' | 'save' | 'saved', string>> = {
  en: {
    title: 'Firm settings', help: 'Printed on the statement documents; kept in this workbook, where the command-line tool reads them too.',
    name: 'Company name', address: 'Address (one line per line)', email: 'E-mail', phone: 'Phone', bankName: 'Bank', iban: 'IBAN', bic: 'BIC',
    messageEn: 'Message (English)', messageFr: 'Message (French)', paper: 'Paper', save: 'Save settings', saved: 'Settings saved in the workbook.',
  },
  fr: {
    title: "Réglages de l'entreprise", help: "Imprimés sur les relevés ; gardés dans ce classeur, où l'outil en ligne de commande les lit aussi.",
    name: "Nom de l'entreprise", address: 'Adresse (une ligne par ligne)', email: 'E-mail', phone: 'Téléphone', bankName: 'Banque', iban: 'IBAN', bic: 'BIC',
    messageEn: 'Message (anglais)', messageFr: 'Message (français)', paper: 'Papier', save: 'Enregistrer les réglages', saved: 'Réglages enregistrés dans le classeur.',
  },
};
