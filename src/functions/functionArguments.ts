import { DEFAULT_AGING, isKnownCurrency, parseAgingSpec, type AgingBasis, type AgingSpec, type Day, type StatementStyle } from '../core';
import { dateArgument, excelError, isBlankArgument } from './cells';
import { FunctionProblem } from './functionErrors';
import { MESSAGES } from './messages';
import type { WorkbookSettings } from './workbookSettings';

function noError(v: unknown, argument: string): void {
  const code = typeof v === 'object' && v !== null ? excelError(v) : undefined;
  if (code !== undefined) throw new FunctionProblem(MESSAGES.errorArgument(argument, code));
}

/** A required date (asOf): a serial in the workbook's system, or a text date. */
export function requiredDate(v: unknown, argument: string, settings: WorkbookSettings): Day {
  noError(v, argument);
  const d = isBlankArgument(v) ? { ok: false as const } : dateArgument(v, settings.date1904, settings.dateOrder);
  if (!d.ok) throw new FunctionProblem(MESSAGES.notADate(argument, isBlankArgument(v) ? '' : String(v)));
  return d.day;
}

/** An optional date (from): undefined when omitted or blank. */
export function optionalDate(v: unknown, argument: string, settings: WorkbookSettings): Day | undefined {
  return isBlankArgument(v) ? undefined : requiredDate(v, argument, settings);
}

export interface Bands {
  readonly spec: AgingSpec;
  readonly text: string;
}

/** "30,60,90" (default), "months", "30D", "1M+CM": the CLI's --aging. */
export function bandsArgument(v: unknown): Bands {
  noError(v, 'bands');
  if (isBlankArgument(v)) return { spec: DEFAULT_AGING, text: '30,60,90' };
  const text = String(v).trim();
  const parsed = parseAgingSpec(text);
  if (!parsed.ok) throw new FunctionProblem({ en: `bands: ${parsed.error.en}`, fr: `bands : ${parsed.error.fr}` });
  return { spec: parsed.spec, text };
}

function choice<T extends string>(v: unknown, argument: string, fallback: T, choices: Readonly<Record<string, T>>): T {
  noError(v, argument);
  if (isBlankArgument(v)) return fallback;
  const key = String(v).trim().toLowerCase();
  const found = choices[key];
  if (found === undefined) throw new FunctionProblem(MESSAGES.badChoice(argument, String(v), [...new Set(Object.values(choices))]));
  return found;
}

/** "due" (default) or "posting": the CLI's --aging-by. */
export function basisArgument(v: unknown): AgingBasis {
  return choice<AgingBasis>(v, 'by', 'due', { due: 'due', posting: 'posting', 'échéance': 'due', echeance: 'due', comptable: 'posting' });
}

/** "open-item" (default) or "activity": the CLI's --style. */
export function styleArgument(v: unknown): StatementStyle {
  return choice<StatementStyle>(v, 'style', 'open-item', { 'open-item': 'open-item', 'open item': 'open-item', openitem: 'open-item', activity: 'activity', mouvements: 'activity' });
}

/** An ISO 4217 code, or undefined when omitted. */
export function currencyArgument(v: unknown): string | undefined {
  noError(v, 'currency');
  if (isBlankArgument(v)) return undefined;
  const code = String(v).trim().toUpperCase();
  if (!isKnownCurrency(code)) throw new FunctionProblem(MESSAGES.unknownCurrency(String(v)));
  return code;
}
