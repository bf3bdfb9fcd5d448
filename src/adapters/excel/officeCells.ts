import type { GridValue } from '../../core';

/** Excel's error values, as Office.js's `values` hands them over (text). */
const ERRORS = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/**
 * One row of Office.js `values` as the table finder takes it: "" (an empty cell) is null, an error
 * text is an error, dates stay serials (the finder reads them in date columns); trailing empty
 * cells are dropped, as the .xlsx stream never has them. Undefined for a row with no value at all:
 * the stream has no such row either.
 */
export function gridRow(values: readonly unknown[]): GridValue[] | undefined {
  let last = values.length - 1;
  while (last >= 0 && (values[last] === '' || values[last] === null || values[last] === undefined)) last--;
  if (last < 0) return undefined;
  const out = new Array<GridValue>(last + 1);
  for (let i = 0; i <= last; i++) {
    const v = values[i];
    if (v === '' || v === null || v === undefined) out[i] = null;
    else if (typeof v === 'string') out[i] = v.startsWith('#') && ERRORS.has(v) ? { error: v } : v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[i] = v;
    else out[i] = String(v);
  }
  return out;
}
