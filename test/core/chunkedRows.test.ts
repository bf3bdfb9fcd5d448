/**
 * The chunk board says the rows' memory is settled (no other thread will write it again) only when
 * every chunk is claimed and no helping thread is inside its loop: the memory is then lent out.
 */
import { ChunkedRows, newChunkBoard, prepareStoreMemory, readChunksUntilNoneLeft } from '../../src/core';

const rows = 100;
const chunkRows = 10;

describe('chunked rows: settled', () => {
  it('is not settled while chunks are unclaimed, nor while a helper is reading, and is once all is read', () => {
    const board = newChunkBoard(rows, chunkRows);
    const mine = new ChunkedRows(board, rows, () => undefined);
    expect(mine.settled()).toBe(false);
    const seenByHelper: boolean[] = [];
    readChunksUntilNoneLeft(board, rows, (from) => {
      seenByHelper.push(mine.settled()); // on the helper's own chunk: it is busy, so never settled
      if (from === 40) throw new Error('the helper fails on chunk 4');
    });
    expect(seenByHelper).toEqual([false, false, false, false, false]);
    expect(mine.settled()).toBe(false); // chunks 5–9 unclaimed; chunk 4 released
    for (let i = 0; i < rows; i = mine.ready(i));
    expect(mine.readHere).toBe(6); // the released chunk and the five unclaimed ones
    expect(mine.settled()).toBe(true);
  });

  it('is settled once the helper has read every chunk', () => {
    const board = newChunkBoard(rows, chunkRows);
    let read = 0;
    readChunksUntilNoneLeft(board, rows, (from, to) => (read += to - from));
    expect(read).toBe(rows);
    expect(new ChunkedRows(board, rows, () => undefined).settled()).toBe(true);
  });
});

describe('chunked rows: the store memory the helper prepares', () => {
  it('is handed out once it is written, once, and only when large enough', () => {
    const board = newChunkBoard(rows, chunkRows);
    const memory = new SharedArrayBuffer(64);
    prepareStoreMemory(board, memory);
    const mine = new ChunkedRows(board, rows, () => undefined, memory);
    expect(mine.storeMemory(65)).toBeUndefined(); // too small: and not handed out later either
    expect(mine.storeMemory(64)).toBeUndefined();
    const again = new ChunkedRows(board, rows, () => undefined, memory);
    expect(again.storeMemory(64)).toBe(memory);
    expect(again.storeMemory(64)).toBeUndefined(); // the first store lives in it
    expect(new ChunkedRows(board, rows, () => undefined).storeMemory(1)).toBeUndefined();
  });

  it('is not handed out when the helper failed to write it', () => {
    const board = newChunkBoard(rows, chunkRows);
    const memory = new SharedArrayBuffer(8);
    const failing = {
      get length(): number {
        throw new Error('unreadable'); // not memory at all: making a view of it throws
      },
    } as unknown as SharedArrayBuffer;
    expect(() => prepareStoreMemory(board, failing)).toThrow();
    expect(new ChunkedRows(board, rows, () => undefined, memory).storeMemory(8)).toBeUndefined();
  });
});
