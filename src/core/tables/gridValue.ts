import type { Day } from '../calendar/day';

/**
 * A spreadsheet cell as any workbook source hands it over (exceljs, Office.js): text, number,
 * boolean, a date already known to be one, an error such as #N/A, or nothing.
 */
export type GridValue = string | number | boolean | null | undefined | { readonly day: Day } | { readonly error: string };

export function isBlank(v: GridValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
