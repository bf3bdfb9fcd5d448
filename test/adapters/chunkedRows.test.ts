/**
 * The chunk board of the CSV adapter's two threads: the storing thread gets every row read, whoever
 * reads it. A chunk a failing helper gives up, and the chunks nobody claimed, are read here; what
 * the helper read is not read again.
 */
import { ChunkedRows, newChunkBoard, readChunksUntilNoneLeft } from '../../src/adapters/csv/chunkedRows';

const rows = 95;
const chunkRows = 10;

/** Every row's reader: 'helper' or 'here'. */
function readers(): { mine: ChunkedRows; by: string[]; helperFailsOn?: number; helper: () => void } {
  const board = newChunkBoard(rows, chunkRows);
  const by: string[] = new Array<string>(rows).fill('');
  const state: { mine: ChunkedRows; by: string[]; helperFailsOn?: number; helper: () => void } = {
    mine: new ChunkedRows(board, rows, (from, to) => by.fill('here', from, to)),
    by,
    helper: () =>
      readChunksUntilNoneLeft(board, rows, (from, to) => {
        if (from === state.helperFailsOn) throw new Error('the helper fails');
        by.fill('helper', from, to);
      }),
  };
  return state;
}

describe('chunked rows', () => {
  it('reads the chunk a failing helper released, and those it never claimed, on the storing thread', () => {
    const r = readers();
    r.helperFailsOn = 40;
    r.helper();
    for (let i = 0; i < rows; i = r.mine.ready(i));
    expect(r.by.slice(0, 40).every((b) => b === 'helper')).toBe(true);
    expect(r.by.slice(40).every((b) => b === 'here')).toBe(true);
    expect(r.mine.readHere).toBe(6); // the released chunk 4 and the five unclaimed ones (the last one short)
  });

  it('reads nothing again that the helper read, and says every row is ready at once', () => {
    const r = readers();
    r.helper();
    expect(r.mine.ready(0)).toBe(rows);
    expect(r.mine.readHere).toBe(0);
    expect(r.by.every((b) => b === 'helper')).toBe(true);
  });

  it('reads every chunk itself when no helper comes', () => {
    const r = readers();
    for (let i = 0; i < rows; i = r.mine.ready(i));
    expect(r.mine.readHere).toBe(10);
    expect(r.by.every((b) => b === 'here')).toBe(true);
  });
});
