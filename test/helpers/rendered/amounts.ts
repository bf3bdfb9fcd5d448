import type { Language } from '../../../src/core';
import { plain } from './view';

/**
 * Money as people read it in each language, back to the JSON's decimal string: en "£1,414.03",
 * "-£50.00", "10,300.00"; fr "12 000,00 €", "-300,00 €", "10 000,00". Written here, not taken from
 * the code under test, so a formatting slip shows as a mismatch. Amounts always carry their decimals
 * (the fixture's currencies have two), which is what tells them from day counts and dates.
 */
const TOKEN: Readonly<Record<Language, RegExp>> = {
  en: /(?<![\d.,])(-?)(?:[£$€¥]|[A-Z]{1,3}\$?\s?)?(\d{1,3}(?:,\d{3})*\.\d+)(?![\d.,])/g,
  fr: /(?<![\d.,])(-?)(\d{1,3}(?: \d{3})*,\d+)(?![\d.,])/g,
};

function decimal(sign: string, digits: string, language: Language): string {
  const body = language === 'fr' ? digits.replace(/ /g, '').replace(',', '.') : digits.replace(/,/g, '');
  return sign === '-' && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Every amount in a line of text, left to right. */
export function amountsIn(text: string, language: Language): string[] {
  return [...plain(text).matchAll(TOKEN[language])].map((m) => decimal(m[1] ?? '', m[2] ?? '', language));
}

/** The text as one amount (a whole cell), or undefined. */
export function amountOf(text: string, language: Language): string | undefined {
  const found = amountsIn(text, language);
  return found.length === 1 ? found[0] : undefined;
}

/** The last amount of a line (the balance or open column of a row), or undefined. */
export function lastAmount(text: string, language: Language): string | undefined {
  return amountsIn(text, language).at(-1);
}

/** A number read from a spreadsheet cell, as a decimal string with the currency's digits. */
export function fromNumber(value: number, digits: number): string {
  const s = value.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** A CSV number (no digit groups; decimal comma in French). */
export function fromCsvNumber(text: string): string | undefined {
  const s = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? s : undefined;
}
