import { columnLetter, sheetReference } from '../../../src/core';

/** Excel's grid: 1,048,576 rows by 16,384 columns. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A block of cells, 0-based like Office.js's rowIndex/columnIndex. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

export interface ParsedAddress extends Rect {
  readonly sheet?: string;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** "A1", "$A$1:B2", "A:C", "1:3", "Sheet1!A1", "'It''s'!A1:B2" → its block; throws on anything else (Excel's InvalidArgument). */
export function parseAddress(text: string): ParsedAddress | undefined {
  let sheet: string | undefined;
  let ref = text.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    const s = ref.slice(0, bang);
    sheet = s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
    ref = ref.slice(bang + 1);
  }
  ref = ref.replace(/\$/g, '').toUpperCase();
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const [a = '', b = a, extra] = ref.split(':');
  if (extra !== undefined) return undefined;
  const ca = cell.exec(a);
  const cb = cell.exec(b);
  let rect: Rect | undefined;
  if (ca !== null && cb !== null) {
    const r1 = Number(ca[2]) - 1, r2 = Number(cb[2]) - 1, c1 = columnNumber(ca[1] as string), c2 = columnNumber(cb[1] as string);
    rect = { top: Math.min(r1, r2), left: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
  } else if (/^[A-Z]{1,3}$/.test(a) && /^[A-Z]{1,3}$/.test(b) && ref.includes(':')) {
    const c1 = columnNumber(a), c2 = columnNumber(b);
    rect = { top: 0, left: Math.min(c1, c2), rows: MAX_ROWS, columns: Math.abs(c2 - c1) + 1 };
  } else if (/^\d{1,7}$/.test(a) && /^\d{1,7}$/.test(b) && ref.includes(':')) {
    const r1 = Number(a) - 1, r2 = Number(b) - 1;
    rect = { top: Math.min(r1, r2), left: 0, rows: Math.abs(r2 - r1) + 1, columns: MAX_COLUMNS };
  }
  if (rect === undefined || rect.top < 0 || rect.left < 0 || rect.top + rect.rows > MAX_ROWS || rect.left + rect.columns > MAX_COLUMNS) return undefined;
  return sheet === undefined ? rect : { ...rect, sheet };
}

/** Excel's own address of a block: "Sheet1!A1", "'Grand livre'!C5:G9", "Sheet1!A:A", "Sheet1!1:1". */
export function formatAddress(sheet: string, r: Rect): string {
  const prefix = `${sheetReference(sheet)}!`;
  if (r.top === 0 && r.rows === MAX_ROWS) return `${prefix}${columnLetter(r.left)}:${columnLetter(r.left + r.columns - 1)}`;
  if (r.left === 0 && r.columns === MAX_COLUMNS) return `${prefix}${r.top + 1}:${r.top + r.rows}`;
  const a = `${columnLetter(r.left)}${r.top + 1}`;
  if (r.rows === 1 && r.columns === 1) return prefix + a;
  return `${prefix}${a}:${columnLetter(r.left + r.columns - 1)}${r.top + r.rows}`;
}
