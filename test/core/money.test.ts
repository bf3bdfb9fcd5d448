import { formatCurrencyAmount, formatMinor, formatMoney, minorAtLeast, parseDecimalToMinor, parseMoney } from '../../src/core';

describe('money', () => {
  it.each([
    ['12.34', 'EUR', 1234], ['-0.5', 'EUR', -50], ['0,500', 'EUR', 50], ['-0,500', 'KWD', -500], ['1234,500', 'EUR', 123450], ['1234,5', 'EUR', 123450], ['12.500', 'EUR', 1250],
    ['1200', 'JPY', 1200], ['1.234', 'KWD', 1234], ['+3', 'USD', 300], ['.5', 'EUR', 50], ['-0', 'EUR', 0],
  ])('parses %s %s exactly', (text, cur, minor) => {
    expect(parseMoney(text, cur)).toEqual({ ok: true, minor });
  });

  it.each([
    ['12.345', 'EUR', 'too-many-decimals'], ['1.5', 'JPY', 'too-many-decimals'], ['1,234.56', 'EUR', 'syntax'],
    ['2,000', 'EUR', 'ambiguous'], ['1,500', 'KWD', 'ambiguous'], ['-12,340', 'USD', 'ambiguous'], ['123,456', 'JPY', 'ambiguous'],
    ['abc', 'EUR', 'syntax'], ['', 'EUR', 'syntax'], ['-', 'EUR', 'syntax'], ['1e5', 'EUR', 'syntax'], ['99999999999999999', 'EUR', 'too-large'],
  ])('rejects %s in %s (%s)', (text, cur, reason) => {
    expect(parseMoney(text, cur)).toEqual({ ok: false, reason });
  });

  it('formats the contract way', () => {
    expect(formatMoney(-5, 'EUR')).toBe('-0.05');
    expect(formatMoney(123456, 'JPY')).toBe('123456');
    expect(formatMoney(1, 'KWD')).toBe('0.001');
    expect(formatMinor(0, 2)).toBe('0.00');
  });

  it('formats for people in en and fr', () => {
    expect(formatCurrencyAmount(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatCurrencyAmount(123456, 'EUR', 'fr')).toBe('1\u202f234,56\u00a0€');
    expect(formatCurrencyAmount(-500, 'EUR', 'fr')).toBe('-5,00\u00a0€');
    expect(formatCurrencyAmount(1234567, 'JPY', 'en')).toBe('¥1,234,567');
  });

  it('parses digits without floats', () => {
    expect(parseDecimalToMinor('0.07', 2)).toEqual({ ok: true, minor: 7 });
    expect(parseDecimalToMinor('1.1', 2)).toEqual({ ok: true, minor: 110 });
  });

  it.each([
    ['10.50', 0, 11], ['10.00', 0, 10], ['10,5', 0, 11], ['0.001', 2, 1], ['-10.5', 0, -10], ['-0.5', 0, 0], ['12.3456', 3, 12346], ['10.50', 2, 1050], ['7', 3, 7000],
  ])('the least minor amount not below %s with %i decimals is %i', (text, exponent, minor) => {
    expect(minorAtLeast(text, exponent)).toBe(minor);
  });

  it('has no least amount for text that is not a decimal', () => {
    expect(minorAtLeast('ten', 2)).toBeUndefined();
    expect(minorAtLeast('99999999999999999', 2)).toBeUndefined();
  });
});
