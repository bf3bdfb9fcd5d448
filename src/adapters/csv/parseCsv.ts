import { detectDelimiterBytes, indexCsvBytes } from '../../core';

/**
 * CSV text → rows, for small files, tests and helpers. It is the byte reader the ledger uses
 * (core/tables/csvBytes.ts) on the text's UTF-8: one CSV grammar in the product.
 */
export function detectDelimiter(text: string): string {
  return String.fromCharCode(detectDelimiterBytes(Buffer.from(text, 'utf8')));
}

/** The whole file as arrays of strings. */
export interface ParsedCsv {
  readonly delimiter: string;
  readonly rows: string[][];
  readonly lines: number[];
  readonly unterminatedQuoteAt: number | undefined;
}

export function parseCsv(input: string, delimiter?: string): ParsedCsv {
  const p = indexCsvBytes(Buffer.from(input, 'utf8'), delimiter?.charCodeAt(0));
  return { delimiter: String.fromCharCode(p.delimiter), rows: Array.from({ length: p.length }, (_, i) => p.at(i) as string[]), lines: [...p.lines], unterminatedQuoteAt: p.unterminatedQuoteAt };
}
