/**
 * Worker thread: reads and indexes one large CSV file (readCsvFile) while the main thread types the
 * customers, and hands the bytes and the index over without copying them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readCsvFile } from './readLedgerFolder';

const read = readCsvFile((workerData as { file: string }).file);
if ('bytes' in read) {
  // Only a buffer the bytes fill whole can be handed over; a pooled one is copied first.
  const whole = read.bytes.byteOffset === 0 && read.bytes.byteLength === read.bytes.buffer.byteLength ? read.bytes : read.bytes.slice();
  const transfer = [whole.buffer, read.index.rowStart.buffer, read.index.lines.buffer] as ArrayBuffer[];
  parentPort?.postMessage({ ...read, bytes: whole }, transfer);
} else parentPort?.postMessage(read);
