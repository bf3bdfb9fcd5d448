/** The in-memory Excel for jest and for the browser stub (the .xlsx loader, `fromXlsx.node.ts`, is Node's and not exported here). */
export { FakeExcel, type FakeExcelOptions, type FakeWorkbookInit, type SyncStats } from './fakeExcel';
export { FakeExcelError, LIMITS } from './errors';
export type { SheetState, TableState, WorkbookState } from './state';
