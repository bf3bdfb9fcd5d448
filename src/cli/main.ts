import { Command, CommanderError } from 'commander';
import { addComputeOptions } from './computeFlags';
import { addRunCommand } from './runCommand';
import { addScheduleCommand } from './scheduleCommand';
import { addSendCommand } from './sendCommand';
import { computeResultAsJson, computeStatements, writeComputeResultJson } from '../core';
import { processIo, type Io } from './io';
import { loadLedger } from './loadLedger';
import { computeOptionsFrom, exportOptionsFrom, UsageError, type ComputeFlags } from './options';
import { computeResultAsText } from './readableSummary';

export type { Io } from './io';

const COMMANDER_FR: Readonly<Record<string, string>> = {
  'commander.missingMandatoryOptionValue': 'option obligatoire manquante',
  'commander.unknownOption': 'option inconnue',
  'commander.unknownCommand': 'commande inconnue',
  'commander.excessArguments': "trop d'arguments",
  'commander.missingArgument': 'argument manquant',
  'commander.optionMissingArgument': "valeur manquante pour l'option",
  'commander.invalidArgument': 'valeur invalide',
  'commander.conflictingOption': 'options incompatibles',
};

/** Exit codes: 0 ok, 1 input errors (output still printed), 2 usage. */
export async function runCompute(flags: ComputeFlags, io: Io): Promise<number> {
  const { options, language, defaultCurrency, dateOrder } = computeOptionsFrom(flags);
  const loaded = await loadLedger(flags.ledger, { defaultCurrency, dateOrder, mappingFile: flags.mapping, exportOptions: exportOptionsFrom(flags) });
  if (!loaded.ok) {
    io.err(`${loaded.error[language]}\n`);
    // --json promises one JSON document: an empty result carrying the reason, for a script to read.
    if (flags.json === true) {
      const empty = computeResultAsJson({ asOf: options.asOf, from: options.from, style: options.style, aging: options.aging, agingBasis: options.agingBasis, summary: options.summary, statements: [], excluded: [], issues: [] }, language);
      const issue = { severity: 'error', code: 'unreadable-ledger', message: loaded.error[language], table: 'ledger' };
      io.out(`${JSON.stringify({ ...empty, issues: [issue] }, null, 2)}\n`);
    }
    return 1;
  }
  const result = computeStatements(loaded.ledger, options);
  if (flags.json === true) {
    writeComputeResultJson(result, language, (text) => io.out(text));
    io.out('\n');
  }
  else io.out(computeResultAsText(result, language));
  const failed = result.issues.some((i) => i.severity === 'error');
  return failed ? 1 : 0;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('statements')
    .description('Customer statements (relevés de compte client) from a receivables ledger')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  addComputeOptions(program.command('compute').description('Compute open-item or activity statements with aging and print them (JSON with --json)'))
    .option('--summary', 'aged-receivables view: totals and aging, no lines')
    .option('--json', 'print the JSON contract')
    .action(async (flags: ComputeFlags) => setExit(await runCompute(flags, io)));
  addRunCommand(program, io, setExit);
  addSendCommand(program, io, setExit);
  addScheduleCommand(program, io, setExit);
  return program;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0; // --help / --version
      // Commander has said it in English; say it in French too, as every other usage error does.
      const named = /'([^']*)'/.exec(e.message)?.[1];
      io.err(`erreur : ${COMMANDER_FR[e.code] ?? 'ligne de commande incorrecte'}${named !== undefined ? ` (${named})` : ''} ; statements --help pour l'aide\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`error: ${e.en}\nerreur : ${e.fr}\n`);
      return 2;
    }
    throw e;
  }
  return code;
}
