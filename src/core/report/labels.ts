import type { Language } from '../i18n/language';
import type { Severity, TableName } from '../issues/issue';
import type { ExclusionReason } from '../statements/selection';

/**
 * Every fixed text a rendered statement, the aged-receivables table and the statements workbook
 * show, in each language: the one label source of every renderer (PDF, Word, sheets, CSV, text).
 */
export interface StatementLabels {
  readonly statementTitle: string;
  readonly activityTitle: string;
  readonly agedReceivables: string;
  readonly statementDate: string;
  readonly period: string;
  readonly customer: string;
  readonly customerNo: string;
  readonly currency: string;
  readonly date: string;
  readonly type: string;
  readonly document: string;
  readonly reference: string;
  readonly description: string;
  readonly dueDate: string;
  readonly amount: string;
  readonly debit: string;
  readonly credit: string;
  readonly applied: string;
  readonly open: string;
  readonly balance: string;
  readonly daysOverdue: string;
  readonly matchingCode: string;
  readonly openingBalance: string;
  readonly closingBalance: string;
  readonly balanceDue: string;
  readonly overdue: string;
  readonly overdueItems: string;
  readonly aging: string;
  readonly total: string;
  readonly email: string;
  readonly status: string;
  readonly ok: string;
  readonly blocked: string;
  readonly excluded: string;
  readonly issues: string;
  readonly severity: string;
  readonly location: string;
  readonly message: string;
  /** Captions of the company, customer and payment blocks. */
  readonly statementNo: string;
  readonly registration: string;
  readonly vatNumber: string;
  readonly phone: string;
  readonly contact: string;
  readonly paymentDetails: string;
  readonly bank: string;
  readonly iban: string;
  readonly bic: string;
  readonly statementFor: string;
  /** "of which overdue" after a balance (Word templates). */
  readonly ofWhichOverdue: string;
  /** "Page" and "of" for a template's own page field ("Page {PAGE} of {NUMPAGES}"). */
  readonly pageWord: string;
  readonly pageOf: string;
  /** Captions of the issues table. */
  readonly code: string;
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly cell: string;
  readonly noIssues: string;
  readonly severities: Readonly<Record<Severity, string>>;
  readonly tables: Readonly<Record<TableName, string>>;
  /** Why a customer gets no statement. */
  readonly exclusions: Readonly<Record<ExclusionReason, string>>;
  readonly page: (n: number, of: number) => string;
  readonly moreSheets: (shown: number, total: number) => string;
}

