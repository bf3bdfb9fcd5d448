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

/** Decimal string of the contract → minor units, exactly ("-0.05" → -5, "1200" → 1200). */
function minor(text: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a contract amount: ${text}`);
  return Number(text.replace('.', ''));
}
const sum = (xs: readonly string[]): number => xs.reduce((s, x) => s + minor(x), 0);

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
    expect(exitCode).toBe(json.issues.some((i) => i.severity === 'error') ? 1 : 0);
    for (const s of json.statements) {
      if (s.status === 'blocked') {
        expect(s.sections).toEqual([]);
        continue;
      }
      for (const sec of s.sections) {
        expect(sec.aging).toHaveLength(json.aging.buckets.length);
        // Σ buckets = balance due = closing balance (for activity: = open-item total at `to`).
        expect(sum(sec.aging)).toBe(minor(sec.closingBalance));
        if (!('lines' in sec)) continue;
        for (const l of sec.lines) expect(minor(l.amount) - minor(l.applied)).toBe(minor(l.open));
        const moves = sec.lines.map((l) => (json.style === 'activity' ? l.amount : l.open));
        expect(minor(sec.openingBalance) + sum(moves)).toBe(minor(sec.closingBalance));
        const last = sec.lines[sec.lines.length - 1];
        if (last !== undefined) expect(last.balance).toBe(sec.closingBalance);
        const overdue = sec.lines.filter((l) => l.dueDate < json.asOf).map((l) => l.open);
        if (json.from === null) expect(sum(overdue)).toBe(minor(sec.overdue));
        for (const l of sec.lines) {
          expect(l.date <= json.asOf).toBe(true);
          if (json.from !== null) expect(l.date >= json.from).toBe(true);
        }
      }
    }
  });
});
