/** The workbook model (plain data any writer lays out) and the statements workbook built as one. */
export * from './model';
export { dateFormat, moneyFormat, moneyNumber } from './formats';
export { SheetNamer, MAX_SHEET_NAME } from './sheetNames';
export * from './statementsWorkbookModel';
