import { decodeUtf8, encodeUtf8 } from '../text/utf8';
import { grownTo } from './grow';

/**
 * Byte strings (UTF-8) → dense ids 0, 1, 2…, by hashing the bytes where they lie: a million
 * document numbers read from a CSV file are looked up without making a million strings. Keys are
 * copied into one growing arena; the table is open addressing with linear probing on typed arrays.
 */
export class ByteKeys {
  private arena: Uint8Array;
  private used = 0;
  /** Where each key starts in the arena; keys lie one after another, so a key ends where the next starts. */
  private starts: Int32Array;
  private hashes: Int32Array;
  /**
   * Slot → id + 1 in the low `idBits` bits (0: empty), and above them a tag: the hash's bits the
   * slot position does not give. A probe then tells a different key from the slot alone; reading
   * `hashes` there cost a cache miss per probe on a million keys (load ≤ ½, so id + 1 fits).
   */
  private slots: Int32Array;
  private mask: number;
  private idBits: number;
  private scratch: Uint8Array = new Uint8Array(256);
  count = 0;

  constructor(expected = 16) {
    const { capacity, arena, n } = ByteKeys.sizes(expected);
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.idBits = Math.log2(capacity);
    this.arena = new Uint8Array(arena);
    this.starts = new Int32Array(n);
    this.hashes = new Int32Array(n);
  }

  private static sizes(expected: number): { capacity: number; arena: number; n: number } {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    return { capacity, arena: Math.max(1 << 12, expected * 12), n: Math.max(16, expected) }; // arena: about a document number's length each
  }

  /** The id of bytes[from, to), or −1. */
  find(bytes: Uint8Array, from: number, to: number): number {
    return this.findHashed(bytes, from, to, hashBytes(bytes, from, to));
  }

  /** The same, with `h` = hashBytes(bytes, from, to) computed already (by another thread). */
  findHashed(bytes: Uint8Array, from: number, to: number, h: number): number {
    return ((this.slots[this.slotOf(bytes, from, to, h)] as number) & this.mask) - 1;
  }

  /** The id of bytes[from, to), added when new. */
  intern(bytes: Uint8Array, from: number, to: number): number {
    return this.internHashed(bytes, from, to, hashBytes(bytes, from, to));
  }

  /** The same, with `h` = hashBytes(bytes, from, to) computed already (by another thread). */
  internHashed(bytes: Uint8Array, from: number, to: number, h: number): number {
    const slot = this.slotOf(bytes, from, to, h);
    const found = this.slots[slot] as number;
    if (found !== 0) return (found & this.mask) - 1;
    const id = this.add(bytes, from, to, h);
    this.slots[slot] = this.slotValue(id, h);
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  findText(s: string): number {
    const e = this.encode(s);
    return this.find(e.bytes, 0, e.length);
  }

  internText(s: string): number {
    const e = this.encode(s);
    return this.intern(e.bytes, 0, e.length);
  }

  text(id: number): string {
    return decodeUtf8(this.arena, this.starts[id] as number, this.end(id));
  }

  private end(id: number): number {
    return id + 1 < this.count ? (this.starts[id + 1] as number) : this.used;
  }

  /** True when the key's bytes equal bytes[from, to). */
  private equals(id: number, bytes: Uint8Array, from: number, to: number): boolean {
    const len = this.end(id) - (this.starts[id] as number);
    if (len !== to - from) return false;
    const start = this.starts[id] as number;
    const arena = this.arena;
    for (let k = 0; k < len; k++) if (arena[start + k] !== bytes[from + k]) return false;
    return true;
  }

  /**
   * Orders keys a and b as their texts compare in JavaScript (UTF-16 code units), from the bytes:
   * UTF-8 byte order is code point order, which differs only between U+E000–U+FFFF and characters
   * beyond U+FFFF; those rare pairs are decoded and compared as strings.
   */
  compare(a: number, b: number): number {
    if (a === b) return 0;
    const arena = this.arena;
    const sa = this.starts[a] as number;
    const sb = this.starts[b] as number;
    const la = this.end(a) - sa;
    const lb = this.end(b) - sb;
    const n = Math.min(la, lb);
    for (let k = 0; k < n; k++) {
      const x = arena[sa + k] as number;
      const y = arena[sb + k] as number;
      if (x === y) continue;
      if (x >= 0xee && y >= 0xee) {
        const tx = this.text(a);
        const ty = this.text(b);
        return tx < ty ? -1 : tx > ty ? 1 : 0;
      }
      return x - y;
    }
    return la - lb;
  }

  private encode(s: string): { bytes: Uint8Array; length: number } {
    const e = encodeUtf8(s, this.scratch);
    this.scratch = e.bytes;
    return e;
  }

  private slotOf(bytes: Uint8Array, from: number, to: number, h: number): number {
    const mask = this.mask;
    const tag = h >>> this.idBits;
    let i = h & mask;
    for (;;) {
      const v = this.slots[i] as number;
      if (v === 0 || (v >>> this.idBits === tag && this.equals((v & mask) - 1, bytes, from, to))) return i;
      i = (i + 1) & mask;
    }
  }

  private slotValue(id: number, h: number): number {
    return ((h >>> this.idBits) << this.idBits) | (id + 1);
  }

  private add(bytes: Uint8Array, from: number, to: number, h: number): number {
    const len = to - from;
    if (this.used + len > this.arena.length) this.arena = grownTo(this.arena, Math.max(this.arena.length * 2, this.used + len));
    const arena = this.arena;
    for (let k = 0; k < len; k++) arena[this.used + k] = bytes[from + k] as number; // keys are short: no view made
    if (this.count === this.starts.length) {
      this.starts = grownTo(this.starts, this.count * 2);
      this.hashes = grownTo(this.hashes, this.count * 2);
    }
    const id = this.count++;
    this.starts[id] = this.used;
    this.hashes[id] = h;
    this.used += len;
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    this.idBits++;
    for (let id = 0; id < this.count; id++) {
      const h = this.hashes[id] as number;
      let i = h & this.mask;
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = this.slotValue(id, h);
    }
  }
}

/**
 * FNV-1a over bytes, then mixed (MurmurHash3's finaliser): FNV's low bits, which pick the slot, barely
 * differ between "INV-0000001" and "INV-0000002", which crowds neighbouring slots.
 */
export function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
