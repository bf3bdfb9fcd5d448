/**
 * `npm run bench -- --profile`: one CLI run under `node --cpu-prof`, summarised by phase (CPU and the
 * garbage collection that happened during it), by function (self time) and by hot source line.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Innermost named phase wins; GC samples go to the phase that was running just before. */
const PHASES = [
  'readCsvFile', 'ready', 'readCustomers', 'readEntries', 'readApplications', 'buildLedger',
  'applyExplicit', 'settle', 'buildSection', 'sectionsOf', 'computeStatements', 'writeComputeResultJson', 'runCompute',
];
const GC = '(garbage collector)';

export interface ProfileSummary {
  file: string;
  sampledMs: number;
  phases: { phase: string; cpuMs: number; gcMs: number }[];
  selfTop: { fn: string; ms: number }[];
  linesTop: { line: string; ms: number; source: string }[];
}

export function profileCli(root: string, outDir: string, cliArgs: readonly string[]): ProfileSummary {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', outDir, '--cpu-prof-interval', '500', ...cliArgs], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`profiled CLI run exited with ${String(r.status)}: ${r.stderr.toString('utf8').slice(0, 1000)}`);
  const name = fs.readdirSync(outDir).find((f) => f.endsWith('.cpuprofile'));
  if (name === undefined) throw new Error('no .cpuprofile written');
  const file = path.join(outDir, name);
  return summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, path.relative(root, file), root);
}

function summarise(p: CpuProfile, file: string, root: string): ProfileSummary {
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const where = (f: CallFrame): string => `${f.functionName || '(anonymous)'} ${f.url.replace(`file://${root}/`, '').replace(`${root}/`, '')}:${f.lineNumber + 1}`;

  const phaseCache = new Map<number, string>();
  const phaseOf = (id: number): string => {
    const hit = phaseCache.get(id);
    if (hit !== undefined) return hit;
    let phase = 'other';
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const fn = nodes.get(cur)?.callFrame.functionName ?? '';
      if (fn === GC) {
        phase = GC;
        break;
      }
      if (PHASES.includes(fn)) {
        phase = fn;
        break;
      }
    }
    phaseCache.set(id, phase);
    return phase;
  };

  const cpu = new Map<string, number>();
  const gc = new Map<string, number>();
  const self = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let last = 'other';
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i] as number;
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    total += ms;
    const node = nodes.get(id);
    if (node !== undefined) add(self, where(node.callFrame), ms);
    const phase = phaseOf(id);
    if (phase === GC) add(gc, last, ms);
    else {
      add(cpu, phase, ms);
      last = phase;
    }
  }

  const msPerTick = (p.endTime - p.startTime) / 1000 / Math.max(1, p.samples.length);
  const lines = new Map<string, { ms: number; url: string; line: number }>();
  for (const n of p.nodes) {
    if (!n.callFrame.url.includes('/dist/src/')) continue;
    for (const t of n.positionTicks ?? []) {
      const k = `${n.callFrame.functionName} ${n.callFrame.url.replace(/.*\/dist\//, 'dist/')}:${t.line}`;
      const e = lines.get(k) ?? { ms: 0, url: n.callFrame.url.replace('file://', ''), line: t.line };
      e.ms += t.ticks * msPerTick;
      lines.set(k, e);
    }
  }
  const sourceCache = new Map<string, string[]>();
  const source = (url: string, line: number): string => {
    if (!sourceCache.has(url)) sourceCache.set(url, fs.existsSync(url) ? fs.readFileSync(url, 'utf8').split('\n') : []);
    return (sourceCache.get(url)?.[line - 1] ?? '').trim().slice(0, 110);
  };

  return {
    file,
    sampledMs: Math.round(total),
    phases: [...PHASES, 'other'].filter((ph) => (cpu.get(ph) ?? 0) + (gc.get(ph) ?? 0) >= 1).map((phase) => ({ phase, cpuMs: Math.round(cpu.get(phase) ?? 0), gcMs: Math.round(gc.get(phase) ?? 0) })),
    selfTop: [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([fn, ms]) => ({ fn, ms: Math.round(ms) })),
    linesTop: [...lines].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15).map(([line, e]) => ({ line, ms: Math.round(e.ms), source: source(e.url, e.line) })),
  };
}

export function profileAsText(s: ProfileSummary): string {
  const out: string[] = [`profile: ${s.file} (${s.sampledMs} ms sampled)`, '', 'phase                  CPU ms    GC ms    total'];
  for (const p of s.phases) out.push(`${p.phase.padEnd(20)} ${String(p.cpuMs).padStart(8)} ${String(p.gcMs).padStart(8)} ${String(p.cpuMs + p.gcMs).padStart(8)}`);
  out.push('', 'self time (ms)');
  for (const f of s.selfTop) out.push(`${String(f.ms).padStart(8)}  ${f.fn}`);
  out.push('', 'hot lines (ms; compiled JS, same line structure as src/)');
  for (const l of s.linesTop) out.push(`${String(l.ms).padStart(8)}  ${l.line}  ${l.source}`);
  return out.join('\n');
}
