import { compareVersions } from '../../../src/adapters/excel/requirements';
import { FakeExcelError } from './errors';

/**
 * One member of an Excel JS API class as the fake implements it, tagged with its requirement set.
 * A property has `get` (read when loaded, at sync) and maybe `set` (queued, applied at sync); a
 * method has `call` (runs on the client and queues what it does); a navigation property has `child`.
 */
export interface Member<T> {
  readonly version: string;
  readonly get?: (target: T) => unknown;
  readonly set?: (target: T, value: unknown, self: ClientObject) => void;
  readonly call?: (self: ClientObject, ...args: unknown[]) => unknown;
  readonly child?: (self: ClientObject) => ClientObject;
  /** Cells a load of this property reads (Excel refuses reads over 5,000,000 cells). */
  readonly cells?: (target: T) => number;
}

export interface ClassDef<T = unknown> {
  readonly name: string;
  readonly members: Readonly<Record<string, Member<T>>>;
  /** A collection: its items' class and targets. */
  readonly items?: (target: T) => { readonly def: ClassDef; readonly targets: readonly unknown[] };
}

export function defineClass<T>(name: string, members: Record<string, Member<T>>, items?: (target: T) => { def: ClassDef; targets: readonly unknown[] }): ClassDef {
  return { name, members, ...(items === undefined ? {} : { items }) } as unknown as ClassDef;
}

/** What a sync sends: one line per queued command (its JSON size is the request's). */
export interface Op {
  readonly describe: unknown;
  readonly run: (response: unknown[]) => void;
}

/** What a client object needs of its request context. */
export interface Context {
  readonly level: string;
  queue(op: Op): void;
  register(obj: ClientObject): number;
  proxyOf(obj: ClientObject): object;
  unwrap(proxy: unknown): ClientObject | undefined;
  readonly contextProxy: object;
}

/** Names JavaScript itself asks of any object (await, JSON, jest): answered as a plain object would. */
const PROTOCOL = new Set(['then', 'toJSON', 'constructor', '$$typeof', 'asymmetricMatch', 'nodeType', 'tagName', 'inspect']);

