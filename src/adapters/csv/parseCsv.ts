/**
 * RFC 4180 CSV: quoted fields with doubled quotes, CRLF or LF line ends, UTF-8 BOM stripped,
 * delimiter `,`, `;` or tab detected from the header line. Pure string → rows; no I/O.
 */
export interface ParsedCsv {
  readonly delimiter: string;
  readonly rows: string[][];
  /** Physical line where each row starts (1-based), so messages point where an editor shows it. */
  readonly lines: number[];
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

export function parseCsv(input: string, delimiter?: string): ParsedCsv {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const d = delimiter ?? detectDelimiter(text);
  const dc = d.charCodeAt(0);
  const rows: string[][] = [];
  const lines: number[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let unterminatedQuoteAt: number | undefined;
  while (i < n) {
    const row: string[] = [];
    lines.push(line);
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === 34) {
        // Quoted field: runs to the next lone quote; "" is a literal quote.
        const startLine = line;
        let j = i + 1;
        let out = '';
        let closed = false;
        while (j < n) {
          const q = text.indexOf('"', j);
          if (q < 0) break;
          const chunk = text.slice(j, q);
          out += chunk;
          // Line breaks inside the quotes count as they do outside: CRLF, LF or a lone CR.
          for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
          for (let k = chunk.indexOf('\r'); k >= 0; k = chunk.indexOf('\r', k + 1)) if (chunk.charCodeAt(k + 1) !== 10) line++;
          if (text.charCodeAt(q + 1) === 34) {
            out += '"';
            j = q + 2;
            continue;
          }
          j = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          unterminatedQuoteAt ??= startLine;
          out += text.slice(j);
          j = n;
        }
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === dc || c === 10 || c === 13) break;
          k++;
        }
        field = k > j ? out + text.slice(j, k) : out;
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === dc || c === 10 || c === 13) break;
          k++;
        }
        field = text.slice(i, k);
        i = k;
      }
      row.push(field);
      if (i < n && text.charCodeAt(i) === dc) {
        i++;
        if (i >= n) {
          row.push('');
          break;
        }
        continue;
      }
      break;
    }
    if (i < n && text.charCodeAt(i) === 13) i++;
    if (i < n && text.charCodeAt(i) === 10) i++;
    line++;
    rows.push(row);
  }
  return { delimiter: d, rows, lines, unterminatedQuoteAt };
}
