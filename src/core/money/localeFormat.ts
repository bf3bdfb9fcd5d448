import { currencyExponent } from './currencies';
import { formatMinor, type Minor } from './money';
import type { Language } from '../i18n/language';

const SYMBOLS: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£', JPY: '¥', CHF: 'CHF', CAD: 'CA$', AUD: 'A$' };
const NBSP = '\u00a0';
const NNBSP = '\u202f';

function groupThousands(digits: string, separator: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/** Number for people: en "1,234.56", fr "1 234,56" (narrow no-break space, as French typography wants). */
export function formatAmount(minor: Minor, currency: string, language: Language): string {
  const exponent = currencyExponent(currency) ?? 2;
  const plain = formatMinor(Math.abs(minor), exponent);
  const [whole = '0', frac] = plain.split('.');
  const grouped = groupThousands(whole, language === 'fr' ? NNBSP : ',');
  const body = frac === undefined ? grouped : `${grouped}${language === 'fr' ? ',' : '.'}${frac}`;
  return minor < 0 ? `-${body}` : body;
}

/** Money for people: en "€1,234.56" / "-€5.00", fr "1 234,56 €" / "-5,00 €". */
export function formatCurrencyAmount(minor: Minor, currency: string, language: Language): string {
  const symbol = SYMBOLS[currency] ?? currency;
  const body = formatAmount(Math.abs(minor), currency, language);
  const sign = minor < 0 ? '-' : '';
  if (language === 'fr') return `${sign}${body}${NBSP}${symbol}`;
  return symbol.length === 1 ? `${sign}${symbol}${body}` : `${sign}${symbol}${NBSP}${body}`;
}

/** Inverse of formatAmount, for round-trip tests and for reading numbers typed the local way. */
export function parseLocaleAmount(text: string, currency: string, language: Language): Minor | undefined {
  const exponent = currencyExponent(currency) ?? 2;
  const group = language === 'fr' ? /[\u202f\u00a0 ]/g : /,/g;
  let s = text.trim().replace(group, '');
  if (language === 'fr') s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  const negative = s.startsWith('-');
  const [whole = '0', frac = ''] = s.replace('-', '').split('.');
  if (frac.length > exponent) return undefined;
  const minor = Number(whole) * 10 ** exponent + Number(frac.padEnd(exponent, '0') || '0');
  return negative ? -minor : minor;
}
