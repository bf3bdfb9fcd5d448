import {
  buildLedger, computeStatements, statementsWorkbookModel,
  type ComputeOptions, type ComputeResult, type CustomerStatement, type DateOrder, type ExportOptions, type Language, type TableMappings, type WorkbookModel,
} from '../core';
import { readLedgerFromWorkbook, writeWorkbookModel, type LedgerRead, type ModelWritten } from '../adapters/excel';
import type { PaneHost } from './host';

/**
 * The long steps of the pane, each cancellable and reporting progress. They run on the pane's
 * thread and yield to it between steps and between Excel's round trips (each block read or written
 * is an await), so the pane repaints and the Cancel button answers. No Web Worker: the ledger and the
 * result are objects with methods and typed-array stores that would have to be serialised both ways,
 * and the Excel calls must stay on this thread anyway; computing a 50,000-entry ledger is one step
 * of well under Excel's 5-second limit.
 */
export type Phase = 'read' | 'compute' | 'model' | 'write';
export interface Progress {
  readonly phase: Phase;
  readonly done: number;
  readonly total?: number;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Set `cancelled` to stop a run at its next step or round trip. */
export class CancelToken {
  cancelled = false;
  check(): void {
    if (this.cancelled) throw new Cancelled();
  }
}

/** Lets the browser paint and handle input before the next step. */
export const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function findLedger(host: PaneHost, mapping: TableMappings, dateOrder: DateOrder, token: CancelToken, onProgress: (p: Progress) => void, exportOptions: ExportOptions = {}): Promise<LedgerRead> {
  onProgress({ phase: 'read', done: 0 });
  return readLedgerFromWorkbook(host.run, {
    dateOrder,
    mapping,
    exportOptions,
    isSetSupported: host.isSetSupported,
    onRows: (rows) => {
      token.check();
      onProgress({ phase: 'read', done: rows });
    },
  });
}

/** The statements of a ledger read: the CLI's steps after its reader (`buildLedger`, then `computeStatements`). */
export async function computeRun(read: LedgerRead, options: ComputeOptions, defaultCurrency: string | undefined, token: CancelToken, onProgress: (p: Progress) => void): Promise<ComputeResult | undefined> {
  if (!read.ok) return undefined;
  onProgress({ phase: 'compute', done: 0 });
  await yieldToUi();
  token.check();
  const ledger = buildLedger(read.tables, { defaultCurrency, dateOrder: undefined }, [...read.issues]);
  onProgress({ phase: 'compute', done: 1, total: 2 });
  await yieldToUi();
  token.check();
  const result = computeStatements(ledger, { ...options, summary: false });
  onProgress({ phase: 'compute', done: 2, total: 2 });
  return result;
}

export type SheetsMode = { readonly kind: 'all'; readonly maxSheets: number } | { readonly kind: 'one'; readonly statement: CustomerStatement; readonly sheetName: string };

/**
 * The workbook model to write: the CLI's statements workbook (Aged receivables, Issues, a sheet per
 * ok statement up to `maxSheets`), or the two summary sheets and one sheet named `sheetName` with
 * the statement picked.
 */
export function workbookModelFor(result: ComputeResult, mode: SheetsMode, language: Language): WorkbookModel {
  if (mode.kind === 'all') return statementsWorkbookModel(result, { maxSheets: mode.maxSheets, language }).workbook;
  // Summary sheets without the "n of m statements have a sheet" note: every statement could have one.
  const everyOk = result.statements.filter((s) => s.status === 'ok').length;
  const noted = statementsWorkbookModel(result, { maxSheets: everyOk, language }).workbook.sheets.slice(0, 2);
  const one = statementsWorkbookModel({ ...result, statements: [mode.statement], excluded: [], issues: [] }, { maxSheets: 1, language }).workbook.sheets[2];
  return { sheets: one === undefined ? noted : [...noted, { ...one, name: mode.sheetName }] };
}

export async function writeRun(host: PaneHost, model: WorkbookModel, token: CancelToken, onProgress: (p: Progress) => void): Promise<ModelWritten> {
  onProgress({ phase: 'write', done: 0, total: model.sheets.length });
  return writeWorkbookModel(host.run, model, {
    onProgress: (done, total) => {
      onProgress({ phase: 'write', done, total });
      token.check();
    },
  });
}
