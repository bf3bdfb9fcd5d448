import { compareVersions, EXCEL_REQUIREMENTS } from '../../../src/adapters/excel/requirements';
import { parseAddress } from './addresses';
import { Application, DocumentProperties, Functions, TableCollection, worksheetCollectionDef, worksheetDef, type ClassContext } from './classes';
import { ClientObject, defineClass, type ClassDef, type Op } from './clientObject';
import { FakeExcelError, LIMITS } from './errors';
import { newSheet, type Scalar, type SheetState, type TableState, type WorkbookState } from './state';

/** A workbook to start from, as plain JSON (the Node loader makes it from an .xlsx; a browser stub can embed it). */
export interface FakeWorkbookInit {
  readonly date1904?: boolean;
  readonly sheets: readonly {
    readonly name: string;
    readonly visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
    /** Rows from A1; null or "" for an empty cell; dates as serials. */
    readonly rows: readonly (readonly (Scalar | null)[])[];
    /** Number formats, same shape; null for General. */
    readonly formats?: readonly (readonly (string | null)[])[];
    /** Excel tables: name and range with its header row, e.g. "A1:F20". */
    readonly tables?: readonly { readonly name: string; readonly ref: string }[];
    /** Merged ranges, e.g. "B2:B5". */
    readonly merged?: readonly string[];
  }[];
}

export interface FakeExcelOptions {
  /** The ExcelApi version the host offers: APIs above it are refused (default: the manifest's). */
  readonly apiVersion?: string;
}

/** What the add-in cost Excel: round trips and payloads, per sync. */
export interface SyncStats {
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  /** The most cells one load read. */
  largestRead: number;
  /** Syncs whose commands ran with calculation suspended. */
  suspendedSyncs: number;
}

const utf8 = new TextEncoder();
const bytes = (s: string) => utf8.encode(s).length;

/**
 * A strict in-memory Excel: the subset of the Excel JavaScript API the add-in uses, over a workbook
 * held in memory. No Node API: it runs in jest and, bundled, in the browser.
 *
 * Strict as Excel is, or more: a property is readable only once loaded and synced (PropertyNotLoaded);
 * commands are queued and applied in order at `context.sync()`; an API outside the subset throws
 * (ApiNotImplemented, naming it), and one above the host's requirement set too (ApiNotDeclared); a
 * request or response over 5,000,000 bytes fails, as does a read of more than 5,000,000 cells.
 */
export class FakeExcel {
  readonly state: WorkbookState;
  readonly level: string;
  stats: SyncStats = FakeExcel.noStats();

  constructor(init: FakeWorkbookInit, options: FakeExcelOptions = {}) {
    this.level = options.apiVersion ?? EXCEL_REQUIREMENTS.manifest.version;
    this.state = { date1904: init.date1904 === true, sheets: [], tables: [], properties: {}, activeSheet: undefined, selection: undefined };
    for (const s of init.sheets) {
      const sheet = newSheet(s.name);
      sheet.visibility = s.visibility ?? 'Visible';
      sheet.values = s.rows.map((r) => r.map((v) => (v === null || v === '' ? undefined : v)));
      sheet.formats = (s.formats ?? []).map((r) => r.map((f) => (f === null || f === 'General' ? undefined : f)));
      sheet.merged = (s.merged ?? []).map((m) => this.rect(m));
      this.state.sheets.push(sheet);
      for (const t of s.tables ?? []) this.state.tables.push({ name: t.name, sheet, rect: this.rect(t.ref), style: 'TableStyleMedium2', showBandedRows: true });
    }
    this.state.activeSheet = this.state.sheets.find((s) => s.visibility === 'Visible');
  }

  static noStats(): SyncStats {
    return { syncs: 0, requestBytes: [], responseBytes: [], largestRead: 0, suspendedSyncs: 0 };
  }

  /** Forget what was counted so far. */
  resetStats(): SyncStats {
    const was = this.stats;
    this.stats = FakeExcel.noStats();
    return was;
  }

  /** Office.context.requirements.isSetSupported for this host. */
  isSetSupported = (name: string, version = '1.1'): boolean => name === 'ExcelApi' && compareVersions(version, this.level) <= 0;

