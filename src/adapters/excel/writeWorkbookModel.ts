import { dayToExcelSerial, moneyNumber, type Cell, type CellValue, type SheetModel, type WorkbookModel } from '../../core';
import type { ExcelRun } from './excelRun';
import { borderOf, styledBlocks, widthInPoints } from './officeStyles';
import { readSettingsRows, SETTINGS_SHEET, settingsValues, WRITTEN_SHEET } from './settingsSheet';
import { isDate1904, queueInventory } from './workbookInventory';

export interface WriteModelOptions {
  /** JSON bytes of values and formats one sync may send (default 2,000,000: well under Excel's 5 MB). */
  readonly requestBytes?: number;
  readonly onProgress?: (sheetsDone: number, sheets: number) => void;
}

export interface ModelWritten {
  /** The sheets written, in the model's order, as named in the workbook. */
  readonly sheets: readonly string[];
  /** The sheets of the previous run, removed. */
  readonly removed: readonly string[];
  /** Model sheets renamed because one of the user's sheets had the name (model name → name written). */
  readonly renamed: Readonly<Record<string, string>>;
  readonly syncs: number;
}

/** A text cell always goes with Excel's "'" prefix, so "00123", "2026-01-05", "TRUE" or "=x" stay text. */
function officeValue(value: CellValue, date1904: boolean): string | number | boolean {
  switch (value.kind) {
    case 'blank':
      return '';
    case 'text':
      return value.text === '' ? '' : `'${value.text}`;
    case 'number':
    case 'boolean':
      return value.value;
    case 'money':
      return moneyNumber(value.minor, value.currency);
    case 'date':
      return dayToExcelSerial(value.day, date1904);
  }
}

const widthOf = (sheet: SheetModel) => Math.max(1, ...sheet.rows.map((r) => r.length));

