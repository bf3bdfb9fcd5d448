import type { Language } from '../../../core';

/**
 * Fixed texts the PDF needs beyond core's StatementLabels (company, bank and numbering captions).
 * Candidates for core's LABELS; kept here until they move there.
 */
export interface PdfLabels {
  readonly statementNo: string;
  readonly registration: string;
  readonly vatNumber: string;
  readonly phone: string;
  readonly contact: string;
  readonly paymentDetails: string;
  readonly bank: string;
  readonly iban: string;
  readonly bic: string;
  readonly to: string;
  /** "Currency: EUR" with the language's punctuation. */
  readonly currencyHeading: (label: string, currency: string) => string;
  readonly colon: (label: string) => string;
}

const NBSP = '\u00a0';

export const PDF_LABELS: Readonly<Record<Language, PdfLabels>> = {
  en: {
    statementNo: 'Statement no.', registration: 'Registration no.', vatNumber: 'VAT no.', phone: 'Phone', contact: 'Contact',
    paymentDetails: 'Payment details', bank: 'Bank', iban: 'IBAN', bic: 'BIC', to: 'Statement for',
    currencyHeading: (label, currency) => `${label}: ${currency}`,
    colon: (label) => `${label}:`,
  },
  fr: {
    statementNo: 'N° de relevé', registration: "N° d'immatriculation", vatNumber: 'N° TVA intracom.', phone: 'Tél.', contact: 'Contact',
    paymentDetails: 'Coordonnées bancaires', bank: 'Banque', iban: 'IBAN', bic: 'BIC', to: 'Relevé adressé à',
    currencyHeading: (label, currency) => `${label}${NBSP}: ${currency}`,
    colon: (label) => `${label}${NBSP}:`,
  },
};
