import { dayFromCivil } from '../../../src/core';
import { compareVersions } from '../../../src/adapters/excel/requirements';
import { formatAddress, MAX_COLUMNS, MAX_ROWS, parseAddress, type Rect } from './addresses';
import { ClientObject, defineClass, type ClassDef, type Context, type Member } from './clientObject';
import { FakeExcelError } from './errors';
import { DEFAULT_COLUMN_WIDTH, newSheet, usedRect, type Border, type CellFormat, type Scalar, type SheetState, type TableState, type WorkbookState } from './state';

/** What the classes need of a request context: the workbook, and making child objects. */
export interface ClassContext extends Context {
  readonly state: WorkbookState;
  /** A child object, resolved when its creation command runs at sync (`null` from `resolve`: a null object). */
  create(def: ClassDef, via: unknown, resolve: () => unknown, nullable?: boolean): ClientObject;
  /** Marks the current sync as one run with calculation suspended. */
  suspendCalculation(): void;
}

interface RangeT {
  readonly sheet: SheetState;
  readonly rect: Rect;
}

const cx = (self: ClientObject): ClassContext => self.ctx as ClassContext;
const invalid = (message: string) => new FakeExcelError('InvalidArgument', message);

function alive(state: WorkbookState, sheet: SheetState): SheetState {
  if (!state.sheets.includes(sheet)) throw new FakeExcelError('InvalidObjectPath', `the worksheet ${sheet.name} was deleted`);
  return sheet;
}

const cellCount = (r: RangeT) => r.rect.rows * r.rect.columns;

function forEachCell(r: RangeT, f: (row: number, column: number) => void): void {
  if (cellCount(r) > 2_000_000) throw new FakeExcelError('ApiNotImplemented', `formatting ${cellCount(r)} cells at once (the fake formats up to 2,000,000)`);
  for (let i = 0; i < r.rect.rows; i++) for (let j = 0; j < r.rect.columns; j++) f(r.rect.top + i, r.rect.left + j);
}

function grid<T>(r: RangeT, cells: readonly (readonly (T | undefined)[] | undefined)[], empty: T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < r.rect.rows; i++) {
    const row = cells[r.rect.top + i];
    const line = new Array<T>(r.rect.columns);
    for (let j = 0; j < r.rect.columns; j++) line[j] = row?.[r.rect.left + j] ?? empty;
    out.push(line);
  }
  return out;
}