/** A free name for `name`: "Issues (2)", cut to Excel's 31 characters. */
function freeName(name: string, taken: Set<string>, max = 31, join = (base: string, n: number) => `${base} (${n})`): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = join('', n);
    const candidate = join(name.slice(0, max - suffix.length), n);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Writes a workbook model (core's statements workbook) into the open workbook with Office.js, as
 * `workbookAsXlsx` lays it out in a file: values in blocks first, then number formats, styles,
 * tables, column widths, frozen panes, print titles and page setup, each sync with calculation
 * suspended. The sheets the previous run wrote (listed in the hidden "Statements settings" sheet)
 * are replaced; the user's own sheets are never touched: a model sheet whose name one of them has
 * is written under a free name, as is a table whose name one of their tables has.
 */
export async function writeWorkbookModel(excelRun: ExcelRun, model: WorkbookModel, options: WriteModelOptions = {}): Promise<ModelWritten> {
  const budget = options.requestBytes ?? 2_000_000;
  return excelRun(async (context) => {
    let syncs = 0;
    let pending = 0;
    const workbook = context.workbook;
    const sync = async () => {
      syncs++;
      pending = 0;
      await context.sync();
      workbook.application.suspendApiCalculationUntilNextSync();
    };
    /** Room for `bytes` more in this sync, or a sync first. */
    const room = async (bytes: number) => {
      if (pending > 0 && pending + bytes > budget) await sync();
      pending += bytes;
    };

    // 1. What is there: the sheets, the tables, the record of the last run, the date system.
    const inventory = queueInventory(workbook);
    const { sheets, tables, settings } = inventory;
    await sync();
    const date1904 = isDate1904(inventory);
    const record = settings.isNullObject ? undefined : settings.getUsedRangeOrNullObject(true).load('values');
    if (record !== undefined) await sync();
    const kept = record === undefined || record.isNullObject ? [] : readSettingsRows(record.values);
    const listed = new Set(kept.filter((r) => r.key === WRITTEN_SHEET).map((r) => r.value.toLowerCase()));
    const previous = sheets.items.filter((s) => listed.has(s.name.toLowerCase()) && s.name !== SETTINGS_SHEET);
    const ourTables = previous.map((s) => s.tables.load('items/name'));
    if (ourTables.length > 0) await sync();
    const oldTables = new Set(ourTables.flatMap((t) => t.items.map((x) => x.name.toLowerCase())));

    // 2. Names: never one of the user's sheets or tables.
    const takenSheets = new Set(sheets.items.filter((s) => !previous.includes(s)).map((s) => s.name.toLowerCase()));
    takenSheets.add(SETTINGS_SHEET.toLowerCase());
    const takenTables = new Set(tables.items.map((t) => t.name.toLowerCase()).filter((n) => !oldTables.has(n)));
    const renamed: Record<string, string> = {};
    const names = model.sheets.map((s) => {
      const name = freeName(s.name, takenSheets);
      takenSheets.add(name.toLowerCase());
      if (name !== s.name) renamed[s.name] = name;
      return name;
    });

    const removed = previous.map((s) => s.name);
    // 3. The old sheets go (renamed first, so a workbook never lacks a visible sheet), the new ones come, the record says so.
    previous.forEach((s, i) => (s.name = `~statements-old-${i + 1}`));
    const targets = model.sheets.map((_, i) => workbook.worksheets.add(names[i]));
    previous.forEach((s) => s.delete());
    const record2 = settings.isNullObject ? workbook.worksheets.add(SETTINGS_SHEET) : settings;
    if (record !== undefined && !record.isNullObject) record2.getUsedRange().clear();
    const rows = [...kept.filter((r) => r.key !== WRITTEN_SHEET), ...names.map((value) => ({ key: WRITTEN_SHEET, value }))];
    const values = settingsValues(rows);
    record2.getRangeByIndexes(0, 0, values.length, 2).values = values;
    record2.visibility = 'Hidden';
    await sync();

    // 4. Values, in blocks of rows, for every sheet; then number formats the same way.
    for (const [i, sheet] of model.sheets.entries()) {
      const ws = targets[i] as Excel.Worksheet;
      const width = widthOf(sheet);
      await inBlocks(sheet, width, (cells) => cells.map((c) => officeValue(c.value, date1904)), '', async (top, block, bytes) => {
        await room(bytes);
        ws.getRangeByIndexes(top, 0, block.length, width).values = block;
      });
    }
    for (const [i, sheet] of model.sheets.entries()) {
      const ws = targets[i] as Excel.Worksheet;
      const width = widthOf(sheet);
      await inBlocks(sheet, width, (cells) => cells.map((c) => c.format ?? 'General'), 'General', async (top, block, bytes) => {
        if (block.every((r) => r.every((f) => f === 'General'))) return;
        await room(bytes);
        ws.getRangeByIndexes(top, 0, block.length, width).numberFormat = block;
      });
    }

    // 5. Styles, tables, widths, panes, printing.
    for (const [i, sheet] of model.sheets.entries()) {
      const ws = targets[i] as Excel.Worksheet;
      for (const b of styledBlocks(sheet)) {
        await room(400);
        const format = ws.getRangeByIndexes(b.top - 1, b.left - 1, b.bottom - b.top + 1, b.right - b.left + 1).format;
        const s = b.style;
        if (s.bold !== undefined) format.font.bold = s.bold;
        if (s.italic !== undefined) format.font.italic = s.italic;
        if (s.size !== undefined) format.font.size = s.size;
        if (s.color !== undefined) format.font.color = `#${s.color}`;
        if (s.fill !== undefined) format.fill.color = `#${s.fill}`;
        if (s.horizontal !== undefined) format.horizontalAlignment = s.horizontal === 'left' ? 'Left' : s.horizontal === 'center' ? 'Center' : 'Right';
        if (s.wrap !== undefined) format.wrapText = s.wrap;
        const edges = { top: 'EdgeTop', bottom: 'EdgeBottom', left: 'EdgeLeft', right: 'EdgeRight' } as const;
        for (const side of ['top', 'bottom', 'left', 'right'] as const) {
          const line = s.border?.[side];
          if (line === undefined) continue;
          const border = format.borders.getItem(edges[side]);
          const { style, weight } = borderOf(line);
          border.style = style;
          border.weight = weight;
        }
      }
      for (const t of sheet.tables) {
        await room(300);
        const name = freeName(t.name, takenTables, 255, (base, n) => `${base}_${n}`);
        takenTables.add(name.toLowerCase());
        const table = ws.tables.add(ws.getRangeByIndexes(t.top - 1, t.left - 1, t.dataRows + 1, t.headers.length), true);
        table.name = name;
        table.style = t.style;
        table.showBandedRows = t.rowStripes;
      }
      sheet.columnWidths.forEach((w, c) => {
        pending += 100;
        ws.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = widthInPoints(w);
      });
      const frozen = sheet.frozen;
      if (frozen !== undefined && (frozen.rows > 0 || frozen.columns > 0)) {
        if (frozen.columns === 0) ws.freezePanes.freezeRows(frozen.rows);
        else if (frozen.rows === 0) ws.freezePanes.freezeColumns(frozen.columns);
        else ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, frozen.rows, frozen.columns));
      }
      const page = sheet.pageSetup;
      if (page !== undefined) {
        const layout = ws.pageLayout;
        layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        layout.paperSize = page.paper === 'A4' ? 'A4' : 'Letter';
        // 0 pages ("as many as it takes") is left out, as in `zoom = { horizontalFitToPages: 1 }` (fit the columns to one page).
        layout.zoom = { ...(page.fitToWidth > 0 ? { horizontalFitToPages: page.fitToWidth } : {}), ...(page.fitToHeight > 0 ? { verticalFitToPages: page.fitToHeight } : {}) };
        // Office.js takes margins in points; the model (like the .xlsx) in inches.
        layout.leftMargin = page.margins.left * 72;
        layout.rightMargin = page.margins.right * 72;
        layout.topMargin = page.margins.top * 72;
        layout.bottomMargin = page.margins.bottom * 72;
        layout.headerMargin = page.margins.header * 72;
        layout.footerMargin = page.margins.footer * 72;
      }
      if (sheet.printTitleRows !== undefined) ws.pageLayout.setPrintTitleRows(`$${sheet.printTitleRows.first}:$${sheet.printTitleRows.last}`);
      options.onProgress?.(i + 1, model.sheets.length);
    }
    syncs++;
    await context.sync(); // the last commands (there always are: page setup, or the suspension queued after the last sync)
    return { sheets: names, removed, renamed, syncs };
  });
}

/** The sheet's rows as 2-D arrays `width` wide, cut into blocks of at most `budget / 4` JSON bytes. */
async function inBlocks<T>(sheet: SheetModel, width: number, cells: (row: readonly Cell[]) => T[], blank: T, send: (top: number, block: T[][], bytes: number) => Promise<void>, budget = 500_000): Promise<void> {
  let block: T[][] = [];
  let bytes = 0;
  let top = 0;
  for (const [r, row] of sheet.rows.entries()) {
    const line = cells(row);
    while (line.length < width) line.push(blank);
    const size = JSON.stringify(line).length;
    if (block.length > 0 && bytes + size > budget) {
      await send(top, block, bytes);
      [block, bytes, top] = [[], 0, r];
    }
    block.push(line);
    bytes += size;
  }
  if (block.length > 0) await send(top, block, bytes);
}
