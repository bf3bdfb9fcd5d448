/**
 * A ledger large enough for the CLI to read its entries on a worker thread (entries.csv ≥ 8 MB):
 * the compiled CLI (worker, rows read ahead by chunks on both threads as they are stored) must print exactly what the engine
 * prints in this process (one thread, every row through the fast path or the general reader), bad
 * rows included. The bench's generator makes the ledger; bad rows of every kind are added to it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateLedger, LEDGER_PARAMS } from '../../bench/generateLedger';
import { main } from '../../src/cli/main';
import { CHUNK_ROWS } from '../../src/adapters/csv/chunkedRows';

const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/statements.js');
let dir: string;

// Rows the fast path must hand to the general reader (or read exactly as it would), each after a clean one.
const HOSTILE = [
  'C000001,credit_note,INV-0000001,2026-03-01,,-10.00,,dup,,,,', // a generated invoice's number on a credit note: a duplicate
  'C999999,invoice,X-1,2026-03-01,,10.00,EUR,unknown customer,,,,',
  'C000002,invoice,X-2,31/03/2026,,10.00,,typed date (read day first),,,,',
  'C000016,invoice,X-16,2026-02-30,,10.00,,impossible date,,,,',
  'C000003,invoice,X-3,2026-03-01,,"1,500",,ambiguous,,,,',
  'C000004,invoice,X-4,2026-03-01,,10.005,,too many decimals,,,,',
  'C000005,payment,X-5,2026-03-01,,10.00,,wrong sign,,,,',
  'C000006,invoice,X-6,2026-03-01,,+10.00,,plus sign,,,,',
  'C000007, invoice ,X-7,2026-03-01,,10.00, eur ,spaces,,,,',
  'C000008,"invoice","X-""8""",2026-03-01,,10.00,,quoted,,,,',
  'C000009,invoice,X-9,2026-03-01,,10.00,XYZ,unknown currency,,,,',
  'C000010,invoice,X-10,2026-03-01,,10.00,,void row,,,,void',
  'C000011,facture,Fé-11,2026-03-01,2026-04-01,1234.5,,accents and a French type,,L9,,',
  'C000011,payment,X-12,2026-03-02,,-5.00,,applies to an accented document,,,Fé-11,',
  'C000013,invoice,X-13,2026-03-01,,10.50,JPY,decimals in yen,,,,',
  'C000014,invoice,X-14,2026-03-01,,123456789012345678,,too long,,,,',
  'C000015,invoice,X-15,2026-03-01,,10.00,,extra cell,,,,,surplus',
];

function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i} of ${a.length} / ${b.length}: …${a.slice(Math.max(0, i - 200), i + 200)}… ≠ …${b.slice(Math.max(0, i - 200), i + 200)}…`;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-large-'));
  generateLedger(dir, { ...LEDGER_PARAMS, customers: 5_000 });
  fs.appendFileSync(path.join(dir, 'entries.csv'), `${HOSTILE.join('\n')}\n`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a large CSV ledger', () => {
  it('is read ahead on a worker thread by the compiled CLI', () => {
    expect(fs.statSync(path.join(dir, 'entries.csv')).size).toBeGreaterThan(8e6);
    // The compiled adapter, as the CLI loads it: the entries table comes with rows read ahead.
    // Rows are read ahead by chunks as they are asked for (ready), the worker reading chunks meanwhile:
    // given a moment first, it has read some (here, likely all) of them.
    const script = `require(${JSON.stringify(path.join(ROOT, 'dist/src/adapters/csv/readLedgerFolder.js'))}).readLedgerFolderAsync(${JSON.stringify(dir)}).then((f) => setTimeout(() => { const p = f.tables.entries.bytes.preparsed; for (let i = 0; i < p.ok.length; i = p.readAhead.ready(i)); console.log(JSON.stringify({ rows: p.ok.length, ok: p.ok.reduce((a, b) => a + b, 0), shared: p.ok.buffer instanceof SharedArrayBuffer, chunks: Math.ceil(p.ok.length / ${CHUNK_ROWS}), readHere: p.readAhead.readHere })); }, 1000))`;
    const seen = JSON.parse(execFileSync('node', ['-e', script], { encoding: 'utf8' })) as { rows: number; ok: number; shared: boolean; chunks: number; readHere: number };
    expect(seen.shared).toBe(true);
    expect(seen.chunks).toBeGreaterThan(3);
    expect(seen.readHere).toBeLessThan(seen.chunks);
    expect(seen.rows).toBeGreaterThan(100_000);
    expect(seen.ok).toBeGreaterThan(seen.rows * 0.9);
    expect(seen.ok).toBeLessThan(seen.rows);
  });

  it('gives the same statements however many times a ledger is built from the rows read ahead, and computed', () => {
    // Compiled code, as the CLI runs it: the rows read ahead on two threads are only read by the engine,
    // so a second ledger built from the same tables, and a second computation, give the same result.
    const dist = (p: string): string => JSON.stringify(path.join(ROOT, 'dist/src', p));
    const script = [
      `const core = require(${dist('core/index.js')});`,
      `const { options } = require(${dist('cli/options.js')}).computeOptionsFrom({ ledger: '', asOf: ${JSON.stringify(LEDGER_PARAMS.asOf)}, style: 'open-item', aging: '30,60,90', agingBy: 'due', allocate: 'fifo', summary: false, json: true, lang: 'en' });`,
      `require(${dist('adapters/csv/readLedgerFolder.js')}).readLedgerFolderAsync(${JSON.stringify(dir)}).then((f) => {`,
      `  const text = (l) => JSON.stringify(core.computeResultAsJson(core.computeStatements(l, options)));`,
      `  const a = core.buildLedger(f.tables, { dateOrder: 'dmy' });`,
      `  const first = text(a), second = text(a);`,
      `  const b = core.buildLedger(f.tables, { dateOrder: 'dmy' });`,
      `  const third = text(b);`,
      `  console.log(JSON.stringify({ readAhead: f.tables.entries.bytes.preparsed.readAhead !== undefined, same: first === second && second === third, statements: JSON.parse(first).statements.length }));`,
      `});`,
    ].join('\n');
    const seen = JSON.parse(execFileSync('node', ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 })) as { readAhead: boolean; same: boolean; statements: number };
    expect(seen.readAhead).toBe(true);
    expect(seen.statements).toBeGreaterThan(4_000);
    expect(seen.same).toBe(true);
  }, 120_000);

  it.each([
    ['summary', ['--summary']],
    ['full statements, FIFO', ['--allocate', 'fifo']],
  ])('prints the same JSON from the compiled CLI (two threads) as in this process (one) (%s)', async (_name, extra) => {
    const args = ['compute', '--ledger', dir, '--as-of', LEDGER_PARAMS.asOf, '--json', ...extra];
    let out = '';
    const code = await main(['node', 'statements', ...args], { out: (t) => (out += t), err: () => undefined });
    expect(code).toBe(1); // the hostile rows are errors
    let cli = '';
    try {
      cli = execFileSync('node', [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    } catch (e) {
      cli = (e as { stdout: string }).stdout; // exit code 1, as in process
    }
    // (a diff of two outputs this size would take jest minutes: the first difference is enough)
    expect(firstDifference(cli, out)).toBeUndefined();
    const json = JSON.parse(out) as { statements: { customerId: string; status: string }[]; issues: { code: string; row?: number }[] };
    const blocked = json.statements.filter((s) => s.status === 'blocked').map((s) => s.customerId);
    expect(blocked.sort()).toEqual(['C000001', 'C000003', 'C000004', 'C000005', 'C000009', 'C000013', 'C000014', 'C000015', 'C000016', 'C999999']);
    for (const ok of ['C000002', 'C000006', 'C000007', 'C000008', 'C000011']) expect(json.statements.find((s) => s.customerId === ok)?.status ?? 'excluded').not.toBe('blocked');
  }, 120_000);
});
