/**
 * RFC 4180 CSV: quoted fields with doubled quotes, CRLF, LF or lone CR line ends, UTF-8 BOM stripped,
 * delimiter `,`, `;` or tab detected from the header line. Pure string → rows; no I/O.
 *
 * Fields are kept as offsets into the text and turned into strings only when a row is read: a
 * million-row ledger then costs a few typed arrays instead of twelve million retained strings,
 * which is most of the time (garbage collection) and memory of reading it.
 */
export interface CsvRows {
  readonly delimiter: string;
  /** Number of rows, the header row included. */
  readonly length: number;
  /** Row i as strings (a fresh array each call), undefined past the end. */
  at(i: number): string[] | undefined;
  /** Physical line where row i starts (1-based), so messages point where an editor shows it. */
  readonly lines: Int32Array;
  /** A quote left open at the end of the file: the rest of the file was one field. */
  readonly unterminatedQuoteAt: number | undefined;
}

export function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const head = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = -1;
  for (const d of [',', ';', '\t']) {
    let n = 0;
    let quoted = false;
    for (let i = 0; i < head.length; i++) {
      const c = head[i];
      if (c === '"') quoted = !quoted;
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
    if (this.size === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = v;
  }
  done(): Int32Array {
    return this.data.subarray(0, this.size);
  }
}

export function parseCsvRows(input: string, delimiter?: string): CsvRows {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const d = delimiter ?? detectDelimiter(text);
  const dc = d.charCodeAt(0);
  const n = text.length;
  const starts = new Ints(n / 6);
  const ends = new Ints(n / 6); // −1: the field's text is in `special` (quotes to undo)
  const rowStarts = new Ints(n / 60);
  const lineOf = new Ints(n / 60);
  const special = new Map<number, string>();
  let i = 0;
  let line = 1;
  let unterminatedQuoteAt: number | undefined;
  const countBreaks = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) line++;
    }
  };
  while (i < n) {
    rowStarts.push(starts.size);
    lineOf.push(line);
    for (;;) {
      if (text.charCodeAt(i) === 34) {
        // Quoted field: runs to the next lone quote; "" is a literal quote.
        const startLine = line;
        const open = i + 1;
        let j = open;
        let escaped = false;
        let closed = false;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) break;
          if (text.charCodeAt(q + 1) === 34) {
            escaped = true;
            j = q + 2;
            continue;
          }
          j = q;
          closed = true;
          break;
        }
        if (!closed) {
          unterminatedQuoteAt ??= startLine;
          j = n;
        }
        countBreaks(open, j);
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        let k = closed ? j + 1 : n;
        const afterQuote = k;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === dc || c === 10 || c === 13) break;
          k++;
        }
        if (escaped || k > afterQuote) {
          let value = text.slice(open, j);
          if (escaped) value = value.replace(/""/g, '"');
          if (k > afterQuote) value += text.slice(afterQuote, k);
          special.set(starts.size, value);
          starts.push(0);
          ends.push(-1);
        } else {
          starts.push(open);
          ends.push(j);
        }
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === dc || c === 10 || c === 13) break;
          k++;
        }
        starts.push(i);
        ends.push(k);
        i = k;
      }
      if (i < n && text.charCodeAt(i) === dc) {
        i++;
        if (i >= n) {
          starts.push(i);
          ends.push(i);
          break;
        }
        continue;
      }
      break;
    }
    if (i < n && text.charCodeAt(i) === 13) i++;
    if (i < n && text.charCodeAt(i) === 10) i++;
    line++;
  }
  rowStarts.push(starts.size);
  const s = starts.done();
  const e = ends.done();
  const r = rowStarts.done();
  const rows = r.length - 1;
  return {
    delimiter: d,
    length: rows,
    lines: lineOf.done(),
    unterminatedQuoteAt,
    at(row: number): string[] | undefined {
      if (row < 0 || row >= rows) return undefined;
      const from = r[row] as number;
      const to = r[row + 1] as number;
      const out = new Array<string>(to - from);
      for (let f = from; f < to; f++) {
        const end = e[f] as number;
        out[f - from] = end < 0 ? (special.get(f) as string) : text.slice(s[f] as number, end);
      }
      return out;
    },
  };
}

/** The whole file as arrays of strings, for small files and tests. */
export interface ParsedCsv {
  readonly delimiter: string;
  readonly rows: string[][];
  readonly lines: number[];
  readonly unterminatedQuoteAt: number | undefined;
}

export function parseCsv(input: string, delimiter?: string): ParsedCsv {
  const p = parseCsvRows(input, delimiter);
  return { delimiter: p.delimiter, rows: Array.from({ length: p.length }, (_, i) => p.at(i) as string[]), lines: [...p.lines], unterminatedQuoteAt: p.unterminatedQuoteAt };
}
