/** Worker thread of writeStatementPdfs: renders its share of the statements and reports each batch. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ComputeResult, StatementSettings } from '../../../core';
import { writeStatementPdfBatches, type PdfJob } from './renderMany';

const data = workerData as { result: ComputeResult; jobs: PdfJob[]; settings: StatementSettings };
// A rejection ends the worker with an 'error' event, which the pool turns into a failed run.
void writeStatementPdfBatches(data.result, data.jobs, data.settings, (batch) => parentPort?.postMessage({ batch }));
