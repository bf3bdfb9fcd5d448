/**
 * A strict Microsoft Entra token endpoint on 127.0.0.1 for the client-credentials grant, so the real
 * msal-node can be pointed at it (its authorityMetadata: `metadata()`): POST
 * /{tenant}/oauth2/v2.0/token, form-encoded, the grant's fields only (msal's telemetry fields
 * aside); Entra's error bodies (invalid_client, unauthorized_client, invalid_scope, tenant not found).
 * A token it issues is valid at the fake Graph given.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeGraph } from './fakeGraphServer';

export interface FakeTokenEndpoint {
  readonly url: string;
  /** The sign-in host msal is told (never contacted: the metadata points at this server). */
  readonly authorityHost: string;
  readonly requests: { tenant: string; fields: Record<string, string> }[];
  readonly issued: string[];
  /** The OpenID configuration of the tenant, as msal-node's authorityMetadata takes it. */
  metadata(): string;
  close(): Promise<void>;
}

const ALLOWED = new Set(['grant_type', 'client_id', 'client_secret', 'client_assertion', 'client_assertion_type', 'scope', 'client-request-id', 'claims']);

export async function startFakeTokenEndpoint(graph: FakeGraph, app: { tenant: string; clientId: string; secret: string; expiresIn?: number }): Promise<FakeTokenEndpoint> {
  const requests: FakeTokenEndpoint['requests'] = [];
  const issued: string[] = [];
  const authorityHost = 'https://login.fake-entra.test';
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const fail = (status: number, error: string, aadsts: number, description: string): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error, error_description: `AADSTS${aadsts}: ${description}`, error_codes: [aadsts], timestamp: new Date().toISOString(), trace_id: 'fake', correlation_id: 'fake' }));
      };
      const path = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
      if (req.method !== 'POST' || path === null) return fail(404, 'invalid_request', 900561, `The endpoint only accepts POST requests at /{tenant}/oauth2/v2.0/token; got ${req.method} ${req.url}.`);
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return fail(400, 'invalid_request', 900144, 'The request body must be application/x-www-form-urlencoded.');
      const fields = Object.fromEntries(new URLSearchParams(body));
      requests.push({ tenant: path[1] as string, fields });
      for (const k of Object.keys(fields)) if (!ALLOWED.has(k) && !/^x-(client|ms)-/.test(k)) return fail(400, 'invalid_request', 900144, `The request body contains an unexpected parameter: '${k}'.`);
      if (path[1] !== app.tenant) return fail(400, 'invalid_tenant', 90002, `Tenant '${path[1]}' not found.`);
      if (fields['grant_type'] !== 'client_credentials') return fail(400, 'unsupported_grant_type', 70003, `The grant type '${fields['grant_type'] ?? ''}' is not supported here.`);
      if (fields['client_id'] !== app.clientId) return fail(400, 'unauthorized_client', 700016, `Application with identifier '${fields['client_id'] ?? ''}' was not found in the directory '${app.tenant}'.`);
      if (fields['client_secret'] !== app.secret) return fail(401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.');
      if (fields['scope'] !== 'https://graph.microsoft.com/.default') return fail(400, 'invalid_scope', 1002012, `The provided value for scope '${fields['scope'] ?? ''}' is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`);
      const token = `app-token-${issued.length + 1}`;
      issued.push(token);
      graph.tokens.valid.add(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token_type: 'Bearer', expires_in: app.expiresIn ?? 3599, ext_expires_in: app.expiresIn ?? 3599, access_token: token }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    authorityHost,
    requests,
    issued,
    metadata: () =>
      JSON.stringify({
        token_endpoint: `${url}/${app.tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `${url}/${app.tenant}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${url}/${app.tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${url}/discovery/v2.0/keys`,
        issuer: `${authorityHost}/${app.tenant}/v2.0`,
      }),
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
