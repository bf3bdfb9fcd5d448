/**
 * Does the large-ledger process (src/cli/largeLedgerProcess.ts: the CLI started again with huge
 * pages and a 1 MB young generation) still earn its place? 8 pairs of CLI runs on the bench ledger,
 * `compute --summary --json` as the bench runs it, with and without it, interleaved (the order
 * inside a pair alternates, so a machine growing busier favours neither). Without it: the CLI started
 * with GLIBC_TUNABLES=glibc.malloc.hugetlb=0 (glibc's default), which tells it the setting is chosen
 * already, so it does the work in its first process with node's defaults.
 *
 *   npm run build && node dist/bench/largeLedgerProcessPairs.js [pairs]     (the bench ledger first: npm run bench)
 *
 * Prints each pair, the medians of wall and CPU time and peak RSS, and the gain: 1 − with / without
 * (of the medians, and the median of the pairs' own ratios). The issue's rule: kept only if ≥ 10%.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LEDGER_PARAMS } from './generateLedger';
import { runNodeChild, type ChildRun } from './measure';

const ROOT = path.resolve(__dirname, '..', '..'); // dist/bench → the repository
const LEDGER = path.join(ROOT, 'bench', 'data', 'ledger');
const OUT = path.join(ROOT, 'bench', 'data', 'pairs-output.json');

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const cpu = (r: ChildRun): number => ((r.userS ?? NaN) + (r.systemS ?? NaN)) * 1000;
const round = (x: number, digits = 0): string => x.toFixed(digits);

function main(): number {
  const pairs = Number(process.argv[2] ?? 8);
  if (!fs.existsSync(path.join(LEDGER, 'entries.csv'))) throw new Error(`${LEDGER}: no bench ledger (npm run bench generates it)`);
  const args = ['bin/statements.js', 'compute', '--ledger', path.relative(ROOT, LEDGER), '--as-of', LEDGER_PARAMS.asOf, '--summary', '--json'];
  const run = (withIt: boolean): ChildRun => {
    const r = runNodeChild(args, OUT, ROOT, withIt ? {} : { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' });
    if (r.exitCode !== 0) throw new Error(`the CLI exited with ${String(r.exitCode)}: ${r.stderr.slice(0, 2000)}`);
    return r;
  };
  const withRuns: ChildRun[] = [];
  const withoutRuns: ChildRun[] = [];
  console.log(`${pairs} pairs: node ${args.join(' ')}; with it / without it (GLIBC_TUNABLES=glibc.malloc.hugetlb=0)`);
  for (let p = 0; p < pairs; p++) {
    const withFirst = p % 2 === 0;
    const first = run(withFirst);
    const second = run(!withFirst);
    const [w, wo] = withFirst ? [first, second] : [second, first];
    withRuns.push(w);
    withoutRuns.push(wo);
    console.log(`  pair ${p + 1} (${withFirst ? 'with' : 'without'} first): with ${round(w.ms)} ms (CPU ${round(cpu(w))}, ${round((w.maxRssKb ?? NaN) / 1024)} MiB), without ${round(wo.ms)} ms (CPU ${round(cpu(wo))}, ${round((wo.maxRssKb ?? NaN) / 1024)} MiB)`);
  }
  const wall = { with: median(withRuns.map((r) => r.ms)), without: median(withoutRuns.map((r) => r.ms)) };
  const cpuTime = { with: median(withRuns.map(cpu)), without: median(withoutRuns.map(cpu)) };
  const rss = { with: median(withRuns.map((r) => (r.maxRssKb ?? NaN) / 1024)), without: median(withoutRuns.map((r) => (r.maxRssKb ?? NaN) / 1024)) };
  const pairRatio = median(withRuns.map((r, i) => r.ms / (withoutRuns[i] as ChildRun).ms));
  const gain = 1 - wall.with / wall.without;
  console.log(`median wall ms: with ${round(wall.with)}, without ${round(wall.without)}: gain ${round(gain * 100, 1)}% (median of the pairs' ratios: ${round((1 - pairRatio) * 100, 1)}%)`);
  console.log(`median CPU ms: with ${round(cpuTime.with)}, without ${round(cpuTime.without)}: gain ${round((1 - cpuTime.with / cpuTime.without) * 100, 1)}%`);
  console.log(`median peak RSS MiB: with ${round(rss.with)}, without ${round(rss.without)}`);
  console.log(gain >= 0.1 ? 'it earns ≥ 10%: keep it' : 'it earns < 10%: remove it');
  return 0;
}

process.exitCode = main();
