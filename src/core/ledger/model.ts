import type { Day } from '../calendar/day';
import type { Language } from '../i18n/language';
import type { Issue } from '../issues/issue';
import type { Minor } from '../money/money';
import type { StringIndex } from '../collections/stringIndex';
import type { EntryType } from './entryTypes';
import type { ColumnIndex } from './headerMap';
import type { RawTable } from './rawTable';

export interface Customer {
  readonly id: string;
  readonly row: number;
  readonly name: string;
  readonly emails: readonly string[];
  readonly cc: readonly string[];
  readonly language: Language;
  readonly currency: string | undefined;
  readonly addressLines: readonly string[];
  readonly contact: string;
  readonly statementStyle: string;
  readonly template: string;
  readonly sendStatements: boolean;
  readonly group: string;
}

/** A posted ledger entry. `amount` is signed: positive = the customer owes more. */
export interface Entry {
  /** Position in Ledger.entries; settlement keys on it. */
  readonly index: number;
  readonly row: number;
  readonly customerId: string;
  readonly type: EntryType;
  readonly documentNo: string;
  readonly posting: Day;
  /** Due date; the posting date when the cell is blank. */
  readonly due: Day;
  readonly amount: Minor;
  readonly currency: string;
  readonly description: string;
  readonly reference: string;
  readonly matchingCode: string;
  readonly appliesTo: string;
}

/** The table rows came from, with its column positions: what turns a row and column into a cell address (Entries!D17). */
export interface TableOrigin {
  readonly table: RawTable;
  readonly index: ColumnIndex;
}

/** Entries from `first` on (by Entry.index) came from this table, up to the next origin's `first`. */
export interface EntryOrigin extends TableOrigin {
  readonly first: number;
}

/** A row of the applications table, typed as far as it can be before its documents are resolved. */
export interface ApplicationRow {
  /** Its table (one object shared by the table's rows), for the cell address of a problem found when settling. */
  readonly origin?: TableOrigin | undefined;
  readonly row: number;
  readonly from: string;
  readonly to: string;
  /** Cell text: its currency (hence decimals) is known only once the documents are found. */
  readonly amountText: string;
  readonly date: Day | undefined;
}

/**
 * The document numbers the reader already hashed, so settlement need not hash a million again.
 * Valid only for the `entries` array it names (a ledger copied with other entries falls back to hashing).
 */
export interface DocumentKeys {
  /** Every document number read (rejected rows' too) → its key, 0 ≤ key < count. */
  readonly index: StringIndex;
  readonly count: number;
  /** Key of each entry's document_no, by entry index. */
  readonly ofEntry: Int32Array;
  /** The entries these keys describe. */
  readonly entries: readonly Entry[];
}

export interface Ledger {
  readonly customers: readonly Customer[];
  readonly entries: readonly Entry[];
  readonly applications: readonly ApplicationRow[];
  /** Every problem found reading the tables, in table and row order. */
  readonly issues: readonly Issue[];
  /** True when a table could not be read at all: every statement is blocked. */
  readonly unreadable: boolean;
  /** Document keys from the reader, when it built them (an optimisation; absent: settlement hashes). */
  readonly documents?: DocumentKeys | undefined;
  /** Which table each run of entries came from, in order (absent: no cell addresses for settlement's issues). */
  readonly entryOrigins?: readonly EntryOrigin[] | undefined;
}
