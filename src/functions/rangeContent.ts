import { excelError } from './cells';

/**
 * A cell as the cache keeps it: primitives as they are, an error value (an object) as a tagged text
 * no cell can hold (a NUL first). An error passed as the text "#N/A" stays that text: the same
 * ledger either way, only a cache miss the first time.
 */
export type KeptCell = string | number | boolean | null;

const ERROR_TAG = '\u0000';

export function keptCell(v: unknown): KeptCell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return ERROR_TAG + (excelError(v) ?? String(v));
  return v as KeptCell;
}

/** True for a row Excel could have passed as it is kept (no error object, no undefined): it is then copied by slice. */
function plainRow(row: readonly unknown[]): boolean {
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (v === undefined || (typeof v === 'object' && v !== null)) return false;
  }
  return true;
}

/** A copy of a range's values, kept to compare the next call's range with, cell by cell. */
export function keepRange(values: readonly (readonly unknown[])[]): KeptCell[][] {
  const out = new Array<KeptCell[]>(values.length);
  for (let i = 0; i < values.length; i++) {
    const row = values[i] as readonly unknown[];
    out[i] = plainRow(row) ? (row.slice() as KeptCell[]) : row.map(keptCell);
  }
  return out;
}

export function sameRange(kept: readonly (readonly KeptCell[])[], values: readonly (readonly unknown[])[]): boolean {
  if (kept.length !== values.length) return false;
  for (let i = 0; i < kept.length; i++) {
    const a = kept[i] as readonly KeptCell[];
    const b = values[i] as readonly unknown[];
    if (a.length !== b.length) return false;
    for (let j = 0; j < a.length; j++) {
      const x = a[j];
      const y = b[j];
      if (x === y) continue;
      if (typeof y !== 'object' && y !== undefined) return false;
      if (x !== keptCell(y)) return false;
    }
  }
  return true;
}

/** Cells of a range: what it costs to keep (the copy, and the ledger read from it). */
export function cellCount(values: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (const row of values) n += row.length;
  return n;
}
