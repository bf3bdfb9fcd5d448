import type { Localised } from '../i18n/language';
import type { Customer } from '../ledger/model';
import type { Minor } from '../money/money';
import { LABELS } from '../report/labels';
import type { Section } from './model';

/** Which customers get a statement (DESIGN.md §4). */
export interface SelectionOptions {
  /** 'balance': customers with a balance; 'activity': with entries in the period; 'either': both kinds. */
  readonly include: 'balance' | 'activity' | 'either';
  readonly excludeCredit: boolean;
  /** Minimum balance as a decimal in each section's currency, e.g. "10.00". */
  readonly minBalance?: string | undefined;
  readonly overdueOnly: boolean;
  /** Leave out customers whose send_statements is "no". */
  readonly honourOptOut: boolean;
  readonly groups?: readonly string[] | undefined;
}

export const DEFAULT_SELECTION: SelectionOptions = { include: 'balance', excludeCredit: false, overdueOnly: false, honourOptOut: true };

export type ExclusionReason = 'zero balance' | 'no activity' | 'credit balance' | 'below minimum balance' | 'nothing overdue' | 'opted out' | 'not in group' | 'unknown customer';

/** The reasons in both languages, read from the label source (`LABELS[language].exclusions`). */
export const EXCLUSION_LABELS: Readonly<Record<ExclusionReason, Localised>> = Object.fromEntries(
  (Object.keys(LABELS.en.exclusions) as ExclusionReason[]).map((r) => [r, { en: LABELS.en.exclusions[r], fr: LABELS.fr.exclusions[r] }]),
) as Record<ExclusionReason, Localised>;

/**
 * Why a customer with these sections gets no statement, or undefined if it gets one.
 * `minBalanceIn` converts the minimum to a currency's minor units (undefined: no minimum).
 */
export function exclusionReason(customer: Customer | undefined, sections: readonly Section[], options: SelectionOptions, minBalanceIn: (currency: string) => Minor | undefined): ExclusionReason | undefined {
  if (customer !== undefined && options.honourOptOut && !customer.sendStatements) return 'opted out';
  if (options.groups !== undefined && options.groups.length > 0 && !options.groups.includes(customer?.group ?? '')) return 'not in group';
  const withBalance = sections.some((s) => s.closingBalance !== 0);
  const withActivity = sections.some((s) => s.hasActivity);
  if (options.include === 'balance' && !withBalance) return 'zero balance';
  if (options.include === 'activity' && !withActivity) return 'no activity';
  if (options.include === 'either' && !withBalance && !withActivity) return 'no activity';
  // A credit balance is money owed to the customer: some section below zero, none above (zero is not a credit).
  if (options.excludeCredit && sections.some((s) => s.closingBalance < 0) && !sections.some((s) => s.closingBalance > 0)) return 'credit balance';
  if (options.minBalance !== undefined && !sections.some((s) => s.closingBalance >= (minBalanceIn(s.currency) ?? -Infinity))) return 'below minimum balance';
  if (options.overdueOnly && !sections.some((s) => s.overdue > 0)) return 'nothing overdue';
  return undefined;
}
