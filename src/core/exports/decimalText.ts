/**
 * Exact arithmetic on the plain decimal texts the finder hands a profile ("1200.5", "-0.25"): a
 * profile that must add or subtract two cells (Odoo's debit − credit) does it here, never through
 * floats. Undefined when a text is not a plain decimal (the ledger then reports the cell as it is).
 */
interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}

function scaled(text: string): Scaled | undefined {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (m === null || `${m[2] ?? ''}${m[3] ?? ''}` === '') return undefined;
  const frac = m[3] ?? '';
  const units = BigInt(`${m[2] ?? ''}${frac}` || '0');
  return { units: m[1] === '-' ? -units : units, scale: frac.length };
}

function text({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${body}` : body;
}

const widen = (x: Scaled, scale: number): bigint => x.units * 10n ** BigInt(scale - x.scale);

/** a − b, blank cells read as zero. */
export function subtractDecimalTexts(a: string, b: string): string | undefined {
  const x = a.trim() === '' ? { units: 0n, scale: 0 } : scaled(a);
  const y = b.trim() === '' ? { units: 0n, scale: 0 } : scaled(b);
  if (x === undefined || y === undefined) return undefined;
  const scale = Math.max(x.scale, y.scale);
  return text({ units: widen(x, scale) - widen(y, scale), scale });
}

/** True when both texts are decimals of the same value ("1200.0" and "1200"). */
export function sameDecimal(a: string, b: string): boolean {
  const x = scaled(a);
  const y = scaled(b);
  if (x === undefined || y === undefined) return false;
  const scale = Math.max(x.scale, y.scale);
  return widen(x, scale) === widen(y, scale);
}

/** −1, 0 or 1; undefined for a text that is not a decimal. */
export function decimalSign(a: string): number | undefined {
  const x = scaled(a);
  return x === undefined ? undefined : x.units < 0n ? -1 : x.units > 0n ? 1 : 0;
}
