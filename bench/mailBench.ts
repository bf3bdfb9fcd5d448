import { staticTokenProvider } from '../src/adapters/auth/tokenProvider';
import { graphTransport } from '../src/adapters/mail/graph/graphTransport';
import type { OutgoingMessage } from '../src/adapters/mail/outgoingMessage';
import { startFakeGraph } from '../test/fakes/graph/fakeGraphServer';

/**
 * 500 statements through the local Graph server, limited to 30 messages per shortened "minute"
 * (2 s): does the sender pace itself to the limit (≥ 90 % of it), is its ETA right (within 10 %
 * when no 429 occurs), are 429s answered and counted, is anything lost or doubled?
 */
export interface MailBenchResult {
  readonly lines: string[];
  readonly failures: string[];
  readonly report: Record<string, unknown>;
}

const LIMIT = 30;
const MINUTE_MS = 2000;

function messages(n: number, run: string): OutgoingMessage[] {
  const pdf = Buffer.alloc(30 * 1024, 0x20);
  pdf.write('%PDF-1.4');
  return Array.from({ length: n }, (_, i) => ({
    identity: `stmt1-bench-${run}-${i}`,
    from: '',
    to: [`customer${i}@example.com`],
    cc: [],
    bcc: [],
    replyTo: '',
    subject: `Statement of account ST-202611-C${i}`,
    body: 'Dear customer,\n\nPlease find attached your statement.\n',
    attachments: [{ name: `ST-202611-C${i}.pdf`, contentType: 'application/pdf', content: pdf }],
    fileStem: `C${i}`,
  }));
}

async function oneRun(n: number, label: string, throttleProbability: number): Promise<Record<string, number>> {
  const fake = await startFakeGraph({ sendLimit: { perWindow: LIMIT, windowMs: MINUTE_MS, retryAfter: 1 }, throttle: { probability: throttleProbability, retryAfter: 1 } });
  try {
    const t = graphTransport({ baseUrl: `${fake.url}/v1.0`, tokens: staticTokenProvider('test-token'), mailbox: '', perMinute: LIMIT, minuteMs: MINUTE_MS });
    const batch = messages(n, label);
    const eta = t.pacer.etaMs(n);
    const started = Date.now();
    for (const m of batch) await t.deliver(m, { inDoubt: false, handingOver: () => undefined });
    const elapsed = Date.now() - started;
    const times = fake.sendTimes;
    const span = (times[times.length - 1] ?? 0) - (times[0] ?? 0);
    const perMinute = span > 0 ? ((times.length - 1) / span) * MINUTE_MS : 0;
    const counts = [...fake.deliveries.values()];
    let maxInWindow = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while ((times[i] as number) - (times[j] as number) >= MINUTE_MS) j++;
      maxInWindow = Math.max(maxInWindow, i - j + 1);
    }
    return {
      messages: n,
      etaMs: Math.round(eta),
      elapsedMs: elapsed,
      etaError: Math.round((Math.abs(elapsed - eta) / elapsed) * 1000) / 1000,
      perMinute: Math.round(perMinute * 100) / 100,
      ofLimit: Math.round((perMinute / LIMIT) * 1000) / 1000,
      maxInOneMinute: maxInWindow,
      throttledByServer: fake.counts.throttled,
      throttledAnswered: t.stats.throttled,
      delivered: counts.filter((c) => c === 1).length,
      doubled: counts.filter((c) => c > 1).length,
      lost: n - fake.deliveries.size,
      requests: t.stats.requests,
    };
  } finally {
    await fake.close();
  }
}

export async function mailBench(o: { count: number; log: (line: string) => void }): Promise<MailBenchResult> {
  const failures: string[] = [];
  o.log(`500 statements → local Graph server, ${LIMIT} messages per "minute" of ${MINUTE_MS} ms`);
  const calm = await oneRun(o.count, 'calm', 0);
  o.log(`no 429: ${JSON.stringify(calm)}`);
  const stormy = await oneRun(o.count, 'stormy', 0.01);
  o.log(`random 429s (1 % of requests, Retry-After 1 s): ${JSON.stringify(stormy)}`);
  const check = (ok: boolean, what: string): void => void (ok ? undefined : failures.push(what));
  check((calm['ofLimit'] as number) >= 0.9, `pace ${calm['ofLimit']} of the limit < 0.9`);
  check((calm['etaError'] as number) <= 0.1, `ETA off by ${calm['etaError']} > 0.1`);
  check(calm['throttledByServer'] === 0, `${calm['throttledByServer']} 429s from the sending limit with pacing`);
  for (const [name, r] of [['calm', calm], ['stormy', stormy]] as const) {
    check(r['lost'] === 0 && r['doubled'] === 0 && r['delivered'] === o.count, `${name}: ${r['lost']} lost, ${r['doubled']} doubled`);
    check((r['maxInOneMinute'] as number) <= LIMIT, `${name}: ${r['maxInOneMinute']} sends in one "minute"`);
  }
  check((stormy['throttledAnswered'] as number) > 0 && stormy['throttledAnswered'] === stormy['throttledByServer'], `stormy: 429s answered ${stormy['throttledAnswered']} ≠ sent ${stormy['throttledByServer']}`);
  const lines = [
    `pace (no 429): ${calm['perMinute']} messages per "minute" = ${calm['ofLimit']} of ${LIMIT} (goal ≥ 0.9); busiest "minute" ${calm['maxInOneMinute']}`,
    `ETA at start ${calm['etaMs']} ms, actual ${calm['elapsedMs']} ms: off by ${calm['etaError']} (goal ≤ 0.1)`,
    `with 429s: ${stormy['throttledAnswered']} answered and counted, ${stormy['elapsedMs']} ms; lost ${stormy['lost']}, doubled ${stormy['doubled']} (no 429: lost ${calm['lost']}, doubled ${calm['doubled']})`,
  ];
  return { lines, failures, report: { date: new Date().toISOString(), limit: LIMIT, minuteMs: MINUTE_MS, calm, stormy } };
}
