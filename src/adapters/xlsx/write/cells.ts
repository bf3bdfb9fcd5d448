import { currencyExponent, type Day, type Language, type Minor } from '../../../core';

/**
 * Cell values and formats shared by the workbook writers. Money cells are real numbers
 * (minor / 10^exponent: the double nearest the decimal, exact to the minor unit, the same number Excel
 * gets by typing it) with a format that shows the currency's digits and code.
 */

export function exponentOf(currency: string): number {
  return currencyExponent(currency) ?? 2;
}

export function moneyValue(minor: Minor, currency: string): number {
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

/** A real Excel date: the Day at UTC midnight (exceljs converts with UTC, so no time-zone drift). */
export function excelDate(day: Day): Date {
  return new Date(day * 86_400_000);
}

export function dateFormat(language: Language): string {
  return language === 'fr' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
}

/** Characters of a value as shown, for column widths. */
export function shownLength(value: unknown, numFmt?: string): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 10;
  if (typeof value === 'number') {
    const decimals = /\.(0+)/.exec(numFmt ?? '')?.[1]?.length ?? 0;
    const whole = Math.trunc(Math.abs(value)).toString().length;
    const groups = Math.floor((whole - 1) / 3);
    const code = /"([^"]*)"/.exec(numFmt ?? '')?.[1]?.length ?? 0;
    return whole + groups + (decimals > 0 ? decimals + 1 : 0) + (code > 0 ? code + 1 : 0) + (value < 0 ? 1 : 0);
  }
  const text = String(value);
  return Math.max(...text.split('\n').map((l) => l.length));
}

/** Column width in characters, padded a little and clamped so one long cell does not blow a column up. */
export function widthFor(longest: number, min = 6, max = 60): number {
  return Math.min(max, Math.max(min, longest + 2));
}