/** A 2-D array the size of the range, as Excel requires of `values` and `numberFormat`. */
function checkShape(r: RangeT, v: unknown, what: string): unknown[][] {
  const ok = Array.isArray(v) && v.length === r.rect.rows && v.every((row) => Array.isArray(row) && row.length === r.rect.columns);
  if (!ok) throw invalid(`${what}: the number of rows or columns in the input array doesn't match the size or dimensions of the range (${r.rect.rows}×${r.rect.columns})`);
  return v as unknown[][];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A value written through `values`, read as Excel reads what is typed: "'" keeps the rest as text,
 * plain numbers, TRUE/FALSE and ISO dates become numbers, booleans and date serials; a formula is
 * outside the subset. `null` leaves the cell as it is.
 */
function typed(v: unknown, date1904: boolean): Scalar | undefined | null {
  if (v === null) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw invalid(`values: ${v} is not a number Excel holds`);
    return v;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') throw invalid(`values: ${typeof v} is not a cell value (text, number or boolean)`);
  if (v === '') return undefined;
  if (v.startsWith("'")) return v.slice(1);
  if (v.startsWith('=')) throw new FakeExcelError('ApiNotImplemented', `values: "${v.slice(0, 20)}" would be a formula; the add-in writes none (prefix text with ')`);
  if (NUMBER.test(v.trim())) return Number(v);
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  const d = ISO_DATE.exec(v);
  if (d !== null) return dayFromCivil(Number(d[1]), Number(d[2]), Number(d[3])) - (date1904 ? dayFromCivil(1904, 1, 1) : dayFromCivil(1899, 12, 30));
  return v;
}

function writeValues(state: WorkbookState, r: RangeT, v: unknown): void {
  const rows = checkShape(r, v, 'values');
  const sheet = alive(state, r.sheet);
  rows.forEach((line, i) => {
    const at = r.rect.top + i;
    const target = (sheet.values[at] ??= []);
    line.forEach((cell, j) => {
      const t = typed(cell, state.date1904);
      if (t !== null) target[r.rect.left + j] = t;
    });
  });
}

function writeFormats(state: WorkbookState, r: RangeT, v: unknown): void {
  const rows = checkShape(r, v, 'numberFormat');
  const sheet = alive(state, r.sheet);
  rows.forEach((line, i) => {
    const target = (sheet.formats[r.rect.top + i] ??= []);
    line.forEach((f, j) => {
      if (f === null) return;
      if (typeof f !== 'string') throw invalid('numberFormat: format codes are text');
      target[r.rect.left + j] = f === 'General' ? undefined : f;
    });
  });
}

function cellFormat(sheet: SheetState, row: number, column: number): CellFormat {
  const key = row * MAX_COLUMNS + column;
  let f = sheet.cellFormats.get(key);
  if (f === undefined) sheet.cellFormats.set(key, (f = {}));
  return f;
}

/** One value for the whole range, or null when its cells differ (as Office.js answers). */
function uniform(r: RangeT, read: (f: CellFormat | undefined) => unknown): unknown {
  let first: unknown;
  let seen = false;
  let same = true;
  forEachCell(r, (row, column) => {
    const v = read(r.sheet.cellFormats.get(row * MAX_COLUMNS + column));
    if (!seen) [first, seen] = [v, true];
    else if (v !== first) same = false;
  });
  return same ? first : null;
}

function formatProperty<K extends keyof CellFormat>(key: K, fallback: CellFormat[K], version = '1.1', check?: (v: unknown) => boolean): Member<RangeT> {
  return {
    version,
    get: (r) => uniform(r, (f) => f?.[key] ?? fallback),
    set: (r, v) => {
      if (check !== undefined && !check(v)) throw invalid(`format.${key}: ${JSON.stringify(v)} is not a valid value`);
      forEachCell(r, (row, column) => (cellFormat(r.sheet, row, column)[key] = v as CellFormat[K]));
    },
  };
}

const COLOR = (v: unknown) => typeof v === 'string' && /^#[0-9A-Fa-f]{6}$/.test(v);

const RangeFont = defineClass<RangeT>('RangeFont', {
  bold: formatProperty('bold', false, '1.1', (v) => typeof v === 'boolean'),
  italic: formatProperty('italic', false, '1.1', (v) => typeof v === 'boolean'),
  size: formatProperty('size', 11, '1.1', (v) => typeof v === 'number' && v >= 1 && v <= 409),
  color: formatProperty('color', '#000000', '1.1', COLOR),
});

const RangeFill = defineClass<RangeT>('RangeFill', {
  color: formatProperty('fill', '#FFFFFF', '1.1', COLOR),
});

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';
interface BorderT {
  readonly range: RangeT;
  readonly edge: Edge;
}

/** The cell sides an edge of a range draws. */
function sides(b: BorderT): { row: number; column: number; side: 'top' | 'bottom' | 'left' | 'right' }[] {
  const { top, left, rows, columns } = b.range.rect;
  const out: { row: number; column: number; side: 'top' | 'bottom' | 'left' | 'right' }[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const row = top + i, column = left + j;
      if (b.edge === 'EdgeTop' && i === 0) out.push({ row, column, side: 'top' });
      if (b.edge === 'EdgeBottom' && i === rows - 1) out.push({ row, column, side: 'bottom' });
      if (b.edge === 'EdgeLeft' && j === 0) out.push({ row, column, side: 'left' });
      if (b.edge === 'EdgeRight' && j === columns - 1) out.push({ row, column, side: 'right' });
      if (b.edge === 'InsideHorizontal') {
        if (i > 0) out.push({ row, column, side: 'top' });
        if (i < rows - 1) out.push({ row, column, side: 'bottom' });
      }
      if (b.edge === 'InsideVertical') {
        if (j > 0) out.push({ row, column, side: 'left' });
        if (j < columns - 1) out.push({ row, column, side: 'right' });
      }
    }
  }
  return out;
}

