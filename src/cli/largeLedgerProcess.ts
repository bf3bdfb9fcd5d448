/**
 * `compute` on a large CSV ledger runs in a process of its own, started with settings that only take
 * effect at start:
 *
 * - Huge pages. A large ledger means hundreds of MB of typed arrays, and on Linux each 4 KiB page
 *   costs a fault the first time it is written (about 3 ms per MB on the bench machine). glibc can
 *   back what it hands out with transparent huge pages (2 MiB) when told at process start
 *   (GLIBC_TUNABLES=glibc.malloc.hugetlb=1): page faults on the bench ledger fall by 40%.
 * - A young generation of 1 MB (--max-semi-space-size=1): what a computation keeps (customers,
 *   applications, statements) lives to the end, so copying it between large semi-spaces only costs
 *   fresh memory and copies; measured on the bench ledger, ~10% less time.
 *
 * Not for `run` (documents: no faster, measured) nor a workbook (see ledgerBytes).
 *
 * So for a large ledger the CLI starts itself once more, so told, and passes on its exit code (and
 * the signals it gets); for a small one a second start (~90 ms) would cost more than it saves.
 * Loaded before the rest of the CLI (only node: modules), so that the first process stays small.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const TUNABLE = 'glibc.malloc.hugetlb';
/** The folder's size from which this pays: the size from which an entries file is read on a worker thread too. */
const LARGE_BYTES = 8e6;

/** The value of --ledger in the arguments (`--ledger x` or `--ledger=x`). */
export function ledgerArgument(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--ledger') return args[i + 1];
    if (a.startsWith('--ledger=')) return a.slice('--ledger='.length);
  }
  return undefined;
}

/**
 * Bytes of a CSV ledger: every file in the folder (0 when it cannot be read: the CLI will say why).
 * A workbook counts 0: read through exceljs's many small objects, it gained nothing from huge pages,
 * and the small young generation made it 3.6 times slower with 2.3 times the memory (112 s and
 * 2.6 GB against 31 s and 1.1 GB, the bench ledger as .xlsx).
 */
export function ledgerBytes(ledger: string): number {
  try {
    const stat = fs.statSync(ledger);
    if (!stat.isDirectory()) return 0;
    let total = 0;
    for (const name of fs.readdirSync(ledger)) {
      const file = fs.statSync(path.join(ledger, name), { throwIfNoEntry: false });
      if (file?.isFile() === true) total += file.size;
    }
    return total;
  } catch {
    return 0;
  }
}

/** glibc 2.35 or later (which knows the setting), read from Node's report; false where there is no glibc (musl, macOS, Windows). */
function glibcHasHugePages(): boolean {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  const [major, minor] = (header?.glibcVersionRuntime ?? '0.0').split('.').map(Number);
  return (major ?? 0) > 2 || ((major ?? 0) === 2 && (minor ?? 0) >= 35);
}

/** Set in the second process's environment: it runs the work itself, whatever glibc kept of GLIBC_TUNABLES. */
const CHILD = 'STATEMENTS_LARGE_LEDGER_CHILD';
/** The user's own GLIBC_TUNABLES ('' when unset), given back in the second process to what it starts (LibreOffice). */
const USER_TUNABLES = 'STATEMENTS_USER_GLIBC_TUNABLES';
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `script` again in a new process so set when that pays, and resolves to its exit code;
 * undefined when this process should do the work itself (not Linux with a recent glibc, a small or
 * no ledger, the setting already chosen, this is the second process, or it could not start). The
 * signals this process gets are passed on, and when the second process dies of one, so does this.
 */
export function runLargeLedgerProcess(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number | undefined> | undefined {
  if (env[CHILD] !== undefined) {
    // The second process: what it starts gets the user's own environment back.
    const user = env[USER_TUNABLES];
    delete env[CHILD];
    delete env[USER_TUNABLES];
    if (user === undefined || user === '') delete env['GLIBC_TUNABLES'];
    else env['GLIBC_TUNABLES'] = user;
    return undefined;
  }
  // `compute` only: `run` spends its time writing documents, and measured no faster so (slower by the second start).
  if (args[0] !== 'compute' || process.platform !== 'linux' || (env['GLIBC_TUNABLES'] ?? '').includes(TUNABLE)) return undefined;
  const ledger = ledgerArgument(args);
  if (ledger === undefined || ledgerBytes(ledger) < LARGE_BYTES || !glibcHasHugePages()) return undefined;
  const user = env['GLIBC_TUNABLES'] ?? '';
  const tunables = [user, `${TUNABLE}=1`].filter((t) => t !== '').join(':');
  // First, so that the user's own flags come after it and win; not at all when NODE_OPTIONS sets it (the command line would win over it).
  const v8 = (env['NODE_OPTIONS'] ?? '').includes('semi-space') ? [] : ['--max-semi-space-size=1'];
  const child = spawn(process.execPath, [...v8, ...process.execArgv, script, ...args], { stdio: 'inherit', env: { ...env, GLIBC_TUNABLES: tunables, [CHILD]: '1', [USER_TUNABLES]: user } });
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  for (const signal of FORWARDED) process.on(signal, forward);
  return new Promise((resolve) => {
    const done = (code: number | undefined): void => {
      for (const signal of FORWARDED) process.off(signal, forward);
      resolve(code);
    };
    child.once('error', () => done(undefined)); // could not start: the work is done here
    child.once('exit', (code, signal) => {
      if (signal === null) return done(code ?? 1);
      done(128 + (os.constants.signals[signal] ?? 1)); // as a shell reports it, should dying of it fail below
      process.kill(process.pid, signal); // die of the same signal, our handlers gone
    });
  });
}
