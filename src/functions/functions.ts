/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any` as Excel's "any" type: ranges and cells as Excel passes them */
/**
 * The `=STMT.*` worksheet functions. custom-functions-metadata reads this file's JSDoc to write
 * functions.json; each function is a thin wrapper: read its arguments, ask the engine (through the
 * ledger cache), turn a problem into `#VALUE!`/`#N/A` with a message in Excel's display language.
 * Range arguments are the ranges with their header row (`Entries[#All]`).
 */
import { isBlankArgument, textArgument } from './cells';
import { displayLanguage } from './displayLanguage';
import { bandsArgument, basisArgument, currencyArgument, optionalDate, requiredDate, styleArgument } from './functionArguments';
import { answer, FunctionProblem } from './functionErrors';
import { agedReceivablesOf, agingLabelsOf, agingOf, balanceOf, bucketOf, openOf, statementOf } from './answers';
import type { RangeAddresses } from './ledgerView';
import { MESSAGES } from './messages';
import { workbookSettings } from './workbookSettings';

/** Where Excel says the range arguments are (functions marked @requiresParameterAddresses), by parameter position. */
function addressesOf(invocation: CustomFunctions.Invocation | undefined, positions: { entries: number; applications?: number; customers?: number }): RangeAddresses | undefined {
  const at = invocation?.parameterAddresses;
  if (at === undefined) return undefined;
  return { entries: at[positions.entries], applications: positions.applications === undefined ? undefined : at[positions.applications], customers: positions.customers === undefined ? undefined : at[positions.customers] };
}

function customerArgument(v: any): string {
  const id = textArgument(v);
  if (id === '') throw new FunctionProblem(MESSAGES.noCustomer);
  return id;
}

/**
 * A customer's open-item balance at a date.
 * @customfunction BALANCE
 * @param entries The entries range with its header row (Entries[#All]).
 * @param customer The customer number.
 * @param asOf The statement date (TODAY(), or a date cell).
 * @param [currency] The currency of the balance; also the currency of rows that name none.
 * @param [applications] The applications range with its header row.
 * @returns The open-item balance.
 */
export function balance(entries: any[][], customer: any, asOf: any, currency?: any, applications?: any[][]): Promise<number> {
  return answer(displayLanguage(), async () => {
    const settings = await workbookSettings();
    return balanceOf({ entries, applications, currency: currencyArgument(currency) }, customerArgument(customer), requiredDate(asOf, 'asOf', settings), settings);
  });
}

/**
 * A customer's aging at a date: one row, Current first. "*" for every customer together.
 * @customfunction AGING
 * @requiresParameterAddresses
 * @param entries The entries range with its header row (Entries[#All]).
 * @param customer The customer number, or "*" for every customer.
 * @param asOf The statement date (TODAY(), or a date cell).
 * @param [bands] "30,60,90" (default), "months", "30D" or "1M+CM".
 * @param [by] "due" (default) or "posting".
 * @param [currency] The currency; also the currency of rows that name none.
 * @param [applications] The applications range with its header row.
 * @param [invocation] Given by Excel: where the ranges are, to name a bad cell by its sheet row.
 * @returns The aging columns.
 */
export function aging(entries: any[][], customer: any, asOf: any, bands?: any, by?: any, currency?: any, applications?: any[][], invocation?: CustomFunctions.Invocation): Promise<number[][]> {
  return answer(displayLanguage(), async () => {
    const settings = await workbookSettings();
    const addresses = addressesOf(invocation, { entries: 0, applications: 6 });
    const spill = agingOf({ entries, applications, currency: currencyArgument(currency), addresses }, customerArgument(customer), requiredDate(asOf, 'asOf', settings), bandsArgument(bands), basisArgument(by), settings);
    return spill as number[][];
  });
}

/**
 * The labels of the aging columns, in Excel's display language.
 * @customfunction AGINGLABELS
 * @param asOf The statement date (TODAY(), or a date cell).
 * @param [bands] "30,60,90" (default), "months", "30D" or "1M+CM".
 * @returns The aging column labels.
 */
export function agingLabels(asOf: any, bands?: any): Promise<string[][]> {
  const language = displayLanguage();
  return answer(language, async () => {
    const settings = await workbookSettings();
    return agingLabelsOf(requiredDate(asOf, 'asOf', settings), bandsArgument(bands), language) as string[][];
  });
}