function borderProperty(key: keyof Border, allowed: readonly string[], fallback: string): Member<BorderT> {
  return {
    version: '1.1',
    get: (b) => {
      const vs = new Set(sides(b).map((s) => b.range.sheet.cellFormats.get(s.row * MAX_COLUMNS + s.column)?.borders?.[s.side]?.[key] ?? fallback));
      return vs.size === 1 ? [...vs][0] : null;
    },
    set: (b, v) => {
      if (typeof v !== 'string' || !allowed.includes(v)) throw invalid(`border ${key}: ${JSON.stringify(v)} (expected ${allowed.join(', ')})`);
      for (const s of sides(b)) {
        const f = cellFormat(b.range.sheet, s.row, s.column);
        const borders = (f.borders ??= {});
        const was: Border = borders[s.side] ?? { style: 'Continuous', weight: 'Thin' };
        borders[s.side] = { ...was, [key]: v };
        if (key === 'style' && v === 'None') delete borders[s.side];
      }
    },
  };
}

const RangeBorder = defineClass<BorderT>('RangeBorder', {
  style: borderProperty('style', ['Continuous', 'Double', 'None'], 'None'),
  weight: borderProperty('weight', ['Thin', 'Medium', 'Thick'], 'Thin'),
});

const EDGES: readonly Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];

const RangeBorderCollection = defineClass<RangeT>('RangeBorderCollection', {
  getItem: {
    version: '1.1',
    call: (self, index) => {
      if (!EDGES.includes(index as Edge)) throw invalid(`borders.getItem(${JSON.stringify(index)}): the fake knows ${EDGES.join(', ')}`);
      return cx(self).create(RangeBorder, { getItem: index }, () => ({ range: self.need<RangeT>(), edge: index })).proxy;
    },
  },
});

const same = (self: ClientObject) => () => self.need();

