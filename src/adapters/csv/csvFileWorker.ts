/**
 * Worker thread for a large entries file: reads it into memory both threads share and indexes its
 * rows while the main thread types the customers; then reads rows ahead by chunks (EntryRowParser),
 * as does the main thread between storing them, until none is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EntryRowParser, newPreparsedEntries } from '../../core';
import { newChunkBoard, readChunksUntilNoneLeft } from './chunkedRows';
import { entriesReadAhead, readCsvFile, type EntriesFromWorker } from './readLedgerFolder';

const { file, mapping } = workerData as { file: string; mapping: Readonly<Record<string, string>> | undefined };
const read = readCsvFile(file, true);
const plan = 'bytes' in read ? entriesReadAhead(read, mapping) : undefined;
if (plan === undefined || !('bytes' in read)) parentPort?.postMessage({ read } satisfies EntriesFromWorker);
else {
  const out = newPreparsedEntries(plan.rows, plan.columns, (bytes) => new SharedArrayBuffer(bytes)); // both threads fill it, each its own rows
  const board = newChunkBoard(plan.rows);
  parentPort?.postMessage({ read, ahead: { out, board, width: plan.width } } satisfies EntriesFromWorker);
  const parser = new EntryRowParser(plan.bytes, plan.rowStart, read.index.delimiter, plan.columns, plan.width);
  readChunksUntilNoneLeft(board, plan.rows, (from, to) => {
    for (let i = from; i < to; i++) parser.parse(i, out, i);
  });
}
