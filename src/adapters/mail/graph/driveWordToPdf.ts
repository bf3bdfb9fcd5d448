/**
 * The firm's Word statement as PDF in the add-in, through Microsoft Graph (browser-safe: fetch only):
 * upload the filled .docx to the user's OneDrive app folder, get its ?format=pdf, delete the upload.
 *
 * Why a $batch for ?format=pdf, even for one file: Graph answers it with 302 to a pre-authenticated
 * URL on another host. A page cannot read a 302's Location (redirect: 'manual' gives an opaque
 * answer), and letting the browser follow it carries the request, and in older webviews the
 * Authorization header, to a host that takes no preflight: the CORS failures reported with this
 * route. Inside a batch the 302 is plain JSON, Location included; the PDF is then fetched with no
 * header at all, a simple request the download host answers to any origin. The batch also turns the
 * conversions of up to 20 files into one round trip, and their deletes into another.
 */
import type { Localised } from '../../../core';
import type { TokenProvider } from '../../auth/tokenProvider';
import { retryAfterMs } from './retryAfter';

export const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Graph's limit of requests in one JSON batch. */
export const BATCH_LIMIT = 20;

export interface WordFile {
  /** The file's name as the user knows it (used in messages; the upload gets a unique name). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What the task pane injects: a .docx in, its PDF out. */
export type WordToPdf = (docx: Uint8Array, fileName: string) => Promise<Uint8Array>;

export interface DriveWordToPdfOptions {
  readonly tokens: TokenProvider;
  /** Graph's root with its version (default https://graph.microsoft.com/v1.0). */
  readonly graphUrl?: string;
  /** Attempts of one request through 429/503/504 (default 6). */
  readonly maxAttempts?: number;
  /** Longest wait honoured between attempts (default 60 s). */
  readonly maxWaitMs?: number;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A conversion that failed, with why in English and French (status and Graph's code when Graph answered; signIn: Graph refused the token). */
export class DriveConversionError extends Error {
  constructor(readonly localised: Localised, readonly status?: number, readonly code?: string, readonly signIn = false) {
    super(localised.en);
    this.name = 'DriveConversionError';
  }
}

export type DriveConversion = { readonly name: string; readonly pdf: Uint8Array } | { readonly name: string; readonly error: DriveConversionError };

export interface DriveConversions {
  /** One per file, in the order given. */
  readonly results: DriveConversion[];
  /** Uploads that could not be deleted afterwards (their names in the app folder, and why). */
  readonly leftInDrive: { readonly name: string; readonly reason: string }[];
  /** HTTP round trips made (uploads, batches, downloads). */
  readonly roundTrips: number;
}

interface GraphAnswer {
  readonly status: number;
  readonly headers: (name: string) => string | null;
  readonly json: unknown;
}

interface BatchAnswer {
  readonly id: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

const isRetryable = (status: number): boolean => status === 429 || status === 503 || status === 504;

function graphErrorOf(json: unknown): { code: string; message: string } {
  const e = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return { code: typeof e?.code === 'string' ? e.code : 'unknown', message: typeof e?.message === 'string' ? e.message : '' };
}

function randomSuffix(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A name OneDrive accepts, unique to this upload (two panes converting "Alpha.docx" never meet). */
export function uploadName(name: string): string {
  const cleaned = Array.from(name.replace(/\.docx$/i, ''), (c) => (c.charCodeAt(0) < 32 || '"*:<>?/\\|#%'.includes(c) ? '_' : c)).join('');
  const stem = cleaned.trim().slice(0, 80) || 'statement';
  return `${stem}-${randomSuffix()}.docx`;
}

const signInRefused = (status: number, code: string): DriveConversionError =>
  new DriveConversionError(
    {
      en: `Microsoft 365 refused the sign-in (${status} ${code}): the token has expired or lacks Files.ReadWrite. Sign in again.`,
      fr: `Microsoft 365 a refusé la connexion (${status} ${code}) : le jeton a expiré ou n'a pas Files.ReadWrite. Reconnectez-vous.`,
    },
    status,
    code,
    true,
  );

/** Converts the files through the user's OneDrive; each result is a PDF or the reason it is not. The uploads are deleted whatever happened. */
export async function driveWordsToPdf(files: readonly WordFile[], options: DriveWordToPdfOptions): Promise<DriveConversions> {
  const graph = (options.graphUrl ?? GRAPH_V1).replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxAttempts = options.maxAttempts ?? 6;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  let roundTrips = 0;

  /** One Graph request with the token; 429/503/504 waited out (Retry-After), one fresh token after a 401. */
  const call = async (method: string, url: string, body?: { bytes: Uint8Array; type: string } | { json: unknown }): Promise<GraphAnswer> => {
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const token = await options.tokens.token();
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      let payload: BodyInit | undefined;
      if (body !== undefined && 'bytes' in body) {
        headers['content-type'] = body.type;
        payload = new Blob([body.bytes as Uint8Array<ArrayBuffer>], { type: body.type });
      } else if (body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body.json);
      }
      roundTrips++;
      const res = await doFetch(url, { method, headers, ...(payload === undefined ? {} : { body: payload }), credentials: 'omit', cache: 'no-store' });
      const text = await res.text();
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      if (isRetryable(res.status) && attempt + 1 < maxAttempts) {
        await sleep(Math.min(maxWaitMs, retryAfterMs(res.headers.get('retry-after'), attempt)));
        continue;
      }
      if (res.status === 401 && !refreshed && options.tokens.refresh !== undefined) {
        refreshed = true;
        await options.tokens.refresh();
        continue;
      }
      if (res.status === 401 || res.status === 403) throw signInRefused(res.status, graphErrorOf(json).code);
      return { status: res.status, headers: (n) => res.headers.get(n), json };
    }
  };

  /** A $batch of requests; those answered 429/503/504 are sent again in the next batch, after the longest Retry-After. */
  const batch = async (requests: { id: string; method: string; url: string }[]): Promise<Map<string, BatchAnswer>> => {
    const done = new Map<string, BatchAnswer>();
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const answer = await call('POST', `${graph}/$batch`, { json: { requests: pending } });
      if (answer.status !== 200) {
        const e = graphErrorOf(answer.json);
        for (const r of pending) done.set(r.id, { id: r.id, status: answer.status, body: { error: e } });
        return done;
      }
      const responses = (answer.json as { responses?: BatchAnswer[] } | undefined)?.responses ?? [];
      let wait = 0;
      const again: typeof pending = [];
      for (const r of pending) {
        const response = responses.find((x) => x.id === r.id);
        if (response !== undefined && isRetryable(response.status) && attempt + 1 < maxAttempts) {
          wait = Math.max(wait, retryAfterMs(headerOf(response, 'retry-after'), attempt));
          again.push(r);
        } else {
          done.set(r.id, response ?? { id: r.id, status: 0, body: { error: { code: 'noResponse', message: 'the batch did not answer this request' } } });
        }
      }
      pending = again;
      if (pending.length > 0) await sleep(Math.min(maxWaitMs, wait));
    }
    return done;
  };

  const results: (DriveConversion | undefined)[] = files.map(() => undefined);
  let refused: DriveConversionError | undefined;
  const leftInDrive: { name: string; reason: string }[] = [];
  const fail = (i: number, error: DriveConversionError): void => {
    results[i] = { name: (files[i] as WordFile).name, error };
  };
  const failed = (i: number, e: unknown, what: (why: string) => Localised): void => {
    if (e instanceof DriveConversionError && e.signIn) return fail(i, e);
    const why = e instanceof DriveConversionError ? e.message : e instanceof Error ? e.message : String(e);
    fail(i, new DriveConversionError(what(why), e instanceof DriveConversionError ? e.status : undefined, e instanceof DriveConversionError ? e.code : undefined));
  };

  for (let start = 0; start < files.length; start += BATCH_LIMIT) {
    const group = files.slice(start, start + BATCH_LIMIT).map((file, k) => ({ file, index: start + k, name: uploadName(file.name), id: undefined as string | undefined }));
    try {
      // 1. Uploads, one PUT each (a batch carries JSON, not a file's bytes).
      for (const u of group) {
        if (refused !== undefined) {
          fail(u.index, refused);
          continue;
        }
        try {
          const url = `${graph}/me/drive/special/approot:/${encodeURIComponent(u.name)}:/content?@microsoft.graph.conflictBehavior=rename`;
          const a = await call('PUT', url, { bytes: u.file.bytes, type: DOCX_MIME });
          const id = (a.json as { id?: unknown } | undefined)?.id;
          if ((a.status !== 200 && a.status !== 201) || typeof id !== 'string') throw answerError(a.status, a.json);
          u.id = id;
        } catch (e) {
          // A refused sign-in is the answer for every file: ask no more.
          if (e instanceof DriveConversionError && e.signIn) refused = e;
          failed(u.index, e, (why) => ({
            en: `${u.file.name} could not be uploaded to your OneDrive app folder to make its PDF: ${why}`,
            fr: `${u.file.name} n'a pas pu être déposé dans le dossier d'application de votre OneDrive pour en faire le PDF : ${why}`,
          }));
        }
      }
      const uploaded = group.filter((u) => u.id !== undefined);
      if (uploaded.length === 0) continue;
      // 2. Where each PDF can be fetched: one batch, the 302s' Location read from JSON.
      const located = await batch(uploaded.map((u) => ({ id: String(u.index), method: 'GET', url: `/me/drive/items/${encodeURIComponent(u.id as string)}/content?format=pdf` })));
      // 3. The PDFs: simple GETs, no header, no credentials.
      for (const u of uploaded) {
        try {
          const r = located.get(String(u.index));
          const location = r === undefined ? null : headerOf(r, 'location');
          if (r === undefined || r.status !== 302 || location === null) {
            if (r !== undefined && (r.status === 401 || r.status === 403)) throw signInRefused(r.status, graphErrorOf(r.body).code);
            throw answerError(r?.status ?? 0, r?.body);
          }
          results[u.index] = { name: u.file.name, pdf: await download(location) };
        } catch (e) {
          failed(u.index, e, (why) => ({
            en: `OneDrive did not give the PDF of ${u.file.name}: ${why}`,
            fr: `OneDrive n'a pas donné le PDF de ${u.file.name} : ${why}`,
          }));
        }
      }
    } finally {
      // 4. The uploads go, whatever happened above (one batch for the group).
      const uploaded = group.filter((u) => u.id !== undefined);
      if (uploaded.length > 0) {
        try {
          const deleted = await batch(uploaded.map((u) => ({ id: String(u.index), method: 'DELETE', url: `/me/drive/items/${encodeURIComponent(u.id as string)}` })));
          for (const u of uploaded) {
            const r = deleted.get(String(u.index));
            // 404: already gone, which is what was wanted.
            if (r === undefined || (r.status !== 204 && r.status !== 404)) leftInDrive.push({ name: u.name, reason: `${r?.status ?? 0} ${graphErrorOf(r?.body).code}` });
          }
        } catch (e) {
          for (const u of uploaded) leftInDrive.push({ name: u.name, reason: e instanceof Error ? e.message : String(e) });
        }
      }
    }
  }

  async function download(location: string): Promise<Uint8Array> {
    for (let attempt = 0; ; attempt++) {
      roundTrips++;
      let res: Response;
      try {
        res = await doFetch(location, { method: 'GET', credentials: 'omit', cache: 'no-store', redirect: 'follow' });
      } catch (e) {
        // A browser says only "Failed to fetch" for a CORS refusal or a lost connection.
        throw new DriveConversionError({ en: `the download was refused or cut off (${e instanceof Error ? e.message : String(e)})`, fr: `le téléchargement a été refusé ou interrompu (${e instanceof Error ? e.message : String(e)})` });
      }
      if (isRetryable(res.status) && attempt + 1 < maxAttempts) {
        await res.arrayBuffer().catch(() => undefined);
        await sleep(Math.min(maxWaitMs, retryAfterMs(res.headers.get('retry-after'), attempt)));
        continue;
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (res.status !== 200) {
        let json: unknown;
        try {
          json = JSON.parse(new TextDecoder().decode(bytes));
        } catch {
          json = undefined;
        }
        throw answerError(res.status, json);
      }
      if (!startsWithPdf(bytes)) throw new DriveConversionError({ en: 'the answer is not a PDF', fr: "la réponse n'est pas un PDF" });
      return bytes;
    }
  }

  return { results: results.map((r, i) => r ?? { name: (files[i] as WordFile).name, error: new DriveConversionError({ en: 'not converted', fr: 'non converti' }) }), leftInDrive, roundTrips };
}

function headerOf(r: BatchAnswer, name: string): string | null {
  for (const [k, v] of Object.entries(r.headers ?? {})) if (k.toLowerCase() === name) return v;
  return null;
}

function answerError(status: number, json: unknown): DriveConversionError {
  const e = graphErrorOf(json);
  const text = `${status} ${e.code}${e.message === '' ? '' : `: ${e.message}`}`;
  return new DriveConversionError({ en: text, fr: text }, status, e.code);
}

function startsWithPdf(bytes: Uint8Array): boolean {
  return bytes.length > 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** One file: its PDF, or a DriveConversionError (the upload is deleted either way). */
export async function driveWordToPdf(file: WordFile, options: DriveWordToPdfOptions): Promise<Uint8Array> {
  const { results } = await driveWordsToPdf([file], options);
  const r = results[0] as DriveConversion;
  if ('error' in r) throw r.error;
  return r.pdf;
}

/** The converter the task pane takes as a dependency. */
export function driveWordToPdfConverter(options: DriveWordToPdfOptions): WordToPdf {
  return (docx, fileName) => driveWordToPdf({ name: fileName, bytes: docx }, options);
}
