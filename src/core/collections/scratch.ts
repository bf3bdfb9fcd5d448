/**
 * Memory lent to one computation for its short-lived arrays. Fresh memory costs a page fault per
 * 4 KiB the first time it is written (about 3 ms per MB on the bench machine: more than most loops
 * over it), so memory a ledger no longer needs (its entries' rows read ahead, once stored: see
 * Ledger.spare) is handed out again instead, zeroed. When it runs out, arrays are made as usual.
 *
 * An array taken here is valid until the next Scratch over the same memory: it must not outlive
 * the computation that took it.
 */
/** A typed array's constructor (Int32Array, Float64Array…). */
interface TypedArrayKind<T> {
  readonly BYTES_PER_ELEMENT: number;
  new (length: number): T;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
}

export class Scratch {
  private readonly buffers: readonly ArrayBufferLike[];
  /** Bytes already handed out of each buffer. */
  private readonly used: number[];

  /** `zeroed`: the memory holds only zeroes (written so by another thread): nothing to clear. */
  constructor(
    spare: readonly ArrayBufferLike[] = [],
    private readonly zeroed = false,
  ) {
    this.buffers = [...spare].sort((a, b) => b.byteLength - a.byteLength);
    this.used = this.buffers.map(() => 0);
  }

  int32(n: number): Int32Array {
    return this.array(Int32Array, n);
  }

  float64(n: number): Float64Array {
    return this.array(Float64Array, n);
  }

  uint16(n: number): Uint16Array {
    return this.array(Uint16Array, n);
  }

  uint8(n: number): Uint8Array {
    return this.array(Uint8Array, n);
  }

  /** n elements of `kind`, from the lent memory when it has room (cleared unless known zero), else new. */
  private array<T extends { fill(value: number): T }>(kind: TypedArrayKind<T>, n: number): T {
    const at = this.take(n * kind.BYTES_PER_ELEMENT);
    if (at === undefined) return new kind(n);
    const a = new kind(at.buffer, at.offset, n);
    return this.zeroed ? a : a.fill(0);
  }

  /** Room for `bytes` (8-byte aligned) in the first buffer that has it. */
  private take(bytes: number): { buffer: ArrayBufferLike; offset: number } | undefined {
    for (let b = 0; b < this.buffers.length; b++) {
      const buffer = this.buffers[b] as ArrayBufferLike;
      const offset = this.used[b] as number;
      if (offset + bytes > buffer.byteLength) continue;
      this.used[b] = offset + scratchBytes(bytes);
      return { buffer, offset };
    }
    return undefined;
  }
}

/** What an array of `bytes` takes of a Scratch's memory (8-byte aligned), to size memory for it. */
export function scratchBytes(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}
