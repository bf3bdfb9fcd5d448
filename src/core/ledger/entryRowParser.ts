import { dayFromCivil, isValidCivil, type Day } from '../calendar/day';
import { ByteKeys, hashBytes } from '../collections/byteKeys';
import { currencyPosition } from '../money/currencies';
import { fieldText, RowFields, scanRow } from '../tables/csvBytes';
import { SIDE_BY_CODE, TYPE_CODES } from './entryStore';
import { parseEntryType, parseStatus } from './entryTypes';
import type { ColumnIndex } from './headerMap';

/**
 * What the entries fast path reads from CSV rows' bytes alone, before anything of the ledger is
 * known (which customers exist, their currencies, the documents seen so far): typed arrays by row,
 * so that an adapter can have them filled elsewhere (the CSV adapter: on a worker thread, in memory
 * it shares) and hand them over whole. The engine only reads them.
 */
export interface PreparsedEntries {
  /** The column positions they were read with. */
  readonly columns: ColumnIndex;
  /** 1: the row is plainly good as far as the row alone tells; 0: the general reader's. */
  readonly ok: Uint8Array;
  /** hashBytes of the customer id's range (CELL.customer): the storing thread looks it up among the customers. */
  readonly customerHash: Int32Array;
  readonly type: Uint8Array;
  readonly posting: Int32Array;
  readonly due: Int32Array;
  /** Position in CURRENCY_CODES; −1 for a blank cell (the customer's currency). */
  readonly currency: Int16Array;
  /** The amount's digits as an integer (signed) and how many of them are decimals. */
  readonly digits: Float64Array;
  readonly decimals: Uint8Array;
  /** Per row, CELLS_PER_ROW numbers: the byte ranges (from, to), trimmed, of the cells at CELL's offsets. */
  readonly cells: Int32Array;
  /** hashBytes of the document number's range. */
  readonly documentHash: Int32Array;
  /**
   * When the rows are still being read while they are stored (the CSV adapter's two threads):
   * `ready(i)` returns once row i is read, with the end of the rows read from i on.
   */
  readonly readAhead?: { ready(i: number): number };
}

/** Where each cell's byte range (from at the offset, to after it) lies among a row's CELLS_PER_ROW numbers of `cells`. */
export const CELL = { document: 0, appliesTo: 2, matching: 4, customer: 6 } as const;
export const CELLS_PER_ROW = 8;

/** `memory`: where each array lives (the CSV adapter gives memory its worker thread can fill). */
export function newPreparsedEntries(rows: number, columns: ColumnIndex, memory: (bytes: number) => ArrayBufferLike = (bytes) => new ArrayBuffer(bytes)): PreparsedEntries {
  return {
    columns,
    ok: new Uint8Array(memory(rows)),
    customerHash: new Int32Array(memory(rows * 4)),
    type: new Uint8Array(memory(rows)),
    posting: new Int32Array(memory(rows * 4)),
    due: new Int32Array(memory(rows * 4)),
    currency: new Int16Array(memory(rows * 2)),
    digits: new Float64Array(memory(rows * 8)),
    decimals: new Uint8Array(memory(rows)),
    cells: new Int32Array(memory(rows * 4 * CELLS_PER_ROW)),
    documentHash: new Int32Array(memory(rows * 4)),
  };
}

/**
 * Reads entry rows of a CSV table from their bytes into PreparsedEntries. A row is ok when it is
 * plainly good: no quotes to undo in a cell that matters, posted, a customer id, a known type, ISO
 * dates, a known or blank currency, a plain amount (optional minus, digits, optional point; at most
 * 15 digits) with the sign its type wants, a document number. Anything else is left to the general
 * reader, which reports it. The rules, and which side checks each: ROW RULES in readEntries.ts
 * (tagged `rule N` here and there).
 */
