import { grownTo } from '../collections/grow';
import { decodeUtf8 } from '../text/utf8';

/** Bytes → text. The engine's own decoder by default; an adapter may hand in its platform's faster one. */
export type Utf8Decoder = (bytes: Uint8Array, from: number, to: number) => string;

/**
 * RFC 4180 CSV read from UTF-8 bytes: quoted fields with doubled quotes, CRLF, LF or lone CR line
 * ends, a UTF-8 byte-order mark skipped, delimiter `,`, `;` or tab detected from the header line.
 *
 * The file is indexed by rows only (where each starts); a row's fields are found when it is read.
 * A million-row ledger then costs one byte array and two integer arrays, and the entries reader can
 * look at a row's bytes without making a string of each cell.
 */
export interface CsvBytes {
  readonly bytes: Uint8Array;
  /** The delimiter's byte. */
  readonly delimiter: number;
  /** Number of rows, the header row included. */
  readonly length: number;
  /** Row i spans bytes [rowStart[i], rowStart[i + 1]), its line end included. */
  readonly rowStart: Int32Array;
  /** Physical line where row i starts (1-based), so messages point where an editor shows it. */
  readonly lines: Int32Array;
  /** A quote left open at the end of the file: the rest of the file was one field. */
  readonly unterminatedQuoteAt: number | undefined;
  /** Row i as strings (a fresh array each call), undefined past the end. */
  at(i: number): string[] | undefined;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export function detectDelimiterBytes(bytes: Uint8Array): number {
  let best = 44;
  let bestCount = -1;
  for (const d of [44, 59, 9]) {
    let n = 0;
    let quoted = false;
    for (let i = 0; i < bytes.length && bytes[i] !== LF; i++) {
      const c = bytes[i];
      if (c === QUOTE) quoted = !quoted;
      else if (c === d && !quoted) n++;
    }
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** A growable Int32Array. */
class Ints {
  data: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.size === this.data.length) this.data = grownTo(this.data, this.data.length * 2);
    this.data[this.size++] = v;
  }
  done(): Int32Array {
    return this.data.subarray(0, this.size);
  }
}

/**
 * Where one row's fields lie, filled by `scanRow` (reused from row to row: no allocation per row).
 * For a quoted field, start/end are inside the quotes and `after` is where the field ends (after
 * any text following the closing quote); `raw` marks a field whose text is not simply
 * bytes[start, end): doubled quotes to undo, or text after the closing quote.
 */
export class RowFields {
  count = 0;
  start = new Int32Array(64);
  end = new Int32Array(64);
  after = new Int32Array(64);
  raw = new Uint8Array(64);
  /** A quote never closed. */
  open = false;
  /** Line ends inside quoted fields (the row spans that many more lines). */
  breaks = 0;
  /** Line ends before the quote left open, when one is. */
  openBreaks = 0;

  /** @param record False to only count fields and find the row's end (indexing rows). */
  constructor(private readonly record = true) {}

