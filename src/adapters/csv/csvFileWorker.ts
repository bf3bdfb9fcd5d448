/**
 * Worker thread for a large entries file: reads it into memory both threads share and indexes its
 * rows while the main thread types the customers; then reads rows ahead by chunks (EntryRowParser),
 * as does the main thread between storing them, until none is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EntryRowParser, newChunkBoard, newPreparsedEntries, prepareStoreMemory, readChunksUntilNoneLeft, storeMemoryBytes } from '../../core';
import { entriesReadAhead, readCsvFile, type EntriesFromWorker } from './readLedgerFolder';

const { file, mapping } = workerData as { file: string; mapping: Readonly<Record<string, string>> | undefined };
const read = readCsvFile(file, true);
const plan = 'bytes' in read ? entriesReadAhead(read, mapping) : undefined;
if (plan === undefined || !('bytes' in read)) parentPort?.postMessage({ read } satisfies EntriesFromWorker);
else {
  const out = newPreparsedEntries(plan.rows, plan.columns, true);
  const board = newChunkBoard(plan.rows);
  const memory = new SharedArrayBuffer(storeMemoryBytes(plan.rows));
  parentPort?.postMessage({ read, ahead: { out, board, width: plan.width, memory } } satisfies EntriesFromWorker);
  prepareStoreMemory(board, memory);
  const parser = new EntryRowParser(plan.bytes, plan.rowStart, read.index.delimiter, plan.columns, plan.width);
  readChunksUntilNoneLeft(board, plan.rows, (from, to) => {
    for (let i = from; i < to; i++) parser.parse(i, out, i);
  });
}
