import type { Localised } from '../i18n/language';
import type { MoneyParse } from '../money/money';
import { ISSUE_TEXTS, type IssueCode, type IssueParams } from './catalogue';

export type Severity = 'error' | 'warning' | 'info';
export type TableName = 'customers' | 'entries' | 'applications';

/** Where a problem came from, as a person would find it: table (sheet/file), row as seen (header = 1), column. */
export interface IssueLocation {
  readonly table: TableName;
  readonly row?: number;
  readonly column?: string;
  /** The cell's text as read, to quote back to the user. */
  readonly value?: string;
  /** Spreadsheet address such as `Entries!D17`, when the table came from a workbook. */
  readonly cell?: string;
}

export interface Issue extends IssueLocation {
  readonly severity: Severity;
  readonly code: IssueCode;
  readonly message: Localised;
  /** The customer whose statement this problem affects, when known. */
  readonly customerId?: string;
}

const SEVERITY: Readonly<Record<IssueCode, Severity>> = {
  'missing-column': 'error',
  'unknown-column': 'warning', // a column not read may be one the user counts on ("Payment due"): said out loud
  'duplicate-column': 'warning',
  'missing-value': 'error',
  'bad-date': 'error',
  'bad-amount': 'error',
  'too-many-decimals': 'error',
  'amount-too-large': 'error',
  'unknown-currency': 'error',
  'missing-currency': 'error',
  'unknown-customer': 'error',
  'duplicate-customer': 'error',
  'unknown-type': 'error',
  'unknown-status': 'error',
  'ignored-status': 'info',
  'sign-mismatch': 'error',
  'debit-and-credit': 'error',
  'duplicate-document': 'error',
  'unknown-document': 'error',
  'ambiguous-document': 'error',
  'over-application': 'error',
  'cross-currency-application': 'error',
  'cross-customer-application': 'error',
  'application-sides': 'error',
  'application-before-posting': 'error',
  'application-date-defaulted': 'warning',
  'applies-to-unknown': 'error',
  'bad-language': 'warning',
  'bad-yes-no': 'error',
  'ambiguous-date': 'warning',
  'ambiguous-amount': 'error',
  'not-utf8': 'warning',
  'bad-utf8': 'warning',
  'not-positive': 'error',
  'total-row': 'info',
  'note-row': 'info',
  'blank-rows': 'info',
  'no-table': 'info',
  'customers-from-entries': 'warning',
  'sheet-full': 'warning',
  'duplicate-table': 'info',
  'extra-cells': 'error',
  'unterminated-quote': 'error',
  'export-recognised': 'info',
  'duplicate-entry-no': 'error',
  'unknown-entry': 'error',
  'export-date-assumed': 'warning', // the open amounts' date is a guess until the user states it
  'posted-after-export': 'warning',
  'open-amount-disagrees': 'warning',
  'before-export': 'error',
  'open-amounts-unbalanced': 'error',
  'bad-open-amount': 'error',
  'export-lines-left-out': 'info',
  'export-no-partner': 'warning',
  'export-unnumbered-match': 'warning',
  'export-residual-currency': 'warning',
  'export-no-receivable': 'error',
  'grouped-report': 'info',
  'group-total-mismatch': 'warning', // the report disagrees with itself: said, and the rows are still read
  'group-total-unmatched': 'warning',
  'invoice-lines-folded': 'info',
  'open-items-only': 'error',
};

export function makeIssue(code: IssueCode, where: IssueLocation & { customerId?: string | undefined }, params: IssueParams = {}): Issue {
  const texts = ISSUE_TEXTS[code];
  const issue: Issue = {
    severity: SEVERITY[code],
    code,
    message: { en: texts.en(params, where), fr: texts.fr(params, where) },
    table: where.table,
    ...(where.row !== undefined ? { row: where.row } : {}),
    ...(where.column !== undefined ? { column: where.column } : {}),
    ...(where.value !== undefined ? { value: where.value } : {}),
    ...(where.cell !== undefined ? { cell: where.cell } : {}),
    ...(where.customerId !== undefined && where.customerId !== '' ? { customerId: where.customerId } : {}),
  };
  return issue;
}


/** The issue for an amount cell that did not parse (parseDecimalToMinor's reason). */
export function amountIssueCode(reason: Extract<MoneyParse, { ok: false }>['reason']): IssueCode {
  return reason === 'too-many-decimals' ? 'too-many-decimals' : reason === 'too-large' ? 'amount-too-large' : reason === 'ambiguous' ? 'ambiguous-amount' : 'bad-amount';
}
