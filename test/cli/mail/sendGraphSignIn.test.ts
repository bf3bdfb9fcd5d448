// statements send --graph: --drafts (left in Drafts, logged "drafted", never copied on a re-run),
// client-credentials sign-in through the real msal-node against a local fake Entra token endpoint
// (its OpenID configuration given, so msal asks nothing else), and the sign-ins that cannot happen
// unattended (wrong secret, expired token): a clear message and exit code 2.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSendLog, type SendRecord } from '../../../src/core';
import { startFakeGraph, type FakeGraph } from '../../fakes/graph/fakeGraphServer';
import { startFakeTokenEndpoint, type FakeTokenEndpoint } from '../../fakes/graph/fakeTokenEndpoint';
import { tempDir } from '../../helpers/workbook';
import { cli, mailLedger } from './fixture';

const ENV = ['STATEMENTS_GRAPH_TOKEN', 'STATEMENTS_GRAPH_CLIENT_SECRET', 'STATEMENTS_GRAPH_AUTHORITY', 'STATEMENTS_GRAPH_AUTHORITY_METADATA'];
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
const APP = { tenant: '0d1e2f3a-aaaa-bbbb-cccc-123456789abc', clientId: '11111111-2222-3333-4444-555555555555', secret: 'the-real-secret' };

let fake: FakeGraph;
let entra: FakeTokenEndpoint;
beforeEach(async () => {
  fake = await startFakeGraph();
  entra = await startFakeTokenEndpoint(fake, APP);
  for (const k of ENV) delete process.env[k];
});
afterEach(async () => {
  await entra.close();
  await fake.close();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const send = (ledger: string, log: string, ...more: string[]) =>
  cli('send', '--ledger', ledger, '--as-of', '2026-06-30', '--graph', '--graph-url', `${fake.url}/v1.0`, '--log', log, '--per-minute', '6000', '--sent-items-wait', '1', ...more);
const outcomes = (log: string) => parseSendLog(fs.readFileSync(log, 'utf8')).filter((r): r is SendRecord => r.kind === 'statement').map((r) => `${r.customerId} ${r.outcome}`);

describe('statements send --graph --drafts', () => {
  it('leaves one draft per statement in Drafts, logs them as drafted, and a re-run makes no copy', async () => {
    process.env['STATEMENTS_GRAPH_TOKEN'] = 'test-token';
    const ledger = mailLedger();
    const log = path.join(tempDir('stmt-mail-drafts-'), 'send.jsonl');
    const first = await send(ledger, log, '--drafts');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^A: drafted/m);
    expect(first.out).toMatch(/^B: drafted/m);
    const drafts = [...fake.messages.values()];
    expect(drafts.map((m) => [m.folder, m.fields.to.join(';')])).toEqual([
      ['drafts', 'a1@alpha.example;a2@alpha.example'],
      ['drafts', 'compta@beta.example'],
    ]);
    expect(drafts.every((m) => m.attachments.length === 1 && m.attachments[0]!.bytes.subarray(0, 5).toString() === '%PDF-')).toBe(true);
    expect(fake.deliveries.size).toBe(0);
    expect(outcomes(log)).toEqual(['A drafted', 'B drafted']);

    const again = await send(ledger, log, '--drafts');
    expect(again.code).toBe(0);
    expect(fake.messages.size).toBe(2);
    expect([...fake.messages.values()].every((m) => m.folder === 'drafts')).toBe(true);
    expect(fake.deliveries.size).toBe(0);
    expect(outcomes(log).slice(2)).toEqual(['A drafted', 'B drafted']);
  });
});

describe('client credentials (--tenant, --client-id, STATEMENTS_GRAPH_CLIENT_SECRET) through msal-node', () => {
  const signIn = (secret: string) => {
    process.env['STATEMENTS_GRAPH_CLIENT_SECRET'] = secret;
    process.env['STATEMENTS_GRAPH_AUTHORITY'] = entra.authorityHost;
    process.env['STATEMENTS_GRAPH_AUTHORITY_METADATA'] = entra.metadata();
    return ['--tenant', APP.tenant, '--client-id', APP.clientId, '--mailbox', 'accounts@firm.example'];
  };

  it('signs in as the app once (the token kept), and sends from the named mailbox', async () => {
    const log = path.join(tempDir('stmt-mail-cc-'), 'send.jsonl');
    const r = await send(mailLedger(), log, ...signIn(APP.secret));
    expect(r.err).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(entra.issued).toEqual(['app-token-1']);
    expect(entra.requests.map((q) => [q.tenant, q.fields['grant_type'], q.fields['client_id'], q.fields['scope']])).toEqual([[APP.tenant, 'client_credentials', APP.clientId, 'https://graph.microsoft.com/.default']]);
    expect([...fake.messages.values()].map((m) => [m.mailbox, m.folder === 'drafts' ? 'draft' : 'sent'])).toEqual([
      ['accounts@firm.example', 'sent'],
      ['accounts@firm.example', 'sent'],
    ]);
    expect(fake.deliveries.size).toBe(2);
  });

  it('a wrong secret: exit 2, what Entra said and what to check, in English and French; nothing sent', async () => {
    const r = await send(mailLedger(), path.join(tempDir('stmt-mail-cc-bad-'), 'send.jsonl'), ...signIn('not-the-secret'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Microsoft 365 refused the sign-in (invalid_client: AADSTS7000215: Invalid client secret provided.');
    expect(r.err).toContain('Check --tenant, --client-id and STATEMENTS_GRAPH_CLIENT_SECRET');
    expect(r.err).toContain('Microsoft 365 a refusé la connexion (invalid_client');
    expect(fake.messages.size).toBe(0);
    expect(fake.deliveries.size).toBe(0);
  });

  it('an unknown tenant: exit 2 naming it', async () => {
    const args = signIn(APP.secret);
    args[1] = 'other-tenant';
    process.env['STATEMENTS_GRAPH_AUTHORITY_METADATA'] = entra.metadata().replaceAll(APP.tenant, 'other-tenant');
    const r = await send(mailLedger(), path.join(tempDir('stmt-mail-cc-tenant-'), 'send.jsonl'), ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain("AADSTS90002: Tenant 'other-tenant' not found.");
  });
});

describe('an expired STATEMENTS_GRAPH_TOKEN', () => {
  it('stops at the first 401 with a clear message and exit code 2 (a sign-in no one can redo unattended); nothing sent', async () => {
    fake.tokens.expired.add('old-token');
    process.env['STATEMENTS_GRAPH_TOKEN'] = 'old-token';
    const r = await send(mailLedger(), path.join(tempDir('stmt-mail-expired-'), 'send.jsonl'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Microsoft Graph refused the sign-in (401 InvalidAuthenticationToken): the token has expired or is not valid.');
    expect(fake.deliveries.size).toBe(0);
  });
});
