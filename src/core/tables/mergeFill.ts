import type { GridValue } from './gridValue';

/** A block of cells as Excel shows it: rows and columns counted from 1 (C5:G9 is top 5, left 3, bottom 9, right 7). */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Gives every empty cell of a merged range the value of its top-left cell, as a person reading the
 * sheet sees it (a customer number merged down over its invoices). Rows must come in sheet order:
 * the value is taken when the range's top row goes by.
 */
export class MergeFill {
  private readonly anchors = new Map<CellRange, GridValue>();
  constructor(private readonly ranges: readonly CellRange[]) {}

  /** `cells[0]` is the cell in column `firstColumn` (1 = A); filled in place, lengthened if a range reaches further right. */
  apply(row: number, firstColumn: number, cells: GridValue[]): void {
    for (const r of this.ranges) {
      if (row < r.top || row > r.bottom) continue;
      if (row === r.top) this.anchors.set(r, cells[r.left - firstColumn]);
      const v = this.anchors.get(r);
      if (v === undefined || v === null || v === '') continue;
      for (let c = Math.max(r.left, firstColumn); c <= r.right; c++) {
        const i = c - firstColumn;
        while (cells.length < i) cells.push(null);
        const here = cells[i];
        if (here === undefined || here === null || here === '') cells[i] = v; // '' is how Office.js hands over an empty cell
      }
    }
  }
}