const notLoaded = (cls: string, prop: string) =>
  new FakeExcelError('PropertyNotLoaded', `The property '${prop}' of ${cls} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

/**
 * A proxy object of the Excel JS API. It points at its target in the workbook only once the sync
 * that creates it has run (as Excel resolves `getItem`, `getRange` … on the host); what it holds of
 * its target is only what was loaded and synced.
 */
export class ClientObject {
  readonly id: number;
  target: unknown = undefined;
  status: 'pending' | 'ok' | 'null' = 'pending';
  readonly loaded = new Map<string, unknown>();
  readonly children = new Map<string, ClientObject>();
  items: ClientObject[] | undefined;
  /** Targets of a collection load, turned into items when the sync's response comes back. */
  pendingItems: readonly unknown[] | undefined;
  readonly proxy: object;

  constructor(readonly ctx: Context, readonly def: ClassDef, readonly nullable: boolean) {
    this.id = ctx.register(this);
    this.proxy = ctx.proxyOf(this);
  }

  /** The target, for a command being applied at sync. */
  need<T>(): T {
    if (this.status === 'ok') return this.target as T;
    if (this.status === 'null') throw new FakeExcelError('InvalidObjectPath', `a null ${this.def.name} (from …OrNullObject) was used; check isNullObject first`);
    throw new FakeExcelError('InvalidObjectPath', `${this.def.name} was never resolved (its sync failed)`);
  }

  member(prop: string): Member<unknown> {
    const m = this.def.members[prop];
    if (m === undefined) throw new FakeExcelError('ApiNotImplemented', `${this.def.name}.${prop} is not part of the Excel API the add-in uses; the in-memory Excel refuses it`);
    if (compareVersions(m.version, this.ctx.level) > 0) throw new FakeExcelError('ApiNotDeclared', `${this.def.name}.${prop} needs ExcelApi ${m.version}; this host offers ExcelApi ${this.ctx.level}`);
    return m;
  }

  /** Office.js's `load`: property names, comma-separated or as an array; a collection's as "items/name". */
  load(arg: unknown): object {
    if (arg === undefined || (typeof arg !== 'string' && !Array.isArray(arg))) {
      throw new FakeExcelError('ApiNotImplemented', `${this.def.name}.load: name the properties to load (as "a, b" or ["a", "b"]); loading everything is slow in Excel and not supported here`);
    }
    const names = (typeof arg === 'string' ? arg.split(',') : (arg as unknown[]).map(String)).map((s) => s.trim()).filter((s) => s !== '');
    if (names.length === 0) throw new FakeExcelError('InvalidArgument', `${this.def.name}.load: no property named`);
    const items = this.def.items;
    if (items !== undefined) {
      const props = names.map((n) => n.replace(/^items\//, ''));
      this.ctx.queue({
        describe: { o: 'load', id: this.id, p: props },
        run: (response) => {
          const { def, targets } = items(this.need());
          for (const p of props) if (p.includes('/')) throw new FakeExcelError('ApiNotImplemented', `${def.name}: nested loads (${p}) are not supported`);
          const getters = props.map((p) => memberOf(def, p, this.ctx.level));
          this.pendingItems = targets;
          response.push({ id: this.id, items: targets.map((t) => getters.map((m) => (m.get as (t: unknown) => unknown)(t))), props });
        },
      });
      return this.proxy;
    }
    const members = names.map((n) => {
      if (n.includes('/')) throw new FakeExcelError('ApiNotImplemented', `${this.def.name}.load("${n}"): nested loads are not supported; load the child object`);
      const m = this.member(n);
      if (m.get === undefined) throw new FakeExcelError('InvalidArgument', `${this.def.name}.${n} is not a property that can be loaded`);
      return [n, m] as const;
    });
    this.ctx.queue({
      describe: { o: 'load', id: this.id, p: names },
      run: (response) => {
        if (this.status === 'null') return; // a null object loads nothing (read isNullObject first)
        const target = this.need();
        for (const [n, m] of members) {
          const cells = m.cells?.(target) ?? 0;
          if (cells > 5_000_000) throw new FakeExcelError('ExceededCellLimit', `reading ${this.def.name}.${n} of ${cells} cells: Excel reads at most 5,000,000 cells at once`);
          response.push({ id: this.id, p: n, v: (m.get as (t: unknown) => unknown)(target), cells });
        }
      },
    });
    return this.proxy;
  }

  /** Proxy `get`: what reading `obj[prop]` does in Office.js, refusing anything outside the subset. */
  read(prop: string | symbol): unknown {
    if (typeof prop === 'symbol' || PROTOCOL.has(prop)) return undefined;
    switch (prop) {
      case 'load':
        return (arg: unknown) => this.load(arg);
      case 'context':
        return this.ctx.contextProxy;
      case 'track':
      case 'untrack':
        return () => this.proxy;
      case 'isNullObject':
        if (!this.nullable) throw new FakeExcelError('ApiNotImplemented', `${this.def.name}.isNullObject: only an object from a …OrNullObject method has it`);
        if (compareVersions('1.4', this.ctx.level) > 0) throw new FakeExcelError('ApiNotDeclared', 'isNullObject needs ExcelApi 1.4');
        if (this.status === 'pending') throw notLoaded(this.def.name, prop);
        return this.status === 'null';
      case 'items':
        if (this.def.items === undefined) break;
        if (this.items === undefined) throw notLoaded(this.def.name, prop);
        return this.items.map((i) => i.proxy);
    }
    const m = this.member(prop);
    if (m.child !== undefined) {
      let c = this.children.get(prop);
      if (c === undefined) this.children.set(prop, (c = m.child(this)));
      return c.proxy;
    }
    if (m.call !== undefined) {
      const call = m.call;
      return (...args: unknown[]) => call(this, ...args);
    }
    if (!this.loaded.has(prop)) throw notLoaded(this.def.name, prop);
    return this.loaded.get(prop);
  }

  /** Proxy `set`: a property write, queued for the next sync. */
  write(prop: string | symbol, value: unknown): boolean {
    if (typeof prop === 'symbol') throw new FakeExcelError('ApiNotImplemented', `${this.def.name}: symbol properties`);
    const m = this.member(prop);
    const set = m.set;
    if (set === undefined) throw new FakeExcelError('InvalidArgument', `${this.def.name}.${prop} is read-only`);
    this.ctx.queue({ describe: { o: 'set', id: this.id, p: prop, v: value }, run: () => set(this.need(), value, this) });
    return true;
  }
}

function memberOf(def: ClassDef, prop: string, level: string): Member<unknown> {
  const m = def.members[prop];
  if (m?.get === undefined) throw new FakeExcelError('ApiNotImplemented', `${def.name}.${prop} is not a property the in-memory Excel loads`);
  if (compareVersions(m.version, level) > 0) throw new FakeExcelError('ApiNotDeclared', `${def.name}.${prop} needs ExcelApi ${m.version}; this host offers ExcelApi ${level}`);
  return m;
}
