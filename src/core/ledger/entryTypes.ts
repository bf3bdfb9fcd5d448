import type { Localised } from '../i18n/language';
import { normaliseKey } from './normalise';

export type EntryType = 'invoice' | 'credit_note' | 'payment' | 'refund' | 'finance_charge' | 'adjustment';

/** Debit side raises what the customer owes; credit side lowers it; adjustments may be either. */
export type Side = 'debit' | 'credit' | 'either';

export const ENTRY_TYPES: Readonly<Record<EntryType, { side: Side; label: Localised; order: number }>> = {
  invoice: { side: 'debit', label: { en: 'Invoice', fr: 'Facture' }, order: 0 },
  finance_charge: { side: 'debit', label: { en: 'Finance charge', fr: 'Frais financiers' }, order: 1 },
  credit_note: { side: 'credit', label: { en: 'Credit note', fr: 'Avoir' }, order: 2 },
  payment: { side: 'credit', label: { en: 'Payment', fr: 'Règlement' }, order: 3 },
  refund: { side: 'debit', label: { en: 'Refund', fr: 'Remboursement' }, order: 4 },
  adjustment: { side: 'either', label: { en: 'Adjustment', fr: 'Régularisation' }, order: 5 },
};

const SYNONYMS: Readonly<Record<EntryType, readonly string[]>> = {
  invoice: ['invoice', 'inv', 'sales invoice', 'bill', 'facture', 'fac', 'fa', 'facture de vente'],
  credit_note: ['credit_note', 'credit note', 'credit memo', 'cn', 'credit', 'avoir', 'av', 'note de crédit'],
  payment: ['payment', 'pmt', 'receipt', 'cash receipt', 'paiement', 'règlement', 'reglement', 'rg', 'encaissement', 'versement'],
  refund: ['refund', 'remboursement', 'rb'],
  finance_charge: ['finance_charge', 'finance charge', 'finance charge memo', 'interest', 'late fee', 'frais financiers', 'intérêts de retard', 'pénalités de retard', 'frais de retard'],
  adjustment: ['adjustment', 'adj', 'journal', 'ajustement', 'régularisation', 'regularisation', 'od', 'opération diverse'],
};

const LOOKUP: ReadonlyMap<string, EntryType> = new Map(
  (Object.entries(SYNONYMS) as [EntryType, readonly string[]][]).flatMap(([type, names]) => names.map((n) => [normaliseKey(n), type] as const)),
);

export function parseEntryType(text: string): EntryType | undefined {
  return LOOKUP.get(normaliseKey(text));
}

export type EntryStatus = 'posted' | 'void' | 'draft';
const STATUS: ReadonlyMap<string, EntryStatus> = new Map([
  ['', 'posted'], ['posted', 'posted'], ['open', 'posted'], ['closed', 'posted'], ['paid', 'posted'], ['comptabilise', 'posted'], ['comptabilisee', 'posted'], ['valide', 'posted'], ['validee', 'posted'],
  ['void', 'void'], ['voided', 'void'], ['cancelled', 'void'], ['canceled', 'void'], ['annule', 'void'], ['annulee', 'void'],
  ['draft', 'draft'], ['brouillon', 'draft'], ['provisoire', 'draft'],
]);

export function parseStatus(text: string): EntryStatus | undefined {
  return STATUS.get(normaliseKey(text));
}

const YES = new Set(['yes', 'y', 'true', '1', 'oui', 'o', 'vrai', 'x']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'faux']);
/** yes/no cells in en and fr; undefined when neither. Blank is the caller's default. */
export function parseYesNo(text: string): boolean | undefined {
  const k = normaliseKey(text);
  if (YES.has(k)) return true;
  if (NO.has(k)) return false;
  return undefined;
}
