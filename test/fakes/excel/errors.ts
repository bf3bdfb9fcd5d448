/** Excel's limits on one request (Excel on the web) and one read (every platform). */
export const LIMITS = {
  /** Request and response payloads; Microsoft says "5 MB": the fake takes the stricter 5,000,000 bytes. */
  payloadBytes: 5_000_000,
  /** Cells a single read (values, numberFormat) may cover. */
  cellsPerRead: 5_000_000,
} as const;

/**
 * An error as Excel reports it (OfficeExtension.Error): a code such as PropertyNotLoaded,
 * ItemNotFound, InvalidArgument, RequestPayloadSizeLimitExceeded, plus the fake's own ApiNotImplemented
 * (an API outside the subset it implements) and ApiNotDeclared (above the declared requirement set).
 */
export class FakeExcelError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }

  get debugInfo(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}
