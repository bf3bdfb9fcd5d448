import type { Language } from '../i18n/language';
import { LABELS } from '../report/labels';
import { statementDocument } from '../report/statementDocument';
import type { ComputeResult } from '../statements/model';
import { agedReceivablesSheet } from './agedReceivablesSheet';
import { issuesSheet } from './issuesSheet';
import type { WorkbookModel } from './model';
import { SheetNamer } from './sheetNames';
import { statementSheet, type CompanyBlock } from './statementSheet';

export type { CompanyBlock } from './statementSheet';

export interface StatementsWorkbookOptions {
  /** Statement sheets at most (default 200); the summary sheet says when some customers have none. */
  readonly maxSheets?: number | undefined;
  /** Language of the summary sheets (aged receivables, issues); statements use the customer's. Default en. */
  readonly language?: Language | undefined;
  /** The sender printed at the top of every statement. */
  readonly company?: CompanyBlock | undefined;
  /** Paper the sheets are set up to print on (default A4), as the statement settings say. */
  readonly paper?: 'A4' | 'Letter' | undefined;
  /** Whether statement sheets show the overdue list (default true), as the statement settings' `showOverdueSection` says for every document. */
  readonly showOverdueSection?: boolean | undefined;
}

export interface StatementsWorkbook {
  readonly workbook: WorkbookModel;
  /** Statement sheets (one per ok statement, up to maxSheets). */
  readonly sheets: number;
  /** Ok statements left without a sheet because of maxSheets. */
  readonly omitted: number;
}

export const DEFAULT_MAX_SHEETS = 200;

/**
 * The run as one workbook: "Aged receivables" (one row per customer and currency, totals per
 * currency), "Issues", then one sheet per ok statement, named after the customer.
 */
export function statementsWorkbookModel(result: ComputeResult, options: StatementsWorkbookOptions = {}): StatementsWorkbook {
  const maxSheets = options.maxSheets ?? DEFAULT_MAX_SHEETS;
  if (!Number.isSafeInteger(maxSheets) || maxSheets < 0) throw new RangeError(`maxSheets must be a whole number ≥ 0, not ${maxSheets}`);
  const language = options.language ?? 'en';
  const labels = LABELS[language];

  const namer = new SheetNamer();
  const summaryName = namer.reserve(labels.agedReceivables);
  const issuesName = namer.reserve(labels.issues);
  const ok = result.statements.filter((s) => s.status === 'ok');
  const shown = ok.slice(0, maxSheets);
  const note = ok.length > shown.length ? labels.moreSheets(shown.length, ok.length) : undefined;

  const paper = options.paper ?? 'A4';
  const sheets = [agedReceivablesSheet(summaryName, result, language, note, paper), issuesSheet(issuesName, result, language)];
  shown.forEach((statement, i) => {
    const name = namer.name(`${statement.customerId} ${statement.customer?.name ?? ''}`);
    const tableBase = { lines: `Lines_${i + 1}`, overdue: `Overdue_${i + 1}` };
    sheets.push(statementSheet(statementDocument(result, statement), { name, tableBase, company: options.company, paper, showOverdueSection: options.showOverdueSection ?? true }));
  });
  return { workbook: { sheets }, sheets: shown.length, omitted: ok.length - shown.length };
}
