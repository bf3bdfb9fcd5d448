/**
 * The Excel JavaScript API requirement sets the add-in uses: the manifest declares `manifest`, the
 * in-memory Excel of the tests refuses any API above the level it is given (this one by default),
 * and `optional` sets are used only where the host says it has them.
 *
 * Every ExcelApi set up to 1.9 is supported by Excel on the web, Excel for Microsoft 365 on Windows
 * (and Excel 2021/2024) and on Mac; Excel 2019 stops at 1.8, Excel 2016 at 1.1 (Microsoft's
 * "Excel JavaScript API requirement sets" table).
 */
export const EXCEL_REQUIREMENTS = {
  /** The minimum the manifest declares (`<Set Name="ExcelApi" MinVersion="1.9"/>`); every set below it comes with it. */
  manifest: { name: 'ExcelApi', version: '1.9' },
  /** Used only when `isSetSupported` says so; without it the add-in does without (and says so). */
  optional: [{ name: 'ExcelApi', version: '1.13', why: 'merged cells of the ledger (Range.getMergedAreasOrNullObject)' }],
} as const;

/** What needs which set: the evidence for the manifest's minimum (and the fake's tags follow it). */
export const EXCEL_API_USES: readonly { readonly api: string; readonly version: string }[] = [
  { api: 'Excel.run, worksheets (getItem, add, delete, items), Range values/numberFormat/address, tables.add/getItem, format (font, fill, borders, alignment, wrap), Worksheet.visibility, Range.select, Range.clear, getEntireColumn', version: '1.1' },
  { api: 'Range.format.columnWidth, getUsedRange(valuesOnly), workbook.functions (the 1904 probe: DATE(1904,1,1))', version: '1.2' },
  { api: 'Table.showBandedRows', version: '1.3' },
  { api: 'getItemOrNullObject, isNullObject', version: '1.4' },
  { api: 'application.suspendApiCalculationUntilNextSync', version: '1.6' },
  { api: 'Worksheet.getRangeByIndexes, freezePanes, workbook.properties', version: '1.7' },
  { api: 'Worksheet.pageLayout (orientation, paperSize, zoom fit to pages, margins, setPrintTitleRows)', version: '1.9' },
  { api: 'Range.getMergedAreasOrNullObject (optional)', version: '1.13' },
];

/** "1.13" > "1.9": requirement set versions compare by their numbers. */
export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am !== bm ? am - bm : an - bn;
}

/** Does the host have ExcelApi `version`? Office's own answer in Excel; false outside it (no Office global). */
export function hostSupports(version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(name: string, version: string): boolean } } } }).Office;
  return office?.context?.requirements?.isSetSupported('ExcelApi', version) === true;
}
