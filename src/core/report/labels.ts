import type { Language } from '../i18n/language';

/** Every fixed text a rendered statement shows, in each language. */
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
    page: (n, of) => `Page ${n} sur ${of}`,
    moreSheets: (shown, total) => `${shown} relevés sur ${total} ont un onglet ; utilisez les sorties CSV ou PDF pour les autres.`,
  },
};
