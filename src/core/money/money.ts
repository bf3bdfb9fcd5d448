import { currencyExponent } from './currencies';

/** Money is an integer count of the currency's minor units (cents, yen, fils). */
export type Minor = number;

export type MoneyParse =
  | { ok: true; minor: Minor }
  | { ok: false; reason: 'syntax' | 'too-many-decimals' | 'too-large' | 'ambiguous' };

/**
 * Parses a plain decimal ("-1234.5", "1234,50", "+3") into minor units exactly, without floats.
 * Thousands separators are not accepted here: the table layer normalises locale formats first.
 */
export function parseDecimalToMinor(text: string, exponent: number): MoneyParse {
  const s = text.trim();
  const n = s.length;
  let i = 0;
  let negative = false;
  if (i < n && (s.charCodeAt(i) === 45 || s.charCodeAt(i) === 43)) {
    negative = s.charCodeAt(i) === 45;
    i++;
  }
  const wholeStart = i;
  let whole = 0;
  let wholeDigits = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
    wholeDigits++;
    i++;
  }
  let frac = 0;
  let fracDigits = 0;
  let extraNonZero = false;
  const comma = i < n && s.charCodeAt(i) === 44;
  if (i < n && (s.charCodeAt(i) === 46 || comma)) {
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (fracDigits < exponent) frac = frac * 10 + (c - 48);
      else if (c !== 48) extraNonZero = true;
      fracDigits++;
      i++;
    }
  }
  if (i !== n || wholeDigits + fracDigits === 0) return { ok: false, reason: 'syntax' };
  // "1,500" or "2,000": a thousands group to an English reader, a decimal comma to a French one.
  // ("0,500" is not: nobody writes a thousands group with a leading zero.)
  if (comma && fracDigits === 3 && wholeDigits >= 1 && wholeDigits <= 3 && s.charCodeAt(wholeStart) !== 48) return { ok: false, reason: 'ambiguous' };
  // Trailing zeros beyond the exponent ("12.500" in EUR) are harmless; other digits would be lost.
  if (extraNonZero) return { ok: false, reason: 'too-many-decimals' };
  for (let k = Math.min(fracDigits, exponent); k < exponent; k++) frac *= 10;
  const minor = whole * 10 ** exponent + frac;
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: 'too-large' };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}

/**
 * The smallest amount in minor units that is not below the decimal `text` ("10.50" in JPY → 11):
 * what "a balance of at least `text`" means for a currency with fewer decimals than the threshold.
 * Undefined when the text is not a plain decimal or is too large.
 */
export function minorAtLeast(text: string, exponent: number): Minor | undefined {
  const exact = parseDecimalToMinor(text, exponent);
  if (exact.ok) return exact.minor;
  if (exact.reason !== 'too-many-decimals') return undefined;
  // Digits beyond the currency's decimals: cut them (toward zero), then round a positive value up.
  const s = text.trim();
  const point = Math.max(s.indexOf('.'), s.indexOf(','));
  const cut = parseDecimalToMinor(s.slice(0, point + 1 + exponent).replace(/[.,]$/, ''), exponent);
  if (!cut.ok) return undefined;
  const negative = s.startsWith('-');
  return negative ? cut.minor : cut.minor + 1;
}

/** Parses an amount in a given ISO currency; unknown currencies are the caller's problem. */
export function parseMoney(text: string, currency: string): MoneyParse {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) throw new Error(`parseMoney: unknown currency ${currency}`);
  return parseDecimalToMinor(text, exponent);
}

/** Machine format of the JSON contract: "-1234.50", "1200" (JPY), "0.000" (KWD). */
/** Zero by exponent: most aging buckets of a statement are zero. */
const ZERO_TEXT = ['0', '0.0', '0.00', '0.000'];

export function formatMinor(minor: Minor, exponent: number): string {
  if (minor === 0 && exponent < ZERO_TEXT.length) return ZERO_TEXT[exponent] as string;
  const negative = minor < 0;
  const abs = Math.abs(minor);
  if (exponent === 0) return negative ? `-${abs}` : String(abs);
  const unit = 10 ** exponent;
  const fraction = abs % unit;
  const digits = String(fraction);
  // (abs − fraction) / unit is exact: a multiple of unit divided by it.
  const body = `${(abs - fraction) / unit}.${digits.length < exponent ? '0'.repeat(exponent - digits.length) + digits : digits}`;
  return negative ? `-${body}` : body;
}

export function formatMoney(minor: Minor, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) throw new Error(`formatMoney: unknown currency ${currency}`);
  return formatMinor(minor, exponent);
}

/** Adds minor amounts, failing loudly (a bug, not bad input) if the sum leaves the safe range. */
export function addMinor(a: Minor, b: Minor): Minor {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new Error('money overflow');
  return sum;
}
