/**
 * Scratch lends memory already written to a computation's working arrays: every array it hands out
 * must be zeroed, apart from every other, and of the asked length, whatever the memory held.
 */
import fc from 'fast-check';
import { ByteKeys } from '../../src/core/collections/byteKeys';
import { Scratch } from '../../src/core/collections/scratch';
import { EntryStore, storeMemoryBytes } from '../../src/core';
import { DocumentsSeen } from '../../src/core/ledger/readEntries';

describe('Scratch', () => {
  it('hands out zeroed arrays that never overlap, then fresh ones when the memory runs out', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4096 }), { maxLength: 4 }), fc.array(fc.tuple(fc.constantFrom('int32', 'float64', 'uint8'), fc.integer({ min: 0, max: 3000 })), { maxLength: 12 }), (sizes, asks) => {
        const spare = sizes.map((n) => new Uint8Array(new ArrayBuffer(n)).fill(0xab).buffer);
        const scratch = new Scratch(spare);
        const arrays = asks.map(([kind, n]) => (kind === 'int32' ? scratch.int32(n) : kind === 'float64' ? scratch.float64(n) : scratch.uint8(n)));
        arrays.forEach((a, k) => {
          expect(a.length).toBe(asks[k]?.[1]);
          expect(a.every((x) => x === 0)).toBe(true);
          a.fill(k + 1); // anything written to one array shows in no other
        });
        arrays.forEach((a, k) => expect(a.every((x) => x === k + 1)).toBe(true));
      }),
      { numRuns: 1000 },
    );
  });

  it('uses the memory lent, largest buffer first', () => {
    const small = new ArrayBuffer(64);
    const large = new ArrayBuffer(1024);
    const scratch = new Scratch([small, large]);
    expect(scratch.int32(10).buffer).toBe(large);
    expect(scratch.float64(120).buffer).toBe(large); // 40 + 960 bytes of 1024
    expect(scratch.uint8(60).buffer).toBe(small);
    const fresh = scratch.int32(100);
    expect(fresh.buffer).not.toBe(large);
    expect(fresh.buffer).not.toBe(small);
  });
});

/** Counts the arrays taken from the memory and those made fresh. */
class CountingScratch extends Scratch {
  lent = 0;
  fresh = 0;
  constructor(private readonly memory: readonly ArrayBuffer[]) {
    super(memory, true);
  }
  private count<T extends { buffer: ArrayBufferLike }>(a: T): T {
    if (this.memory.includes(a.buffer as ArrayBuffer)) this.lent++;
    else this.fresh++;
    return a;
  }
  override int32(n: number): Int32Array {
    return this.count(super.int32(n));
  }
  override float64(n: number): Float64Array {
    return this.count(super.float64(n));
  }
  override uint16(n: number): Uint16Array {
    return this.count(super.uint16(n));
  }
  override uint8(n: number): Uint8Array {
    return this.count(super.uint8(n));
  }
}

describe('Scratch: the store memory', () => {
  it('holds exactly the document keys, the store and DocumentsSeen of storeMemoryBytes(rows)', () => {
    for (const rows of [0, 1, 7, 1000, 100_003]) {
      const memory = new ArrayBuffer(storeMemoryBytes(rows));
      const scratch = new CountingScratch([memory]);
      const documents = new ByteKeys(rows, scratch);
      new EntryStore(rows, [], documents, new ByteKeys(16), [], scratch);
      new DocumentsSeen(rows, scratch);
      expect(scratch.fresh).toBe(0); // every array of the three in the memory
      expect(scratch.lent).toBe(4 + 10 + 5);
      expect(scratch.uint8(1).buffer).not.toBe(memory); // nothing left over: sized exactly
    }
  });

  it('clears what it lends unless told the memory holds zeroes', () => {
    const memory = new Uint8Array(16).fill(7).buffer;
    expect([...new Scratch([memory]).uint8(4)]).toEqual([0, 0, 0, 0]);
    expect([...new Scratch([memory], true).uint8(4)]).toEqual([0, 0, 0, 0]); // cleared by the first
    new Uint8Array(memory).fill(7);
    expect([...new Scratch([memory], true).uint8(4)]).toEqual([7, 7, 7, 7]); // trusted: not written again
  });
});
