import type { Day } from '../calendar/day';
import type { ByteKeys } from '../collections/byteKeys';
import { CURRENCY_CODES, currencyPosition } from '../money/currencies';
import type { Minor } from '../money/money';
import { ENTRY_TYPES, type EntryType } from './entryTypes';
import type { Customer, Entry, EntryOrigin } from './model';
import { rowNumberOf } from './rawTable';

/** Entry types by code (the `type` column), in ENTRY_TYPES order. */
export const TYPE_BY_CODE = Object.keys(ENTRY_TYPES) as EntryType[];
export const TYPE_CODES = Object.fromEntries(TYPE_BY_CODE.map((t, i) => [t, i])) as Record<EntryType, number>;
/** Side of each type code: 1 debit, −1 credit, 0 either. */
export const SIDE_BY_CODE = Int8Array.from(TYPE_BY_CODE.map((t) => (ENTRY_TYPES[t].side === 'debit' ? 1 : ENTRY_TYPES[t].side === 'credit' ? -1 : 0)));

/**
 * The posted entries of a ledger as columns (typed arrays by entry index), not a million objects:
 * what settlement and the statements read. The texts (description, reference…) are not kept: an
 * Entry object is built from its source row only when a statement line shows it (`entry(i)`).
 */
export class EntryStore {
  length = 0;
  /** Position of the customer in Ledger.customers. */
  readonly customer: Int32Array;
  /** Position of the currency in CURRENCY_CODES (`currencies`): only known currencies are stored, so the code is small. */
  readonly currency: Uint16Array;
  readonly currencies: readonly string[] = CURRENCY_CODES;
  /** TYPE_BY_CODE index. */
  readonly type: Uint8Array;
  readonly posting: Int32Array;
  /** The posting date when the cell is blank. */
  readonly due: Int32Array;
  /** Signed minor units: positive = the customer owes more. */
  readonly amount: Float64Array;
  /** Key of the document number in `documents`. */
  readonly document: Int32Array;
  /** Key in `documents` of the document applies_to names; −1 when blank. */
  readonly appliesTo: Int32Array;
  /** Key of the matching code in `matchingCodes`; −1 when blank. */
  readonly matching: Int32Array;
  /** Index of the entry's row in its table's rows (origins say which table). */
  readonly rowIndex: Int32Array;
  /**
   * Another system's export (issue 16): each entry's own number there (applications may name it),
   * and its open amount at the export date (unsigned minor units; NaN: not given). Made only when a
   * table has the column, so a ledger in the contract's own columns pays nothing for them.
   */
  entryNumbers: Map<string, number> | undefined;
  openAmounts: Float64Array | undefined;

  constructor(
    capacity: number,
    readonly customers: readonly Customer[],
    /** Every document number read (rejected rows' too) and every one applies_to names. */
    readonly documents: ByteKeys,
    readonly matchingCodes: ByteKeys,
    /** Which table each run of entries came from, in order. */
    readonly origins: EntryOrigin[],
  ) {
    this.customer = new Int32Array(capacity);
    this.currency = new Uint16Array(capacity);
    this.type = new Uint8Array(capacity);
    this.posting = new Int32Array(capacity);
    this.due = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
    this.document = new Int32Array(capacity);
    this.appliesTo = new Int32Array(capacity);
    this.matching = new Int32Array(capacity);
    this.rowIndex = new Int32Array(capacity);
    this.capacity = capacity;
  }

  private readonly capacity: number;

  /** The entry with this number in the export, or −1. */
  entryIndex(entryNo: string): number {
    return this.entryNumbers?.get(entryNo) ?? -1;
  }

  /** The open-amount column, made on first use (NaN: not given). */
  openAmountColumn(): Float64Array {
    return (this.openAmounts ??= new Float64Array(this.capacity).fill(NaN));
  }

  /** The code of a known currency, −1 for any other text. */
  currencyCode(currency: string): number {
    return currencyPosition(currency);
  }

  push(customer: number, currency: number, type: number, posting: Day, due: Day, amount: Minor, document: number, appliesTo: number, matching: number, rowIndex: number): void {
    const i = this.length++;
    this.customer[i] = customer;
    this.currency[i] = currency;
    this.type[i] = type;
    this.posting[i] = posting;
    this.due[i] = due;
    this.amount[i] = amount;
    this.document[i] = document;
    this.appliesTo[i] = appliesTo;
    this.matching[i] = matching;
    this.rowIndex[i] = rowIndex;
  }

  customerId(i: number): string {
    return (this.customers[this.customer[i] as number] as Customer).id;
  }

  currencyOf(i: number): string {
    return this.currencies[this.currency[i] as number] as string;
  }

  typeOf(i: number): EntryType {
    return TYPE_BY_CODE[this.type[i] as number] as EntryType;
  }

  /** The document number of key k (for messages and statement lines: sorting compares the bytes). */
  documentText(k: number): string {
    return this.documents.text(k);
  }

  documentNo(i: number): string {
    return this.documentText(this.document[i] as number);
  }

  /** The origin (table and column positions) of entry i. */
  originOf(i: number): EntryOrigin {
    const o = this.origins;
    let lo = 0;
    let hi = o.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((o[mid] as EntryOrigin).first <= i) lo = mid;
      else hi = mid - 1;
    }
    return o[lo] as EntryOrigin;
  }

  /** Row number of entry i as a person sees it. */
  row(i: number): number {
    return rowNumberOf(this.originOf(i).table, this.rowIndex[i] as number);
  }

  /** Entry i as an object, its texts read again from its row: for the lines a statement shows. */
  entry(i: number): Entry {
    const origin = this.originOf(i);
    const rowIndex = this.rowIndex[i] as number;
    const cells = origin.table.rows.at(rowIndex) ?? [];
    const text = (column: string): string => {
      const k = origin.index[column] ?? -1;
      return k < 0 ? '' : (cells[k] ?? '').trim();
    };
    const appliesTo = this.appliesTo[i] as number;
    const matching = this.matching[i] as number;
    return {
      index: i,
      row: rowNumberOf(origin.table, rowIndex),
      customerId: this.customerId(i),
      type: this.typeOf(i),
      documentNo: this.documentNo(i),
      posting: this.posting[i] as Day,
      due: this.due[i] as Day,
      amount: this.amount[i] as Minor,
      currency: this.currencyOf(i),
      description: text('description'),
      reference: text('reference'),
      matchingCode: matching < 0 ? '' : this.matchingCodes.text(matching),
      appliesTo: appliesTo < 0 ? '' : this.documentText(appliesTo),
    };
  }

  /** Every entry as an object: for tests and small ledgers, never on the hot path. */
  toArray(): Entry[] {
    return Array.from({ length: this.length }, (_, i) => this.entry(i));
  }
}
