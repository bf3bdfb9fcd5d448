/**
 * A large ledger runs in a second process told to use huge pages (GLIBC_TUNABLES), which gets the
 * same arguments and whose exit code (or signal) is passed on; anything else runs in this process.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { ledgerArgument, ledgerBytes, runLargeLedgerProcess } from '../../src/cli/largeLedgerProcess';

/** The compiled module, as the CLI and its second process load it. */
const MODULE = path.join(__dirname, '../../dist/src/cli/largeLedgerProcess.js');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-huge-'));
  fs.mkdirSync(path.join(dir, 'small'));
  fs.writeFileSync(path.join(dir, 'small', 'entries.csv'), 'customer_id\n');
  fs.mkdirSync(path.join(dir, 'large'));
  fs.mkdirSync(path.join(dir, 'large', 'sub')); // folders inside are not counted
  fs.writeFileSync(path.join(dir, 'large', 'customers.csv'), 'customer_id\n');
  fs.truncateSync(path.join(dir, 'large', 'customers.csv'), 3e6); // sizes, not contents, decide: sparse files will do
  fs.writeFileSync(path.join(dir, 'large', 'entries.csv'), '');
  fs.truncateSync(path.join(dir, 'large', 'entries.csv'), 6e6);
  fs.writeFileSync(path.join(dir, 'large.xlsx'), '');
  fs.truncateSync(path.join(dir, 'large.xlsx'), 20e6);
  // The script the second process runs: it says what it was given and what it gives on, and exits as told.
  fs.writeFileSync(
    path.join(dir, 'child.js'),
    `const tunables = process.env.GLIBC_TUNABLES;
     const again = require(${JSON.stringify(MODULE)}).runLargeLedgerProcess(__filename, process.argv.slice(2));
     require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'seen.json'))}, JSON.stringify({ args: process.argv.slice(2), tunables, again: again === undefined, givenOn: process.env.GLIBC_TUNABLES ?? null, marked: Object.keys(process.env).some((k) => k.startsWith('STATEMENTS_')), semiSpace: process.execArgv.filter((a) => a.startsWith('--max-semi-space-size')), pid: process.pid }));
     if (process.argv.includes('--die')) process.kill(process.pid, 'SIGTERM');
     if (process.argv.includes('--sleep')) setTimeout(() => undefined, 20000);
     process.exitCode = 3;`,
  );
  // The first process, as bin/statements.js runs it.
  fs.writeFileSync(
    path.join(dir, 'parent.js'),
    `require(${JSON.stringify(MODULE)}).runLargeLedgerProcess(${JSON.stringify(path.join(dir, 'child.js'))}, process.argv.slice(2)).then((code) => { process.exitCode = code; });`,
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Seen = { args: string[]; tunables: string; again: boolean; givenOn: string | null; marked: boolean; semiSpace: string[]; pid: number };
const seen = (): Seen => JSON.parse(fs.readFileSync(path.join(dir, 'seen.json'), 'utf8')) as Seen;
const script = (): string => path.join(dir, 'child.js');
const large = (): string => path.join(dir, 'large');
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a large ledger in a process of its own', () => {
  it('finds --ledger in either form, and sizes a folder by its files', () => {
    expect(ledgerArgument(['compute', '--ledger', 'x', '--json'])).toBe('x');
    expect(ledgerArgument(['run', '--ledger=y.xlsx'])).toBe('y.xlsx');
    expect(ledgerArgument(['compute', '--json'])).toBeUndefined();
    expect(ledgerBytes(path.join(dir, 'large'))).toBe(9e6);
    expect(ledgerBytes(path.join(dir, 'large', 'entries.csv'))).toBe(0); // a file: a workbook, read here
    expect(ledgerBytes(path.join(dir, 'missing'))).toBe(0);
  });

  it('runs a small ledger, no ledger, or a user who chose already, in this process', () => {
    expect(runLargeLedgerProcess(script(), ['compute', '--ledger', path.join(dir, 'small')])).toBeUndefined();
    expect(runLargeLedgerProcess(script(), ['compute', '--help'])).toBeUndefined();
    expect(runLargeLedgerProcess(script(), ['compute', '--ledger', path.join(dir, 'large.xlsx')])).toBeUndefined(); // a workbook, however large
    expect(runLargeLedgerProcess(script(), ['run', '--ledger', large(), '--out', dir], { ...process.env, GLIBC_TUNABLES: '' })).toBeUndefined(); // documents
    expect(runLargeLedgerProcess(script(), ['compute', '--ledger', large()], { ...process.env, GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' })).toBeUndefined();
    // The second process does the work, even where glibc dropped the setting (a privileged node), and gives the user's environment back.
    const second: NodeJS.ProcessEnv = { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1', STATEMENTS_LARGE_LEDGER_CHILD: '1', STATEMENTS_USER_GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' };
    expect(runLargeLedgerProcess(script(), ['compute', '--ledger', large()], second)).toBeUndefined();
    expect(second).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' });
    const stripped: NodeJS.ProcessEnv = { STATEMENTS_LARGE_LEDGER_CHILD: '1', STATEMENTS_USER_GLIBC_TUNABLES: '' };
    expect(runLargeLedgerProcess(script(), ['compute', '--ledger', large()], stripped)).toBeUndefined();
    expect(stripped).toEqual({});
  });

  const linuxGlibc = process.platform === 'linux' && (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime !== undefined;
  const onLinux = linuxGlibc ? it : it.skip;

  onLinux('runs a large ledger in a second process with huge pages, the same arguments and its exit code', async () => {
    const args = ['compute', '--ledger', large(), '--json'];
    expect(await runLargeLedgerProcess(script(), args, { ...process.env, GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })).toBe(3);
    // The user's own tunables kept, and given back to what the second process starts; it does not start a third.
    expect(seen()).toMatchObject({ args, tunables: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1', again: true, givenOn: 'glibc.malloc.arena_max=2', marked: false, semiSpace: ['--max-semi-space-size=1'] });
    const noTunables = { ...process.env };
    delete noTunables['GLIBC_TUNABLES'];
    expect(await runLargeLedgerProcess(script(), args, { ...noTunables, NODE_OPTIONS: '--max-semi-space-size=4' })).toBe(3);
    expect(seen()).toMatchObject({ tunables: 'glibc.malloc.hugetlb=1', again: true, givenOn: null, semiSpace: [] }); // the user's NODE_OPTIONS decide
  });

  onLinux('dies of the signal its second process dies of, and passes on the signals it gets', async () => {
    const env = { ...process.env };
    delete env['GLIBC_TUNABLES'];
    const died = spawnSync(process.execPath, [path.join(dir, 'parent.js'), 'compute', '--ledger', large(), '--die'], { env });
    expect(died.signal).toBe('SIGTERM');
    // Killed while the second process works: that one stops too (it would otherwise write on, unseen).
    fs.rmSync(path.join(dir, 'seen.json'), { force: true });
    const parent = spawn(process.execPath, [path.join(dir, 'parent.js'), 'compute', '--ledger', large(), '--sleep'], { env, stdio: 'ignore' });
    const start = Date.now();
    while (!fs.existsSync(path.join(dir, 'seen.json')) && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 50));
    const child = seen().pid;
    expect(alive(child)).toBe(true);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => parent.once('exit', (_code, signal) => resolve(signal)));
    parent.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    const gone = Date.now();
    while (alive(child) && Date.now() - gone < 5_000) await new Promise((r) => setTimeout(r, 50));
    expect(alive(child)).toBe(false);
  }, 60_000);
});
