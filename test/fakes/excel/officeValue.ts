// An exceljs cell value as Office.js's `values` gives it, shared by the Node loader (fromXlsx.node.ts)
// and the preview's browser loader (no exceljs import: exceljs's value shapes are read as data).
import { dayFromCivil, dayToExcelSerial } from '../../../src/core';
import type { Scalar } from './state';

/** A cell as Office.js's `values` would give it: dates as serials, formulas as their result, errors as "#N/A". */
export function officeValue(v: unknown, date1904: boolean): Scalar | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    const day = dayFromCivil(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    const time = (v.getTime() - Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate())) / 86_400_000;
    return dayToExcelSerial(day, date1904) + time;
  }
  const o = v as unknown as Record<string, unknown>;
  if ('result' in o) return officeValue(o['result'], date1904);
  if ('formula' in o || 'sharedFormula' in o) return null;
  if (Array.isArray(o['richText'])) return (o['richText'] as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('');
  if ('text' in o) return officeValue(o['text'], date1904);
  if (typeof o['error'] === 'string') return o['error'];
  return String(v);
}

