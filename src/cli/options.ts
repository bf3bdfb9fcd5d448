import {
  DEFAULT_AGING, isKnownCurrency, parseAgingSpec, parseIsoDay,
  type AgingBasis, type AllocateMode, type DateOrder, type ComputeOptions, type Day, type ExportOptions, type Language, type SelectionOptions, type StatementStyle,
} from '../core';

/** A command-line mistake: exit code 2 with a message in both languages. */
export class UsageError extends Error {
  constructor(readonly en: string, readonly fr: string) {
    super(en);
  }
}

export interface ComputeFlags {
  ledger: string;
  asOf: string;
  from?: string;
  style: string;
  aging: string;
  agingBy: string;
  customer?: string[];
  allocate: string;
  summary?: boolean;
  json?: boolean;
  currency?: string;
  lang: string;
  include?: string;
  excludeCredit?: boolean;
  minBalance?: string;
  overdueOnly?: boolean;
  ignoreOptOut?: boolean;
  group?: string[];
  dateOrder?: string;
  mapping?: string;
  exported?: string;
  account?: string[];
}

/** What the user says about another system's export, for the reader (`--account`). */
export function exportOptionsFrom(f: Pick<ComputeFlags, 'account'>): ExportOptions {
  const accounts = (f.account ?? []).map((a) => a.trim()).filter((a) => a !== '');
  return accounts.length > 0 ? { accounts } : {};
}

function day(flag: string, text: string): Day {
  const d = parseIsoDay(text);
  if (d === undefined) throw new UsageError(`${flag} ${JSON.stringify(text)}: expected a date YYYY-MM-DD`, `${flag} « ${text} » : date AAAA-MM-JJ attendue`);
  return d;
}

function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`${flag} ${JSON.stringify(text)}: expected one of ${allowed.join(', ')}`, `${flag} « ${text} » : valeurs possibles ${allowed.join(', ')}`);
}

export function computeOptionsFrom(f: ComputeFlags): { options: ComputeOptions; language: Language; defaultCurrency: string | undefined; dateOrder: DateOrder | undefined } {
  const asOf = day('--as-of', f.asOf);
  const from = f.from === undefined ? undefined : day('--from', f.from);
  if (from !== undefined && from > asOf) throw new UsageError('--from must not be after --as-of', '--from ne doit pas être après --as-of');
  const style = oneOf<StatementStyle>('--style', f.style, ['open-item', 'activity']);
  const aging = f.aging === '' ? { ok: true as const, spec: DEFAULT_AGING } : parseAgingSpec(f.aging);
  if (!aging.ok) throw new UsageError(`--aging: ${aging.error.en}`, `--aging : ${aging.error.fr}`);
  const agingBasis = oneOf<AgingBasis>('--aging-by', f.agingBy, ['due', 'posting']);
  const allocate = oneOf<AllocateMode>('--allocate', f.allocate, ['none', 'fifo']);
  const language = oneOf<Language>('--lang', f.lang, ['en', 'fr']);
  const include = oneOf<SelectionOptions['include']>('--include', f.include ?? (style === 'activity' ? 'either' : 'balance'), ['balance', 'activity', 'either']);
  if (f.minBalance !== undefined && /^-?[1-9]\d{0,2},\d{3}$/.test(f.minBalance.trim())) {
    throw new UsageError(`--min-balance ${f.minBalance}: ambiguous (thousands separator or decimal comma?); write 1500 or 1.5`, `--min-balance ${f.minBalance} : ambigu (séparateur de milliers ou virgule décimale ?) ; écrivez 1500 ou 1,5`);
  }
  if (f.minBalance !== undefined && !/^-?\d+([.,]\d+)?$/.test(f.minBalance.trim())) {
    throw new UsageError(`--min-balance ${JSON.stringify(f.minBalance)}: expected an amount such as 10.00`, `--min-balance « ${f.minBalance} » : montant attendu, par exemple 10,00`);
  }
  const currency = f.currency?.trim().toUpperCase();
  if (currency !== undefined && !isKnownCurrency(currency)) throw new UsageError(`--currency ${currency}: not an ISO 4217 code`, `--currency ${currency} : pas un code ISO 4217`);
  const selection: SelectionOptions = {
    include,
    excludeCredit: f.excludeCredit === true,
    minBalance: f.minBalance?.trim(),
    overdueOnly: f.overdueOnly === true,
    honourOptOut: f.ignoreOptOut !== true,
    groups: f.group,
  };
  const exported = f.exported === undefined ? undefined : day('--exported', f.exported);
  const options: ComputeOptions = { asOf, from, style, aging: aging.spec, agingBasis, allocate, customers: f.customer, selection, summary: f.summary === true, ...(exported !== undefined ? { exported } : {}) };
  // Unset: the workbook decides (US English date formats → month first), else day first.
  const dateOrder = f.dateOrder === undefined ? undefined : oneOf<DateOrder>('--date-order', f.dateOrder, ['dmy', 'mdy']);
  return { options, language, defaultCurrency: currency, dateOrder };
}
