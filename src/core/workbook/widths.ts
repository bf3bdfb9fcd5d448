import { moneyNumber } from './formats';
import type { CellValue } from './model';

/** Characters of a value as shown with its format, for column widths. */
export function shownLength(value: CellValue, format?: string): number {
  switch (value.kind) {
    case 'blank':
      return 0;
    case 'date':
      return 10;
    case 'boolean':
      return value.value ? 4 : 5;
    case 'text':
      return Math.max(...value.text.split('\n').map((l) => l.length));
    case 'number':
      return numberLength(value.value, format);
    case 'money':
      return numberLength(moneyNumber(value.minor, value.currency), format);
  }
}

function numberLength(value: number, format: string | undefined): number {
  const decimals = /\.(0+)/.exec(format ?? '')?.[1]?.length ?? 0;
  const whole = Math.trunc(Math.abs(value)).toString().length;
  const groups = Math.floor((whole - 1) / 3);
  const code = /"([^"]*)"/.exec(format ?? '')?.[1]?.length ?? 0;
  return whole + groups + (decimals > 0 ? decimals + 1 : 0) + (code > 0 ? code + 1 : 0) + (value < 0 ? 1 : 0);
}

/** Column width in characters, padded a little and clamped so one long cell does not blow a column up. */
export function widthFor(longest: number, min = 6, max = 60): number {
  return Math.min(max, Math.max(min, longest + 2));
}
