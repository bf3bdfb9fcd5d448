import { TableFinder, type CellRange, type DateOrder, type DeclaredTable, type ExportOptions, type FoundTables, type Localised, type TableMappings } from '../../core';
import { parseAreas, parseSheetAddress } from './a1';
import { isPayloadLimit, rowsPerBlock, type ExcelRun } from './excelRun';
import { gridRow } from './officeCells';
import { EXCEL_REQUIREMENTS, hostSupports } from './requirements';
import { readSettingsRows, SETTINGS_SHEET, WRITTEN_SHEET } from './settingsSheet';
import { isDate1904, queueInventory } from './workbookInventory';

export interface LedgerReadOptions {
  /** The workbook's name, for the message when no ledger is found (default "workbook"). */
  readonly source?: string;
  /** Dates typed as text: day first (default) or month first. */
  readonly dateOrder?: DateOrder;
  readonly mapping?: TableMappings | undefined;
  /** What the user said about another system's export (its receivable accounts…). */
  readonly exportOptions?: ExportOptions | undefined;
  /** Does the host have ExcelApi `version`? Default: Office.context.requirements. */
  readonly isSetSupported?: (version: string) => boolean;
  /** JSON bytes one block of values may weigh (default 2,000,000: well under Excel's 5 MB). */
  readonly blockBytes?: number;
  /** Cells one block may cover (default 1,000,000: Excel's limit is 5,000,000). */
  readonly blockCells?: number;
  readonly onRows?: (rowsRead: number) => void;
}

export type LedgerRead = FoundTables & {
  /** What the reader could not do on this host, in both languages (merged cells left unfilled). */
  readonly notes: readonly Localised[];
  /** Round trips to Excel. */
  readonly syncs: number;
};

interface SheetPlan {
  readonly name: string;
  readonly tables: DeclaredTable[];
  merged?: CellRange[];
  used?: Excel.Range;
  areas?: Excel.RangeAreas;
}

const MERGED = EXCEL_REQUIREMENTS.optional[0].version;

/**
 * Finds the ledger in the open workbook, as the CLI's `readWorkbook` does in a file: the core
 * TableFinder fed per sheet with its name, its Excel tables, its merged cells (where the host has
 * ExcelApi 1.13) and its used range's values, read in blocks of rows sized so that no request or
 * response nears 5 MB and no read 5,000,000 cells. The add-in's own sheets (its settings sheet and
 * the sheets its last run wrote) are not read.
 *
 * Round trips: one for the sheets, tables and date system, one for where each sheet's cells are,
 * one for the first block of every sheet (as many as fit a block), then one per further block.
 */
