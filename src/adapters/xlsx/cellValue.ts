import { dayFromCivil, type GridValue } from '../../core';

/** exceljs cell value → the engine's GridValue (formulas give their cached result, rich text its text). */
export function toGridValue(v: unknown): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // exceljs builds dates at UTC midnight: read the calendar day in UTC, never in local time.
    return Number.isNaN(v.getTime()) ? { error: '#DATE!' } : { day: dayFromCivil(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o) return toGridValue(o['result']);
    if ('formula' in o || 'sharedFormula' in o) return null; // a formula never calculated: no cached value
    if (Array.isArray(o['richText'])) return (o['richText'] as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('');
    if ('text' in o) return toGridValue(o['text']);
    if (typeof o['error'] === 'string') return { error: o['error'] };
  }
  return String(v);
}