export const LABELS: Readonly<Record<Language, StatementLabels>> = {
  en: {
    statementTitle: 'Statement of account', activityTitle: 'Statement of activity', agedReceivables: 'Aged receivables',
    statementDate: 'Statement date', period: 'Period', customer: 'Customer', customerNo: 'Customer no.', currency: 'Currency',
    date: 'Date', type: 'Type', document: 'Document', reference: 'Reference', description: 'Description', dueDate: 'Due date',
    amount: 'Amount', debit: 'Debit', credit: 'Credit', applied: 'Paid/credited', open: 'Open', balance: 'Balance',
    daysOverdue: 'Days overdue', matchingCode: 'Matching', openingBalance: 'Opening balance', closingBalance: 'Closing balance',
    balanceDue: 'Balance due', overdue: 'Overdue', overdueItems: 'Overdue items', aging: 'Aging', total: 'Total', email: 'E-mail',
    status: 'Status', ok: 'ok', blocked: 'blocked', excluded: 'left out', issues: 'Issues', severity: 'Severity', location: 'Where', message: 'Message',
    statementNo: 'Statement no.', registration: 'Registration no.', vatNumber: 'VAT no.', phone: 'Phone', contact: 'Contact',
    paymentDetails: 'Payment details', bank: 'Bank', iban: 'IBAN', bic: 'BIC', statementFor: 'Statement for',
    ofWhichOverdue: 'of which overdue', pageWord: 'Page', pageOf: 'of',
    code: 'Code', table: 'Table', row: 'Row', column: 'Column', cell: 'Cell', noIssues: 'No issues.',
    severities: { error: 'error', warning: 'warning', info: 'info' },
    tables: { customers: 'customers', entries: 'entries', applications: 'applications' },
    exclusions: {
      'zero balance': 'zero balance',
      'no activity': 'no entries in the period and zero balance',
      'credit balance': 'credit balance',
      'below minimum balance': 'balance below the minimum',
      'nothing overdue': 'nothing overdue',
      'opted out': 'does not receive statements',
      'not in group': 'not in the selected group',
      'unknown customer': 'asked for, but not in the ledger',
    },
    page: (n, of) => `Page ${n} of ${of}`,
    moreSheets: (shown, total) => `${shown} of ${total} statements have a sheet; use the CSV or PDF output for the others.`,
  },
  fr: {
    statementTitle: 'Relevé de compte', activityTitle: 'Relevé des mouvements', agedReceivables: 'Balance âgée',
    statementDate: 'Date du relevé', period: 'Période', customer: 'Client', customerNo: 'N° client', currency: 'Devise',
    date: 'Date', type: 'Type', document: 'Pièce', reference: 'Référence', description: 'Libellé', dueDate: 'Échéance',
    amount: 'Montant', debit: 'Débit', credit: 'Crédit', applied: 'Réglé/avoir', open: 'Restant dû', balance: 'Solde',
    daysOverdue: 'Jours de retard', matchingCode: 'Lettrage', openingBalance: "Solde d'ouverture", closingBalance: 'Solde de clôture',
    balanceDue: 'Solde dû', overdue: 'Échu', overdueItems: 'Pièces échues', aging: 'Antériorité', total: 'Total', email: 'E-mail',
    status: 'État', ok: 'ok', blocked: 'bloqué', excluded: 'écarté', issues: 'Problèmes', severity: 'Gravité', location: 'Emplacement', message: 'Message',
    statementNo: 'N° de relevé', registration: "N° d'immatriculation", vatNumber: 'N° TVA intracom.', phone: 'Tél.', contact: 'Contact',
    paymentDetails: 'Coordonnées bancaires', bank: 'Banque', iban: 'IBAN', bic: 'BIC', statementFor: 'Relevé adressé à',
    ofWhichOverdue: 'dont échu', pageWord: 'Page', pageOf: 'sur',
    code: 'Code', table: 'Table', row: 'Ligne', column: 'Colonne', cell: 'Cellule', noIssues: 'Aucun problème.',
    severities: { error: 'erreur', warning: 'avertissement', info: 'info' },
    tables: { customers: 'clients', entries: 'écritures', applications: 'lettrages' },
    exclusions: {
      'zero balance': 'solde nul',
      'no activity': 'aucune écriture sur la période et solde nul',
      'credit balance': 'solde créditeur',
      'below minimum balance': 'solde inférieur au minimum',
      'nothing overdue': 'rien en retard',
      'opted out': 'ne reçoit pas de relevés',
      'not in group': 'hors du groupe choisi',
      'unknown customer': 'demandé, mais absent du grand livre',
    },
    page: (n, of) => `Page ${n} sur ${of}`,
    moreSheets: (shown, total) => `${shown} relevés sur ${total} ont un onglet ; utilisez les sorties CSV ou PDF pour les autres.`,
  },
};

const NBSP = '\u00a0';

/**
 * A label followed by its colon: "Currency:" in English, "Devise :" in French. `noBreak` joins the
 * French colon with a no-break space, for layouts that wrap (PDF, Word); plain text keeps a space.
 */
export function withColon(label: string, language: Language, noBreak = false): string {
  if (language !== 'fr') return `${label}:`;
  return `${label}${noBreak ? NBSP : ' '}:`;
}

/** "Currency: EUR" (the heading of a currency section), with the language's punctuation. */
export function currencyHeading(language: Language, currency: string, noBreak = false): string {
  return `${withColon(LABELS[language].currency, language, noBreak)} ${currency}`;
}
