/**
 * Golden statements of other systems' exports (issue 16), through the real CLI: every folder
 * test/fixtures/exports/<system>/<case>/ holds the export as the system writes it (one .xlsx, else
 * every .csv of the folder), the CLI arguments (args.json), the expected output (expected.md, the
 * Markdown of test/golden) and working.md: the figures the system's own statement or aging report
 * shows for the same data, worked out by hand from its documented rules. expected.md must agree.
 *
 * UPDATE_GOLDEN=1 writes expected.md instead of comparing: then check every figure against working.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { expectContractInvariants } from './invariants';
import { goldenMarkdown, type ComputeJson } from './markdown';

const ROOT = path.join(__dirname, '..', 'fixtures', 'exports');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const cases = fs
  .readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((system) => fs.readdirSync(path.join(ROOT, system.name), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${system.name}/${d.name}`))
  .filter((c) => fs.existsSync(path.join(ROOT, c, 'args.json')))
  .sort();

/** The export of a case: its one workbook, else the folder (its CSV files). */
function exportLedger(dir: string): string {
  const workbook = fs.readdirSync(dir).find((n) => /\.xlsx$/i.test(n));
  return workbook === undefined ? dir : path.join(dir, workbook);
}

async function run(name: string): Promise<{ args: string[]; exitCode: number; json: ComputeJson; stderr: string }> {
  const dir = path.join(ROOT, name);
  const args = JSON.parse(fs.readFileSync(path.join(dir, 'args.json'), 'utf8')) as unknown;
  if (!Array.isArray(args) || !args.every((a): a is string => typeof a === 'string')) throw new Error(`${name}/args.json: expected an array of strings`);
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['node', 'statements', 'compute', '--ledger', exportLedger(dir), ...args, '--json'], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { args, exitCode, json: JSON.parse(stdout) as ComputeJson, stderr };
}

it('has the Business Central cases', () => {
  expect(cases.filter((c) => c.startsWith('business-central/')).length).toBeGreaterThanOrEqual(4);
});

describe.each(cases)('export %s', (name) => {
  let cached: Awaited<ReturnType<typeof run>> | undefined;
  beforeAll(async () => {
    cached = await run(name);
  });
  const result = (): Awaited<ReturnType<typeof run>> => {
    if (cached === undefined) throw new Error(`${name} did not run`);
    return cached;
  };

  it('matches expected.md', () => {
    const r = result();
    const actual = goldenMarkdown({ name, args: r.args, exitCode: r.exitCode, json: r.json, stderr: r.stderr });
    const file = path.join(ROOT, name, 'expected.md');
    if (UPDATE) fs.writeFileSync(file, actual);
    expect(actual).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('has its working written next to it', () => {
    expect(fs.readFileSync(path.join(ROOT, name, 'working.md'), 'utf8').length).toBeGreaterThan(200);
  });

  it('is recognised, and keeps the invariants of the contract', () => {
    const { json, exitCode } = result();
    expect(json.issues.filter((i) => i.code === 'export-recognised')).toHaveLength(1);
    expectContractInvariants(json, exitCode);
  });
});
