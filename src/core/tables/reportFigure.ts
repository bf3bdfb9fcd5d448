import { normaliseNumberText, numberToDecimalText } from './coerce';
import type { GridValue } from './gridValue';

/** Decimals kept when report figures are added up to check a total: enough for any currency and float noise. */
const SCALE_DIGITS = 6;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

/**
 * A figure of a report cell (a number, or text such as "$1,450.00  ", "(120.00)", "1 234,56 €") as an
 * exact integer of millionths, or undefined for a blank, a date or text that is no number. Used to add a
 * group's rows up and compare them with the report's own total, never to read an entry's amount.
 */
export function reportFigure(v: GridValue): bigint | undefined {
  let text: string | undefined;
  if (typeof v === 'number') text = Number.isFinite(v) ? numberToDecimalText(v) : undefined;
  else if (typeof v === 'string') text = normaliseNumberText(v);
  if (text === undefined) return undefined;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null) return undefined; // "1,500" is left bare by normaliseNumberText: not a figure a total can be checked on
  const frac = (m[3] ?? '').slice(0, SCALE_DIGITS).padEnd(SCALE_DIGITS, '0');
  const value = BigInt(m[2] ?? '0') * SCALE + BigInt(frac);
  return m[1] === '-' ? -value : value;
}

/** A figure back to plain decimal text: 1450000000n → "1450", 1234560000n → "1234.56". */
export function figureText(x: bigint): string {
  const negative = x < 0n;
  const abs = negative ? -x : x;
  const whole = abs / SCALE;
  const frac = (abs % SCALE).toString().padStart(SCALE_DIGITS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac === '' ? '' : `.${frac.length === 1 ? `${frac}0` : frac}`}`;
}
