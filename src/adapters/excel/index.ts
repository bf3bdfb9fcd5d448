/** The Office.js adapter: the ledger read from the open workbook, the workbook model written into it, an issue's cell selected. */
export { EXCEL_API_USES, EXCEL_REQUIREMENTS, compareVersions, hostSupports } from './requirements';
export type { ExcelRun } from './excelRun';
export { readLedgerFromWorkbook, type LedgerRead, type LedgerReadOptions } from './readLedgerFromWorkbook';
export { writeWorkbookModel, type ModelWritten, type WriteModelOptions } from './writeWorkbookModel';
export { selectCell } from './selectCell';
export { SETTINGS_SHEET, WRITTEN_SHEET } from './settingsSheet';
export { readWorkbookMapping, saveWorkbookMapping, mappingFromRows, mappingRows, MAPPING_PREFIX, readWorkbookSettingsRows } from './workbookMapping';
export { readWorkbookSettings, saveWorkbookSettings } from './workbookSettings';
export { readSheetHeads, type SheetHead } from './readSheetHeads';
export { readSentStatements, SentStatementsLog, SENT_SHEET, recordsFromValues } from './sentStatementsSheet';
export { readWorkbookMail, saveWorkbookMailSettings, recordScheduleRun, type WorkbookMail } from './workbookMailSettings';
