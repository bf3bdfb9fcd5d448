import { ENTRY_TYPES, LABELS, type EntryType, type Language } from '../core';

/**
 * Column headers of the spilled tables: the core's labels (those of the PDF and the workbook),
 * except where the functions' table says it shorter (Applied, Name).
 */
export function statementHeaders(language: Language, style: 'open-item' | 'activity'): string[] {
  const l = LABELS[language];
  const applied = language === 'fr' ? 'Réglé' : 'Applied';
  return style === 'activity'
    ? [l.date, l.type, l.document, l.dueDate, l.debit, l.credit, l.balance]
    : [l.date, l.type, l.document, l.dueDate, l.amount, applied, l.open, l.balance, l.daysOverdue];
}

export function agedReceivablesHeaders(language: Language, agingLabels: readonly string[]): string[] {
  const l = LABELS[language];
  return [l.customer, language === 'fr' ? 'Nom' : 'Name', l.currency, l.balance, ...agingLabels, l.status];
}

/** An entry type as a statement shows it ("Invoice", "Facture"). */
export function typeLabel(type: EntryType, language: Language): string {
  return ENTRY_TYPES[type].label[language];
}
