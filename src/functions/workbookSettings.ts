import type { DateOrder } from '../core';
import { displayLanguageTag } from './displayLanguage';

/** What the functions must know of the workbook to read its cells: its date system and its culture's day/month order. */
export interface WorkbookSettings {
  readonly date1904: boolean;
  readonly dateOrder: DateOrder;
}

export type SettingsSource = () => Promise<WorkbookSettings>;

/** The narrow part of Office.js used here (typed locally: `use1904DateSystem` is newer than the released typings). */
interface ExcelLike {
  run<T>(batch: (context: {
    workbook: { use1904DateSystem?: boolean; load(property: string): unknown };
    application: { cultureInfo: { datetimeFormat: { shortDatePattern?: string; load(property: string): unknown } } };
    sync(): Promise<void>;
  }) => Promise<T>): Promise<T>;
}

/** Month first for a US English culture or display language, day first otherwise (as the CLI reads a workbook). */
function orderFromPattern(pattern: string | undefined): DateOrder {
  if (pattern !== undefined && pattern !== '') return /^[^dDmM]*[mM]/.test(pattern) ? 'mdy' : 'dmy';
  return /^en-US$/i.test(displayLanguageTag() ?? '') ? 'mdy' : 'dmy';
}

/**
 * Asks the workbook through the shared runtime (read only): `Workbook.use1904DateSystem` and the
 * culture's short date pattern (`Application.cultureInfo`, ExcelApi 1.12). Each in its own batch,
 * so a host that lacks one still answers the other; outside Excel, the 1900 system.
 */
export async function askExcel(): Promise<WorkbookSettings> {
  const excel = (globalThis as { Excel?: ExcelLike }).Excel;
  if (excel === undefined || typeof excel.run !== 'function') return { date1904: false, dateOrder: orderFromPattern(undefined) };
  const date1904 = await excel
    .run(async (context) => {
      context.workbook.load('use1904DateSystem');
      await context.sync();
      return context.workbook.use1904DateSystem === true;
    })
    .catch(() => false);
  const pattern = await excel
    .run(async (context) => {
      const format = context.application.cultureInfo.datetimeFormat;
      format.load('shortDatePattern');
      await context.sync();
      return format.shortDatePattern;
    })
    .catch(() => undefined);
  return { date1904, dateOrder: orderFromPattern(pattern) };
}

let source: SettingsSource = askExcel;
let asked: Promise<WorkbookSettings> | undefined;

/** Replaces where the settings come from (tests: a stub); the next call asks it again. */
export function setWorkbookSettingsSource(next: SettingsSource): void {
  source = next;
  asked = undefined;
}

/** The workbook's settings, asked once per runtime (the shared runtime lives as long as the workbook is open). */
export function workbookSettings(): Promise<WorkbookSettings> {
  asked ??= source().catch((): WorkbookSettings => ({ date1904: false, dateOrder: orderFromPattern(undefined) }));
  return asked;
}