const RangeFormat = defineClass<RangeT>('RangeFormat', {
  font: { version: '1.1', child: (self) => cx(self).create(RangeFont, 'font', same(self)) },
  fill: { version: '1.1', child: (self) => cx(self).create(RangeFill, 'fill', same(self)) },
  borders: { version: '1.1', child: (self) => cx(self).create(RangeBorderCollection, 'borders', same(self)) },
  horizontalAlignment: formatProperty('horizontalAlignment', 'General', '1.1', (v) => ['General', 'Left', 'Center', 'Right'].includes(v as string)),
  wrapText: formatProperty('wrapText', false, '1.1', (v) => typeof v === 'boolean'),
  columnWidth: {
    version: '1.2',
    get: (r) => {
      const ws = new Set<number>();
      for (let c = r.rect.left; c < r.rect.left + r.rect.columns; c++) ws.add(r.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      return ws.size === 1 ? [...ws][0] : null;
    },
    set: (r, v) => {
      if (typeof v !== 'number' || !(v >= 0 && v <= 255 * 7.5)) throw invalid(`columnWidth ${JSON.stringify(v)}: points from 0 to 1912.5`);
      for (let c = r.rect.left; c < r.rect.left + r.rect.columns; c++) r.sheet.columnWidths.set(c, v);
    },
  },
});

interface AreasT {
  readonly sheet: SheetState;
  readonly areas: readonly Rect[];
}

const RangeAreas = defineClass<AreasT>('RangeAreas', {
  address: { version: '1.9', get: (a) => a.areas.map((r) => formatAddress(a.sheet.name, r)).join(',') },
  areaCount: { version: '1.9', get: (a) => a.areas.length },
});

const overlaps = (a: Rect, b: Rect) => a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.columns && b.left < a.left + a.columns;

function rangeChild(self: ClientObject, via: unknown, rect: (r: RangeT) => Rect): object {
  return cx(self).create(Range, via, () => {
    const r = self.need<RangeT>();
    return { sheet: r.sheet, rect: rect(r) };
  }).proxy;
}

export const Range: ClassDef = defineClass<RangeT>('Range', {
  address: { version: '1.1', get: (r) => formatAddress(r.sheet.name, r.rect) },
  rowCount: { version: '1.1', get: (r) => r.rect.rows },
  columnCount: { version: '1.1', get: (r) => r.rect.columns },
  rowIndex: { version: '1.1', get: (r) => r.rect.top },
  columnIndex: { version: '1.1', get: (r) => r.rect.left },
  values: {
    version: '1.1',
    cells: cellCount,
    get: (r) => grid<Scalar>(r, r.sheet.values, ''),
    set: (r, v, self) => writeValues(cx(self).state, r, v),
  },
  numberFormat: { version: '1.1', cells: cellCount, get: (r) => grid<string>(r, r.sheet.formats, 'General'), set: (r, v, self) => writeFormats(cx(self).state, r, v) },
  format: { version: '1.1', child: (self) => cx(self).create(RangeFormat, 'format', same(self)) },
  select: {
    version: '1.1',
    call: (self) => {
      const ctx = cx(self);
      ctx.queue({
        describe: { o: 'select', id: self.id },
        run: () => {
          const r = self.need<RangeT>();
          if (alive(ctx.state, r.sheet).visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `cannot select a cell of the hidden sheet ${r.sheet.name}`);
          ctx.state.activeSheet = r.sheet;
          ctx.state.selection = formatAddress(r.sheet.name, r.rect);
        },
      });
    },
  },
  clear: {
    version: '1.1',
    call: (self, applyTo) => {
      if (applyTo !== undefined && applyTo !== 'All') throw new FakeExcelError('ApiNotImplemented', `Range.clear(${JSON.stringify(applyTo)}): only clearing all`);
      cx(self).queue({
        describe: { o: 'clear', id: self.id },
        run: () => {
          const r = self.need<RangeT>();
          for (let i = r.rect.top; i < Math.min(r.rect.top + r.rect.rows, r.sheet.values.length); i++) {
            for (let j = r.rect.left; j < r.rect.left + r.rect.columns; j++) {
              const vs = r.sheet.values[i];
              if (vs !== undefined) delete vs[j];
              const fs = r.sheet.formats[i];
              if (fs !== undefined) delete fs[j];
              r.sheet.cellFormats.delete(i * MAX_COLUMNS + j);
            }
          }
        },
      });
    },
  },
  getEntireColumn: { version: '1.1', call: (self) => rangeChild(self, 'getEntireColumn', (r) => ({ top: 0, rows: MAX_ROWS, left: r.rect.left, columns: r.rect.columns })) },
  getMergedAreasOrNullObject: {
    version: '1.13',
    call: (self) =>
      cx(self).create(RangeAreas, 'getMergedAreasOrNullObject', () => {
        const r = self.need<RangeT>();
        const areas = r.sheet.merged.filter((m) => overlaps(m, r.rect));
        return areas.length === 0 ? null : { sheet: r.sheet, areas };
      }, true).proxy,
  },
});

function rangeOn(self: ClientObject, via: unknown, rect: (sheet: SheetState) => Rect | null, nullable = false): object {
  const ctx = cx(self);
  return ctx.create(Range, via, () => {
    const sheet = alive(ctx.state, self.need<SheetState>());
    const r = rect(sheet);
    return r === null ? null : { sheet, rect: r };
  }, nullable).proxy;
}

function parsedOn(sheet: SheetState, address: unknown): Rect {
  if (typeof address !== 'string') throw invalid('getRange: the address must be text');
  const a = parseAddress(address);
  if (a === undefined) throw invalid(`getRange("${address}"): not an address the fake reads (A1, A1:B2, A:B, 1:2)`);
  if (a.sheet !== undefined && a.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw invalid(`getRange("${address}") on the sheet ${sheet.name}`);
  return a;
}

const index = (v: unknown, max: number, what: string, min = 0): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw invalid(`getRangeByIndexes: ${what} ${JSON.stringify(v)}`);
  return v;
};

const FreezePanes = defineClass<SheetState>('WorksheetFreezePanes', {
  freezeRows: { version: '1.7', call: (self, n) => freeze(self, { rows: n ?? 1 }) },
  freezeColumns: { version: '1.7', call: (self, n) => freeze(self, { columns: n ?? 1 }) },
  freezeAt: {
    version: '1.7',
    call: (self, at) => {
      const range = self.ctx.unwrap(at);
      cx(self).queue({
        describe: { o: 'freezeAt', id: self.id, at: range?.id ?? at },
        run: () => {
          const sheet = self.need<SheetState>();
          const r = range !== undefined ? range.need<RangeT>().rect : parsedOn(sheet, at);
          sheet.frozen = { rows: r.top + r.rows, columns: r.left + r.columns };
        },
      });
    },
  },
  unfreeze: { version: '1.7', call: (self) => freeze(self, { rows: 0, columns: 0 }) },
});

function freeze(self: ClientObject, what: { rows?: unknown; columns?: unknown }): void {
  cx(self).queue({
    describe: { o: 'freeze', id: self.id, ...what },
    run: () => {
      const sheet = self.need<SheetState>();
      const n = (v: unknown) => {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw invalid(`freeze: ${JSON.stringify(v)}`);
        return v;
      };
      // Each call sets the frozen panes anew, as Excel does.
      sheet.frozen = { rows: what.rows === undefined ? 0 : n(what.rows), columns: what.columns === undefined ? 0 : n(what.columns) };
    },
  });
}

const margin = (key: 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin'): Member<SheetState> => ({
  version: '1.9',
  get: (s) => s.pageLayout[key],
  set: (s, v) => {
    if (typeof v !== 'number' || v < 0 || v > 49 * 72) throw invalid(`${key}: ${JSON.stringify(v)} (points)`);
    s.pageLayout[key] = v;
  },
});

