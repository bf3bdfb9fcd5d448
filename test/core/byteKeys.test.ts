/**
 * ByteKeys against a Map of strings: the same ids for the same texts whatever the table size, through
 * its growth, with keys whose hashes share their low bits (the slot) or all their bits (the tag too).
 */
import fc from 'fast-check';
import { ByteKeys, hashBytes } from '../../src/core/collections/byteKeys';

const encoder = new TextEncoder();

/** Texts from a small alphabet, so that repeats (finds) are common. */
const texts = fc.array(fc.array(fc.constantFrom('a', 'b', 'é', '1', '-', '😀'), { maxLength: 5 }).map((p) => p.join('')), { maxLength: 300 });

describe('ByteKeys', () => {
  it('gives each distinct text one id, in order of first sight, as a Map would', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 64 }), (list, expected) => {
        const keys = new ByteKeys(expected);
        const ids = new Map<string, number>();
        for (const t of list) {
          const bytes = encoder.encode(`[${t}]`); // the key in the middle of other bytes
          const id = keys.intern(bytes, 1, bytes.length - 1);
          if (!ids.has(t)) ids.set(t, ids.size);
          expect(id).toBe(ids.get(t));
        }
        expect(keys.count).toBe(ids.size);
        for (const [t, id] of ids) {
          expect(keys.findText(t)).toBe(id);
          expect(keys.text(id)).toBe(t);
        }
        expect(keys.findText('never-interned')).toBe(-1);
      }),
      { numRuns: 1000 },
    );
  });

  it('tells keys apart whose hashes collide in the slot or entirely', () => {
    // Hashes chosen by hand: the tag (high bits) or the whole hash shared by different keys.
    const keys = new ByteKeys(4); // 16 slots at first: grows through several sizes below
    const bytes = encoder.encode('k0k1k2k3k4k5k6k7k8k9');
    const same = 0x7fff0003;
    const sameSlot = (k: number): number => (k << 20) | 3; // same low bits, different tags
    for (let k = 0; k < 10; k++) {
      const h = k % 2 === 0 ? same : sameSlot(k);
      expect(keys.internHashed(bytes, 2 * k, 2 * k + 2, h)).toBe(k);
    }
    for (let k = 0; k < 10; k++) {
      const h = k % 2 === 0 ? same : sameSlot(k);
      expect(keys.findHashed(bytes, 2 * k, 2 * k + 2, h)).toBe(k);
      expect(keys.internHashed(bytes, 2 * k, 2 * k + 2, h)).toBe(k);
    }
    expect(keys.count).toBe(10);
    expect(keys.findHashed(encoder.encode('zz'), 0, 2, same)).toBe(-1);
  });

  it('finds with the hash another thread computed what it finds with its own', () => {
    const keys = new ByteKeys(1);
    const bytes = encoder.encode('INV-0000001INV-0000002');
    keys.intern(bytes, 0, 11);
    expect(keys.findHashed(bytes, 11, 22, hashBytes(bytes, 11, 22))).toBe(-1);
    expect(keys.internHashed(bytes, 11, 22, hashBytes(bytes, 11, 22))).toBe(1);
    expect(keys.find(bytes, 11, 22)).toBe(1);
  });
});
