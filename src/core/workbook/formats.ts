import { currencyExponent } from '../money/currencies';
import type { Minor } from '../money/money';
import type { Language } from '../i18n/language';

/**
 * Number formats of the workbook, and money as the number a sheet holds: minor / 10^exponent, the
 * double nearest the decimal, exact to the minor unit (the same number Excel gets by typing it).
 */

export function exponentOf(currency: string): number {
  return currencyExponent(currency) ?? 2;
}

export function moneyNumber(minor: Minor, currency: string): number {
  const exponent = exponentOf(currency);
  return exponent === 0 ? minor : minor / 10 ** exponent;
}

/** `#,##0.00 "EUR"`, `#,##0 "JPY"`, `#,##0.000 "KWD"`: locale-neutral codes, shown with the reader's separators. */
export function moneyFormat(currency: string): string {
  const exponent = exponentOf(currency);
  const digits = exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`;
  const code = currency.replace(/[^A-Z]/g, '');
  return `${digits} "${code}";-${digits} "${code}"`;
}

export function dateFormat(language: Language): string {
  return language === 'fr' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
}

/** Whole numbers (days overdue). */
export const INTEGER_FORMAT = '0';
