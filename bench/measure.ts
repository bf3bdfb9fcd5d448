/** Timing, memory and child-process helpers for the benchmark. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Full collection between measurements when node runs with --expose-gc. */
export function collect(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g !== undefined) g();
}

export interface Samples {
  readonly best: number;
  readonly median: number;
  readonly all: readonly number[];
}

export function samples(all: readonly number[]): Samples {
  const sorted = [...all].sort((a, b) => a - b);
  const r1 = (x: number): number => Math.round(x * 10) / 10;
  return { best: r1(sorted[0] ?? NaN), median: r1(sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN), all: all.map(r1) };
}

/** CPU time (user + system, all threads of this process) in ms: less sensitive than wall time to a busy machine. */
export const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs `f` n times (collecting garbage before each) and keeps each run's wall and CPU time and the last value. */
export async function repeat<T>(n: number, f: () => T | Promise<T>): Promise<{ times: Samples; cpu: Samples; last: T }> {
  const all: number[] = [];
  const cpu: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < n; i++) {
    collect();
    const c0 = cpuMs();
    const t0 = nowMs();
    last = await f();
    all.push(nowMs() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { times: samples(all), cpu: samples(cpu), last: last as T };
}

export interface ChildRun {
  readonly ms: number;
  readonly exitCode: number | null;
  /** Peak resident set size of the child, in KiB. */
  readonly maxRssKb: number | undefined;
  readonly userS: number | undefined;
  readonly systemS: number | undefined;
  readonly stderr: string;
  /** How the peak was measured. */
  readonly rssBy: '/usr/bin/time -v' | 'process.resourceUsage()';
}

const TIME = '/usr/bin/time';

/**
 * Runs `node <args>` with stdout to `stdoutFile`, timing the wall clock, and reads the child's peak
 * RSS from `/usr/bin/time -v` when present, else from a preloaded hook printing resourceUsage().maxRSS.
 */
/** `env`: added to this process's environment for the child. */
export function runNodeChild(args: readonly string[], stdoutFile: string, workDir: string, extraEnv: Readonly<Record<string, string>> = {}): ChildRun {
  const out = fs.openSync(stdoutFile, 'w');
  const report = path.join(path.dirname(stdoutFile), `${path.basename(stdoutFile)}.rss.txt`);
  fs.rmSync(report, { force: true });
  const withTime = fs.existsSync(TIME);
  const hook = path.join(__dirname, 'maxRssHook.js');
  const [cmd, argv, env] = withTime
    ? [TIME, ['-v', '-o', report, process.execPath, ...args], { ...process.env, ...extraEnv }]
    : [process.execPath, ['--require', hook, ...args], { ...process.env, ...extraEnv, BENCH_MAXRSS_FILE: report }];
  const t0 = nowMs();
  const r = spawnSync(cmd, argv, { cwd: workDir, env, stdio: ['ignore', out, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = nowMs() - t0;
  fs.closeSync(out);
  const text = fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '';
  const num = (re: RegExp): number | undefined => {
    const m = re.exec(text);
    return m?.[1] === undefined ? undefined : Number(m[1]);
  };
  const stderr = r.stderr?.toString('utf8') ?? '';
  const exitCode = withTime ? (num(/Exit status:\s*(\d+)/) ?? r.status) : r.status;
  return {
    ms,
    exitCode,
    maxRssKb: num(/Maximum resident set size \(kbytes\):\s*(\d+)/) ?? num(/maxRssKb=(\d+)/),
    userS: num(/User time \(seconds\):\s*([\d.]+)/) ?? num(/userS=([\d.]+)/),
    systemS: num(/System time \(seconds\):\s*([\d.]+)/) ?? num(/systemS=([\d.]+)/),
    stderr,
    rssBy: withTime ? '/usr/bin/time -v' : 'process.resourceUsage()',
  };
}
