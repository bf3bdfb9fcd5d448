import type * as http from 'node:http';

/** What one fake Graph route answers (also one response inside a $batch). */
export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** Graph's error body: { error: { code, message, innerError } }. */
export function errorBody(code: string, message: string): { error: { code: string; message: string; innerError: Record<string, string> } } {
  return { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': 'fake', 'client-request-id': 'fake' } } };
}

/** What Graph allows and exposes to a browser page on another origin (it echoes the page's origin). */
const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'prefer', 'content-range', 'client-request-id', 'if-match', 'if-none-match'];
const CORS_EXPOSED_HEADERS = 'Location, Retry-After, request-id, client-request-id, Content-Range, ETag, Preference-Applied, WWW-Authenticate';
const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/** The CORS headers of an answer to a page at `origin` (none without an Origin header: not a browser). */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (origin === undefined) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': CORS_EXPOSED_HEADERS, vary: 'Origin' };
}

/** A preflight: allowed when the method and every requested header are among Graph's; refused otherwise (no CORS headers, the browser blocks). */
export function preflight(headers: http.IncomingHttpHeaders): { status: number; headers: Record<string, string> } {
  const origin = headers.origin;
  const method = String(headers['access-control-request-method'] ?? '');
  const asked = String(headers['access-control-request-headers'] ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
  if (origin === undefined || !CORS_METHODS.split(', ').includes(method) || asked.some((h) => !CORS_ALLOWED_HEADERS.includes(h))) return { status: 403, headers: {} };
  return {
    status: 200,
    headers: { 'access-control-allow-origin': origin, 'access-control-allow-methods': CORS_METHODS, 'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '), 'access-control-max-age': '3600', vary: 'Origin' },
  };
}
