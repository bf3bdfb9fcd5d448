/**
 * Rows read ahead in chunks by two threads while one of them stores the rows in order: the store
 * pass does not wait for the whole file to be read ahead, and whichever thread is free reads the
 * next chunk. The board is an Int32Array both threads see (shared memory): [0] the next chunk to
 * claim, [1] rows per chunk, [2] helping threads still reading, [3] the store's memory (below),
 * then one state per chunk.
 *
 * The store's memory: the helper, before it reads rows, writes (zeroes) the memory the entries'
 * store will take (readEntries: storeMemoryBytes), so that the first write of each of its pages, a
 * page fault, is not on the storing thread's time; the storing thread takes it once it is ready.
 */

/** Rows per chunk: about 1.4 MB of a typical entries file, 15 ms of reading. */
export const CHUNK_ROWS = 16_384;

/** Board positions: the states start at CHUNK_BOARD_HEAD (exported for tests that set a board up by hand). */
export const CHUNK_BOARD_HEAD = 4;
const BUSY = 2;
const MEMORY = 3;
const MEMORY_PREPARING = 0;
const MEMORY_READY = 1;
const MEMORY_NONE = 2;
/** Claimed or not, not read yet. */
const NOT_DONE = 0;
export const CHUNK_DONE = 2;
/** Its reader gave up (a worker that failed): the storing thread reads it. */
export const RELEASED = 3;
/**
 * A chunk claimed and not done after this long (it takes about 15 ms) means its reader is gone or
 * stalled: it is read here. Reading a chunk twice is harmless: both readers write the same values.
 */
const PATIENCE_MS = 1_000;
/**
 * How long the storing thread waits for the store's memory: the helper writes it at about 1–3 ms per
 * MB, and waiting for the rest costs about what writing it here would; a helper that has not got
 * there by then (a busy machine) is not waited for.
 */
const MEMORY_PATIENCE_MS = 250;

export type ChunkBoard = Int32Array;

/** In shared memory: the storing thread waits on it. */
export function newChunkBoard(rows: number, chunkRows = CHUNK_ROWS): ChunkBoard {
  const board = new Int32Array(new SharedArrayBuffer((CHUNK_BOARD_HEAD + Math.ceil(rows / chunkRows)) * 4));
  board[1] = chunkRows;
  return board;
}

/** The helper's side: writes the store's memory, then says it is ready (or, failing, that there is none). */
export function prepareStoreMemory(board: ChunkBoard, memory: SharedArrayBuffer): void {
  let state = MEMORY_NONE;
  try {
    new Uint8Array(memory).fill(0); // zeroes already: what counts is that each page is written once here
    state = MEMORY_READY;
  } finally {
    Atomics.store(board, MEMORY, state); // after the writes: whoever sees READY sees them done
    Atomics.notify(board, MEMORY);
  }
}

/** Reads rows [from, to) into the shared arrays. */
export type ReadRows = (from: number, to: number) => void;

function readChunk(board: ChunkBoard, rows: number, k: number, read: ReadRows): void {
  const size = board[1] as number;
  read(k * size, Math.min(rows, (k + 1) * size));
  Atomics.store(board, CHUNK_BOARD_HEAD + k, CHUNK_DONE);
  Atomics.notify(board, CHUNK_BOARD_HEAD + k);
}

/** The next chunk, claimed; −1 when none is left. */
function claim(board: ChunkBoard): number {
  const k = Atomics.add(board, 0, 1);
  return k < board.length - CHUNK_BOARD_HEAD ? k : -1;
}

/** The helping thread's loop: chunks until none is left. A failure releases its chunk to the storing thread. */
export function readChunksUntilNoneLeft(board: ChunkBoard, rows: number, read: ReadRows): void {
  let k = -1;
  Atomics.add(board, BUSY, 1); // before any claim: see ChunkedRows.settled
  try {
    while ((k = claim(board)) >= 0) readChunk(board, rows, k, read);
  } catch {
    // (unless the storing thread, tired of waiting, has read it meanwhile)
    if (k >= 0 && Atomics.compareExchange(board, CHUNK_BOARD_HEAD + k, NOT_DONE, RELEASED) === NOT_DONE) Atomics.notify(board, CHUNK_BOARD_HEAD + k);
  } finally {
    Atomics.sub(board, BUSY, 1);
  }
}

/**
 * The storing thread's side: `ready(i)` returns once row i has been read ahead, reading free chunks
 * here rather than waiting, and says up to which row every chunk is read.
 */
export class ChunkedRows {
  /** Chunks read on this thread. */
  readHere = 0;
  private readonly read: ReadRows;

  constructor(
    private readonly board: ChunkBoard,
    private readonly rows: number,
    read: ReadRows,
    /** The store's memory the helper prepares (prepareStoreMemory), if any. */
    private memory?: SharedArrayBuffer,
  ) {
    this.read = (from, to) => {
      this.readHere++;
      read(from, to);
    };
  }

  /**
   * The store's memory, once the helper has written it all, if it is at least `bytes`; handed out
   * once (the store lives in it from then on). Waits for the helper at most MEMORY_PATIENCE_MS.
   */
  storeMemory(bytes: number): SharedArrayBuffer | undefined {
    const memory = this.memory;
    this.memory = undefined;
    if (memory === undefined || memory.byteLength < bytes) return undefined;
    Atomics.wait(this.board, MEMORY, MEMORY_PREPARING, MEMORY_PATIENCE_MS);
    return Atomics.load(this.board, MEMORY) === MEMORY_READY ? memory : undefined;
  }

  /**
   * True when no other thread writes the shared arrays any more, nor ever will: every chunk is
   * claimed and no helping thread is busy (a helper counts itself busy before it claims, so one that
   * comes later finds nothing to claim). A stalled helper keeps this false.
   */
  settled(): boolean {
    return Atomics.load(this.board, 0) >= this.board.length - CHUNK_BOARD_HEAD && Atomics.load(this.board, BUSY) === 0;
  }

  /** Rows [i, returned) are read ahead. */
  ready(i: number): number {
    const board = this.board;
    const size = board[1] as number;
    const k = Math.floor(i / size);
    let waited = 0;
    for (;;) {
      const state = Atomics.load(board, CHUNK_BOARD_HEAD + k);
      if (state === CHUNK_DONE) break;
      if (state === RELEASED || waited >= PATIENCE_MS) {
        readChunk(board, this.rows, k, this.read);
        break;
      }
      const free = claim(board);
      if (free >= 0) {
        readChunk(board, this.rows, free, this.read);
        continue;
      }
      if (Atomics.wait(board, CHUNK_BOARD_HEAD + k, NOT_DONE, 100) === 'timed-out') waited += 100;
    }
    let end = k + 1;
    while (end < board.length - CHUNK_BOARD_HEAD && Atomics.load(board, CHUNK_BOARD_HEAD + end) === CHUNK_DONE) end++;
    return Math.min(this.rows, end * size);
  }
}
