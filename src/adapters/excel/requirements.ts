/**
 * The Excel JavaScript API requirement sets the add-in uses: the manifest declares `manifest`, the
 * in-memory Excel of the tests refuses any API above the level it is given (this one by default),
 * and `optional` sets are used only where the host says it has them.
 *
 * Microsoft's "Excel JavaScript API requirement sets" table: ExcelApi 1.9 is supported in Excel on
 * the web, on Windows from Version 1903 (Microsoft 365, retail and Office 2021 volume-licensed) and on
 * Mac from 16.24; 1.13 on the web, Windows Version 2102 (Office 2021) and Mac 16.50. Excel 2019
 * volume-licensed stops at 1.8 and Excel 2016 at 1.1: the add-in does not load there.
 */
export const EXCEL_REQUIREMENTS = {
  /** The minimum the manifest declares (`<Set Name="ExcelApi" MinVersion="1.9"/>`); every set below it comes with it. */
  manifest: { name: 'ExcelApi', version: '1.9' },
  /** Used only when `isSetSupported` says so; without it the add-in does without (and says so). */
  optional: [{ name: 'ExcelApi', version: '1.13', why: 'merged cells of the ledger (Range.getMergedAreasOrNullObject)' }],
} as const;

/** What needs which set: the evidence for the manifest's minimum (and the fake's tags follow it). */
export const EXCEL_API_USES: readonly { readonly api: string; readonly version: string }[] = [
  { api: 'Excel.run, worksheets (getItem, add, delete, items), Range values/numberFormat/address, tables.add/getItem, format (font, fill, borders, alignment, wrap), Range.select, Range.clear, getEntireColumn', version: '1.1' },
  { api: 'Range.format.columnWidth, setting Worksheet.visibility (the hidden settings sheet), getUsedRange(valuesOnly), workbook.functions (the 1904 probe: DATE(1904,1,1))', version: '1.2' },
  { api: 'Table.showBandedRows, tables.add given a Range', version: '1.3' },
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