/**
 * What is still open of a document at a date (all its instalments).
 * @customfunction OPEN
 * @param entries The entries range with its header row (Entries[#All]).
 * @param document The document number.
 * @param asOf The statement date (TODAY(), or a date cell).
 * @param [applications] The applications range with its header row.
 * @returns The open amount.
 */
export function open(entries: any[][], document: any, asOf: any, applications?: any[][]): Promise<number> {
  return answer(displayLanguage(), async () => {
    const settings = await workbookSettings();
    const doc = textArgument(document);
    if (doc === '') throw new FunctionProblem(MESSAGES.noDocument);
    return openOf({ entries, applications }, doc, requiredDate(asOf, 'asOf', settings), settings);
  });
}

/**
 * Days overdue at a date: asOf − dueDate when positive, else 0; "" for a blank date.
 * @customfunction DAYSOVERDUE
 * @param dueDate The due date.
 * @param asOf The statement date (TODAY(), or a date cell).
 * @returns The days overdue.
 */
export function daysOverdue(dueDate: any, asOf: any): Promise<number | string> {
  return answer(displayLanguage(), async () => {
    if (isBlankArgument(dueDate) || isBlankArgument(asOf)) return '';
    const settings = await workbookSettings();
    const d = requiredDate(asOf, 'asOf', settings) - requiredDate(dueDate, 'dueDate', settings);
    return d > 0 ? d : 0;
  });
}

/**
 * The aging column a due date falls in, labelled as on the statements; "" for a blank date.
 * @customfunction BUCKET
 * @param dueDate The due date.
 * @param asOf The statement date (TODAY(), or a date cell).
 * @param [bands] "30,60,90" (default), "months", "30D" or "1M+CM".
 * @returns The aging column label.
 */
export function bucket(dueDate: any, asOf: any, bands?: any): Promise<string> {
  const language = displayLanguage();
  return answer(language, async () => {
    if (isBlankArgument(dueDate) || isBlankArgument(asOf)) return '';
    const settings = await workbookSettings();
    return bucketOf(requiredDate(dueDate, 'dueDate', settings), requiredDate(asOf, 'asOf', settings), bandsArgument(bands), language);
  });
}

/**
 * A customer's statement, spilled with a header row: open items, or the activity of a period with its opening and closing balance.
 * @customfunction STATEMENT
 * @requiresParameterAddresses
 * @param entries The entries range with its header row (Entries[#All]).
 * @param customer The customer number.
 * @param asOf The statement date (TODAY(), or a date cell).
 * @param [style] "open-item" (default) or "activity".
 * @param [from] The start of the period (activity: default the first of the month).
 * @param [currency] The currency; also the currency of rows that name none.
 * @param [applications] The applications range with its header row.
 * @param [invocation] Given by Excel: where the ranges are, to name a bad cell by its sheet row.
 * @returns The statement.
 */
export function statement(entries: any[][], customer: any, asOf: any, style?: any, from?: any, currency?: any, applications?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  const language = displayLanguage();
  return answer(language, async () => {
    const settings = await workbookSettings();
    const addresses = addressesOf(invocation, { entries: 0, applications: 6 });
    return statementOf({ entries, applications, currency: currencyArgument(currency), addresses }, customerArgument(customer), requiredDate(asOf, 'asOf', settings), styleArgument(style), optionalDate(from, 'from', settings), settings, language);
  });
}

/**
 * The aged-receivables table, spilled: a row per customer and currency, a total per currency.
 * @customfunction AGEDRECEIVABLES
 * @requiresParameterAddresses
 * @param entries The entries range with its header row (Entries[#All]).
 * @param asOf The statement date (TODAY(), or a date cell).
 * @param [bands] "30,60,90" (default), "months", "30D" or "1M+CM".
 * @param [by] "due" (default) or "posting".
 * @param [applications] The applications range with its header row.
 * @param [customers] The customers range with its header row (names, currencies).
 * @param [invocation] Given by Excel: where the ranges are, to name a bad cell by its sheet row.
 * @returns The aged-receivables table.
 */
export function agedReceivables(entries: any[][], asOf: any, bands?: any, by?: any, applications?: any[][], customers?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  const language = displayLanguage();
  return answer(language, async () => {
    const settings = await workbookSettings();
    const addresses = addressesOf(invocation, { entries: 0, applications: 4, customers: 5 });
    return agedReceivablesOf({ entries, applications, customers, addresses }, requiredDate(asOf, 'asOf', settings), bandsArgument(bands), basisArgument(by), settings, language);
  });
}
