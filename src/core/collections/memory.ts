/**
 * Where the entries reader's large arrays get their memory. On this kind of machine every
 * megabyte touched for the first time costs about 3 ms of page faults, paid by the thread that
 * touches it; a thread with time to spare can touch blocks first (touchPages) and hand them over,
 * so the thread that fills them does not pay.
 */
export interface Memory {
  /** A zeroed block of `bytes` bytes. */
  block(bytes: number): ArrayBuffer | SharedArrayBuffer;
}

export const FRESH_MEMORY: Memory = { block: (bytes) => new ArrayBuffer(bytes) };

/** Given blocks, each handed out once to the first request of exactly its size; any other request gets fresh memory. */
export class BlockPool implements Memory {
  private readonly blocks: SharedArrayBuffer[];

  constructor(blocks: readonly SharedArrayBuffer[]) {
    this.blocks = [...blocks];
  }

  block(bytes: number): ArrayBuffer | SharedArrayBuffer {
    const i = this.blocks.findIndex((b) => b.byteLength === bytes);
    return i < 0 ? new ArrayBuffer(bytes) : (this.blocks.splice(i, 1)[0] as SharedArrayBuffer);
  }

  /** Blocks not asked for yet. */
  get left(): number {
    return this.blocks.length;
  }
}

/**
 * Touches every page of the blocks, changing no byte (an atomic add of zero), so another thread
 * may already be writing them.
 */
export function touchPages(blocks: readonly SharedArrayBuffer[]): void {
  for (const b of blocks) {
    const words = new Int32Array(b, 0, b.byteLength >> 2);
    for (let i = 0; i < words.length; i += 1024) Atomics.add(words, i, 0);
  }
}
