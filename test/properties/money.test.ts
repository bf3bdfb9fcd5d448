/**
 * (f) Money round-trips: the JSON contract's decimal strings (formatMinor / parseDecimalToMinor) and
 * the people's formats (formatAmount / parseLocaleAmount) in en and fr, for exponents 0..3.
 */
import fc from 'fast-check';
import { currencyExponent, formatAmount, formatCurrencyAmount, formatMinor, parseDecimalToMinor, parseLocaleAmount } from '../../src/core';

const RUNS = { numRuns: 1000 };
const minor = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger(), fc.constantFrom(0, 1, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
const exponent = fc.integer({ min: 0, max: 3 });
/** One currency per exponent that matters, plus a few common ones. */
const currency = fc.constantFrom('EUR', 'USD', 'JPY', 'KWD', 'BHD', 'CLP', 'GBP', 'ISK');

describe('(f) money parse/format round-trips', () => {
  it('formatMinor then parseDecimalToMinor gives the same minor units, and formats back to the same text', () => {
    fc.assert(
      fc.property(minor, exponent, (m, e) => {
        const text = formatMinor(m, e);
        const parsed = parseDecimalToMinor(text, e);
        expect(parsed).toEqual({ ok: true, minor: m });
        if (parsed.ok) expect(formatMinor(parsed.minor, e)).toBe(text);
        // Shape of the contract: optional minus, digits, and exactly e decimals.
        expect(text).toMatch(e === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${e}}$`));
      }),
      RUNS,
    );
  });

  it('any decimal text with at most e decimals (and harmless trailing zeros) parses to its exact value, but for a comma before exactly three digits', () => {
    fc.assert(
      fc.property(
        fc.boolean(), fc.stringMatching(/^\d{1,12}$/), fc.stringMatching(/^\d{0,3}$/), fc.integer({ min: 0, max: 4 }), fc.constantFrom('.', ','), fc.constantFrom('', '+'), exponent,
        (negative, whole, fracRaw, zeros, point, plus, e) => {
          const frac = fracRaw.slice(0, e);
          const text = `${negative ? '-' : plus}${whole}${frac === '' && zeros === 0 ? '' : point}${frac}${'0'.repeat(zeros)}`;
          const expected = (Number(whole) * 10 ** e + Number(frac.padEnd(e, '0') || '0')) * (negative ? -1 : 1);
          const parsed = parseDecimalToMinor(`  ${text} `, e);
          // "1,500": a thousands group or a decimal comma; refused as ambiguous, never guessed.
          const fracDigits = frac.length + zeros;
          if (point === ',' && fracDigits === 3 && whole.length <= 3 && !whole.startsWith('0')) {
            expect(parsed).toEqual({ ok: false, reason: 'ambiguous' });
            return;
          }
          expect(parsed).toEqual({ ok: true, minor: expected === 0 ? 0 : expected });
          if (parsed.ok) expect(parseDecimalToMinor(formatMinor(parsed.minor, e), e)).toEqual(parsed);
        },
      ),
      RUNS,
    );
  });

  it('a non-zero digit beyond the exponent is refused, never rounded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), exponent, fc.integer({ min: 1, max: 9 }), (m, e, extra) => {
        const text = `${formatMinor(m, e)}${e === 0 ? '.' : ''}${extra}`;
        expect(parseDecimalToMinor(text, e)).toEqual({ ok: false, reason: 'too-many-decimals' });
      }),
      RUNS,
    );
  });

  it('formatAmount / parseLocaleAmount round-trip in en and fr', () => {
    fc.assert(
      fc.property(minor, currency, fc.constantFrom('en' as const, 'fr' as const), (m, cur, lang) => {
        const text = formatAmount(m, cur, lang);
        expect(parseLocaleAmount(text, cur, lang)).toBe(m);
        // People type the French group separator as a no-break or a plain space.
        if (lang === 'fr') for (const space of ['\u00a0', ' ']) expect(parseLocaleAmount(text.replace(/\u202f/g, space), cur, lang)).toBe(m);
        const e = currencyExponent(cur) as number;
        const decimalMark = lang === 'fr' ? ',' : '\\.';
        const group = lang === 'fr' ? '\u202f' : ',';
        // Grouped by three, the currency's decimals, the language's decimal mark.
        const digits = e === 0 ? '' : `${decimalMark}\\d{${e}}`;
        expect(text).toMatch(new RegExp(`^-?\\d{1,3}(${group}\\d{3})*${digits}$`));
        // The symbol form carries the same number.
        expect(formatCurrencyAmount(m, cur, lang)).toContain(formatAmount(Math.abs(m), cur, lang));
      }),
      RUNS,
    );
  });

  it('the people format and the contract format agree on the value', () => {
    fc.assert(
      fc.property(minor, currency, fc.constantFrom('en' as const, 'fr' as const), (m, cur, lang) => {
        const e = currencyExponent(cur) as number;
        const text = formatAmount(m, cur, lang);
        const people = lang === 'en' ? text.replace(/,/g, '') : text.replace(/\u202f/g, '').replace(',', '.');
        expect(people).toBe(formatMinor(m, e));
      }),
      RUNS,
    );
  });
});
