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

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);

/**
 * A 32-bit hash of every cell of a range (FNV-1a over a type tag and the value: a number's 64 bits,
 * a text's UTF-16 units), with its shape. No sampling: a change to any cell changes what is hashed.
 * The hash only finds candidates; the cache then compares them cell by cell, so a collision cannot
 * return another range's answer. One tight loop (no closure, no per-cell object): it runs on every call.
 */
export function hashRange(values: readonly (readonly unknown[])[], seed = 0x811c9dc5): number {
  const P = 0x01000193;
  let h = Math.imul(seed ^ values.length, P);
  for (let i = 0; i < values.length; i++) {
    const row = values[i] as readonly unknown[];
    h = Math.imul(h ^ (row.length + 0x10000), P);
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v === 'string') {
        h = Math.imul(h ^ (0x50000 + v.length), P);
        for (let k = 0; k < v.length; k++) h = Math.imul(h ^ v.charCodeAt(k), P);
      } else if (typeof v === 'number') {
        float[0] = v;
        h = Math.imul(h ^ 0x40000, P);
        h = Math.imul(h ^ (words[0] as number), P);
        h = Math.imul(h ^ (words[1] as number), P);
      } else if (v === null || v === undefined) h = Math.imul(h ^ 0x10000, P);
      else if (typeof v === 'boolean') h = Math.imul(h ^ (v ? 0x20000 : 0x30000), P);
      else {
        // An error value: hashed as the text the cache keeps for it.
        const t = keptCell(v) as string;
        h = Math.imul(h ^ (0x60000 + t.length), P);
        for (let k = 0; k < t.length; k++) h = Math.imul(h ^ t.charCodeAt(k), P);
      }
    }
  }
  return h >>> 0;
}

/** Cells of a range: what it costs to keep (the copy, and the ledger read from it). */
export function cellCount(values: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (const row of values) n += row.length;
  return n;
}
