/** The cache: each distinct ledger read and settled once, any changed cell seen, memory bounded. */
import * as STMT from '../../src/functions/functions';
import { LedgerCache } from '../../src/functions/ledgerCache';
import { cacheSize, engineCounts, setCacheLimits } from '../../src/functions/ledgerView';
import { DEFAULT_LIMITS } from '../../src/functions/ledgerCache';
import { serialOf } from './excelGrids';
import { freshRuntime } from './setup';

const HEADER = ['Customer', 'Type', 'Document No.', 'Posting Date', 'Due Date', 'Amount', 'Currency', 'Description'];
const AS_OF = serialOf(2026, 6, 30);

/** `n` customers with three entries each. */
function ledger(n: number, tag = ''): (string | number)[][] {
  const rows: (string | number)[][] = [HEADER];
  for (let c = 0; c < n; c++) {
    rows.push([`K${c}`, 'invoice', `I-${c}`, serialOf(2026, 4, 1 + (c % 28)), serialOf(2026, 5, 1 + (c % 28)), 100 + c / 100, 'EUR', `goods ${tag}`]);
    rows.push([`K${c}`, 'payment', `P-${c}`, serialOf(2026, 5, 2), '', -40, 'EUR', '']);
    rows.push([`K${c}`, 'credit note', `C-${c}`, serialOf(2026, 6, 3), '', -0.25, 'EUR', '']);
  }
  return rows;
}

/** A fresh copy, as Excel hands a new array to every call. */
const copy = (g: readonly (readonly (string | number)[])[]): (string | number)[][] => g.map((r) => [...r]);

beforeEach(() => {
  freshRuntime();
  setCacheLimits(DEFAULT_LIMITS);
  engineCounts.reads = 0;
  engineCounts.computations = 0;
});

it('reads and settles a ledger once for many calls on the same range, and once more per new date', async () => {
  const g = ledger(50);
  for (let i = 0; i < 200; i++) expect(await STMT.balance(copy(g), `K${i % 50}`, AS_OF)).toBe(Number((59.75 + (i % 50) / 100).toFixed(2)));
  expect(engineCounts).toEqual({ reads: 1, computations: 1 });
  await STMT.aging(copy(g), '*', AS_OF); // the same question (default bands): settled already
  expect(engineCounts).toEqual({ reads: 1, computations: 1 });
  await STMT.balance(copy(g), 'K1', AS_OF + 1);
  await STMT.aging(copy(g), 'K1', AS_OF, 'months');
  expect(engineCounts).toEqual({ reads: 1, computations: 3 });
  await STMT.balance(copy(g), 'K1', AS_OF + 1, 'EUR'); // a currency argument is another reading (it is also the rows' default currency)
  expect(engineCounts.reads).toBe(2);
});

it('sees a change to any one cell of any range, and answers from the new content', () => {
  const cache = new LedgerCache<number>();
  const g = ledger(3);
  const apps = [['From document', 'To document', 'Amount'], ['P-0', 'I-0', 40]];
  let built = 0;
  cache.get({ ranges: [g, apps], settings: 's' }, () => ++built);
  const changed = (v: string | number): string | number => (typeof v === 'number' ? v + 1e-9 : v === '' ? ' x' : `${v}x`);
  let seen = 0;
  for (const [k, grid] of [g, apps].entries()) {
    for (let i = 0; i < grid.length; i++) {
      for (let j = 0; j < (grid[i] as unknown[]).length; j++) {
        const other = copy(grid);
        (other[i] as (string | number)[])[j] = changed((grid[i] as (string | number)[])[j] as string | number);
        const ranges = k === 0 ? [other, apps] : [g, other];
        const before = built;
        expect(cache.get({ ranges, settings: 's' }, () => ++built)).toBe(before + 1);
        seen++;
        cache.clear();
        cache.get({ ranges: [g, apps], settings: 's' }, () => ++built);
      }
    }
  }
  expect(seen).toBe(10 * 8 + 2 * 3); // every cell of both ranges
  // Equal content in fresh arrays is the same ledger; a row more, a column more, or other settings are not.
  expect(cache.get({ ranges: [copy(g), copy(apps)], settings: 's' }, () => -1)).not.toBe(-1);
  expect(cache.get({ ranges: [[...copy(g), ['']], apps], settings: 's' }, () => -1)).toBe(-1);
  expect(cache.get({ ranges: [copy(g).map((r) => [...r, '']), apps], settings: 's' }, () => -2)).toBe(-2);
  expect(cache.get({ ranges: [copy(g), apps], settings: 't' }, () => -3)).toBe(-3);
  expect(cache.get({ ranges: [copy(g), undefined], settings: 's' }, () => -4)).toBe(-4);
});

it('sees a cell changed in place in the array it was given (it keeps its own copy)', async () => {
  const g = ledger(2);
  expect(await STMT.balance(g, 'K1', AS_OF)).toBe(59.76);
  (g[4] as (string | number)[])[5] = 200;
  expect(await STMT.balance(g, 'K1', AS_OF)).toBe(159.75);
  (g[4] as (string | number)[])[7] = 'new text';
  await STMT.balance(g, 'K1', AS_OF);
  expect(engineCounts.reads).toBe(3);
});

it('keeps within its bounds of ledgers and cells, dropping the least recently used', async () => {
  setCacheLimits({ maxLedgers: 3, maxCells: 2_000 });
  const ledgers = Array.from({ length: 8 }, (_, k) => ledger(20, `#${k}`)); // 61 rows × 8 cells = 488 cells each
  for (const g of ledgers) {
    await STMT.balance(copy(g), 'K1', AS_OF);
    expect(cacheSize().ledgers).toBeLessThanOrEqual(3);
    expect(cacheSize().cells).toBeLessThanOrEqual(2_000);
  }
  expect(engineCounts.reads).toBe(8);
  await STMT.balance(copy(ledgers[7] as (string | number)[][]), 'K2', AS_OF); // kept
  expect(engineCounts.reads).toBe(8);
  await STMT.balance(copy(ledgers[0] as (string | number)[][]), 'K2', AS_OF); // dropped long ago: read again
  expect(engineCounts.reads).toBe(9);
  setCacheLimits({ maxLedgers: 8, maxCells: 1_000 });
  expect(cacheSize()).toEqual({ ledgers: 2, cells: 976 });
  // A ledger larger than the whole bound is answered, not kept.
  await STMT.balance(ledger(100), 'K1', AS_OF);
  expect(cacheSize().cells).toBeLessThanOrEqual(1_000);
});

it('keeps only the used rows of a whole-column range', async () => {
  const g: (string | number)[][] = [...ledger(2), ...Array.from({ length: 100_000 }, () => new Array<string>(8).fill(''))];
  await STMT.balance(g, 'K1', AS_OF);
  expect(cacheSize().cells).toBe(7 * 8);
});
