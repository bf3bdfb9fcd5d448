import { currencyExponent, formatMinor, type Minor } from '../core';

/**
 * An amount as Excel gets it: the decimal the JSON contract prints, as a number ("31.75" → 31.75),
 * so the cell holds exactly the double of that decimal, never a sum of floats.
 */
export function excelAmount(minor: Minor, currency: string): number {
  return Number(formatMinor(minor, currencyExponent(currency) ?? 2));
}
