import { LABELS, type Language, type StatementLabels } from '../../../core';

/**
 * The PDF's captions: core's LABELS (one wording for every renderer) plus the language's punctuation.
 */
type Captions = 'statementNo' | 'registration' | 'vatNumber' | 'phone' | 'contact' | 'paymentDetails' | 'bank' | 'iban' | 'bic';

export type PdfLabels = Pick<StatementLabels, Captions> & {
  readonly to: string;
  /** "Currency: EUR" with the language's punctuation. */
  readonly currencyHeading: (label: string, currency: string) => string;
  readonly colon: (label: string) => string;
};

const NBSP = '\u00a0';

function captions(language: Language): Omit<PdfLabels, 'currencyHeading' | 'colon'> {
  const l = LABELS[language];
  return { statementNo: l.statementNo, registration: l.registration, vatNumber: l.vatNumber, phone: l.phone, contact: l.contact, paymentDetails: l.paymentDetails, bank: l.bank, iban: l.iban, bic: l.bic, to: l.statementFor };
}

export const PDF_LABELS: Readonly<Record<Language, PdfLabels>> = {
  en: {
    ...captions('en'),
    currencyHeading: (label, currency) => `${label}: ${currency}`,
    colon: (label) => `${label}:`,
  },
  fr: {
    ...captions('fr'),
    currencyHeading: (label, currency) => `${label}${NBSP}: ${currency}`,
    colon: (label) => `${label}${NBSP}:`,
  },
};
