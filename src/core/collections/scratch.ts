/**
 * Memory lent to one computation for its short-lived arrays. Fresh memory costs a page fault per
 * 4 KiB the first time it is written (about 3 ms per MB on the bench machine: more than most loops
 * over it), so memory a ledger no longer needs (its entries' rows read ahead, once stored: see
 * Ledger.spare) is handed out again instead, zeroed. When it runs out, arrays are made as usual.
 *
 * An array taken here is valid until the next Scratch over the same memory: it must not outlive
 * the computation that took it.
 */
export class Scratch {
  private readonly buffers: readonly ArrayBufferLike[];
  /** Bytes already handed out of each buffer. */
  private readonly used: number[];

  constructor(spare: readonly ArrayBufferLike[] = []) {
    this.buffers = [...spare].sort((a, b) => b.byteLength - a.byteLength);
    this.used = this.buffers.map(() => 0);
  }

  int32(n: number): Int32Array {
    const at = this.take(n * 4);
    return at === undefined ? new Int32Array(n) : new Int32Array(at.buffer, at.offset, n).fill(0);
  }

  float64(n: number): Float64Array {
    const at = this.take(n * 8);
    return at === undefined ? new Float64Array(n) : new Float64Array(at.buffer, at.offset, n).fill(0);
  }

  uint8(n: number): Uint8Array {
    const at = this.take(n);
    return at === undefined ? new Uint8Array(n) : new Uint8Array(at.buffer, at.offset, n).fill(0);
  }

  /** Room for `bytes` (8-byte aligned) in the first buffer that has it. */
  private take(bytes: number): { buffer: ArrayBufferLike; offset: number } | undefined {
    for (let b = 0; b < this.buffers.length; b++) {
      const buffer = this.buffers[b] as ArrayBufferLike;
      const offset = this.used[b] as number;
      if (offset + bytes > buffer.byteLength) continue;
      this.used[b] = offset + Math.ceil(bytes / 8) * 8;
      return { buffer, offset };
    }
    return undefined;
  }
}
