/**
 * A large ledger runs in a second process told to use huge pages (GLIBC_TUNABLES), which gets the
 * same arguments and whose exit code (or signal) is passed on; anything else runs in this process.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ledgerArgument, ledgerBytes, runLargeLedgerProcess } from '../../src/cli/largeLedgerProcess';

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
  // The script the second process runs: it says what it was given, and exits as told.
  fs.writeFileSync(
    path.join(dir, 'child.js'),
    `require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'seen.json'))}, JSON.stringify({ args: process.argv.slice(2), tunables: process.env.GLIBC_TUNABLES, semiSpace: process.execArgv.filter((a) => a.startsWith('--max-semi-space-size')) }));
     if (process.argv.includes('--die')) process.kill(process.pid, 'SIGTERM');
     process.exitCode = 3;`,
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Seen = { args: string[]; tunables: string; semiSpace: string[] };
const seen = (): Seen => JSON.parse(fs.readFileSync(path.join(dir, 'seen.json'), 'utf8')) as Seen;
const script = (): string => path.join(dir, 'child.js');
const runCommandOnLarge = (): number | undefined => runLargeLedgerProcess(script(), ['run', '--ledger', path.join(dir, 'large'), '--out', dir], { ...process.env, GLIBC_TUNABLES: '' });

describe('a large ledger in a process of its own', () => {
  it('finds --ledger in either form, and sizes a folder by its files', () => {
    expect(ledgerArgument(['compute', '--ledger', 'x', '--json'])).toBe('x');
    expect(ledgerArgument(['run', '--ledger=y.xlsx'])).toBe('y.xlsx');
    expect(ledgerArgument(['compute', '--json'])).toBeUndefined();
    expect(ledgerBytes(path.join(dir, 'large'))).toBe(9e6);
    expect(ledgerBytes(path.join(dir, 'large', 'entries.csv'))).toBe(6e6);
    expect(ledgerBytes(path.join(dir, 'missing'))).toBe(0);
  });

  it('runs a small ledger, no ledger, or a user who chose already, in this process', () => {
    expect(runLargeLedgerProcess(script(), ['compute', '--ledger', path.join(dir, 'small')])).toBeUndefined();
    expect(runLargeLedgerProcess(script(), ['compute', '--help'])).toBeUndefined();
    expect(runLargeLedgerProcess(script(), ['compute', '--ledger', path.join(dir, 'large')], { ...process.env, GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' })).toBeUndefined();
  });

  const linuxGlibc = process.platform === 'linux' && (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime !== undefined;
  (linuxGlibc ? it : it.skip)('runs a large ledger in a second process with huge pages, the same arguments and its exit code', () => {
    const args = ['compute', '--ledger', path.join(dir, 'large'), '--json'];
    expect(runLargeLedgerProcess(script(), args, { ...process.env, GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })).toBe(3);
    expect(seen()).toEqual({ args, tunables: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1', semiSpace: ['--max-semi-space-size=1'] }); // the user's own tunables kept
    expect(runLargeLedgerProcess(script(), [...args, '--die'], { ...process.env, GLIBC_TUNABLES: '' })).toBe(128 + os.constants.signals.SIGTERM);
    expect(seen().tunables).toBe('glibc.malloc.hugetlb=1');
    // `run` keeps V8's young generation.
    expect(runCommandOnLarge()).toBe(3);
    expect(seen().semiSpace).toEqual([]);
  });
});
