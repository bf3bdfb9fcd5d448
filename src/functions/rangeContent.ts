import { excelError } from './cells';

/** A cell as the cache keeps it: primitives as they are, an error as a tagged text no cell can hold (a NUL first). */
export type KeptCell = string | number | boolean | null;

const ERROR_TAG = '\u0000';

export function keptCell(v: unknown): KeptCell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return excelError(v) === undefined ? v : ERROR_TAG + v;
  return ERROR_TAG + (excelError(v) ?? String(v));
}

/** A copy of a range's values, kept to compare the next call's range with, cell by cell. */
export function keepRange(values: readonly (readonly unknown[])[]): KeptCell[][] {
  return values.map((row) => row.map(keptCell));
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
      if (x !== keptCell(y)) return false;
    }
  }
  return true;
}

const scratch = new DataView(new ArrayBuffer(8));

/**
 * A 32-bit hash of every cell of a range (FNV-1a over a type tag and the value: a number's 64 bits,
 * a text's UTF-16 units), with its shape. No sampling: a change to any cell changes what is hashed.
 * The hash only finds candidates; the cache then compares them cell by cell, so a collision cannot
 * return another range's answer.
 */
export function hashRange(values: readonly (readonly unknown[])[], seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  const mix = (x: number): void => {
    h = Math.imul(h ^ (x & 0xffff), 0x01000193);
    h = Math.imul(h ^ (x >>> 16), 0x01000193);
  };
  mix(values.length);
  for (const row of values) {
    mix(row.length);
    for (const raw of row) {
      const v = keptCell(raw);
      if (v === null) mix(1);
      else if (typeof v === 'boolean') mix(v ? 2 : 3);
      else if (typeof v === 'number') {
        scratch.setFloat64(0, v);
        mix(4);
        mix(scratch.getUint32(0));
        mix(scratch.getUint32(4));
      } else {
        mix(5);
        mix(v.length);
        for (let k = 0; k < v.length; k++) h = Math.imul(h ^ v.charCodeAt(k), 0x01000193);
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
