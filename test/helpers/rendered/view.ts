import { LABELS, type Language } from '../../../src/core';

/**
 * What a reader of a rendered statement file (PDF, Word, sheet, CSV) finds in one currency section.
 * Money is a decimal string as the JSON contract prints it ("1414.03", "-50.00"), so a figure read
 * from any file compares directly with `statements compute --json`. `undefined`: the file shows none.
 */
export interface SectionView {
  readonly currency: string;
  /** The opening-balance row's amount. */
  opening: string | undefined;
  /** Statement lines in the order shown: document no., open amount and running balance. */
  readonly lines: LineView[];
  /** Every place the closing balance / balance due is printed. */
  readonly closing: string[];
  /** Every place the section's overdue amount is printed (totals, not the list). */
  readonly overdue: string[];
  /** The overdue-items list. */
  overdueItems: OverdueList | undefined;
  /** The aging buckets, oldest last, without the total. */
  aging: string[] | undefined;
  agingTotal: string | undefined;
}

export interface LineView {
  readonly documentNo: string;
  readonly open: string | undefined;
  readonly balance: string | undefined;
}

export interface OverdueItem {
  readonly documentNo: string;
  readonly open: string;
}

export interface OverdueList {
  readonly items: OverdueItem[];
  total: string | undefined;
}

/** One customer's statement as read from one file: its sections by currency. */
export type StatementView = Map<string, SectionView>;

export function emptySection(currency: string): SectionView {
  return { currency, opening: undefined, lines: [], closing: [], overdue: [], overdueItems: undefined, aging: undefined, agingTotal: undefined };
}

export function sectionOf(view: StatementView, currency: string): SectionView {
  let section = view.get(currency);
  if (section === undefined) {
    section = emptySection(currency);
    view.set(currency, section);
  }
  return section;
}

/** No-break and narrow no-break spaces (French digit groups, "12 000,00 €") made plain. */
export const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Captions a reader looks for, from core's one label source, in the statement's language. */
export function captions(language: Language) {
  const l = LABELS[language];
  return {
    ...l,
    /** "Currency: GBP" / "Devise : EUR" as a heading. */
    currencyHeading: new RegExp(`^${escape(l.currency)}\\s*:\\s*([A-Z]{3})$`),
    /** The totals printed under the lines: balance due (open-item) or closing balance (activity). */
    isClosing: (text: string) => [l.balanceDue, l.closingBalance].some((x) => text.trim().toLowerCase().startsWith(x.toLowerCase())),
    /** "Overdue", "Échu", "of which overdue", "dont échu". */
    isOverdueTotal: (text: string) => new RegExp(`(^|\\s)${escape(l.overdue)}$`, 'i').test(text.trim().replace(/\s*:$/, '')),
    isOverdueItems: (text: string) => text.trim().toLowerCase().startsWith(l.overdueItems.toLowerCase()),
    isOpening: (text: string) => text.trim().toLowerCase() === l.openingBalance.toLowerCase(),
    isTotal: (text: string) => text.trim().toLowerCase() === l.total.toLowerCase(),
  };
}
