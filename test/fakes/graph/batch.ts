/**
 * JSON batching as Graph does it (POST /v1.0/$batch): at most 20 requests, each { id, method, url,
 * headers?, body?, dependsOn? }, checked field by field; relative URLs only, no batch inside a batch;
 * a body needs its Content-Type; dependsOn names earlier requests, and a request whose dependency
 * failed answers 424. Each request gets its own status, headers (Location of a 302, Retry-After of a
 * 429) and body; the batch itself answers 200.
 */
import { errorBody, type Answer } from './answer';
import { BadRequest } from './validate';

export const MAX_BATCH = 20;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface BatchRequest {
  readonly id: string;
  readonly method: string;
  /** Path and query, relative to the version (/me/drive/items/x/content?format=pdf). */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  readonly dependsOn: readonly string[];
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const invalid = (message: string): BadRequest => new BadRequest('BadRequest', message);

/** The batch body, validated: what is wrong is named, with the request's id. */
export function batchRequests(x: unknown): BatchRequest[] {
  if (!isObject(x)) throw invalid('Invalid batch payload format.');
  for (const k of Object.keys(x)) if (k !== 'requests') throw invalid(`The property '${k}' does not exist on a batch request.`);
  const list = x['requests'];
  if (!Array.isArray(list) || list.length === 0) throw invalid('Invalid batch payload format: requests must be a non-empty array.');
  if (list.length > MAX_BATCH) throw invalid(`Number of batch requests cannot exceed ${MAX_BATCH}; this one has ${list.length}.`);
  const seen = new Set<string>();
  return list.map((r: unknown, index) => {
    if (!isObject(r)) throw invalid(`Request ${index} is not an object.`);
    for (const k of Object.keys(r)) if (!['id', 'method', 'url', 'headers', 'body', 'dependsOn'].includes(k)) throw invalid(`The property '${k}' does not exist on a batch request (request ${index}).`);
    const id = r['id'];
    if (typeof id !== 'string' || id === '') throw invalid(`Request ${index}: id is required and must be a string.`);
    if (seen.has(id)) throw invalid(`Request id '${id}' is used more than once.`);
    const method = r['method'];
    if (typeof method !== 'string' || !METHODS.includes(method.toUpperCase())) throw invalid(`Request '${id}': method '${String(method)}' is not valid.`);
    const url = r['url'];
    if (typeof url !== 'string' || url === '') throw invalid(`Request '${id}': url is required.`);
    if (/^[a-z]+:/i.test(url) || url.startsWith('//')) throw invalid(`Request '${id}': the url must be relative to the version, not '${url}'.`);
    const relative = url.startsWith('/') ? url : `/${url}`;
    if (/^\/(v1\.0|beta)\//.test(relative)) throw invalid(`Request '${id}': the url must not repeat the version.`);
    if (/^\/\$batch\b/.test(relative)) throw invalid(`Request '${id}': a batch cannot contain a batch.`);
    const h = r['headers'] ?? {};
    if (!isObject(h) || Object.values(h).some((v) => typeof v !== 'string')) throw invalid(`Request '${id}': headers must be an object of strings.`);
    const headers = Object.fromEntries(Object.entries(h as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    if (headers['authorization'] !== undefined) throw invalid(`Request '${id}': the batch's own Authorization applies; requests carry none.`);
    let body = Buffer.alloc(0);
    if (r['body'] !== undefined) {
      const type = headers['content-type'];
      if (type === undefined) throw invalid(`Request '${id}': a body needs a Content-Type header.`);
      if (type.startsWith('application/json')) {
        if (!isObject(r['body']) && !Array.isArray(r['body'])) throw invalid(`Request '${id}': a JSON body must be an object.`);
        body = Buffer.from(JSON.stringify(r['body']));
      } else {
        const b64 = r['body'];
        if (typeof b64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw invalid(`Request '${id}': a ${type} body must be base64.`);
        body = Buffer.from(b64, 'base64');
      }
    }
    const d = r['dependsOn'] ?? [];
    if (!Array.isArray(d) || d.some((x) => typeof x !== 'string')) throw invalid(`Request '${id}': dependsOn must be an array of ids.`);
    for (const dep of d as string[]) if (!seen.has(dep)) throw invalid(`Request '${id}' depends on '${dep}', which is not an earlier request of the batch.`);
    seen.add(id);
    return { id, method: method.toUpperCase(), url: relative, headers, body, dependsOn: d as string[] };
  });
}

export interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/** Header names as Graph spells them in a batch response. */
const SPELLING: Record<string, string> = { location: 'Location', 'retry-after': 'Retry-After', 'content-type': 'Content-Type' };

/** Runs the requests in order through `run` (the fake's own routes); a failed dependency answers 424. */
export function runBatch(requests: readonly BatchRequest[], run: (r: BatchRequest) => Answer): BatchResponse[] {
  const status = new Map<string, number>();
  return requests.map((r) => {
    let a: Answer;
    if (r.dependsOn.some((d) => (status.get(d) ?? 0) >= 400)) {
      a = { status: 424, body: errorBody('FailedDependency', `A request that '${r.id}' depends on failed.`) };
    } else {
      try {
        a = run(r);
      } catch (e) {
        if (!(e instanceof BadRequest)) throw e;
        a = { status: e.status, body: errorBody(e.code, e.message) };
      }
    }
    status.set(r.id, a.status);
    const headers = Object.fromEntries(Object.entries(a.headers ?? {}).map(([k, v]) => [SPELLING[k] ?? k, v]));
    if (a.body !== undefined) headers['Content-Type'] = 'application/json';
    return { id: r.id, status: a.status, headers, ...(a.body === undefined ? {} : { body: a.body }) };
  });
}
