import type { Issue } from '../issues/issue';
import type { RawTable } from '../ledger/rawTable';

/**
 * The seam every accounting system's export plugs into (issue 16). A profile recognises its
 * system's tables by their header cells and turns them into the ledger contract (DESIGN.md §3 as
 * grown here: `entry_no`, `open_amount`, applications by `from_entry`/`to_entry`). The finder
 * (`tables/tableFinder.ts`) runs it for every door: CLI, task pane and `=STMT.*` functions.
 * Profiles are pure and listed in `registry.ts`.
 */
export interface VendorProfile {
  /** Stable id (fixtures, tests): `business-central`, `quickbooks`, `xero`, `odoo`, `sage`. */
  readonly id: string;
  /** As the user knows it, in every message: "Business Central". */
  readonly system: string;
  /**
   * Does this header row (the cells' texts, trimmed, as found left to right) start one of this
   * system's tables? Undefined when not. Compare headers with `normaliseKey` (`headerRoles.ts`).
   * Must not claim a plain ledger in the contract's own columns: ask for what only this system writes.
   */
  recognise(headers: readonly string[]): Recognition | undefined;
  /**
   * Every table of this system the finder found in one workbook, CSV file or function range (a
   * Customer Ledger Entries sheet and a Detailed entries sheet come together), into the contract.
   */
  convert(tables: readonly VendorTable[], options?: ExportOptions): Converted;
}

/**
 * What the user says about an export that the file itself does not: Odoo's journal items hold every
 * account, so the user may name the receivable one(s) (`--account`, the pane's "Receivable account").
 * A profile ignores options it has no use for.
 */
export interface ExportOptions {
  /** Account codes (a prefix: "411" takes 411000 and 411100) or full account names. */
  readonly accounts?: readonly string[];
}

/** How the finder must read a recognised table's cells. */
export type ColumnKind = 'text' | 'date' | 'money';

export interface Recognition {
  /** The profile's own name for this table ("Customer Ledger Entries", "Detailed Cust. Ledg. Entries"), for the report. */
  readonly kind: string;
  /** By header position: a `date` cell comes as ISO text, a `money` cell as a plain decimal ("-1200.5"); `text` as is. */
  readonly kinds: readonly ColumnKind[];
  /**
   * True for reports grouped by customer (a group row, its lines, a "Total for …" row): every
   * non-blank row is kept for `convert`, which reads group, subtotal and total rows itself (and
   * reports them). False: totals, notes and blank rows are left out and reported by the finder.
   */
  readonly keepAllRows?: boolean;
  /** Headers this table's own rules understood: the best-scoring recognition of a sheet wins. */
  readonly score: number;
}

/** A table a profile recognised, its cells coerced per `kinds`, with its sheet, rows and column letters for cell addresses. */
export interface VendorTable {
  readonly recognition: Recognition;
  /** `table` is `entries` (a placeholder: the profile decides); headers as found. */
  readonly raw: RawTable;
}

/** One column of the export and what it was used for, for the recognition report. */
export interface ColumnUse {
  readonly sheet: string;
  readonly header: string;
  /** The contract column it feeds (`posting_date`, `open_amount`, `from_entry`…) or a short note ("customer groups"). */
  readonly use: string;
}

/** A profile's tables in the contract. Converted tables keep the source's sheet, row numbers and column letters, so every issue names the export's own cell. */
export interface Converted {
  readonly customers: readonly RawTable[];
  readonly entries: readonly RawTable[];
  readonly applications: readonly RawTable[];
  /** Problems of the export itself (a link to an entry the file lacks…): the contract's issues, with cells. */
  readonly issues: readonly Issue[];
  readonly used: readonly ColumnUse[];
  /** Headers of the export not used: listed in the recognition report, not warned about one by one. */
  readonly unused: readonly { readonly sheet: string; readonly header: string }[];
}
