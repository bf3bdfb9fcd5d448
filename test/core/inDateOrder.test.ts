/**
 * The applications' order (date, then row, then position): the native sort of packed numbers, taken
 * when rows rise with the position, must give exactly what the comparison gives, and the comparison
 * is kept for the rest (rows out of order, a missing date as −∞).
 */
import fc from 'fast-check';
import { inDateOrder } from '../../src/core/settlement/settle';

const byComparison = (dates: number[], rows: number[]): number[] =>
  dates.map((_, i) => i).sort((x, y) => (dates[x] as number) - (dates[y] as number) || (rows[x] as number) - (rows[y] as number) || x - y);

describe('applications in date order', () => {
  it('orders by date, row and position, whichever way it sorts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 19_000, max: 19_020 }) }, { weight: 1, arbitrary: fc.constant(-Infinity) }), { maxLength: 60 }),
        fc.boolean(),
        fc.integer(),
        (dates, rising, seed) => {
          // Rows rising with the position (one table in order, sometimes repeated: two tables) or not.
          const rows = dates.map((_, i) => (rising ? 2 + Math.floor(i / (1 + (seed & 1))) : 2 + ((i * 7919 + seed) & 63)));
          expect([...inDateOrder(Float64Array.from(dates), Int32Array.from(rows))]).toEqual(byComparison(dates, rows));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