  /** Excel.run: a fresh request context; what is still queued when the batch returns is synced. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    try {
      const result = await batch(ctx.contextProxy as unknown as Excel.RequestContext);
      if (ctx.pending()) await ctx.sync();
      return result;
    } finally {
      ctx.close();
    }
  };

  sheet(name: string): SheetState {
    const s = this.state.sheets.find((x) => x.name === name);
    if (s === undefined) throw new Error(`no sheet ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  tables(sheet?: string): TableState[] {
    return this.state.tables.filter((t) => sheet === undefined || t.sheet.name === sheet);
  }

  private rect(ref: string) {
    const r = parseAddress(ref);
    if (r === undefined) throw new Error(`bad range ${ref}`);
    return r;
  }
}

class FakeContext implements ClassContext {
  readonly state: WorkbookState;
  readonly level: string;
  readonly contextProxy: object;
  private ops: Op[] = [];
  private closed = false;
  private suspended = false;
  private readonly objects = new Map<number, ClientObject>();
  private readonly proxies = new WeakMap<object, ClientObject>();
  private readonly workbookDef: ClassDef;

  constructor(private readonly fake: FakeExcel) {
    this.state = fake.state;
    this.level = fake.level;
    const worksheet = worksheetDef(this.state);
    const worksheets = worksheetCollectionDef(this.state, worksheet);
    const state = this.state;
    this.workbookDef = defineClass<WorkbookState>('Workbook', {
      worksheets: { version: '1.1', child: (self) => this.create(worksheets, 'worksheets', () => self.need()) },
      tables: { version: '1.1', child: (self) => this.create(TableCollection, 'tables', () => ({ state: self.need(), sheet: undefined })) },
      application: { version: '1.1', child: (self) => this.create(Application, 'application', () => self.need()) },
      properties: { version: '1.7', child: (self) => this.create(DocumentProperties, 'properties', () => self.need()) },
      functions: { version: '1.2', child: (self) => this.create(Functions, 'functions', () => self.need()) },
    });
    const workbook = new ClientObject(this, this.workbookDef, false);
    workbook.target = state;
    workbook.status = 'ok';
    const sync = () => this.sync();
    this.contextProxy = new Proxy({}, {
      get: (_t, prop) => {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        if (prop === 'workbook') return workbook.proxy;
        if (prop === 'sync') return sync;
        throw new FakeExcelError('ApiNotImplemented', `RequestContext.${prop} is not part of the Excel API the add-in uses`);
      },
      set: (_t, prop) => {
        throw new FakeExcelError('ApiNotImplemented', `RequestContext.${String(prop)} cannot be set`);
      },
    });
  }

  register(obj: ClientObject): number {
    const id = this.objects.size + 1;
    this.objects.set(id, obj);
    return id;
  }

  proxyOf(obj: ClientObject): object {
    const p = new Proxy({}, {
      get: (_t, prop) => obj.read(prop),
      set: (_t, prop, value) => obj.write(prop, value),
      has: (_t, prop) => typeof prop === 'string' && obj.def.members[prop] !== undefined,
    });
    this.proxies.set(p, obj);
    return p;
  }

  unwrap(proxy: unknown): ClientObject | undefined {
    return typeof proxy === 'object' && proxy !== null ? this.proxies.get(proxy) : undefined;
  }

  create(def: ClassDef, via: unknown, resolve: () => unknown, nullable = false): ClientObject {
    const obj = new ClientObject(this, def, nullable);
    this.queue({
      describe: { o: 'new', id: obj.id, c: def.name, via },
      run: (response) => {
        const t = resolve();
        if (t === null) {
          if (!nullable) throw new FakeExcelError('ItemNotFound', `${def.name} not found`);
          obj.status = 'null';
        } else {
          obj.target = t;
          obj.status = 'ok';
        }
        if (nullable) response.push({ id: obj.id, isNullObject: t === null });
      },
    });
    return obj;
  }

  queue(op: Op): void {
    if (this.closed) throw new FakeExcelError('InvalidObjectPath', 'an object was used after its Excel.run ended');
    this.ops.push(op);
  }

  pending(): boolean {
    return this.ops.length > 0;
  }

  suspendCalculation(): void {
    this.suspended = true;
  }

  close(): void {
    this.closed = true;
  }

  /** One round trip: the queued commands go, are applied in order, and what was loaded comes back. */
  async sync(): Promise<void> {
    if (this.closed) throw new FakeExcelError('InvalidObjectPath', 'context.sync() after its Excel.run ended');
    const ops = this.ops;
    this.ops = [];
    const stats = this.fake.stats;
    stats.syncs++;
    const request = bytes(JSON.stringify(ops.map((o) => o.describe)));
    stats.requestBytes.push(request);
    await Promise.resolve();
    if (request > LIMITS.payloadBytes) throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `the request is ${request} bytes; Excel takes at most ${LIMITS.payloadBytes}`);
    const response: unknown[] = [];
    this.suspended = false;
    try {
      // As in Excel, a failing command stops the batch; those before it have taken effect.
      for (const op of ops) op.run(response);
    } finally {
      if (this.suspended) stats.suspendedSyncs++;
      this.suspended = false;
    }
    const json = JSON.stringify(response);
    const size = bytes(json);
    stats.responseBytes.push(size);
    if (size > LIMITS.payloadBytes) throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `the response is ${size} bytes; Excel returns at most ${LIMITS.payloadBytes}`);
    for (const r of JSON.parse(json) as { id: number; p?: string; v?: unknown; cells?: number; items?: unknown[][]; props?: string[]; isNullObject?: boolean }[]) {
      const obj = this.objects.get(r.id) as ClientObject;
      if (r.p !== undefined) {
        obj.loaded.set(r.p, r.v);
        stats.largestRead = Math.max(stats.largestRead, r.cells ?? 0);
      } else if (r.items !== undefined) {
        const def = obj.def.items?.(obj.target).def as ClassDef;
        const targets = obj.pendingItems ?? [];
        obj.items = r.items.map((values, i) => {
          const item = new ClientObject(this, def, false);
          item.target = targets[i];
          item.status = 'ok';
          (r.props ?? []).forEach((p, j) => item.loaded.set(p, values[j]));
          return item;
        });
      }
    }
  }
}