const PageLayout = defineClass<SheetState>('PageLayout', {
  orientation: {
    version: '1.9',
    get: (s) => s.pageLayout.orientation,
    set: (s, v) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw invalid(`orientation ${JSON.stringify(v)}`);
      s.pageLayout.orientation = v;
    },
  },
  paperSize: {
    version: '1.9',
    get: (s) => s.pageLayout.paperSize,
    set: (s, v) => {
      if (!['A4', 'Letter', 'Legal', 'A3', 'A5'].includes(v as string)) throw invalid(`paperSize ${JSON.stringify(v)}`);
      s.pageLayout.paperSize = v as string;
    },
  },
  zoom: {
    version: '1.9',
    get: (s) => ({ ...s.pageLayout.zoom }),
    set: (s, v) => {
      const z = v as Record<string, unknown>;
      const ok = typeof z === 'object' && z !== null && Object.entries(z).every(([k, n]) => ['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(k) && typeof n === 'number' && Number.isInteger(n) && n >= 0);
      if (!ok) throw invalid(`zoom ${JSON.stringify(v)}`);
      s.pageLayout.zoom = { ...(z as object) };
    },
  },
  leftMargin: margin('leftMargin'),
  rightMargin: margin('rightMargin'),
  topMargin: margin('topMargin'),
  bottomMargin: margin('bottomMargin'),
  headerMargin: margin('headerMargin'),
  footerMargin: margin('footerMargin'),
  setPrintTitleRows: {
    version: '1.9',
    call: (self, rows) => {
      const range = self.ctx.unwrap(rows);
      cx(self).queue({
        describe: { o: 'setPrintTitleRows', id: self.id, rows: range?.id ?? rows },
        run: () => {
          const sheet = self.need<SheetState>();
          const r = range !== undefined ? range.need<RangeT>().rect : parsedOn(sheet, rows);
          if (r.left !== 0 || r.columns !== MAX_COLUMNS) throw invalid('setPrintTitleRows: whole rows, such as "$1:$1"');
          sheet.pageLayout.printTitleRows = `$${r.top + 1}:$${r.top + r.rows}`;
        },
      });
    },
  },
});

export interface TablesT {
  readonly state: WorkbookState;
  readonly sheet: SheetState | undefined;
}

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

function checkTableName(state: WorkbookState, name: unknown, self?: TableState): string {
  if (typeof name !== 'string' || name.length > 255 || !TABLE_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$|^[Rr]\d*[Cc]\d*$/.test(name)) throw invalid(`table name ${JSON.stringify(name)} is not valid in Excel`);
  if (state.tables.some((t) => t !== self && t.name.toLowerCase() === name.toLowerCase())) throw new FakeExcelError('ItemAlreadyExists', `a table named ${name} already exists`);
  return name;
}

const Table = defineClass<TableState>('Table', {
  name: { version: '1.1', get: (t) => t.name, set: (t, v, self) => (t.name = checkTableName(cx(self).state, v, t)) },
  style: {
    version: '1.1',
    get: (t) => t.style,
    set: (t, v) => {
      if (typeof v !== 'string' || !/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(v)) throw invalid(`table style ${JSON.stringify(v)}`);
      t.style = v;
    },
  },
  showBandedRows: {
    version: '1.3',
    get: (t) => t.showBandedRows,
    set: (t, v) => {
      if (typeof v !== 'boolean') throw invalid('showBandedRows: a boolean');
      t.showBandedRows = v;
    },
  },
  getRange: { version: '1.1', call: (self) => tableRange(self, 'getRange', (r) => r) },
  getHeaderRowRange: { version: '1.1', call: (self) => tableRange(self, 'getHeaderRowRange', (r) => ({ ...r, rows: 1 })) },
  getDataBodyRange: { version: '1.1', call: (self) => tableRange(self, 'getDataBodyRange', (r) => ({ ...r, top: r.top + 1, rows: r.rows - 1 })) },
  delete: {
    version: '1.1',
    call: (self) => {
      const ctx = cx(self);
      ctx.queue({ describe: { o: 'delete', id: self.id }, run: () => (ctx.state.tables = ctx.state.tables.filter((t) => t !== self.need())) });
    },
  },
});

function tableRange(self: ClientObject, via: string, rect: (r: Rect) => Rect): object {
  const ctx = cx(self);
  return ctx.create(Range, via, () => {
    const t = self.need<TableState>();
    if (!ctx.state.tables.includes(t)) throw new FakeExcelError('InvalidObjectPath', `the table ${t.name} was deleted`);
    return { sheet: t.sheet, rect: rect(t.rect) };
  }).proxy;
}

function findTable(t: TablesT, name: unknown): TableState | undefined {
  if (typeof name !== 'string') throw invalid('tables.getItem: a name');
  return t.state.tables.find((x) => x.name.toLowerCase() === name.toLowerCase() && (t.sheet === undefined || x.sheet === t.sheet));
}

export const TableCollection = defineClass<TablesT>('TableCollection', {
  getItem: {
    version: '1.1',
    call: (self, name) => cx(self).create(Table, { getItem: name }, () => {
      const t = findTable(self.need<TablesT>(), name);
      if (t === undefined) throw new FakeExcelError('ItemNotFound', `no table named ${String(name)}`);
      return t;
    }).proxy,
  },
  getItemOrNullObject: { version: '1.4', call: (self, name) => cx(self).create(Table, { getItemOrNullObject: name }, () => findTable(self.need<TablesT>(), name) ?? null, true).proxy },
  add: {
    version: '1.1',
    call: (self, address, hasHeaders) => {
      const range = self.ctx.unwrap(address);
      const ctx = cx(self);
      return ctx.create(Table, { add: range?.id ?? address, hasHeaders }, () => {
        const where = self.need<TablesT>();
        if (hasHeaders !== true) throw new FakeExcelError('ApiNotImplemented', 'tables.add without headers (Excel would insert "Column1"… headers)');
        let sheet: SheetState;
        let rect: Rect;
        if (range !== undefined) ({ sheet, rect } = range.need<RangeT>());
        else {
          const a = typeof address === 'string' ? parseAddress(address) : undefined;
          if (a === undefined) throw invalid(`tables.add(${JSON.stringify(address)}): not an address`);
          const named = a.sheet === undefined ? where.sheet : ctx.state.sheets.find((s) => s.name.toLowerCase() === a.sheet?.toLowerCase());
          if (named === undefined || (where.sheet !== undefined && named !== where.sheet)) throw invalid(`tables.add(${address}): which sheet?`);
          [sheet, rect] = [named, a];
        }
        if (rect.rows < 2) throw invalid('tables.add: a header row and at least one data row');
        if (ctx.state.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) throw new FakeExcelError('InvalidOperation', 'a table cannot overlap another table');
        // Excel would make up "Column1" for a blank header and "Name2" for a repeated one: the fake refuses both, so a writer's mistake shows.
        const headers = grid<Scalar>({ sheet, rect: { ...rect, rows: 1 } }, sheet.values, '')[0] ?? [];
        const seen = new Set<string>();
        for (const h of headers) {
          const key = String(h).trim().toLowerCase();
          if (key === '' || seen.has(key)) throw invalid(`tables.add: header ${JSON.stringify(h)} is blank or repeated`);
          seen.add(key);
        }
        let n = ctx.state.tables.length + 1;
        while (ctx.state.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
        const t: TableState = { name: `Table${n}`, sheet, rect, style: 'TableStyleMedium2', showBandedRows: true };
        ctx.state.tables.push(t);
        return t;
      }).proxy;
    },
  },
}, (t) => ({ def: Table, targets: t.state.tables.filter((x) => t.sheet === undefined || x.sheet === t.sheet) }));

const SHEET_NAME_BAD = /[[\]:*?/\\]/;

function checkSheetName(state: WorkbookState, name: unknown, self?: SheetState): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 31 || SHEET_NAME_BAD.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw invalid(`sheet name ${JSON.stringify(name)} is not valid in Excel`);
  }
  if (state.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase())) throw new FakeExcelError('ItemAlreadyExists', `a sheet named ${name} already exists`);
  return name;
}

