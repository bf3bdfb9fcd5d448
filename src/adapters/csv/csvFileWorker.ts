/**
 * Worker thread for a large entries file: reads it into memory both threads share and indexes its
 * rows while the main thread types the customers; then reads ahead the rows it is given
 * (EntryRowParser) while the main thread reads the others.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EntryRowParser, type ColumnIndex, type PreparsedEntries } from '../../core';
import { readCsvFile } from './readLedgerFolder';

interface Task {
  readonly from: number;
  readonly to: number;
  readonly columns: ColumnIndex;
  readonly width: number;
  readonly out: PreparsedEntries;
}

const read = readCsvFile((workerData as { file: string }).file, true);
if ('bytes' in read) {
  const { bytes, index } = read;
  parentPort?.once('message', (task: Task) => {
    const parser = new EntryRowParser(bytes.subarray(index.skip), index.rowStart.subarray(1), index.delimiter, task.columns, task.width);
    for (let i = task.from; i < task.to; i++) parser.parse(i, task.out, i);
    parentPort?.postMessage({ customerIds: parser.customerIds() });
  });
}
parentPort?.postMessage(read);
