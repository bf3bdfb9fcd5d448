import type { TableName } from '../issues/issue';
import { normaliseKey } from './normalise';

/** Canonical column names of the ledger contract (DESIGN.md §3). */
export const CUSTOMER_COLUMNS = [
  'customer_id', 'name', 'email', 'cc', 'language', 'currency', 'address1', 'address2', 'address3',
  'postcode', 'city', 'country', 'statement_style', 'template', 'send_statements', 'group', 'contact',
] as const;
export const ENTRY_COLUMNS = [
  'customer_id', 'type', 'document_no', 'posting_date', 'due_date', 'amount', 'debit', 'credit', 'currency',
  'description', 'reference', 'matching_code', 'applies_to', 'status', 'entry_no', 'open_amount',
] as const;
/** An application names its two sides by document number, or by entry number (`from_entry`/`to_entry`: Business Central's way). */
export const APPLICATION_COLUMNS = ['from_document', 'to_document', 'amount', 'date', 'from_entry', 'to_entry'] as const;

export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];
export type EntryColumn = (typeof ENTRY_COLUMNS)[number];
export type ApplicationColumn = (typeof APPLICATION_COLUMNS)[number];

export const COLUMNS: Readonly<Record<TableName, readonly string[]>> = {
  customers: CUSTOMER_COLUMNS,
  entries: ENTRY_COLUMNS,
  applications: APPLICATION_COLUMNS,
};

/**
 * Columns without which a table cannot be read at all. `amount` may be replaced by debit/credit;
 * an application's two sides are named by document (`from_document`, `to_document`) or by entry
 * number (`from_entry`, `to_entry`): see `applicationSidesFound`.
 */
export const REQUIRED: Readonly<Record<TableName, readonly string[]>> = {
  customers: ['customer_id'],
  entries: ['customer_id', 'document_no', 'posting_date'],
  applications: ['amount'],
};

/** True when an applications table names both sides, by document or by entry number. */
export function applicationSidesFound(has: (column: string) => boolean): boolean {
  return (has('from_document') && has('to_document')) || (has('from_entry') && has('to_entry'));
}

/** English and French header synonyms, compared through normaliseKey. */
const SYNONYMS: Readonly<Record<TableName, Readonly<Record<string, readonly string[]>>>> = {
  customers: {
    customer_id: ['customer id', 'customer', 'customer no', 'customer no.', 'customer number', 'customer code', 'account', 'account no', 'no.', 'n° client', 'no client', 'numéro client', 'code client', 'client', 'compte', 'compte client'],
    name: ['customer name', 'company', 'nom', 'nom du client', 'raison sociale', 'société'],
    email: ['e-mail', 'emails', 'email address', 'courriel', 'adresse e-mail', 'adresse électronique', 'mail'],
    cc: ['copy to', 'email cc', 'copie', 'copie à', 'cc e-mail'],
    language: ['lang', 'language code', 'langue', 'code langue'],
    currency: ['currency code', 'devise', 'code devise', 'monnaie'],
    address1: ['address', 'address 1', 'address line 1', 'street', 'adresse', 'adresse 1', 'rue'],
    address2: ['address 2', 'address line 2', 'adresse 2', 'complément d\'adresse'],
    address3: ['address 3', 'address line 3', 'adresse 3'],
    postcode: ['post code', 'postal code', 'zip', 'zip code', 'code postal', 'cp'],
    city: ['town', 'ville', 'localité'],
    country: ['country/region', 'country code', 'pays'],
    statement_style: ['style', 'statement type', 'type de relevé', 'style de relevé'],
    template: ['layout', 'word template', 'modèle', 'modele word'],
    send_statements: ['print statements', 'send statement', 'statements', 'envoyer relevé', 'envoi relevé', 'envoyer les relevés', 'imprimer relevés'],
    group: ['customer group', 'category', 'groupe', 'catégorie', 'groupe client'],
    contact: ['contact name', 'attention', 'interlocuteur', 'à l\'attention de'],
  },
  entries: {
    customer_id: ['customer id', 'customer', 'customer no', 'customer no.', 'customer number', 'customer code', 'account', 'n° client', 'no client', 'numéro client', 'code client', 'client', 'compte', 'compte client'],
    type: ['document type', 'entry type', 'doc type', 'type de pièce', 'type de document', 'nature', 'type d\'écriture'],
    document_no: ['document no', 'document no.', 'document number', 'document', 'doc no', 'invoice no', 'invoice number', 'number', 'n° pièce', 'no pièce', 'numéro de pièce', 'pièce', 'n° facture', 'numéro de facture', 'n° document'],
    posting_date: ['posting date', 'date', 'document date', 'invoice date', 'transaction date', 'date comptable', 'date pièce', 'date de pièce', 'date facture', 'date d\'écriture', 'date de comptabilisation'],
    due_date: ['due date', 'due', 'échéance', 'date d\'échéance', 'date échéance'],
    amount: ['amount', 'original amount', 'total', 'montant', 'montant ttc', 'montant initial'],
    debit: ['débit', 'debit amount', 'montant débit'],
    credit: ['crédit', 'credit amount', 'montant crédit'],
    currency: ['currency code', 'devise', 'code devise', 'monnaie'],
    description: ['libellé', 'designation', 'désignation', 'memo', 'narration', 'texte'],
    reference: ['your reference', 'customer reference', 'po', 'po number', 'order no', 'référence', 'votre référence', 'réf', 'n° commande', 'bon de commande'],
    matching_code: ['matching', 'match code', 'matching code', 'lettrage', 'code lettrage', 'let.'],
    applies_to: ['applies to', 'applies-to doc. no.', 'applies to document', 'applied to', 'imputé sur', 'affecté à', 'lettré avec', 'applique à'],
    status: ['state', 'statut', 'état', 'etat'],
    entry_no: ['entry no', 'entry no.', 'entry number', 'n° séquence', 'n° écriture', 'numéro d\'écriture'],
    open_amount: ['open amount', 'remaining amount', 'amount due', 'montant ouvert', 'reste dû', 'montant restant'],
  },
  applications: {
    from_document: ['from', 'from document', 'payment', 'credit document', 'de', 'pièce de règlement', 'règlement', 'pièce source'],
    to_document: ['to', 'to document', 'invoice', 'applied to', 'vers', 'facture', 'pièce lettrée', 'pièce cible'],
    amount: ['amount applied', 'applied amount', 'montant', 'montant lettré'],
    date: ['application date', 'date de lettrage', 'date d\'application'],
    from_entry: ['from entry', 'from entry no', 'écriture de règlement'],
    to_entry: ['to entry', 'to entry no', 'écriture lettrée'],
  },
};

const LOOKUP: Readonly<Record<TableName, ReadonlyMap<string, string>>> = (() => {
  const out = {} as Record<TableName, Map<string, string>>;
  for (const table of Object.keys(SYNONYMS) as TableName[]) {
    const map = new Map<string, string>();
    for (const column of COLUMNS[table]) map.set(normaliseKey(column), column);
    for (const [column, names] of Object.entries(SYNONYMS[table])) for (const n of names) if (!map.has(normaliseKey(n))) map.set(normaliseKey(n), column);
    out[table] = map;
  }
  return out;
})();

/** The canonical column a header names in a table, or undefined. */
export function canonicalColumn(table: TableName, header: string): string | undefined {
  return LOOKUP[table].get(normaliseKey(header));
}
