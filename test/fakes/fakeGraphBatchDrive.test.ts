// The fake Graph's $batch and OneDrive endpoints refuse what Graph refuses, with Graph's status and
// error body, and answer what Graph answers (per-request statuses, 424 after a failed dependency,
// a 302 to a pre-authenticated URL that takes no Authorization and no preflight).
import { startFakeGraph, type FakeGraph } from './graph/fakeGraphServer';

let fake: FakeGraph;
beforeEach(async () => {
  fake = await startFakeGraph();
});
afterEach(async () => {
  await fake.close();
});

const auth = { authorization: 'Bearer test-token' };
/** The shapes these tests read from Graph's answers. */
interface Answer {
  error: { code: string; message: string };
  id: string;
  name: string;
  size: number;
  value: unknown[];
  responses: { id: string; status: number; headers: Record<string, string>; body: Answer }[];
}
async function graph(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Answer; headers: Headers }> {
  const res = await fetch(`${fake.url}/v1.0${p}`, {
    method,
    redirect: 'manual',
    headers: { ...auth, ...(body === undefined || typeof body === 'string' ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: (text === '' ? undefined : JSON.parse(text)) as Answer, headers: res.headers };
}
const batch = (requests: unknown) => graph('POST', '/$batch', { requests });
const upload = (name: string, bytes = 'PK-bytes', q = '') => graph('PUT', `/me/drive/special/approot:/${encodeURIComponent(name)}:/content${q}`, bytes, { 'content-type': 'application/octet-stream' });

describe('$batch', () => {
  it('refuses a malformed batch with a 400 naming what is wrong', async () => {
    const cases: [unknown, RegExp][] = [
      [[], /non-empty array/],
      [Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me/mailFolders/drafts/messages' })), /cannot exceed 20; this one has 21/],
      [[{ id: '1', method: 'GET', url: '/me/x', extra: 1 }], /'extra' does not exist/],
      [[{ id: '1', method: 'GET', url: '/me/x' }, { id: '1', method: 'GET', url: '/me/y' }], /used more than once/],
      [[{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }], /relative to the version/],
      [[{ id: '1', method: 'POST', url: '/$batch', body: {}, headers: { 'content-type': 'application/json' } }], /cannot contain a batch/],
      [[{ id: '1', method: 'POST', url: '/me/messages', body: { subject: 'x' } }], /needs a Content-Type/],
      [[{ id: '2', method: 'GET', url: '/me/x', dependsOn: ['1'] }, { id: '1', method: 'GET', url: '/me/y' }], /not an earlier request/],
      [[{ id: '1', method: 'TRACE', url: '/me/x' }], /method 'TRACE' is not valid/],
    ];
    for (const [requests, why] of cases) {
      const r = await batch(requests);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('BadRequest');
      expect(r.json.error.message).toMatch(why);
    }
    expect((await graph('POST', '/$batch', { requests: [], more: 1 })).json.error.message).toMatch(/'more' does not exist/);
    expect((await fetch(`${fake.url}/v1.0/$batch`, { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('answers each request with its own status, headers and body; a failed dependency answers 424', async () => {
    const put = await upload('a.docx');
    const id = put.json.id as string;
    const r = await batch([
      { id: 'draft', method: 'POST', url: '/me/messages', headers: { 'Content-Type': 'application/json' }, body: { subject: 'Hello', toRecipients: [{ emailAddress: { address: 'a@b.example' } }] } },
      { id: 'list', method: 'GET', url: '/me/mailFolders/drafts/messages?$select=id,subject', dependsOn: ['draft'] },
      { id: 'pdf', method: 'GET', url: `/me/drive/items/${id}/content?format=pdf` },
      { id: 'bad', method: 'POST', url: '/me/messages', headers: { 'content-type': 'application/json' }, body: { subject: 'x', colour: 'red' } },
      { id: 'after-bad', method: 'DELETE', url: `/me/drive/items/${id}`, dependsOn: ['bad'] },
      { id: 'nowhere', method: 'GET', url: '/me/drive/nothing/here' },
    ]);
    expect(r.status).toBe(200);
    const one = (id: string) => r.json.responses.find((x) => x.id === id)!;
    expect(one('draft').status).toBe(201);
    expect(one('list').body.value).toEqual([{ id: one('draft').body.id, subject: 'Hello' }]);
    expect(one('pdf').status).toBe(302);
    expect(one('pdf').headers.Location).toMatch(new RegExp(`^${fake.drive.downloadOrigin}/transform/pdf\\?docid=${id}&tempauth=[0-9a-f]{32}$`));
    expect(one('bad').status).toBe(400);
    expect(one('bad').body.error.message).toMatch(/'colour' does not exist on type 'microsoft.graph.message'/);
    expect(one('after-bad').status).toBe(424);
    expect(fake.drive.items.has(id)).toBe(true);
    expect(one('nowhere').status).toBe(404);
    expect(fake.counts.batches).toBe(1);
  });

  it('throttles the batch as a whole, or the requests inside it one by one, each with its Retry-After', async () => {
    fake.faults.throttle = { probability: 1, retryAfter: 9 };
    const whole = await fetch(`${fake.url}/v1.0/$batch`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me/mailFolders/drafts/messages' }] }) });
    expect([whole.status, whole.headers.get('retry-after')]).toEqual([429, '9']);
    fake.faults.throttle = { probability: 0, retryAfter: 1 };
    fake.faults.throttleInBatch = { probability: 1, retryAfter: 4 };
    const r = await batch([{ id: '1', method: 'GET', url: '/me/mailFolders/drafts/messages' }, { id: '2', method: 'GET', url: '/me/mailFolders/outbox/messages' }]);
    expect(r.status).toBe(200);
    expect(r.json.responses.map((x) => [x.id, x.status, x.headers['Retry-After']])).toEqual([['1', 429, '4'], ['2', 429, '4']]);
  });
});

describe('the OneDrive app folder', () => {
  it('uploads (201), replaces (200), renames or refuses a name taken, and refuses names OneDrive refuses', async () => {
    const first = await upload('Statement A.docx', 'one');
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name: 'Statement A.docx', size: 3, file: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
    const replaced = await upload('Statement A.docx', 'three', '');
    expect([replaced.status, replaced.json.id, replaced.json.size]).toEqual([200, first.json.id, 5]);
    const renamed = await upload('statement a.docx', 'x', '?@microsoft.graph.conflictBehavior=rename');
    expect([renamed.status, renamed.json.name]).toEqual([201, 'statement a 1.docx']);
    const refused = await upload('Statement A.docx', 'x', '?@microsoft.graph.conflictBehavior=fail');
    expect([refused.status, refused.json.error.code]).toEqual([409, 'nameAlreadyExists']);
    expect((await upload('a|b.docx')).json.error).toMatchObject({ code: 'invalidRequest' });
    expect((await upload('a.docx', 'x', '?overwrite=yes')).json.error.message).toBe("Query option 'overwrite' is not supported here.");
    // Bytes with no type: Graph wants to know what it stores.
    const noType = await fetch(`${fake.url}/v1.0/me/drive/special/approot:/n.docx:/content`, { method: 'PUT', headers: auth, body: new Uint8Array([1, 2]) });
    expect(noType.status).toBe(400);
  });

  it('?format=pdf: 302 to the download host; other formats, unknown items and unknown segments refused; DELETE 204 then 404', async () => {
    const id = (await upload('a.docx')).json.id as string;
    const pdf = await graph('GET', `/me/drive/items/${id}/content?format=pdf`);
    expect(pdf.status).toBe(302);
    expect(pdf.headers.get('location')).toMatch(/\/transform\/pdf\?docid=/);
    expect((await graph('GET', `/me/drive/items/${id}/content?format=html`)).json.error.message).toBe("The format 'html' is not supported.");
    const text = (await upload('notes.txt')).json.id as string;
    expect((await graph('GET', `/me/drive/items/${text}/content?format=pdf`)).status).toBe(406);
    expect((await graph('GET', '/me/drive/items/01NOPE/content')).json.error.code).toBe('itemNotFound');
    expect((await graph('GET', '/me/drive/root/children')).status).toBe(404);
    expect((await graph('PATCH', `/me/drive/items/${id}`, { name: 'b.docx' })).status).toBe(405);
    expect((await graph('DELETE', `/me/drive/items/${id}`)).status).toBe(204);
    expect((await graph('DELETE', `/me/drive/items/${id}`)).status).toBe(404);
  });

  it('the download host takes a pre-authenticated GET only: no Authorization, no preflight, no other verb, no altered URL', async () => {
    const id = (await upload('a.docx', 'raw bytes')).json.id as string;
    const raw = (await graph('GET', `/me/drive/items/${id}/content`)).headers.get('location') as string;
    expect(raw.startsWith(`${fake.drive.downloadOrigin}/download?`)).toBe(true);
    expect(await (await fetch(raw)).text()).toBe('raw bytes');
    expect((await fetch(raw, { headers: auth })).status).toBe(401);
    expect((await fetch(raw, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } })).status).toBe(403);
    expect((await fetch(raw, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(raw.replace('/download?', '/transform/pdf?'))).status).toBe(401);
    const fromPage = await fetch(raw, { headers: { origin: 'http://127.0.0.1:1' } });
    expect(fromPage.headers.get('access-control-allow-origin')).toBe('*');
    expect(fake.drive.downloads.refused).toEqual(['GET /download: invalidAuthenticationToken', 'OPTIONS /download: preflight', 'DELETE /download: invalidRequest', 'GET /transform/pdf: invalidAuthenticationToken']);
  });
});
