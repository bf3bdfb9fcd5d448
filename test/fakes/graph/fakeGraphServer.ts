import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { corsHeaders, errorBody, preflight, type Answer } from './answer';
import { batchRequests, runBatch } from './batch';
import { startFakeDrive, type FakeDrive } from './fakeDrive';
import { BadRequest, fileAttachment, message, sendMailRequest, uploadSessionRequest, type DraftFields, type FileAttachment } from './validate';

/**
 * A strict Microsoft Graph mail endpoint on 127.0.0.1 for tests and the bench: drafts with
 * extended properties, attachments and upload sessions, /send (with PidTagDeferredSendTime held in
 * the Outbox), sendMail, $filter on an extended property in a folder, DELETE; Graph's status codes
 * and error bodies; and faults on demand: 401, 429 and 503 with Retry-After, dropped connections,
 * Sent Items copies that appear late, a per-mailbox sending limit; JSON $batch (./batch.ts); the
 * OneDrive app folder and ?format=pdf (./fakeDrive.ts); CORS for a browser page on another origin.
 */
export interface FakeMessage {
  readonly id: string;
  readonly mailbox: string;
  readonly fields: DraftFields;
  readonly attachments: FileAttachment[];
  folder: 'drafts' | 'outbox' | 'sentitems' | 'in-transit';
  /** When it shows in Sent Items (a late copy) or leaves the Outbox (deferred send). */
  visibleAt: number;
}

export interface Faults {
  /** Chance of a 429 on any request, with this Retry-After (seconds). */
  throttle: { probability: number; retryAfter: number };
  /** Requests inside a $batch, throttled one by one (default: as `throttle`). */
  throttleInBatch: { probability: number; retryAfter: number } | undefined;
  unavailable: { probability: number; retryAfter: number };
  /** Chance of closing the connection without an answer, before or after the request took effect. */
  drop: { probability: number };
  /** How late a sent message shows in Sent Items. */
  sentLagMs: number;
  /** Exchange's sending limit per mailbox (a rolling window), answered with 429. */
  sendLimit: { perWindow: number; windowMs: number; retryAfter: number } | undefined;
  /** Off: no CORS headers and preflights refused, so a browser page on another origin is blocked (the proof that CORS is tested). */
  cors: boolean;
}

export interface FakeGraph {
  readonly url: string;
  readonly messages: Map<string, FakeMessage>;
  readonly faults: Faults;
  readonly tokens: { valid: Set<string>; expired: Set<string> };
  readonly counts: { requests: number; throttled: number; unavailable: number; dropped: number; preflights: number; batches: number; badRequests: string[] };
  /** Accepted sends by statement identity (the extended property): what "delivered" means here. */
  readonly deliveries: Map<string, number>;
  /** The user's OneDrive (app folder uploads, ?format=pdf, the download host). */
  readonly drive: FakeDrive;
  readonly sendTimes: number[];
  /** Called after each request took effect, before its answer (a test may kill the client there). */
  onEffect: ((route: string) => void) | undefined;
  close(): Promise<void>;
}

