import { dayFromCivil, excelSerialToDay, numberToDecimalText, parseDateText, type DateOrder, type Day, type GridValue } from '../core';

/** The texts Excel shows for an error value: what Office.js hands over for an error cell. */
const ERROR_TEXTS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#BUSY!', '#CONNECT!', '#BLOCKED!', '#FIELD!', '#UNKNOWN!']);

/**
 * The Excel error a value stands for, or undefined. An argument that allows errors receives a
 * CustomFunctions.Error (its `code` is "#N/A"...); a range read through Office.js gives the text.
 */
export function excelError(v: unknown): string | undefined {
  if (typeof v === 'string') return ERROR_TEXTS.has(v) ? v : undefined;
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as { code?: unknown; errorType?: unknown; type?: unknown };
  if (typeof o.code === 'string') return o.code.startsWith('#') ? o.code : `#${o.code}`;
  if (typeof o.errorType === 'string') return `#${o.errorType}`;
  return '#VALUE!';
}

/** A cell as Excel passes it → what the core's table finder reads (an error stays an error). */
export function toGridValue(v: unknown): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return excelError(v) === undefined ? v : { error: v as string };
  const error = excelError(v);
  return error === undefined ? String(v) : { error };
}

/** An omitted argument (null), an empty cell, or blank text. */
export function isBlankArgument(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export type DateArgument = { ok: true; day: Day } | { ok: false };

/** A date argument: a serial in the workbook's date system, or text read as the ledger's text dates are. */
export function dateArgument(v: unknown, date1904: boolean, dateOrder: DateOrder): DateArgument {
  if (typeof v === 'number') {
    const d = excelSerialToDay(v, date1904);
    return d.ok ? { ok: true, day: d.day } : { ok: false };
  }
  if (typeof v === 'string') {
    const p = parseDateText(v, dateOrder);
    return p.ok ? { ok: true, day: p.day } : { ok: false };
  }
  if (v instanceof Date && !Number.isNaN(v.getTime())) return { ok: true, day: dayFromCivil(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) };
  return { ok: false };
}

/** A text argument (customer id, document number): numbers as Excel shows them ("1001", not "1001.0"). */
export function textArgument(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberToDecimalText(v);
  return String(v).trim();
}
