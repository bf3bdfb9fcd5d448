import { columnLetter, type CellRange } from '../../core';

const CELL = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

function column(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** "Entries!D238", "'Grand livre'!A7", "Sheet1!A1:D20" → the sheet and its cells (1-based), or undefined. */
export function parseSheetAddress(address: string): { sheet: string; range: CellRange } | undefined {
  const bang = address.lastIndexOf('!');
  if (bang <= 0) return undefined;
  const s = address.slice(0, bang).trim();
  const sheet = s.startsWith("'") && s.endsWith("'") && s.length >= 2 ? s.slice(1, -1).replace(/''/g, "'") : s;
  const [a = '', b = a, extra] = address.slice(bang + 1).trim().toUpperCase().split(':');
  const p = CELL.exec(a);
  const q = CELL.exec(b);
  if (extra !== undefined || p === null || q === null) return undefined;
  const [r1, c1, r2, c2] = [Number(p[2]), column(p[1] as string), Number(q[2]), column(q[1] as string)];
  return { sheet, range: { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) } };
}

/** A RangeAreas address ("Sheet1!A1:B2,Sheet1!C3:D4", sheet names quoted when they hold a comma) → its ranges. */
export function parseAreas(address: string): { sheet: string; range: CellRange }[] {
  const out: { sheet: string; range: CellRange }[] = [];
  for (const m of address.matchAll(/(?:'(?:[^']|'')*'|[^!,\s][^!,]*)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/g)) {
    const p = parseSheetAddress(m[0]);
    if (p !== undefined) out.push(p);
  }
  return out;
}

/** "A1:L8" of a 1-based block (no sheet). */
export function blockAddress(top: number, left: number, rows: number, columns: number): string {
  const a = `${columnLetter(left - 1)}${top}`;
  return rows === 1 && columns === 1 ? a : `${a}:${columnLetter(left + columns - 2)}${top + rows - 1}`;
}