const visibleOthers = (state: WorkbookState, sheet: SheetState) => state.sheets.some((s) => s !== sheet && s.visibility === 'Visible');

export function worksheetDef(state: WorkbookState): ClassDef {
  return defineClass<SheetState>('Worksheet', {
    name: { version: '1.1', get: (s) => s.name, set: (s, v) => (s.name = checkSheetName(state, v, s)) },
    visibility: {
      version: '1.2', // reading it came with 1.1, setting it with 1.2
      get: (s) => s.visibility,
      set: (s, v) => {
        if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw invalid(`visibility ${JSON.stringify(v)}`);
        if (v !== 'Visible' && !visibleOthers(state, s)) throw new FakeExcelError('InvalidOperation', 'a workbook must keep at least one visible sheet');
        s.visibility = v;
      },
    },
    position: { version: '1.1', get: (s) => state.sheets.indexOf(s) },
    getRange: { version: '1.1', call: (self, address) => rangeOn(self, { getRange: address ?? null }, (s) => (address === undefined ? { top: 0, left: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } : parsedOn(s, address))) },
    getRangeByIndexes: {
      version: '1.7',
      call: (self, r, c, rows, columns) =>
        rangeOn(self, { getRangeByIndexes: [r, c, rows, columns] }, () => {
          const top = index(r, MAX_ROWS - 1, 'startRow'), left = index(c, MAX_COLUMNS - 1, 'startColumn');
          return { top, left, rows: index(rows, MAX_ROWS - top, 'rowCount', 1), columns: index(columns, MAX_COLUMNS - left, 'columnCount', 1) };
        }),
    },
    getUsedRange: {
      version: '1.1',
      call: (self, valuesOnly) => {
        if (valuesOnly !== undefined && compareVersions('1.2', self.ctx.level) > 0) throw new FakeExcelError('ApiNotDeclared', 'Worksheet.getUsedRange(valuesOnly) needs ExcelApi 1.2');
        return rangeOn(self, { getUsedRange: valuesOnly ?? false }, (s) => usedRect(s, valuesOnly === true) ?? { top: 0, left: 0, rows: 1, columns: 1 });
      },
    },
    getUsedRangeOrNullObject: { version: '1.4', call: (self, valuesOnly) => rangeOn(self, { getUsedRangeOrNullObject: valuesOnly ?? false }, (s) => usedRect(s, valuesOnly === true) ?? null, true) },
    tables: { version: '1.1', child: (self) => cx(self).create(TableCollection, 'tables', () => ({ state, sheet: self.need<SheetState>() })) },
    freezePanes: { version: '1.7', child: (self) => cx(self).create(FreezePanes, 'freezePanes', same(self)) },
    pageLayout: { version: '1.9', child: (self) => cx(self).create(PageLayout, 'pageLayout', same(self)) },
    activate: {
      version: '1.1',
      call: (self) => cx(self).queue({
        describe: { o: 'activate', id: self.id },
        run: () => {
          const s = alive(state, self.need<SheetState>());
          if (s.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `cannot activate the hidden sheet ${s.name}`);
          state.activeSheet = s;
        },
      }),
    },
    delete: {
      version: '1.1',
      call: (self) => cx(self).queue({
        describe: { o: 'delete', id: self.id },
        run: () => {
          const s = alive(state, self.need<SheetState>());
          if (s.visibility === 'Visible' && !visibleOthers(state, s)) throw new FakeExcelError('InvalidOperation', 'a workbook must keep at least one visible sheet');
          state.sheets = state.sheets.filter((x) => x !== s);
          state.tables = state.tables.filter((t) => t.sheet !== s);
          if (state.activeSheet === s) state.activeSheet = state.sheets.find((x) => x.visibility === 'Visible');
        },
      }),
    },
  });
}

