import type { Language } from '../i18n/language';
import type { Severity, TableName } from '../issues/issue';

/** Workbook texts not (yet) in core's StatementLabels. */
export interface WorkbookTexts {
  readonly code: string;
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly cell: string;
  readonly noIssues: string;
  readonly severities: Readonly<Record<Severity, string>>;
  readonly tables: Readonly<Record<TableName, string>>;
}

export const WORKBOOK_TEXTS: Readonly<Record<Language, WorkbookTexts>> = {
  en: {
    code: 'Code', table: 'Table', row: 'Row', column: 'Column', cell: 'Cell', noIssues: 'No issues.',
    severities: { error: 'error', warning: 'warning', info: 'info' },
    tables: { customers: 'customers', entries: 'entries', applications: 'applications' },
  },
  fr: {
    code: 'Code', table: 'Table', row: 'Ligne', column: 'Colonne', cell: 'Cellule', noIssues: 'Aucun problème.',
    severities: { error: 'erreur', warning: 'avertissement', info: 'info' },
    tables: { customers: 'clients', entries: 'écritures', applications: 'lettrages' },
  },
};