  add(start: number, end: number, after: number, raw: boolean): void {
    if (!this.record) {
      this.count++;
      return;
    }
    if (this.count === this.start.length) {
      const n = this.count * 2;
      this.start = grownTo(this.start, n);
      this.end = grownTo(this.end, n);
      this.after = grownTo(this.after, n);
      this.raw = grownTo(this.raw, n);
    }
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.after[this.count] = after;
    this.raw[this.count] = raw ? 1 : 0;
    this.count++;
  }
}

/** Finds the fields of the row starting at byte `at`; returns where the row's line end starts. */
export function scanRow(bytes: Uint8Array, at: number, delimiter: number, out: RowFields): number {
  const n = bytes.length;
  out.count = 0;
  out.open = false;
  out.breaks = 0;
  let i = at;
  for (;;) {
    if (i < n && bytes[i] === QUOTE) {
      // Quoted field: runs to the next lone quote; "" is a literal quote.
      const open = i + 1;
      let j = open;
      let escaped = false;
      let closed = false;
      const breaksBefore = out.breaks;
      while (j < n) {
        const c = bytes[j];
        if (c !== QUOTE) {
          if (c === LF || (c === CR && bytes[j + 1] !== LF)) out.breaks++;
          j++;
          continue;
        }
        if (bytes[j + 1] === QUOTE) {
          escaped = true;
          j += 2;
          continue;
        }
        closed = true;
        break;
      }
      if (!closed) {
        out.open = true;
        out.openBreaks = breaksBefore;
        j = n;
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      let k = closed ? j + 1 : n;
      const afterQuote = k;
      while (k < n) {
        const c = bytes[k];
        if (c === delimiter || c === LF || c === CR) break;
        k++;
      }
      out.add(open, j, k, escaped || k > afterQuote);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = bytes[k];
        if (c === delimiter || c === LF || c === CR) break;
        k++;
      }
      out.add(i, k, k, false);
      i = k;
    }
    if (i < n && bytes[i] === delimiter) {
      i++;
      if (i >= n) {
        out.add(i, i, i, false);
        break;
      }
      continue;
    }
    break;
  }
  return i;
}

/** The text of field f of a scanned row. */
export function fieldText(bytes: Uint8Array, fields: RowFields, f: number, decode: Utf8Decoder = decodeUtf8): string {
  const start = fields.start[f] as number;
  const end = fields.end[f] as number;
  if (fields.raw[f] === 0) return decode(bytes, start, end);
  // Doubled quotes undone; text after the closing quote (at `end`) appended.
  const quoted = decode(bytes, start, end).replace(/""/g, '"');
  const after = fields.after[f] as number;
  return after > end ? quoted + decode(bytes, end + 1, after) : quoted;
}

/** Skips a line end (CRLF, LF or a lone CR) at i. */
function skipLineEnd(bytes: Uint8Array, i: number): number {
  if (i < bytes.length && bytes[i] === CR) i++;
  if (i < bytes.length && bytes[i] === LF) i++;
  return i;
}

/** Where a CSV file's rows start: plain data (typed arrays), so a worker thread can build it and hand it over. */
export interface CsvIndex {
  /** Bytes skipped at the start (a UTF-8 byte-order mark). */
  readonly skip: number;
  readonly delimiter: number;
  /** Row i spans bytes [rowStart[i], rowStart[i + 1]) after the skipped ones; one more item than rows. */
  readonly rowStart: Int32Array;
  readonly lines: Int32Array;
  readonly unterminatedQuoteAt: number | undefined;
}

/**
 * Finds every row of a CSV file's bytes (a quoted line end stays inside its row). `exact` copies the
 * index's arrays at their exact size (a worker's message copies the whole buffer behind a view); an
 * adapter may copy them where another thread sees them without a copy.
 */
export function indexCsvRows(input: Uint8Array, delimiter?: number, exact: (a: Int32Array) => Int32Array = (a) => a.slice()): CsvIndex {
  const skip = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  const bytes = input.subarray(skip);
  const d = delimiter ?? detectDelimiterBytes(bytes);
  const n = bytes.length;
  const rowStart = new Ints(n / 60);
  const lines = new Ints(n / 60);
  let unterminatedQuoteAt: number | undefined;
  let line = 1;
  let i = 0;
  const counting = new RowFields(false);
  while (i < n) {
    rowStart.push(i);
    lines.push(line);
    const stop = scanRow(bytes, i, d, counting);
    if (counting.open) unterminatedQuoteAt ??= line + counting.openBreaks;
    line += counting.breaks + 1;
    i = skipLineEnd(bytes, stop);
  }
  rowStart.push(n);
  return { skip, delimiter: d, rowStart: exact(rowStart.done()), lines: exact(lines.done()), unterminatedQuoteAt };
}

/** The rows of a CSV file from its bytes and their index. `decoderFor`: an adapter's faster decoder, or the engine's. */
export function csvRows(input: Uint8Array, index: CsvIndex, decoderFor: (bytes: Uint8Array) => Utf8Decoder = () => decodeUtf8): CsvBytes {
  const bytes = input.subarray(index.skip);
  const d = index.delimiter;
  const decode = decoderFor(bytes);
  const starts = index.rowStart;
  const rows = starts.length - 1;
  const fields = new RowFields();
  const delimiterText = String.fromCharCode(d);
  return {
    bytes,
    delimiter: d,
    length: rows,
    rowStart: starts,
    lines: index.lines,
    unterminatedQuoteAt: index.unterminatedQuoteAt,
    at(row: number): string[] | undefined {
      if (row < 0 || row >= rows) return undefined;
      const at = starts[row] as number;
      scanRow(bytes, at, d, fields);
      // No quoted field (each starts right after the previous one's delimiter): one decode, then a
      // split, is the same text for a fraction of the calls.
      const count = fields.count;
      let plain = count > 1 && fields.start[0] === at;
      for (let f = 1; plain && f < count; f++) plain = fields.start[f] === (fields.end[f - 1] as number) + 1;
      if (plain) return decode(bytes, at, fields.end[count - 1] as number).split(delimiterText);
      const out = new Array<string>(count);
      for (let f = 0; f < count; f++) out[f] = fieldText(bytes, fields, f, decode);
      return out;
    },
  };
}

export function indexCsvBytes(input: Uint8Array, delimiter?: number, decoderFor?: (bytes: Uint8Array) => Utf8Decoder): CsvBytes {
  return csvRows(input, indexCsvRows(input, delimiter), decoderFor);
}
