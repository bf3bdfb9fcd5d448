import { cellCount, hashRange, keepRange, sameRange, type KeptCell } from './rangeContent';

/** The ranges and settings a ledger is read from: its identity. */
export interface LedgerKey {
  readonly ranges: readonly (readonly (readonly unknown[])[] | undefined)[];
  /** Everything else the reading depends on (currency argument, date system, day/month order), as text. */
  readonly settings: string;
}

export interface CacheLimits {
  /** Ledgers kept at most. */
  readonly maxLedgers: number;
  /** Cells kept at most, over every ledger's ranges (each cell is kept once as a copy, and read into the ledger). */
  readonly maxCells: number;
}

/** Enough for a few 100,000-row ledgers; a fifty-thousand-customer ledger stays alone. */
export const DEFAULT_LIMITS: CacheLimits = { maxLedgers: 8, maxCells: 4_000_000 };

interface Slot<V> {
  readonly hash: number;
  readonly settings: string;
  readonly ranges: readonly (KeptCell[][] | undefined)[];
  readonly cells: number;
  readonly value: V;
}

export interface CacheStats {
  builds: number;
  hits: number;
  evictions: number;
}

/**
 * Ledgers by the exact content of their ranges, least recently used first out, within a number of
 * ledgers and of cells. A call hashes every cell of its ranges (no sampling), and a slot with that
 * hash is used only if every cell is equal to the copy it keeps: any change to any cell is a new ledger.
 * One ledger larger than the cell bound is built and answered, but not kept.
 */
export class LedgerCache<V> {
  /** Insertion order is recency: a hit moves its slot to the end. */
  private readonly slots = new Map<number, Slot<V>[]>();
  private order: Slot<V>[] = [];
  private cells = 0;
  readonly stats: CacheStats = { builds: 0, hits: 0, evictions: 0 };

  constructor(private limits: CacheLimits = DEFAULT_LIMITS) {}

  setLimits(limits: CacheLimits): void {
    this.limits = limits;
    this.evict();
  }

  clear(): void {
    this.slots.clear();
    this.order = [];
    this.cells = 0;
  }

  /** Ledgers and cells kept now. */
  get size(): { ledgers: number; cells: number } {
    return { ledgers: this.order.length, cells: this.cells };
  }

  get(key: LedgerKey, build: () => V): V {
    let hash = hashRange([[key.settings]]);
    for (const r of key.ranges) hash = r === undefined ? Math.imul(hash ^ 7, 0x01000193) >>> 0 : hashRange(r, hash);
    for (const slot of this.slots.get(hash) ?? []) {
      if (slot.settings !== key.settings || !sameRanges(slot.ranges, key.ranges)) continue;
      this.stats.hits++;
      this.order.splice(this.order.indexOf(slot), 1);
      this.order.push(slot);
      return slot.value;
    }
    this.stats.builds++;
    const value = build();
    let cells = 0;
    for (const r of key.ranges) if (r !== undefined) cells += cellCount(r);
    if (cells > this.limits.maxCells) return value;
    const slot: Slot<V> = { hash, settings: key.settings, ranges: key.ranges.map((r) => (r === undefined ? undefined : keepRange(r))), cells, value };
    const same = this.slots.get(hash);
    if (same === undefined) this.slots.set(hash, [slot]);
    else same.push(slot);
    this.order.push(slot);
    this.cells += cells;
    this.evict();
    return value;
  }

  private evict(): void {
    while (this.order.length > this.limits.maxLedgers || this.cells > this.limits.maxCells) {
      const old = this.order.shift();
      if (old === undefined) return;
      this.cells -= old.cells;
      this.stats.evictions++;
      const same = (this.slots.get(old.hash) ?? []).filter((s) => s !== old);
      if (same.length === 0) this.slots.delete(old.hash);
      else this.slots.set(old.hash, same);
    }
  }
}

function sameRanges(kept: readonly (KeptCell[][] | undefined)[], given: readonly (readonly (readonly unknown[])[] | undefined)[]): boolean {
  if (kept.length !== given.length) return false;
  for (let i = 0; i < kept.length; i++) {
    const a = kept[i];
    const b = given[i];
    if (a === undefined || b === undefined) {
      if (a !== b) return false;
      continue;
    }
    if (!sameRange(a, b)) return false;
  }
  return true;
}
