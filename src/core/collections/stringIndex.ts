/**
 * A string → non-negative integer hash table on typed arrays. A JavaScript Map of a million document
 * numbers costs about a second on a small machine (an entry object per key, rehashing, garbage
 * collection); this open-addressing table with linear probing costs a few tens of milliseconds.
 */
export class StringIndex {
  private keys: (string | undefined)[];
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Array<string | undefined>(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** FNV-1a over UTF-16 code units. */
  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  private slot(key: string): number {
    let i = StringIndex.hash(key) & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === undefined || k === key) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** The value stored for key, or −1. */
  get(key: string): number {
    const i = this.slot(key);
    return this.keys[i] === undefined ? -1 : (this.values[i] as number);
  }

  has(key: string): boolean {
    return this.keys[this.slot(key)] !== undefined;
  }

  /** Stores value unless key is present; returns the value already there, or −1 if it was added. */
  setIfAbsent(key: string, value: number): number {
    if (value < 0) throw new RangeError('StringIndex values are ≥ 0');
    const i = this.slot(key);
    if (this.keys[i] !== undefined) return this.values[i] as number;
    this.keys[i] = key;
    this.values[i] = value;
    if (++this.count * 2 > this.keys.length) this.grow();
    return -1;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Array<string | undefined>(oldKeys.length * 2);
    this.values = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j];
      if (k === undefined) continue;
      const i = this.slot(k);
      this.keys[i] = k;
      this.values[i] = oldValues[j] as number;
    }
  }
}
