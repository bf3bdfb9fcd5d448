import { Command } from 'commander';
import * as path from 'node:path';
import { buildLedger, computeStatements, writeComputeResultJson, type DateOrder } from '../../src/core';
import { workbookSaysUsEnglish } from '../../src/adapters/xlsx/excelTables';
import { readZipDirectory } from '../../src/adapters/xlsx/zipDirectory';
import type { ExcelRun } from '../../src/adapters/excel/excelRun';
import { readLedgerFromWorkbook, type LedgerRead } from '../../src/adapters/excel/readLedgerFromWorkbook';
import { addComputeOptions } from '../../src/cli/computeFlags';
import { main } from '../../src/cli/main';
import { computeOptionsFrom, type ComputeFlags } from '../../src/cli/options';

/** The CLI run in-process: exit code and what it printed. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'statements', ...argv], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** The CLI's compute options for these arguments, parsed by its own flags. */
export function flagsOf(ledger: string, args: readonly string[]): ComputeFlags {
  const cmd = addComputeOptions(new Command('compute')).exitOverride();
  cmd.parse(['--ledger', ledger, ...args], { from: 'user' });
  return cmd.opts<ComputeFlags>();
}

/** The date order the CLI picks for a workbook when --date-order is not given. */
export function cliDateOrder(file: string, flags: ComputeFlags): DateOrder {
  if (flags.dateOrder !== undefined) return flags.dateOrder as DateOrder;
  const dir = readZipDirectory(file);
  return dir.ok && workbookSaysUsEnglish(file, dir.entries) ? 'mdy' : 'dmy';
}

/** `statements compute --json` on what the Office.js adapter read: the same steps as the CLI after its reader. */
export async function computeJsonThroughExcel(run: ExcelRun, file: string, args: readonly string[], isSetSupported?: (v: string) => boolean): Promise<{ json: string; read: LedgerRead }> {
  const flags = flagsOf(file, args);
  const { options, language, defaultCurrency } = computeOptionsFrom(flags);
  const read = await readLedgerFromWorkbook(run, { source: path.basename(file), dateOrder: cliDateOrder(file, flags), ...(isSetSupported === undefined ? {} : { isSetSupported }) });
  if (!read.ok) throw new Error(read.error.en);
  const ledger = buildLedger(read.tables, { defaultCurrency, dateOrder: undefined }, [...read.issues]);
  let json = '';
  writeComputeResultJson(computeStatements(ledger, options), language, (t) => (json += t));
  return { json: `${json}\n`, read };
}
