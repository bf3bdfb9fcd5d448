import { DeliveryError, TransportError } from '../../../src/adapters/mail/outgoingMessage';
import { IDENTITY_PROPERTY } from '../../../src/adapters/mail/graph/graphTransport';
import { startFakeGraph, type FakeGraph } from '../../fakes/graph/fakeGraphServer';
import { message, noLog, transportOn } from './helpers';

let fake: FakeGraph;
beforeEach(async () => {
  fake = await startFakeGraph();
});
afterEach(async () => {
  await fake.close();
});

const total = (f: FakeGraph): number => [...f.deliveries.values()].reduce((a, b) => a + b, 0);

describe('Graph transport against the strict fake', () => {
  it('creates a draft carrying the identity, sends it, and finds it the next time instead of sending again', async () => {
    const t = transportOn(fake);
    const handed: string[] = [];
    const first = await t.deliver(message('stmt1-aaa'), { inDoubt: false, handingOver: () => handed.push('x') });
    expect(first.outcome).toBe('sent');
    expect(handed).toEqual(['x']);
    const stored = [...fake.messages.values()][0]!;
    expect(stored.fields.properties).toEqual([{ id: IDENTITY_PROPERTY, value: 'stmt1-aaa' }]);
    expect(stored.fields.cc).toEqual(['boss@customer.example']);
    expect(stored.fields.replyTo).toEqual(['accounts@firm.example']);
    expect(stored.attachments.map((a) => a.bytes.toString())).toEqual(['%PDF-1.4 stmt1-aaa']);
    const again = await t.deliver(message('stmt1-aaa'), noLog);
    expect(again.outcome).toBe('already-delivered');
    expect(fake.deliveries.get('stmt1-aaa')).toBe(1);
    expect(fake.counts.badRequests).toEqual([]);
  });

  it('sends a draft left by a crash rather than making a copy, and --drafts leaves drafts', async () => {
    const drafting = transportOn(fake, { draftsOnly: true });
    expect((await drafting.deliver(message('stmt1-bbb'), noLog)).outcome).toBe('drafted');
    expect((await drafting.deliver(message('stmt1-bbb'), noLog)).outcome).toBe('drafted');
    expect(fake.messages.size).toBe(1);
    expect(fake.deliveries.size).toBe(0);
    const sending = transportOn(fake);
    expect((await sending.deliver(message('stmt1-bbb'), noLog)).outcome).toBe('sent');
    expect(fake.messages.size).toBe(1);
    expect(fake.deliveries.get('stmt1-bbb')).toBe(1);
  });

  it('waits for a late Sent Items copy when the log says the message was handed over', async () => {
    fake.faults.sentLagMs = 600;
    const t = transportOn(fake);
    await t.deliver(message('stmt1-ccc'), noLog);
    // A re-run right after a crash: nothing is visible yet, but the log said "sending".
    const started = Date.now();
    const r = await transportOn(fake).deliver(message('stmt1-ccc'), { inDoubt: true, handingOver: () => undefined });
    expect(r.outcome).toBe('already-delivered');
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(fake.deliveries.get('stmt1-ccc')).toBe(1);
  });

  it('honours Retry-After on 429 and counts it', async () => {
    fake.faults.throttle = { probability: 1, retryAfter: 1 };
    const t = transportOn(fake);
    setTimeout(() => (fake.faults.throttle = { probability: 0, retryAfter: 1 }), 100);
    const started = Date.now();
    await t.deliver(message('stmt1-ddd'), noLog);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(t.stats.throttled).toBeGreaterThanOrEqual(1);
    expect(fake.deliveries.get('stmt1-ddd')).toBe(1);
  });

  it('loses and doubles nothing through a storm of 429s, 503s and dropped connections', async () => {
    fake.faults.throttle = { probability: 0.3, retryAfter: 0 };
    fake.faults.unavailable = { probability: 0.1, retryAfter: 0 };
    fake.faults.drop = { probability: 0.1 };
    fake.faults.sentLagMs = 30;
    const t = transportOn(fake, { sentItemsLagMs: 150 });
    const ids = Array.from({ length: 30 }, (_, i) => `stmt1-storm${i}`);
    const failed: string[] = [];
    for (const id of ids) {
      try {
        await t.deliver(message(id), noLog);
      } catch (e) {
        if (!(e instanceof DeliveryError)) throw e;
        failed.push(id);
      }
    }
    // A message whose every retry was refused is reported, never lost silently; a second pass finishes it.
    fake.faults.throttle.probability = 0;
    fake.faults.unavailable.probability = 0;
    fake.faults.drop.probability = 0;
    for (const id of failed) await transportOn(fake, { sentItemsLagMs: 150 }).deliver(message(id), { inDoubt: true, handingOver: () => undefined });
    expect(fake.counts.throttled + fake.counts.unavailable).toBeGreaterThan(10);
    expect(fake.counts.dropped).toBeGreaterThan(1);
    expect(ids.map((id) => fake.deliveries.get(id))).toEqual(ids.map(() => 1));
    expect(total(fake)).toBe(30);
    expect([...fake.messages.values()].filter((m) => m.folder === 'drafts')).toEqual([]);
  });

  it('says clearly that an expired token must be renewed', async () => {
    fake.tokens.valid.clear();
    fake.tokens.expired.add('test-token');
    const t = transportOn(fake);
    const e = await t.deliver(message('stmt1-eee'), noLog).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).localised.en).toMatch(/401 InvalidAuthenticationToken.*expired.*STATEMENTS_GRAPH_TOKEN/);
    expect((e as TransportError).localised.fr).toMatch(/jeton a expiré/);
    expect((e as TransportError).exitCode).toBe(2);
    expect(fake.deliveries.size).toBe(0);
  });

  it('uploads an attachment of 3 MB or more through an upload session, in ranges', async () => {
    const big = Buffer.alloc(7 * 1024 * 1024 + 123, 7);
    big.write('%PDF-big');
    const t = transportOn(fake);
    await t.deliver(message('stmt1-fff', { attachments: [{ name: 'big.pdf', contentType: 'application/pdf', content: big }] }), noLog);
    const stored = [...fake.messages.values()][0]!;
    expect(stored.attachments.map((a) => a.name)).toEqual(['big.pdf']);
    expect(stored.attachments[0]!.bytes.equals(big)).toBe(true);
    expect(fake.deliveries.get('stmt1-fff')).toBe(1);
  });

  it('takes plain Uint8Array attachments (no Buffer: the pane), inline and through an upload session, byte for byte', async () => {
    const small = new Uint8Array(70_001).map((_, i) => (i * 31) % 256);
    const big = new Uint8Array(3 * 1024 * 1024 + 5).map((_, i) => (i * 7) % 251);
    // Views into a larger buffer, as a subarray of a pane's bytes would be.
    const backing = new Uint8Array(big.length + 10);
    backing.set(big, 10);
    const view = backing.subarray(10);
    expect(Buffer.isBuffer(view)).toBe(false);
    await transportOn(fake).deliver(message('stmt1-uuu', { attachments: [{ name: 'a.pdf', contentType: 'application/pdf', content: small }, { name: 'b.pdf', contentType: 'application/pdf', content: view }] }), noLog);
    const stored = [...fake.messages.values()][0]!;
    expect(stored.attachments.map((a) => a.name).sort()).toEqual(['a.pdf', 'b.pdf']);
    expect(stored.attachments.find((a) => a.name === 'a.pdf')!.bytes.equals(Buffer.from(small))).toBe(true);
    expect(stored.attachments.find((a) => a.name === 'b.pdf')!.bytes.equals(Buffer.from(big))).toBe(true);
    expect(fake.counts.badRequests).toEqual([]);
  });

  it('holds a message sent --at a later time in the Outbox, and cancels it', async () => {
    const t = transportOn(fake);
    const at = new Date(Date.now() + 3600_000).toISOString();
    expect((await t.deliver(message('stmt1-ggg', { sendAt: at }), noLog)).outcome).toBe('scheduled');
    const held = [...fake.messages.values()][0]!;
    expect(held.folder).toBe('outbox');
    expect(held.fields.properties).toContainEqual({ id: 'SystemTime 0x3FEF', value: at });
    expect(await t.cancel('stmt1-ggg')).toBe(true);
    expect(fake.messages.size).toBe(0);
    expect(await t.cancel('stmt1-ggg')).toBe(false);
  });

  it('the fake refuses a field Graph does not know, as Graph does', async () => {
    const res = await fetch(`${fake.url}/v1.0/me/messages`, { method: 'POST', headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'x', toRecipient: [] }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'RequestBodyRead', message: expect.stringContaining("'toRecipient' does not exist") });
    const bad = await fetch(`${fake.url}/v1.0/me/mailFolders/drafts/messages?$filter=${encodeURIComponent("subject eq 'x'")}`, { headers: { authorization: 'Bearer test-token' } });
    expect(bad.status).toBe(400);
  });
});