export async function readLedgerFromWorkbook(excelRun: ExcelRun, options: LedgerReadOptions = {}): Promise<LedgerRead> {
  const supports = options.isSetSupported ?? hostSupports;
  const budget = options.blockBytes ?? 2_000_000;
  const maxCells = options.blockCells ?? 1_000_000;
  return excelRun(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const workbook = context.workbook;
    const inventory = queueInventory(workbook);
    const { sheets, tables, settings } = inventory;
    await sync();
    const date1904 = isDate1904(inventory);

    const record = settings.isNullObject ? undefined : settings.getUsedRangeOrNullObject(true).load('values');
    const tableRanges = tables.items.map((t) => ({ name: t.name, range: t.getRange().load('address') }));
    const withMerges = supports(MERGED);
    const plans: SheetPlan[] = [];
    for (const ws of sheets.items) {
      if (ws.name === SETTINGS_SHEET) continue;
      const plan: SheetPlan = { name: ws.name, tables: [] };
      plan.used = ws.getUsedRangeOrNullObject(true).load('rowIndex, columnIndex, rowCount, columnCount');
      if (withMerges) plan.areas = ws.getRange().getMergedAreasOrNullObject().load('address');
      plans.push(plan);
    }
    await sync();

    const ours = new Set(record === undefined || record.isNullObject ? [] : readSettingsRows(record.values).filter((r) => r.key === WRITTEN_SHEET).map((r) => r.value.toLowerCase()));
    for (const t of tableRanges) {
      const at = parseSheetAddress(t.range.address);
      const plan = plans.find((p) => p.name === at?.sheet);
      if (at !== undefined && plan !== undefined) plan.tables.push({ name: t.name, ...at.range });
    }
    for (const plan of plans) {
      if (plan.areas !== undefined && !plan.areas.isNullObject) plan.merged = parseAreas(plan.areas.address).map((a) => a.range);
    }

    const finder = new TableFinder({ source: options.source ?? 'workbook', dateOrder: options.dateOrder ?? 'dmy', date1904, mapping: options.mapping, exportOptions: options.exportOptions });
    let bytesPerCell = 24;
    let rowsRead = 0;
    // One round trip for the first block of every sheet, as many as fit one block's budget: a
    // workbook of small sheets is read in three round trips, not two plus one per sheet.
    const first = new Map<string, { top: number; bottom: number; range: Excel.Range }>();
    let cellsAsked = 0;
    for (const plan of plans) {
      const used = plan.used;
      if (ours.has(plan.name.toLowerCase()) || used === undefined || used.isNullObject) continue;
      const rows = Math.min(used.rowCount, rowsPerBlock(used.columnCount, bytesPerCell, budget, maxCells));
      const cells = rows * used.columnCount;
      if (cellsAsked + cells > Math.min(maxCells, budget / bytesPerCell)) break;
      cellsAsked += cells;
      const top = used.rowIndex + 1;
      const range = workbook.worksheets.getItem(plan.name).getRangeByIndexes(used.rowIndex, used.columnIndex, rows, used.columnCount).load('values');
      first.set(plan.name, { top, bottom: top + rows - 1, range });
    }
    if (first.size > 0) {
      try {
        await sync();
      } catch (error) {
        if (!isPayloadLimit(error)) throw error;
        first.clear(); // each sheet is then read block by block
      }
    }
    for (const plan of plans) {
      if (ours.has(plan.name.toLowerCase())) continue;
      const sheet = finder.sheet({ name: plan.name, tables: plan.tables, merged: plan.merged });
      const used = plan.used;
      if (used === undefined || used.isNullObject) {
        sheet.end(0);
        continue;
      }
      const firstColumn = used.columnIndex + 1;
      const columns = used.columnCount;
      const lastRow = used.rowIndex + used.rowCount;
      let ws: Excel.Worksheet | undefined; // only when a block is not in hand: an unused proxy still costs a round trip
      let row = used.rowIndex + 1;
      let cap = Infinity; // lowered when Excel refused a block as too large
      while (row <= lastRow) {
        while (row <= lastRow && !sheet.wants(row)) row++;
        if (row > lastRow) break;
        const size = Math.min(cap, rowsPerBlock(columns, bytesPerCell, budget, maxCells));
        const had = first.get(plan.name);
        const cached = had !== undefined && row >= had.top && row <= had.bottom ? had : undefined;
        const last = cached?.bottom ?? lastRow;
        let end = row;
        while (end < last && end - row + 1 < size && sheet.wants(end + 1)) end++;
        let values: unknown[][];
        if (cached !== undefined) values = cached.range.values.slice(row - cached.top, end - cached.top + 1);
        else {
          ws ??= workbook.worksheets.getItem(plan.name);
          const block = ws.getRangeByIndexes(row - 1, firstColumn - 1, end - row + 1, columns).load('values');
          try {
            await sync();
          } catch (error) {
            if (!isPayloadLimit(error) || end === row) throw error;
            cap = Math.max(1, Math.floor((end - row + 1) / 2));
            continue;
          }
          values = block.values;
        }
        bytesPerCell = Math.max(bytesPerCell, Math.ceil(JSON.stringify(values).length / Math.max(1, values.length * columns)));
        values.forEach((line, i) => {
          const cells = gridRow(line);
          if (cells !== undefined && sheet.wants(row + i)) sheet.row(row + i, firstColumn, cells);
        });
        rowsRead += values.length;
        options.onRows?.(rowsRead);
        row = end + 1;
      }
      sheet.end(lastRow);
    }
    const notes: Localised[] = withMerges ? [] : [{
      en: `Merged cells were read as empty: they need ExcelApi ${MERGED}, which this version of Excel does not have.`,
      fr: `Les cellules fusionnées ont été lues vides : il faut ExcelApi ${MERGED}, que cette version d'Excel n'a pas.`,
    }];
    return { ...finder.finish(), notes, syncs };
  });
}
