import { Command, CommanderError, Option } from 'commander';
import { computeResultAsJson, computeStatements } from '../core';
import { loadLedger } from './loadLedger';
import { computeOptionsFrom, UsageError, type ComputeFlags } from './options';
import { computeResultAsText } from './readableSummary';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** Exit codes: 0 ok, 1 input errors (output still printed), 2 usage. */
export async function runCompute(flags: ComputeFlags, io: Io): Promise<number> {
  const { options, language, defaultCurrency, dateOrder } = computeOptionsFrom(flags);
  const loaded = await loadLedger(flags.ledger, { defaultCurrency, dateOrder, numberLanguage: language, mappingFile: flags.mapping });
  if (!loaded.ok) {
    io.err(`${loaded.error[language]}\n`);
    return 1;
  }
  for (const note of loaded.notes) io.err(`${note[language]}\n`);
  const result = computeStatements(loaded.ledger, options);
  if (flags.json === true) io.out(`${JSON.stringify(computeResultAsJson(result, language), null, 2)}\n`);
  else io.out(computeResultAsText(result, language));
  const failed = result.issues.some((i) => i.severity === 'error') || loaded.notes.length > 0;
  return failed ? 1 : 0;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('statements')
    .description('Customer statements (relevés de compte client) from a receivables ledger')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  program
    .command('compute')
    .description('Compute open-item or activity statements with aging and print them (JSON with --json)')
    .requiredOption('--ledger <path>', 'an .xlsx workbook, or a folder with customers.csv, entries.csv and optional applications.csv')
    .requiredOption('--as-of <date>', 'statement date, YYYY-MM-DD')
    .option('--from <date>', 'start of the period (activity statements; open-item: lines from this date)')
    .addOption(new Option('--style <style>', 'open-item or activity').default('open-item'))
    .option('--aging <bands>', 'aging columns: upper bounds "30,60,90", "months", or a period such as 30D or 1M+CM', '30,60,90')
    .option('--aging-by <basis>', 'age by due or posting date', 'due')
    .option('--customer <ids...>', 'only these customers')
    .option('--allocate <mode>', 'unapplied credits: none (leave unapplied) or fifo (oldest open invoice first)', 'none')
    .option('--summary', 'aged-receivables view: totals and aging, no lines')
    .option('--json', 'print the JSON contract')
    .option('--currency <code>', 'currency for rows and customers that name none')
    .option('--lang <language>', 'language of messages and tables: en or fr', 'en')
    .option('--include <which>', 'customers with a balance, with activity in the period, or either (balance|activity|either)')
    .option('--exclude-credit', 'leave out customers whose balance is a credit')
    .option('--min-balance <amount>', 'leave out customers whose balance is below this amount')
    .option('--overdue-only', 'only customers with something overdue')
    .option('--ignore-opt-out', 'include customers whose send_statements is "no"')
    .option('--group <groups...>', 'only customers of these groups')
    .option('--date-order <order>', 'dates typed as text: dmy (day first, default) or mdy (US English workbooks)', 'dmy')
    .option('--mapping <file.json>', 'your own header names: {"Header": "column"} or {"entries": {"Header": "column"}}')
    .action(async (flags: ComputeFlags) => setExit(await runCompute(flags, io)));
  return program;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // --help / --version exit 0
    if (e instanceof UsageError) {
      io.err(`error: ${e.en}\nerreur : ${e.fr}\n`);
      return 2;
    }
    throw e;
  }
  return code;
}
