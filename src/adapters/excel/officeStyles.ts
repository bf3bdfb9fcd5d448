import type { BorderLine, Cell, CellStyle, SheetModel } from '../../core';

/** A block of cells (1-based, inclusive) sharing one style. */
export interface StyledBlock {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly style: CellStyle;
}

const hasSideBorders = (s: CellStyle) => s.border?.left !== undefined || s.border?.right !== undefined;
const hasBorders = (s: CellStyle) => s.border !== undefined && Object.keys(s.border).length > 0;

/**
 * The sheet's styled cells as few blocks as Office.js can format each in one go: runs of equal styles
 * along a row, stacked down equal runs below. A block's edges must draw each cell's own borders,
 * so a style with left/right borders stays one cell wide and one with any border one row high.
 */
export function styledBlocks(sheet: SheetModel): StyledBlock[] {
  const done: StyledBlock[] = [];
  let open = new Map<string, StyledBlock>(); // runs of the previous row by "left,right,style"
  sheet.rows.forEach((cells, r) => {
    const row = r + 1;
    const next = new Map<string, StyledBlock>();
    const runs: { left: number; right: number; style: CellStyle; key: string }[] = [];
    cells.forEach((cell: Cell, c) => {
      const style = cell.style;
      if (style === undefined || Object.keys(style).length === 0) return;
      const key = JSON.stringify(style);
      const last = runs[runs.length - 1];
      if (last !== undefined && last.key === key && last.right === c && !hasSideBorders(style)) last.right = c + 1;
      else runs.push({ left: c + 1, right: c + 1, style, key });
    });
    for (const run of runs) {
      const id = `${run.left},${run.right},${run.key}`;
      const above = open.get(id);
      if (above !== undefined && !hasBorders(run.style)) {
        open.delete(id);
        next.set(id, { ...above, bottom: row });
      } else next.set(id, { top: row, left: run.left, bottom: row, right: run.right, style: run.style });
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done;
}

/** Office.js's border style and weight for a model's line. */
export function borderOf(line: BorderLine): { style: 'Continuous' | 'Double'; weight: 'Thin' | 'Medium' | 'Thick' } {
  return line === 'double' ? { style: 'Double', weight: 'Thick' } : { style: 'Continuous', weight: line === 'medium' ? 'Medium' : 'Thin' };
}

/** A column width in characters (as an .xlsx stores it) → points (Office.js), for Calibri 11's 7-pixel digits. */
export function widthInPoints(characters: number): number {
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}
