import type { TokenProvider } from '../../auth/tokenProvider';
import { TransportError } from '../outgoingMessage';
import { retryAfterMs } from './retryAfter';

/** A Graph error answer: status, Graph's code (ErrorItemNotFound, ErrorSendAsDenied...) and message. */
export class GraphError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(`${status} ${code}: ${message}`);
  }
}

/** A request that may or may not have taken effect (the connection dropped, no answer): the caller looks before repeating. */
export class GraphInDoubtError extends Error {}

export interface GraphStats {
  requests: number;
  throttled: number;
  unavailable: number;
  dropped: number;
}

export interface GraphHttpOptions {
  readonly baseUrl: string;
  readonly tokens: TokenProvider;
  /** Attempts of one request through 429/503/504 and dropped connections. */
  readonly maxAttempts?: number;
  /** Told when the server says wait, so the sending pace waits too. */
  readonly onRetryAfter?: (untilMs: number) => void;
  readonly timeoutMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Plain fetch against Graph: the token, Retry-After on 429/503/504, a clear message on 401. */
export class GraphHttp {
  readonly stats: GraphStats = { requests: 0, throttled: 0, unavailable: 0, dropped: 0 };
  constructor(private readonly o: GraphHttpOptions) {}

  url(pathOrUrl: string): string {
    return /^https?:/.test(pathOrUrl) ? pathOrUrl : `${this.o.baseUrl.replace(/\/+$/, '')}${pathOrUrl}`;
  }

  async request<T>(method: string, pathOrUrl: string, body?: unknown, headers: Record<string, string> = {}, raw?: Buffer): Promise<{ status: number; json: T | undefined }> {
    const maxAttempts = this.o.maxAttempts ?? 12;
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      this.stats.requests++;
      const token = await this.o.tokens.token();
      let res: Response;
      try {
        res = await fetch(this.url(pathOrUrl), {
          method,
          headers: {
            ...(raw === undefined ? { authorization: `Bearer ${token}` } : {}),
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
          ...(raw !== undefined ? { body: new Uint8Array(raw) } : body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(this.o.timeoutMs ?? 60_000),
        });
      } catch (e) {
        this.stats.dropped++;
        // A POST whose answer was lost may have created or sent something: only the caller can tell, by looking.
        if (method === 'POST') throw new GraphInDoubtError(`${method} ${pathOrUrl}: ${e instanceof Error ? e.message : String(e)}`);
        if (attempt + 1 >= maxAttempts) throw this.unreachable(e);
        await sleep(Math.min(5000, 200 * 2 ** attempt));
        continue;
      }
      if (res.status === 429 || res.status === 503 || res.status === 504) {
        if (res.status === 429) this.stats.throttled++;
        else this.stats.unavailable++;
        const wait = retryAfterMs(res.headers.get('retry-after'), attempt);
        await res.arrayBuffer().catch(() => undefined);
        if (attempt + 1 >= maxAttempts) throw new GraphError(res.status, 'TooManyRetries', `still ${res.status} after ${maxAttempts} attempts`);
        this.o.onRetryAfter?.(Date.now() + wait);
        await sleep(wait);
        continue;
      }
      if (res.status === 401) {
        const error = await this.errorOf(res);
        // One fresh token is worth a try (a cached one may have just expired); a second 401 is the answer.
        if (!refreshed && this.o.tokens.refresh !== undefined) {
          refreshed = true;
          await this.o.tokens.refresh();
          continue;
        }
        throw new TransportError({
          en: `Microsoft Graph refused the sign-in (401 ${error.code}): the token has expired or is not valid. Sign in again (statements send --graph without STATEMENTS_GRAPH_TOKEN), or set a fresh STATEMENTS_GRAPH_TOKEN. Nothing more was sent.`,
          fr: `Microsoft Graph a refusé la connexion (401 ${error.code}) : le jeton a expiré ou n'est pas valide. Reconnectez-vous (statements send --graph sans STATEMENTS_GRAPH_TOKEN) ou donnez un nouveau STATEMENTS_GRAPH_TOKEN. Rien de plus n'a été envoyé.`,
        });
      }
      if (res.status >= 400) {
        const error = await this.errorOf(res);
        throw new GraphError(res.status, error.code, error.message);
      }
      const text = await res.text();
      return { status: res.status, json: text === '' ? undefined : (JSON.parse(text) as T) };
    }
  }

  private async errorOf(res: Response): Promise<{ code: string; message: string }> {
    const text = await res.text().catch(() => '');
    try {
      const e = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
      return { code: e?.code ?? String(res.status), message: e?.message ?? text };
    } catch {
      return { code: String(res.status), message: text.slice(0, 200) };
    }
  }

  private unreachable(e: unknown): TransportError {
    const why = e instanceof Error ? `${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}` : String(e);
    return new TransportError({ en: `Microsoft Graph cannot be reached at ${this.o.baseUrl}: ${why}`, fr: `Microsoft Graph est injoignable à ${this.o.baseUrl} : ${why}` });
  }
}