export function worksheetCollectionDef(state: WorkbookState, worksheet: ClassDef): ClassDef {
  const find = (name: unknown) => {
    if (typeof name !== 'string') throw invalid('worksheets.getItem: a name');
    return state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  };
  return defineClass<WorkbookState>('WorksheetCollection', {
    getItem: {
      version: '1.1',
      call: (self, name) => cx(self).create(worksheet, { getItem: name }, () => {
        const s = find(name);
        if (s === undefined) throw new FakeExcelError('ItemNotFound', `no sheet named ${String(name)}`);
        return s;
      }).proxy,
    },
    getItemOrNullObject: { version: '1.4', call: (self, name) => cx(self).create(worksheet, { getItemOrNullObject: name }, () => find(name) ?? null, true).proxy },
    getActiveWorksheet: {
      version: '1.1',
      call: (self) => cx(self).create(worksheet, 'getActiveWorksheet', () => state.activeSheet ?? state.sheets[0] ?? null).proxy,
    },
    add: {
      version: '1.1',
      call: (self, name) => cx(self).create(worksheet, { add: name ?? null }, () => {
        let n = state.sheets.length + 1;
        while (name === undefined && find(`Sheet${n}`) !== undefined) n++;
        const s = newSheet(checkSheetName(state, name ?? `Sheet${n}`));
        state.sheets.push(s);
        return s;
      }).proxy,
    },
  }, (wb) => ({ def: worksheet, targets: wb.sheets }));
}

