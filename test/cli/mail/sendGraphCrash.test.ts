import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSendLog, type SendRecord } from '../../../src/core';
import { startFakeGraph, type FakeGraph } from '../../fakes/graph/fakeGraphServer';
import { tempDir } from '../../helpers/workbook';
import { cli, mailLedger } from './fixture';

// The built CLI (npm test builds first): it is killed with SIGKILL, so it must be a process of its own.
const BIN = path.join(__dirname, '../../../bin/statements.js');

let fake: FakeGraph;
beforeEach(async () => {
  // Sent Items shows a sent message 2.5 s late: longer than the CLI takes to start again, so a re-run must wait for it.
  fake = await startFakeGraph({ sentLagMs: 2500 });
});
afterEach(async () => {
  await fake.close();
});

function sendArgs(ledger: string, log: string): string[] {
  return ['send', '--ledger', ledger, '--as-of', '2026-06-30', '--graph', '--graph-url', `${fake.url}/v1.0`, '--log', log, '--sent-items-wait', '4', '--per-minute', '6000'];
}

/** Runs the CLI; `killWhen` is asked after each request the server carried out, and kills the CLI (kill -9) when it says so. */
function runChild(args: string[], killWhen: (route: string) => boolean): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, STATEMENTS_GRAPH_TOKEN: 'test-token' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    fake.onEffect = (route) => {
      if (child.exitCode === null && killWhen(route)) child.kill('SIGKILL');
    };
    child.on('exit', (code, signal) => {
      fake.onEffect = undefined;
      resolve({ code, signal, out });
    });
  });
}

describe('statements send --graph, killed at random points', () => {
  it('delivers each of 50 statements exactly once over several crashes and re-runs', async () => {
    const ledger = mailLedger(48);
    const log = path.join(tempDir('stmt-mail-crash-'), 'send.jsonl');
    // Seeded, so a failure can be replayed: kill points spread over the run, half of them right after a /send was accepted.
    let seed = 20261206;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const kills: string[] = [];
    for (let k = 0; k < 5; k++) {
      let requests = 0;
      const at = 5 + Math.floor(random() * 60);
      const onSend = random() < 0.5;
      const r = await runChild(sendArgs(ledger, log), (route) => {
        requests++;
        const now = onSend ? requests >= at && route.endsWith('/send') : requests === at;
        if (now) kills.push(`${route} #${requests}`);
        return now;
      });
      if (r.signal !== 'SIGKILL') expect(r.code).toBe(0); // the run may finish before its kill point
    }
    const last = await runChild(sendArgs(ledger, log), () => false);
    expect(last.code).toBe(0);
    expect(kills.length).toBeGreaterThanOrEqual(3);
    const counts = [...fake.deliveries.values()];
    expect(fake.deliveries.size).toBe(50);
    expect(counts.filter((c) => c !== 1)).toEqual([]);
    expect([...fake.messages.values()].filter((m) => m.folder === 'drafts')).toEqual([]);
    // The log ends with one delivered outcome per statement.
    const records = parseSendLog(fs.readFileSync(log, 'utf8')).filter((r): r is SendRecord => r.kind === 'statement');
    const final = new Map(records.map((r) => [r.identity, r.outcome]));
    expect([...final.values()].every((o) => o === 'sent' || o === 'already-delivered')).toBe(true);
    expect(final.size).toBe(50);
  });
});

describe('statements send --graph in-process', () => {
  const saved = process.env['STATEMENTS_GRAPH_TOKEN'];
  afterEach(() => {
    if (saved === undefined) delete process.env['STATEMENTS_GRAPH_TOKEN'];
    else process.env['STATEMENTS_GRAPH_TOKEN'] = saved;
  });

  it('a sign-in that needs a person, with no one there, is exit code 2 and says what to do', async () => {
    delete process.env['STATEMENTS_GRAPH_TOKEN'];
    const work = tempDir('stmt-mail-signin-');
    const none = await cli(...sendArgs(mailLedger(), path.join(work, 'l.jsonl')));
    expect(none.code).toBe(2);
    expect(none.err).toContain('set STATEMENTS_GRAPH_TOKEN, or give --client-id');
    // msal-node with an empty token cache and no terminal: refused before any network call.
    const device = await cli(...sendArgs(mailLedger(), path.join(work, 'l.jsonl')), '--client-id', '11111111-2222-3333-4444-555555555555', '--token-cache', path.join(work, 'cache.json'));
    expect(device.code).toBe(2);
    expect(device.err).toContain('Microsoft 365 sign-in needed and no one to do it');
    expect(device.err).toContain('Connexion Microsoft 365 nécessaire');
    expect(fake.counts.requests).toBe(0);
  });

  it('schedules with --at, then --cancel removes the held messages', async () => {
    process.env['STATEMENTS_GRAPH_TOKEN'] = 'test-token';
    const ledger = mailLedger();
    const log = path.join(tempDir('stmt-mail-at-'), 'l.jsonl');
    const at = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, '+00:00');
    const r = await cli(...sendArgs(ledger, log), '--at', at);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/A: scheduled/);
    expect([...fake.messages.values()].map((m) => m.folder)).toEqual(['outbox', 'outbox']);
    const c = await cli(...sendArgs(ledger, log), '--cancel');
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/A: cancelled/);
    expect(fake.messages.size).toBe(0);
  });
});

describe('statements schedule', () => {
  it('lists the runs due with catch-up, runs them once each, and then nothing is due', async () => {
    const ledger = mailLedger();
    const work = tempDir('stmt-mail-schedule-');
    const settings = path.join(work, 'settings.json');
    fs.writeFileSync(settings, JSON.stringify({ mail: { schedule: { dayOfMonth: 1, style: 'activity', customers: { B: 'quarterly' } } } }));
    const log = path.join(work, 'send.jsonl');
    const base = ['--ledger', ledger, '--settings', settings, '--log', log];
    // A first schedule sends only the latest run; a log whose last run is 1 May catches up June and July.
    fs.writeFileSync(log, `${JSON.stringify({ v: 1, kind: 'schedule-run', runDate: '2026-05-01', from: '2026-04-01', to: '2026-04-30', time: '' })}\n`);
    const due = await cli('schedule', 'due', ...base, '--today', '2026-07-03');
    expect(due.code).toBe(0);
    expect(due.out.trim().split('\n')).toEqual([
      'Run 2026-06-01 (monthly): period 2026-05-01..2026-05-31, 2 customers',
      'Run 2026-07-01 (monthly): period 2026-06-01..2026-06-30, 2 customers',
      'Run 2026-07-01 (quarterly): period 2026-04-01..2026-06-30, 1 customer',
    ]);
    const run = await cli('schedule', 'run', ...base, '--today', '2026-07-03', '--outbox', path.join(work, 'out'));
    expect(run.code).toBe(0);
    // May: only A has activity; June: A has none in June but a balance (activity statements include either), B quarterly in July.
    expect(fs.readdirSync(path.join(work, 'out')).sort()).toEqual(['ST-202605-A.eml', 'ST-202606-A.eml', 'ST-202606-B.eml']);
    const again = await cli('schedule', 'due', ...base, '--today', '2026-07-20');
    expect(again.out).toBe('No run due.\n');
    const rerun = await cli('schedule', 'run', ...base, '--today', '2026-07-20', '--outbox', path.join(work, 'out'));
    expect(rerun.out).toBe('No run due.\n');
  });
});
