import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { statementsWorkbookModel, type ComputeResult, type StatementsWorkbookOptions } from '../../core';
import { workbookAsXlsx } from './workbookAsXlsx';

export type { CompanyBlock, StatementsWorkbookOptions } from '../../core';
export { DEFAULT_MAX_SHEETS } from '../../core';

export interface StatementsWorkbookWritten {
  /** Statement sheets written (one per ok statement, up to maxSheets). */
  readonly sheets: number;
  /** Ok statements left without a sheet because of maxSheets. */
  readonly omitted: number;
}

/**
 * Writes the run's workbook (core's `statementsWorkbookModel`, laid out by exceljs) as one .xlsx file.
 * The file is written to a temporary name next to `file` and renamed, so a reader never sees half a workbook.
 */
export async function writeStatementsWorkbook(result: ComputeResult, file: string, options: StatementsWorkbookOptions = {}): Promise<StatementsWorkbookWritten> {
  const { workbook, sheets, omitted } = statementsWorkbookModel(result, options);
  const data = await workbookAsXlsx(workbook);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
  return { sheets, omitted };
}
