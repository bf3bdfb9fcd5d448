/**
 * Rows read ahead in chunks by two threads while one of them stores the rows in order: the store
 * pass does not wait for the whole file to be read ahead, and whichever thread is free reads the
 * next chunk. The board is an Int32Array both threads see (shared memory): [0] the next chunk to
 * claim, [1] rows per chunk, then one state per chunk from CHUNK_BOARD_HEAD on.
 *
 * Node only (SharedArrayBuffer, Atomics.wait): the engine sees none of it, only `ready(i)` (the
 * entries' PreparsedEntries.readAhead).
 */

/** Rows per chunk: about 1.4 MB of a typical entries file, 15 ms of reading. */
export const CHUNK_ROWS = 16_384;

/** Board positions: the states start here. */
export const CHUNK_BOARD_HEAD = 2;
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

export type ChunkBoard = Int32Array;

/** In shared memory: the storing thread waits on it. */
export function newChunkBoard(rows: number, chunkRows = CHUNK_ROWS): ChunkBoard {
  const board = new Int32Array(new SharedArrayBuffer((CHUNK_BOARD_HEAD + Math.ceil(rows / chunkRows)) * 4));
  board[1] = chunkRows;
  return board;
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
  try {
    while ((k = claim(board)) >= 0) readChunk(board, rows, k, read);
  } catch {
    // (unless the storing thread, tired of waiting, has read it meanwhile)
    if (k >= 0 && Atomics.compareExchange(board, CHUNK_BOARD_HEAD + k, NOT_DONE, RELEASED) === NOT_DONE) Atomics.notify(board, CHUNK_BOARD_HEAD + k);
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
  ) {
    this.read = (from, to) => {
      this.readHere++;
      read(from, to);
    };
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
