/** `Excel.run` as the adapters take it: Office's own in Excel, the in-memory Excel in tests and the preview. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel's payload errors: a block that met one is read or written again in halves. */
export function isPayloadLimit(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || code === 'ExceededCellLimit';
}

/**
 * Rows per block for a range `columns` wide, so one read or write stays well under Excel's 5 MB
 * per request and response and 5,000,000 cells per read: `bytesPerCell` is what the cells are
 * thought to weigh in JSON (measured on the blocks already read).
 */
export function rowsPerBlock(columns: number, bytesPerCell: number, budgetBytes: number, maxCells: number): number {
  const cells = Math.min(maxCells, Math.floor(budgetBytes / Math.max(1, bytesPerCell)));
  return Math.max(1, Math.floor(cells / Math.max(1, columns)));
}