const PROPERTY_NAMES = ['title', 'subject', 'author', 'keywords', 'comments', 'category', 'company'] as const;

export const DocumentProperties = defineClass<WorkbookState>('DocumentProperties', Object.fromEntries(PROPERTY_NAMES.map((p) => [p, {
  version: '1.7',
  get: (wb: WorkbookState) => wb.properties[p] ?? '',
  set: (wb: WorkbookState, v: unknown) => {
    if (typeof v !== 'string') throw invalid(`properties.${p}: text`);
    wb.properties[p] = v;
  },
}])));

export const Application = defineClass<WorkbookState>('Application', {
  suspendApiCalculationUntilNextSync: {
    version: '1.6',
    call: (self) => {
      const ctx = cx(self);
      ctx.queue({ describe: { o: 'suspendApiCalculationUntilNextSync' }, run: () => ctx.suspendCalculation() });
    },
  },
});

const FunctionResult = defineClass<{ value: unknown; error: string | null }>('FunctionResult', {
  value: { version: '1.2', get: (r) => r.value },
  error: { version: '1.2', get: (r) => r.error },
});

/** Only DATE, which the add-in uses to learn the workbook's date system: DATE(1904,1,1) is 0 in the 1904 system. */
export const Functions = defineClass<WorkbookState>('Functions', {
  date: {
    version: '1.2',
    call: (self, y, m, d) => cx(self).create(FunctionResult, { date: [y, m, d] }, () => {
      const wb = self.need<WorkbookState>();
      if (![y, m, d].every((n) => typeof n === 'number' && Number.isInteger(n))) throw invalid('functions.date: whole numbers');
      const serial = dayFromCivil(y as number, m as number, d as number) - (wb.date1904 ? dayFromCivil(1904, 1, 1) : dayFromCivil(1899, 12, 30));
      return serial < 0 ? { value: null, error: '#NUM!' } : { value: wb.date1904 ? serial : serial + (serial < 61 ? -1 : 0), error: null };
    }).proxy,
  },
});
