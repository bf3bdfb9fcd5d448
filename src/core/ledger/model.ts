import type { Day } from '../calendar/day';
import type { Language } from '../i18n/language';
import type { Issue } from '../issues/issue';
import type { Minor } from '../money/money';
import type { EntryType } from './entryTypes';
import type { EntryStore } from './entryStore';
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

/** A posted ledger entry, as a statement line shows it. `amount` is signed: positive = the customer owes more. */
export interface Entry {
  /** Position in Ledger.entries. */
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
  /** The two sides: document numbers, or entry numbers when `byEntry` (`from_entry`/`to_entry`: Business Central's links). */
  readonly from: string;
  readonly to: string;
  readonly byEntry?: boolean;
  /** Cell text: its currency (hence decimals) is known only once the documents are found. */
  readonly amountText: string;
  readonly date: Day | undefined;
}

export interface Ledger {
  readonly customers: readonly Customer[];
  /** The posted entries, as columns; `entries.entry(i)` builds one as an object. */
  readonly entries: EntryStore;
  readonly applications: readonly ApplicationRow[];
  /** Every problem found reading the tables, in table and row order. */
  readonly issues: readonly Issue[];
  /** True when a table could not be read at all: every statement is blocked. */
  readonly unreadable: boolean;
}
