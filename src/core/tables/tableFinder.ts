import { convertVendorTables, recogniseHeader } from '../exports/recognise';
import type { Recognition, VendorProfile } from '../exports/vendorProfile';
import type { Localised } from '../i18n/language';
import { makeIssue, type Issue, type TableName } from '../issues/issue';
import type { LedgerTables } from '../ledger/buildLedger';
import type { RawTable } from '../ledger/rawTable';
import type { DateOrder } from './coerce';
import { customersFromEntries } from './customersFromEntries';
import type { TableMappings } from './detectHeader';
import type { GridValue } from './gridValue';
import { SheetFinder, type SheetLayout, type TableRegister } from './sheetFinder';
import { gridText, TableBuilder, type GridReadOptions } from './tableBuilder';

export interface FinderOptions {
  /** The workbook's name, for the message when no entries table is found. */
  readonly source: string;
  /** Dates typed as text: day first or month first. */
  readonly dateOrder: DateOrder;
  /** The workbook counts its date serials from 1904 (old Mac workbooks). */
  readonly date1904: boolean;
  readonly mapping?: TableMappings | undefined;
}

export type FoundTables = { ok: true; tables: LedgerTables; issues: Issue[] } | { ok: false; error: Localised };

/**
 * Finds the customers, entries and applications tables of a workbook from rows pushed to it, from
 * any source (an .xlsx stream, Office.js grids): per sheet, an Excel table named like a ledger table,
 * else the header row found in the first rows (the sheet's name, if it names a table, wins ties);
 * titles, notes, totals and blank rows are reported, not read; merged cells read as a person sees them.
 *
 *     const finder = new TableFinder(options);
 *     const sheet = finder.sheet({ name, tables, merged });
 *     for (each row) if (sheet.wants(row)) sheet.row(row, firstColumn, cells);
 *     sheet.end(lastRow);
 *     ... other sheets ...
 *     const found = finder.finish();
 *
 * Rows are never held beyond the few searched for a header, so a million-row sheet streams through.
 */
export class TableFinder {
  private readonly found: Record<TableName, { sheet: string; builder: TableBuilder }[]> = { customers: [], entries: [], applications: [] };
  /** Tables another system's profile recognised (exports/), converted into the contract at the end. */
  private readonly vendor: { profile: VendorProfile; builder: TableBuilder; recognition: Recognition }[] = [];
  /** Issues found while reading, in order; each table's own issues follow them at the end. */
  private readonly issues: Issue[] = [];
  private current: SheetFinder | undefined;
  private readonly register: TableRegister;

  constructor(private readonly options: FinderOptions) {
    this.register = {
      mapping: options.mapping,
      issue: (issue) => this.issues.push(issue),
      open: (table, sheet, headerRow, firstColumn, headerCells) => this.open(table, sheet, headerRow, firstColumn, headerCells),
    };
  }

  /** Starts a sheet (ending the previous one if its `end` was not called). */
  sheet(layout: SheetLayout): SheetFinder {
    this.current?.end();
    this.current = new SheetFinder(layout, this.register);
    return this.current;
  }

  /** The tables found (several sheets of one table are read one after the other) and every issue, or why there is no ledger. */
  finish(): FoundTables {
    this.current?.end();
    const issues = [...this.issues];
    const finished: Record<TableName, RawTable[]> = { customers: [], entries: [], applications: [] };
    for (const table of Object.keys(this.found) as TableName[]) {
      for (const f of this.found[table]) {
        const r = f.builder.finish();
        finished[table].push(r.raw);
        issues.push(...r.issues);
      }
    }
    if (this.vendor.length > 0) {
      const found = this.vendor.map((v) => {
        const r = v.builder.finish();
        issues.push(...r.issues);
        return { profile: v.profile, table: { recognition: v.recognition, raw: r.raw } };
      });
      const converted = convertVendorTables(found);
      issues.push(...converted.issues);
      finished.customers.push(...converted.customers);
      finished.entries.push(...converted.entries);
      finished.applications.push(...converted.applications);
    }
    if (finished.entries.length === 0) {
      const name = this.options.source;
      return {
        ok: false,
        error: {
          en: `${name}: no entries table found (a sheet with Customer, Document No., Posting Date and Amount headers, in English or French)`,
          fr: `${name} : aucune table d'écritures trouvée (un onglet avec les en-têtes N° client, N° pièce, Date comptable et Montant, en français ou en anglais)`,
        },
      };
    }
    if (finished.customers.length === 0) {
      const derived = customersFromEntries(finished.entries);
      finished.customers.push(derived.table);
      issues.push(derived.issue);
    }
    return { ok: true, tables: { customers: finished.customers, entries: finished.entries, applications: finished.applications }, issues };
  }

  private open(table: TableName, sheet: string, headerRow: number, firstColumn: number, headerCells: readonly GridValue[]): TableBuilder {
    const vendor = recogniseHeader(headerCells.map((c) => gridText(c).trim()));
    if (vendor !== undefined) {
      // Read with the profile's column kinds and no header mapping: the profile knows its columns.
      const builder = new TableBuilder('entries', sheet, headerRow, headerCells, { dateOrder: this.options.dateOrder, date1904: this.options.date1904 }, firstColumn - 1, vendor.recognition);
      this.vendor.push({ profile: vendor.profile, builder, recognition: vendor.recognition });
      return builder;
    }
    const grid: GridReadOptions = { dateOrder: this.options.dateOrder, date1904: this.options.date1904, mapping: this.options.mapping?.[table] };
    const builder = new TableBuilder(table, sheet, headerRow, headerCells, grid, firstColumn - 1);
    const already = this.found[table][0];
    if (already !== undefined) this.issues.push(makeIssue('duplicate-table', { table }, { sheet, first: already.sheet }));
    this.found[table].push({ sheet, builder });
    return builder;
  }
}
