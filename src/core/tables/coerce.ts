import { dayFromCivil, isValidCivil, type Day } from '../calendar/day';

/** How to read a typed date such as 03/04/2026: day first (fr, and the default) or month first (en-US only). */
export type DateOrder = 'dmy' | 'mdy';

export type DateText = { ok: true; day: Day } | { ok: false; reason: 'syntax' | 'impossible' | 'ambiguous' };

const TWO_DIGIT_PIVOT = 30; // Excel's rule: 00–29 → 20xx, 30–99 → 19xx

/**
 * Dates typed as text: ISO (with an optional time), d/m/y with `/`, `.` or `-` separators,
 * two-digit years the way Excel reads them. d/m vs m/d follows `order`; a date that only makes
 * sense the other way round (13/25 style) is reported as ambiguous rather than guessed.
 */
export function parseDateText(text: string, order: DateOrder): DateText {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (iso !== null) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isValidCivil(y, m, d) ? { ok: true, day: dayFromCivil(y, m, d) } : { ok: false, reason: 'impossible' };
  }
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (dmy === null) return { ok: false, reason: 'syntax' };
  const a = Number(dmy[1]);
  const b = Number(dmy[2]);
  let y = Number(dmy[3]);
  if ((dmy[3] ?? '').length === 2) y += y < TWO_DIGIT_PIVOT ? 2000 : 1900;
  const [d, m] = order === 'dmy' ? [a, b] : [b, a];
  if (isValidCivil(y, m, d)) return { ok: true, day: dayFromCivil(y, m, d) };
  const [d2, m2] = [m, d];
  return isValidCivil(y, m2, d2) ? { ok: false, reason: 'ambiguous' } : { ok: false, reason: 'impossible' };
}

/** Symbols and codes stripped from typed amounts ("€1,234.56", "1 234,56 EUR", "$-5"). */
const CURRENCY_MARKS = /[€$£¥₣]|\b(?:EUR|USD|GBP|JPY|CHF|CAD|AUD)\b|CA\$|A\$/gi;

/**
 * Numbers typed as text the local way → plain decimal text ("-1234.56"), or undefined.
 * Handles "1 234,56", "1,234.56", "1.234,56", "1'234.56", "(120.00)", "120.00-", "-€5", currency marks.
 * A lone comma is a decimal comma, except before exactly three digits ("1,500"): English writes
 * fifteen hundred so, French one and a half; that text is left as it is, and the ledger reader
 * reports it as ambiguous rather than guess from the language of the messages.
 */
export function normaliseNumberText(text: string): string | undefined {
  let s = text.replace(CURRENCY_MARKS, '').replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  } else if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-') ? !negative : negative;
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let whole: string;
  let frac = '';
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [w = '', f = ''] = s.split(decimal);
    if (s.split(decimal).length !== 2 || f.includes(group)) return undefined;
    whole = w.split(group).join('');
    frac = f;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = s.split(sep);
    const groupsOfThree = parts.length > 1 && parts.slice(1).every((p) => p.length === 3) && (parts[0] ?? '').length <= 3 && (parts[0] ?? '') !== '';
    if (parts.length > 2) {
      if (!groupsOfThree) return undefined;
      whole = parts.join('');
    } else if (groupsOfThree && sep === ',' && !(parts[0] ?? '').startsWith('0')) {
      // "1,500": 1500 or 1.5? Handed on bare ("-1,500" for "(1,500)") for the reader to report as ambiguous.
      return `${negative ? '-' : ''}${parts.join(',')}`;
    }
    else {
      whole = parts[0] ?? '';
      frac = parts[1] ?? '';
    }
  } else whole = s;
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(frac) || whole + frac === '') return undefined;
  const body = frac === '' ? whole || '0' : `${whole || '0'}.${frac}`;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * A spreadsheet number → the shortest decimal text (at most 6 decimals) it stands for: the decimal
 * whose double it is (8589934592.13, beyond the reach of a fixed 1e-6 at that size), or one within
 * 1e-6 of it (0.1 + 0.2 → "0.3", 12.3400006 → "12.34"). A value near no short decimal keeps six
 * digits and is then refused by the currency's exponent (DESIGN.md §2).
 */
export function numberToDecimalText(x: number): string {
  if (Number.isInteger(x)) return String(x);
  let text = x.toFixed(6);
  // Cents first (most amounts; trailing zeros are trimmed below, so "0.30" still reads "0.3").
  for (const digits of [2, 0, 1, 3, 4, 5, 6]) {
    const candidate = x.toFixed(digits);
    const value = Number(candidate);
    if (value === x || Math.abs(value - x) <= 1e-6) {
      text = candidate;
      break;
    }
  }
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}
