/** The workbook model (plain data any writer lays out) and the statements workbook built as one. */
export * from './model';
export { moneyNumber } from './formats';
export * from './statementsWorkbookModel';
