import {
  DEFAULT_AGING, formatIsoDay, isKnownCurrency, parseAgingSpec, parseIsoDay,
  type AgingBasis, type AllocateMode, type ComputeOptions, type DateOrder, type Day, type ExportOptions, type Language, type SelectionOptions, type StatementStyle,
} from '../core';
import type { PaneTexts } from './texts';

/** The options form as the user fills it: the CLI's compute options (`statements compute --help`), as text. */
export interface PaneOptions {
  readonly asOf: string;
  readonly from: string;
  readonly style: StatementStyle;
  readonly aging: string;
  readonly agingBasis: AgingBasis;
  readonly allocate: AllocateMode;
  /** '' = the CLI's default for the style (balance for open items, either for activity). */
  readonly include: '' | SelectionOptions['include'];
  readonly excludeCredit: boolean;
  readonly minBalance: string;
  readonly overdueOnly: boolean;
  readonly ignoreOptOut: boolean;
  readonly customers: string;
  readonly groups: string;
  readonly language: Language;
  readonly currency: string;
  readonly dateOrder: DateOrder;
  readonly maxSheets: string;
  /** The day another system's export was taken ('' = its latest posting date): `--exported`. */
  readonly exported: string;
  /** The receivable account(s) of a journal items export (Odoo), as typed: codes or names, separated by commas; '' = found by type, code or name. */
  readonly accounts: string;
}

export function defaultOptions(today: Day, language: Language): PaneOptions {
  return {
    asOf: formatIsoDay(today), from: '', style: 'open-item', aging: '30,60,90', agingBasis: 'due', allocate: 'none', include: '',
    excludeCredit: false, minBalance: '', overdueOnly: false, ignoreOptOut: false, customers: '', groups: '', language, currency: '',
    dateOrder: 'dmy', maxSheets: '200', exported: '', accounts: '',
  };
}

export type OptionField = 'asOf' | 'from' | 'aging' | 'minBalance' | 'currency' | 'maxSheets' | 'exported';

export type CheckedOptions =
  | { readonly ok: true; readonly options: ComputeOptions; readonly defaultCurrency: string | undefined; readonly maxSheets: number }
  | { readonly ok: false; readonly errors: Partial<Record<OptionField, string>> };

const list = (text: string): string[] | undefined => {
  const items = text.split(/[,;\s]+/).map((s) => s.trim()).filter((s) => s !== '');
  return items.length === 0 ? undefined : items;
};

/** The reader's options for another system's export, as `--account` gives them (`src/cli/options.ts`): codes or names separated by commas or semicolons. */
export function exportOptionsOf(o: Pick<PaneOptions, 'accounts'>): ExportOptions {
  const accounts = o.accounts.split(/[,;]/).map((a) => a.trim()).filter((a) => a !== '');
  return accounts.length > 0 ? { accounts } : {};
}

/** The form checked as the CLI checks its flags (`src/cli/options.ts`), each problem next to its field. */
export function checkOptions(o: PaneOptions, t: PaneTexts, language: Language): CheckedOptions {
  const errors: Partial<Record<OptionField, string>> = {};
  const asOf = parseIsoDay(o.asOf);
  if (asOf === undefined) errors.asOf = t.errors.date;
  const from = o.from.trim() === '' ? undefined : parseIsoDay(o.from);
  if (o.from.trim() !== '' && from === undefined) errors.from = t.errors.date;
  else if (from !== undefined && asOf !== undefined && from > asOf) errors.from = t.errors.fromAfterAsOf;
  const exported = o.exported.trim() === '' ? undefined : parseIsoDay(o.exported);
  if (o.exported.trim() !== '' && exported === undefined) errors.exported = t.errors.date;
  const aging = o.aging.trim() === '' ? { ok: true as const, spec: DEFAULT_AGING } : parseAgingSpec(o.aging.trim());
  if (!aging.ok) errors.aging = aging.error[language];
  const min = o.minBalance.trim();
  if (/^-?[1-9]\d{0,2},\d{3}$/.test(min)) errors.minBalance = t.errors.ambiguousAmount;
  else if (min !== '' && !/^-?\d+([.,]\d+)?$/.test(min)) errors.minBalance = t.errors.amount;
  const currency = o.currency.trim().toUpperCase();
  if (currency !== '' && !isKnownCurrency(currency)) errors.currency = t.errors.currency;
  const maxSheets = Number(o.maxSheets);
  if (!Number.isSafeInteger(maxSheets) || maxSheets < 0 || o.maxSheets.trim() === '') errors.maxSheets = t.errors.sheets;
  if (Object.keys(errors).length > 0 || asOf === undefined || !aging.ok) return { ok: false, errors };
  const selection: SelectionOptions = {
    include: o.include === '' ? (o.style === 'activity' ? 'either' : 'balance') : o.include,
    excludeCredit: o.excludeCredit,
    minBalance: min === '' ? undefined : min,
    overdueOnly: o.overdueOnly,
    honourOptOut: !o.ignoreOptOut,
    groups: list(o.groups),
  };
  const options: ComputeOptions = {
    asOf, from, style: o.style, aging: aging.spec, agingBasis: o.agingBasis, allocate: o.allocate, customers: list(o.customers), selection, summary: false,
    ...(exported !== undefined ? { exported } : {}),
  };
  return { ok: true, options, defaultCurrency: currency === '' ? undefined : currency, maxSheets };
}