const IDENTITY = /^String \{[0-9a-fA-F-]{36}\} Name StatementIdentity$/;
const FILTER = /^singleValueExtendedProperties\/Any\(ep: ep\/id eq '((?:[^']|'')*)' and ep\/value eq '((?:[^']|'')*)'\)$/;
const SELECTABLE = new Set(['id', 'isDraft', 'subject', 'hasAttachments', 'createdDateTime', 'sentDateTime', 'name', 'size', 'contentType']);

export async function startFakeGraph(initial: Partial<Faults> = {}): Promise<FakeGraph> {
  const messages = new Map<string, FakeMessage>();
  const sessions = new Map<string, { message: string; name: string; size: number; contentType: string; received: Buffer[]; next: number }>();
  const faults: Faults = { throttle: { probability: 0, retryAfter: 1 }, throttleInBatch: undefined, unavailable: { probability: 0, retryAfter: 1 }, drop: { probability: 0 }, sentLagMs: 0, sendLimit: undefined, cors: true, ...initial };
  const tokens = { valid: new Set(['test-token']), expired: new Set<string>() };
  const counts = { requests: 0, throttled: 0, unavailable: 0, dropped: 0, preflights: 0, batches: 0, badRequests: [] as string[] };
  const deliveries = new Map<string, number>();
  const sendTimes: number[] = [];
  let nextId = 1;
  let url = '';
  const drive = await startFakeDrive(() => url, () => faults.cors);

  const identityOf = (m: FakeMessage): string | undefined => m.fields.properties.find((p) => IDENTITY.test(p.id))?.value;
  const folderNow = (m: FakeMessage, now: number): string => {
    if (m.folder === 'in-transit' && now >= m.visibleAt) m.folder = 'sentitems';
    if (m.folder === 'outbox' && now >= m.visibleAt) m.folder = 'sentitems';
    return m.folder;
  };
  const deliver = (m: FakeMessage): void => {
    const key = identityOf(m) ?? `no-identity-${m.id}`;
    deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
    sendTimes.push(Date.now());
  };
  const project = (m: FakeMessage, select: string[]): Record<string, unknown> => {
    const all: Record<string, unknown> = { id: m.id, isDraft: m.folder === 'drafts', subject: m.fields.subject, hasAttachments: m.attachments.length > 0 };
    return select.length === 0 ? all : Object.fromEntries(select.map((s) => [s, all[s]]));
  };
  const parseSelect = (q: URLSearchParams): string[] => {
    const s = q.get('$select');
    if (s === null) return [];
    const fields = s.split(',');
    for (const f of fields) if (!SELECTABLE.has(f)) throw new BadRequest('RequestBroker--ParseUri', `Could not find a property named '${f}' on type 'microsoft.graph.message'.`);
    return fields;
  };
  const rateLimited = (now: number): number | undefined => {
    const limit = faults.sendLimit;
    if (limit === undefined) return undefined;
    const recent = sendTimes.filter((t) => t > now - limit.windowMs).length;
    return recent >= limit.perWindow ? limit.retryAfter : undefined;
  };

  function route(method: string, path: string, q: URLSearchParams, headers: http.IncomingHttpHeaders, raw: Buffer): Answer {
    const now = Date.now();
    const upload = /^\/upload\/(\w+)$/.exec(path);
    if (upload !== null) {
      if (method !== 'PUT') throw new BadRequest('MethodNotAllowed', 'upload URLs take PUT', 405);
      if (headers.authorization !== undefined) throw new BadRequest('InvalidAuthenticationToken', 'Do not send an Authorization header to the upload URL', 401);
      const s = sessions.get(upload[1] as string);
      if (s === undefined) throw new BadRequest('ErrorItemNotFound', 'The upload session was not found.', 404);
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(headers['content-range'] ?? ''));
      if (range === null) throw new BadRequest('InvalidRequest', 'Content-Range is required');
      const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
      if (total !== s.size || start !== s.next || end - start + 1 !== raw.length) throw new BadRequest('InvalidRange', `Expected bytes from ${s.next} of ${s.size}`, 416);
      if (raw.length > 4 * 1024 * 1024) throw new BadRequest('InvalidRequest', 'A range may be at most 4 MB', 413);
      s.received.push(raw);
      s.next = end + 1;
      if (s.next < s.size) return { status: 200, body: { expirationDateTime: new Date(now + 3600_000).toISOString(), nextExpectedRanges: [`${s.next}-`] } };
      const m = messages.get(s.message);
      if (m === undefined) throw new BadRequest('ErrorItemNotFound', 'The specified object was not found in the store.', 404);
      m.attachments.push({ name: s.name, contentType: s.contentType, bytes: Buffer.concat(s.received) });
      sessions.delete(upload[1] as string);
      return { status: 201, headers: { location: `${url}/messages/${m.id}/attachments/${m.attachments.length}` } };
    }
    const auth = /^Bearer (.+)$/.exec(String(headers.authorization ?? ''));
    if (auth === null) throw new BadRequest('InvalidAuthenticationToken', 'Access token is empty.', 401);
    if (tokens.expired.has(auth[1] as string)) throw new BadRequest('InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.', 401);
    if (!tokens.valid.has(auth[1] as string)) throw new BadRequest('InvalidAuthenticationToken', 'IDX14100: JWT is not well formed.', 401);
    if (path === '/v1.0/$batch') {
      if (method !== 'POST') throw new BadRequest('BadRequest', '$batch takes POST', 405);
      if (!String(headers['content-type'] ?? '').startsWith('application/json')) throw new BadRequest('BadRequest', 'A batch must be sent as application/json.', 415);
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new BadRequest('BadRequest', 'Invalid batch payload format.');
      }
      const requests = batchRequests(parsed);
      counts.batches++;
      const responses = runBatch(requests, (r) => {
        // Graph throttles requests inside a batch one by one.
        const t = faults.throttleInBatch ?? faults.throttle;
        if (Math.random() < t.probability) return throttled(t.retryAfter);
        const u = new URL(r.url, 'http://127.0.0.1');
        return route(r.method, `/v1.0${u.pathname}`, u.searchParams, { ...r.headers, authorization: headers.authorization }, r.body);
      });
      return { status: 200, body: { responses } };
    }
    const m0 = /^\/v1\.0\/(me|users\/([^/]+))(\/.*)$/.exec(path);
    if (m0 === null) throw new BadRequest('BadRequest', `Resource not found for the segment '${path}'.`, 404);
    const mailbox = m0[2] === undefined ? 'me' : decodeURIComponent(m0[2]);
    const rest = m0[3] as string;
    const onDrive = drive.route(method, rest, mailbox, q, headers, raw);
    if (onDrive !== undefined) return onDrive;
    const body = (): unknown => {
      if (raw.length === 0) throw new BadRequest('RequestBodyRead', 'Empty Payload. JSON content expected.');
      if (!String(headers['content-type'] ?? '').startsWith('application/json')) throw new BadRequest('RequestBodyRead', 'Content-Type must be application/json', 415);
      try {
        return JSON.parse(raw.toString('utf8'));
      } catch {
        throw new BadRequest('RequestBodyRead', 'Invalid JSON. A token was not recognized in the JSON content.');
      }
    };
    const mine = (id: string): FakeMessage => {
      const m = messages.get(id);
      if (m === undefined || m.mailbox !== mailbox || (folderNow(m, now) === 'in-transit')) throw new BadRequest('ErrorItemNotFound', 'The specified object was not found in the store.', 404);
      return m;
    };
    if (method === 'POST' && rest === '/messages') {
      if (raw.length > 4 * 1024 * 1024) throw new BadRequest('ErrorRequestEntityTooLarge', 'The request is larger than 4 MB.', 413);
      const fields = message(body());
      const id = `AAMk${String(nextId++).padStart(8, '0')}`;
      const m: FakeMessage = { id, mailbox, fields, attachments: [...fields.attachments], folder: 'drafts', visibleAt: now };
      messages.set(id, m);
      return { status: 201, body: { id, isDraft: true, subject: fields.subject, hasAttachments: m.attachments.length > 0 } };
    }
    if (method === 'POST' && rest === '/sendMail') {
      const { message: fields } = sendMailRequest(body());
      const wait = rateLimited(now);
      if (wait !== undefined) return throttled(wait);
      const id = `AAMk${String(nextId++).padStart(8, '0')}`;
      const m: FakeMessage = { id, mailbox, fields, attachments: [...fields.attachments], folder: 'in-transit', visibleAt: now + faults.sentLagMs };
      messages.set(id, m);
      deliver(m);
      return { status: 202 };
    }
    const folder = /^\/mailFolders\/(\w+)\/messages$/.exec(rest);
    if (method === 'GET' && folder !== null) {
      const name = (folder[1] as string).toLowerCase();
      if (!['drafts', 'outbox', 'sentitems', 'inbox'].includes(name)) throw new BadRequest('ErrorInvalidIdMalformed', 'Id is malformed.');
      const select = parseSelect(q);
      const filter = q.get('$filter');
      const top = Number(q.get('$top') ?? '10');
      for (const k of q.keys()) if (!['$filter', '$select', '$top'].includes(k)) throw new BadRequest('BadRequest', `Query option '${k}' is not supported here.`);
      let wanted: { id: string; value: string } | undefined;
      if (filter !== null) {
        const f = FILTER.exec(filter);
        if (f === null) throw new BadRequest('ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');
        wanted = { id: (f[1] as string).replace(/''/g, "'"), value: (f[2] as string).replace(/''/g, "'") };
      }
      const value = [...messages.values()]
        .filter((m) => m.mailbox === mailbox && folderNow(m, now) === name)
        .filter((m) => wanted === undefined || m.fields.properties.some((p) => p.id.toLowerCase() === wanted.id.toLowerCase() && p.value === wanted.value))
        .slice(0, top)
        .map((m) => project(m, select));
      return { status: 200, body: { '@odata.context': `${url}/$metadata#Collection(message)`, value } };
    }
    const one = /^\/messages\/(\w+)(\/.*)?$/.exec(rest);
    if (one === null) throw new BadRequest('BadRequest', `Resource not found for the segment '${rest}'.`, 404);
    const m = mine(one[1] as string);
    const tail = one[2] ?? '';
    if (method === 'DELETE' && tail === '') {
      messages.delete(m.id);
      return { status: 204 };
    }
    if (method === 'GET' && tail === '/attachments') {
      const select = q.get('$select')?.split(',') ?? [];
      for (const s of select) if (!['name', 'size', 'contentType', 'id'].includes(s)) throw new BadRequest('RequestBroker--ParseUri', `Could not find a property named '${s}' on type 'microsoft.graph.attachment'.`);
      return { status: 200, body: { value: m.attachments.map((a, i) => ({ id: String(i), name: a.name, size: a.bytes.length, contentType: a.contentType })) } };
    }
    if (method === 'POST' && tail === '/attachments') {
      if (m.folder !== 'drafts') throw new BadRequest('ErrorInvalidOperation', 'Only drafts can take attachments.', 400);
      m.attachments.push(fileAttachment(body()));
      return { status: 201, body: { id: String(m.attachments.length) } };
    }
    if (method === 'POST' && tail === '/attachments/createUploadSession') {
      const r = uploadSessionRequest(body());
      const sid = `s${nextId++}`;
      sessions.set(sid, { message: m.id, ...r, received: [], next: 0 });
      return { status: 201, body: { uploadUrl: `${url}/upload/${sid}`, expirationDateTime: new Date(now + 3600_000).toISOString(), nextExpectedRanges: ['0-'] } };
    }
    if (method === 'POST' && tail === '/send') {
      if (raw.length > 0) throw new BadRequest('RequestBodyRead', '/send takes no body');
      if (m.folder !== 'drafts') throw new BadRequest('ErrorItemNotFound', 'The specified object was not found in the store.', 404);
      const wait = rateLimited(now);
      if (wait !== undefined) return throttled(wait);
      const deferred = m.fields.properties.find((p) => p.id === 'SystemTime 0x3FEF');
      const at = deferred === undefined ? 0 : Date.parse(deferred.value);
      if (at > now) {
        m.folder = 'outbox';
        m.visibleAt = at;
      } else {
        m.folder = 'in-transit';
        m.visibleAt = now + faults.sentLagMs;
      }
      deliver(m);
      return { status: 202 };
    }
    throw new BadRequest('BadRequest', `Unsupported request: ${method} ${rest}`, 405);
  }

  function throttled(retryAfter: number): Answer {
    counts.throttled++;
    return { status: 429, headers: { 'retry-after': String(retryAfter) }, body: { error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' } } };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      const cors = faults.cors ? corsHeaders(req.headers.origin) : {};
      if (method === 'OPTIONS') {
        counts.preflights++;
        const p = faults.cors ? preflight(req.headers) : { status: 403, headers: {} };
        res.writeHead(p.status, p.headers);
        return void res.end();
      }
      counts.requests++;
      const send = (a: Answer): void => {
        const text = a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
        res.writeHead(a.status, { ...(text !== '' ? { 'content-type': 'application/json' } : {}), ...cors, ...(a.headers ?? {}) });
        res.end(text);
      };
      if (Math.random() < faults.throttle.probability) return send(throttled(faults.throttle.retryAfter));
      if (Math.random() < faults.unavailable.probability) {
        counts.unavailable++;
        return send({ status: 503, headers: { 'retry-after': String(faults.unavailable.retryAfter) }, body: errorBody('serviceNotAvailable', 'Service Unavailable') });
      }
      const dropBefore = Math.random() < faults.drop.probability / 2;
      if (dropBefore) {
        counts.dropped++;
        return void req.socket.destroy();
      }
      let answer: Answer;
      try {
        answer = route(method, target.pathname, target.searchParams, req.headers, Buffer.concat(chunks));
      } catch (e) {
        if (!(e instanceof BadRequest)) throw e;
        if (e.status === 400) counts.badRequests.push(`${method} ${target.pathname}: ${e.message}`);
        answer = { status: e.status, body: errorBody(e.code, e.message) };
      }
      onEffect?.(`${method} ${target.pathname}`);
      // Dropped after the effect: the client never learns that its request worked.
      if (Math.random() < faults.drop.probability / 2) {
        counts.dropped++;
        return void req.socket.destroy();
      }
      send(answer);
    });
  });
  let onEffect: ((route: string) => void) | undefined;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeGraph = {
    url,
    messages,
    faults,
    tokens,
    counts,
    deliveries,
    drive,
    sendTimes,
    get onEffect() {
      return onEffect;
    },
    set onEffect(f) {
      onEffect = f;
    },
    close: async () => {
      await drive.close();
      await new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      });
    },
  };
  return fake;
}
