/**
 * Golden tests of the statement engine through the real CLI: every folder under
 * test/golden/scenarios holds a small ledger (customers.csv, entries.csv, optional applications.csv),
 * the CLI arguments (args.json) and the expected output as Markdown tables (expected.md).
 *
 * UPDATE_GOLDEN=1 writes expected.md instead of comparing. Only use it to create a file, then read
 * it and check every figure by hand against DESIGN.md §4: a golden nobody checked pins bugs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { expectContractInvariants } from './invariants';
import { goldenMarkdown, type ComputeJson } from './markdown';

const ROOT = path.join(__dirname, 'scenarios');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const scenarios = fs
  .readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

interface Run {
  readonly args: string[];
  readonly exitCode: number;
  readonly json: ComputeJson;
  readonly stdout: string;
  readonly stderr: string;
}

async function runScenario(name: string): Promise<Run> {
  const dir = path.join(ROOT, name);
  const args = JSON.parse(fs.readFileSync(path.join(dir, 'args.json'), 'utf8')) as unknown;
  if (!Array.isArray(args) || !args.every((a): a is string => typeof a === 'string')) throw new Error(`${name}/args.json: expected an array of strings`);
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['node', 'statements', 'compute', '--ledger', dir, ...args, '--json'], {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
  });
  return { args, exitCode, json: JSON.parse(stdout) as ComputeJson, stdout, stderr };
}

it('has at least 15 scenarios', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(15);
});

describe.each(scenarios)('golden scenario %s', (name) => {
  let cached: Run | undefined;
  beforeAll(async () => {
    cached = await runScenario(name);
  });
  const result = (): Run => {
    if (cached === undefined) throw new Error(`${name} did not run`);
    return cached;
  };

  it('matches expected.md', () => {
    const run = result();
    const actual = goldenMarkdown({ name, args: run.args, exitCode: run.exitCode, json: run.json, stderr: run.stderr });
    const file = path.join(ROOT, name, 'expected.md');
    if (UPDATE) fs.writeFileSync(file, actual);
    expect(fs.existsSync(file)).toBe(true);
    expect(actual).toBe(fs.readFileSync(file, 'utf8'));
  });

  // Cross-checks that hold whatever the figures are (DESIGN.md §4, §6), so a wrong golden cannot hide them.
  it('keeps the invariants of the contract', () => {
    const { json, exitCode } = result();
    expectContractInvariants(json, exitCode);
  });
});
