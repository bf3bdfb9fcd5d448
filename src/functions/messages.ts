import type { Localised } from '../core';

/** The functions' own messages (the ledger's problems come with the core's), in English and French. */
export const MESSAGES = {
  notADate: (argument: string, value: string): Localised => ({
    en: `${argument}: ${value === '' ? 'missing' : `"${value}" is not a date`} (give a date cell, a serial such as TODAY(), or YYYY-MM-DD)`,
    fr: `${argument} : ${value === '' ? 'manquant' : `« ${value} » n'est pas une date`} (indiquez une cellule date, un numéro de série comme AUJOURDHUI() ou AAAA-MM-JJ)`,
  }),
  errorArgument: (argument: string, code: string): Localised => ({
    en: `${argument} holds the Excel error ${code}`,
    fr: `${argument} contient l'erreur Excel ${code}`,
  }),
  badChoice: (argument: string, value: string, choices: readonly string[]): Localised => ({
    en: `${argument}: "${value}" is not one of ${choices.map((c) => `"${c}"`).join(', ')}`,
    fr: `${argument} : « ${value} » n'est pas l'une des valeurs ${choices.map((c) => `« ${c} »`).join(', ')}`,
  }),
  noEntries: { en: 'entries: give the entries range with its header row (Entries[#All])', fr: 'entries : indiquez la plage des écritures avec sa ligne d\'en-tête (Écritures[#Tout])' } as Localised,
  noCustomer: { en: 'customer: missing (a customer number, or "*" for every customer)', fr: 'customer : manquant (un numéro client, ou « * » pour tous les clients)' } as Localised,
  noDocument: { en: 'document: missing', fr: 'document : manquant' } as Localised,
  unknownCurrency: (code: string): Localised => ({
    en: `currency: "${code}" is not an ISO 4217 currency code`,
    fr: `currency : « ${code} » n'est pas un code devise ISO 4217`,
  }),
  severalCurrencies: (codes: readonly string[]): Localised => ({
    en: `several currencies (${codes.join(', ')}): give the currency argument`,
    fr: `plusieurs devises (${codes.join(', ')}) : indiquez l'argument currency`,
  }),
  /** A customer blocked by bad input: its first problem and how many more. */
  blocked: (customer: string, first: Localised, more: number): Localised => ({
    en: `customer ${customer}: ${first.en}${more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''}`,
    fr: `client ${customer} : ${first.fr}${more > 0 ? ` (et ${more} autre${more > 1 ? 's' : ''} problème${more > 1 ? 's' : ''})` : ''}`,
  }),
  blockedInTotal: (customers: readonly string[]): Localised => ({
    en: `blocked by bad input, so left out of the total: customer${customers.length > 1 ? 's' : ''} ${list(customers)} (see STMT.AGEDRECEIVABLES)`,
    fr: `bloqué${customers.length > 1 ? 's' : ''} par des données erronées, donc hors du total : client${customers.length > 1 ? 's' : ''} ${list(customers)} (voir STMT.AGEDRECEIVABLES)`,
  }),
  documentOfSeveral: (document: string, customers: readonly string[]): Localised => ({
    en: `document ${document} is used by several customers: ${list(customers)}`,
    fr: `la pièce ${document} est utilisée par plusieurs clients : ${list(customers)}`,
  }),
  documentNotFound: (document: string): Localised => ({
    en: `document ${document} is not in the entries`,
    fr: `la pièce ${document} n'est pas dans les écritures`,
  }),
  /** The Status of a total row: how many blocked customers it leaves out. */
  totalLeavesOut: (count: number): Localised => ({
    en: count === 0 ? '' : `leaves out ${count} blocked customer${count > 1 ? 's' : ''}`,
    fr: count === 0 ? '' : `hors ${count} client${count > 1 ? 's' : ''} bloqué${count > 1 ? 's' : ''}`,
  }),
} as const;

/** At most ten names, then how many more. */
function list(items: readonly string[]): string {
  return items.length <= 10 ? items.join(', ') : `${items.slice(0, 10).join(', ')} … (+${items.length - 10})`;
}