export class EntryRowParser {
  private readonly fields = new RowFields();
  private readonly types = new ByteMemo((text) => {
    const type = parseEntryType(text);
    return type === undefined ? -1 : TYPE_CODES[type];
  });
  private readonly posted = new ByteMemo((text) => (parseStatus(text.trim()) === 'posted' ? 1 : 0));
  /** Position in CURRENCY_CODES, −2 for an unknown currency (−1 means blank). */
  private readonly currencies = new ByteMemo((text) => {
    const position = currencyPosition(text.trim().toUpperCase());
    return position < 0 ? -2 : position;
  });
  private readonly c: Readonly<Record<'customer' | 'type' | 'doc' | 'posting' | 'due' | 'amount' | 'currency' | 'matching' | 'appliesTo' | 'status', number>>;
  private lo = 0;
  private hi = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly rowStart: Int32Array,
    private readonly delimiter: number,
    columns: ColumnIndex,
    private readonly width: number,
  ) {
    const col = (name: string): number => columns[name] ?? -1;
    this.c = {
      customer: col('customer_id'), type: col('type'), doc: col('document_no'), posting: col('posting_date'), due: col('due_date'),
      amount: col('amount'), currency: col('currency'), matching: col('matching_code'), appliesTo: col('applies_to'), status: col('status'),
    };
  }

  /** Reads row i into slot k of `out`. */
  parse(i: number, out: PreparsedEntries, k: number): void {
    out.ok[k] = this.read(i, out, k) ? 1 : 0;
  }

  private read(i: number, out: PreparsedEntries, k: number): boolean {
    const { bytes, fields, c } = this;
    scanRow(bytes, this.rowStart[i] as number, this.delimiter, fields);
    if (fields.count !== this.width || fields.open) return false; // rule 1

    if (!this.cell(c.status)) return false; // rule 3
    if (this.lo < this.hi && this.posted.get(bytes, this.lo, this.hi, fields, c.status) !== 1) return false;

    const cells = k * CELLS_PER_ROW;
    if (!this.cell(c.customer) || this.lo === this.hi) return false; // rule 4 (its presence)
    out.cells[cells + CELL.customer] = this.lo;
    out.cells[cells + CELL.customer + 1] = this.hi;
    out.customerHash[k] = hashBytes(bytes, this.lo, this.hi);

    if (!this.cell(c.type) || this.lo === this.hi) return false; // rule 5
    const type = this.types.get(bytes, fields.start[c.type] as number, fields.end[c.type] as number, fields, c.type);
    if (type < 0) return false;
    out.type[k] = type;

    if (!this.cell(c.posting)) return false; // rules 7, 8
    const posting = isoDay(bytes, this.lo, this.hi);
    if (posting === undefined) return false;
    if (!this.cell(c.due)) return false;
    const due = this.lo === this.hi ? posting : isoDay(bytes, this.lo, this.hi);
    if (due === undefined) return false;
    out.posting[k] = posting;
    out.due[k] = due;

    if (!this.cell(c.currency)) return false; // rule 9 (a known or blank cell)
    const currency = this.lo === this.hi ? -1 : this.currencies.get(bytes, this.lo, this.hi, fields, c.currency);
    if (currency === -2) return false;
    out.currency[k] = currency;

    if (!this.cell(c.amount) || !plainAmount(bytes, this.lo, this.hi, out, k)) return false; // rule 10 (its form)
    const side = SIDE_BY_CODE[type] as number; // rule 11
    const digits = out.digits[k] as number;
    if (side !== 0 && digits !== 0 && side === 1 !== digits > 0) return false;

    if (!this.cell(c.doc) || this.lo === this.hi) return false; // rule 6
    out.cells[cells + CELL.document] = this.lo;
    out.cells[cells + CELL.document + 1] = this.hi;
    out.documentHash[k] = hashBytes(bytes, this.lo, this.hi);
    if (!this.cell(c.appliesTo)) return false; // rule 13
    out.cells[cells + CELL.appliesTo] = this.lo;
    out.cells[cells + CELL.appliesTo + 1] = this.hi;
    if (!this.cell(c.matching)) return false;
    out.cells[cells + CELL.matching] = this.lo;
    out.cells[cells + CELL.matching + 1] = this.hi;
    return true;
  }

  /**
   * Sets [lo, hi) to the trimmed bytes of cell c. False when the cell is not plain: quotes to undo,
   * or a non-ASCII character at an edge that trim() might remove (rule 2).
   */
  private cell(c: number): boolean {
    if (c < 0) {
      this.lo = this.hi = 0;
      return true;
    }
    const { bytes, fields } = this;
    if (fields.raw[c] === 1) return false;
    let lo = fields.start[c] as number;
    let hi = fields.end[c] as number;
    while (lo < hi && isSpace(bytes[lo] as number)) lo++;
    while (hi > lo && isSpace(bytes[hi - 1] as number)) hi--;
    this.lo = lo;
    this.hi = hi;
    return lo === hi || ((bytes[lo] as number) < 0x80 && (bytes[hi - 1] as number) < 0x80);
  }
}

function isSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13);
}

/** Cell bytes → a small number, computed once per spelling from the cell's whole text (a ledger repeats a few spellings a million times). */
class ByteMemo {
  private readonly keys = new ByteKeys(64);
  private readonly values: number[] = [];
  constructor(private readonly compute: (text: string) => number) {}

  get(bytes: Uint8Array, lo: number, hi: number, fields: RowFields, column: number): number {
    const k = this.keys.find(bytes, lo, hi);
    if (k >= 0) return this.values[k] as number;
    const value = this.compute(fieldText(bytes, fields, column));
    if (this.keys.count < 1000) {
      this.keys.intern(bytes, lo, hi);
      this.values.push(value);
    }
    return value;
  }
}

/** "YYYY-MM-DD" → Day, or undefined for anything else (other forms are the general reader's). */
function isoDay(bytes: Uint8Array, lo: number, hi: number): Day | undefined {
  if (hi - lo !== 10 || bytes[lo + 4] !== 45 || bytes[lo + 7] !== 45) return undefined;
  let year = 0;
  for (let k = lo; k < lo + 4; k++) {
    const d = (bytes[k] as number) - 48;
    if (d < 0 || d > 9) return undefined;
    year = year * 10 + d;
  }
  const m1 = (bytes[lo + 5] as number) - 48;
  const m2 = (bytes[lo + 6] as number) - 48;
  const d1 = (bytes[lo + 8] as number) - 48;
  const d2 = (bytes[lo + 9] as number) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  return isValidCivil(year, month, day) ? dayFromCivil(year, month, day) : undefined;
}

/**
 * "-1234.5" → digits −12345 and 1 decimal: an optional minus, digits, an optional point and
 * decimals, at most 15 digits in all (exact in a double). Anything else (a plus, a comma, a
 * space inside, more digits) is the general reader's.
 */
function plainAmount(bytes: Uint8Array, lo: number, hi: number, out: PreparsedEntries, k: number): boolean {
  let i = lo;
  const negative = i < hi && bytes[i] === 45;
  if (negative) i++;
  let value = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < hi; i++) {
    const b = bytes[i] as number;
    if (b === 46 && decimals < 0) {
      decimals = 0;
      continue;
    }
    const d = b - 48;
    if (d < 0 || d > 9) return false;
    value = value * 10 + d;
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (digits === 0 || digits > 15) return false;
  out.digits[k] = negative && value !== 0 ? -value : value;
  out.decimals[k] = Math.max(0, decimals);
  return true;
}
