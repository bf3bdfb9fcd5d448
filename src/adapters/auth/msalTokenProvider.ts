import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { SignInError, type TokenProvider } from './tokenProvider';

export const MAIL_SCOPES = ['https://graph.microsoft.com/Mail.Send', 'https://graph.microsoft.com/Mail.ReadWrite'];
export const MAIL_SCOPES_SHARED = [...MAIL_SCOPES, 'https://graph.microsoft.com/Mail.Send.Shared'];

/** The token cache as a file only its owner can read (mode 0600), written whole then renamed. */
function fileCachePlugin(file: string): ICachePlugin {
  return {
    async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
      if (fs.existsSync(file)) context.tokenCache.deserialize(fs.readFileSync(file, 'utf8'));
    },
    async afterCacheAccess(context: TokenCacheContext): Promise<void> {
      if (!context.cacheHasChanged) return;
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, context.tokenCache.serialize(), { mode: 0o600 });
      fs.renameSync(temp, file);
      fs.chmodSync(file, 0o600);
    },
  };
}

/** Where msal-node signs in: a national cloud's host, or an authority whose OpenID configuration is given (no discovery: tests, closed networks). */
export interface AuthorityOptions {
  /** Default https://login.microsoftonline.com (national clouds: https://login.microsoftonline.us, https://login.chinacloudapi.cn). */
  readonly authorityHost?: string;
  /** The authority's OpenID configuration (JSON), used instead of asking the host for it. */
  readonly authorityMetadata?: string;
}

function authority(o: AuthorityOptions & { readonly tenant: string }): { authority: string; knownAuthorities?: string[]; authorityMetadata?: string } {
  const host = (o.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  if (o.authorityMetadata === undefined) return { authority: `${host}/${o.tenant}` };
  return { authority: `${host}/${o.tenant}`, knownAuthorities: [new URL(host).host], authorityMetadata: o.authorityMetadata };
}

/** msal's refusal (invalid_client, unauthorized_client, a tenant not found…) as a sign-in that cannot happen: exit 2, with what to check. */
function refused(e: unknown, check: { en: string; fr: string }): SignInError {
  const code = typeof e === 'object' && e !== null && typeof (e as { errorCode?: unknown }).errorCode === 'string' ? (e as { errorCode: string }).errorCode : 'error';
  const text = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  // Entra's own sentence (AADSTS…), without msal's timestamp and correlation ids around it.
  const first = /Description: (.*?)(?: - Correlation ID|$)/.exec(text)?.[1] ?? text;
  return new SignInError(`Microsoft 365 refused the sign-in (${code}: ${first}). ${check.en}`, `Microsoft 365 a refusé la connexion (${code} : ${first}). ${check.fr}`);
}

export interface DeviceCodeOptions extends AuthorityOptions {
  readonly clientId: string;
  readonly tenant: string;
  readonly cacheFile: string;
  readonly scopes: readonly string[];
  /** False under cron: a sign-in that needs a person is then an error (exit 2), not a prompt nobody sees. */
  readonly interactive: boolean;
  /** Where the "go to https://microsoft.com/devicelogin and enter CODE" message is shown. */
  readonly tell: (message: string) => void;
}

/** A person's sign-in: the cached account silently, else the device-code flow (once; the cache keeps the refresh token). */
export async function deviceCodeTokenProvider(o: DeviceCodeOptions): Promise<TokenProvider> {
  const { PublicClientApplication } = await import('@azure/msal-node');
  const app = new PublicClientApplication({
    auth: { clientId: o.clientId, ...authority(o) },
    cache: { cachePlugin: fileCachePlugin(o.cacheFile) },
  });
  let cached: { token: string; expires: number } | undefined;
  const acquire = async (): Promise<string> => {
    const [account] = await app.getTokenCache().getAllAccounts();
    if (account !== undefined) {
      try {
        const silent = await app.acquireTokenSilent({ account, scopes: [...o.scopes] });
        if (silent !== null) return remember(silent.accessToken, silent.expiresOn);
      } catch {
        // The refresh token has expired or been revoked: a person must sign in again.
      }
    }
    if (!o.interactive) {
      throw new SignInError(
        `Microsoft 365 sign-in needed and no one to do it (no terminal). Run "statements send --graph" once in a terminal to sign in (the token cache is ${o.cacheFile}), or use client credentials (--tenant, --client-id, STATEMENTS_GRAPH_CLIENT_SECRET).`,
        `Connexion Microsoft 365 nécessaire et personne pour la faire (pas de terminal). Lancez une fois « statements send --graph » dans un terminal pour vous connecter (cache des jetons : ${o.cacheFile}), ou utilisez les identifiants d'application (--tenant, --client-id, STATEMENTS_GRAPH_CLIENT_SECRET).`,
      );
    }
    const r = await app.acquireTokenByDeviceCode({ scopes: [...o.scopes], deviceCodeCallback: (response) => o.tell(`${response.message}\n`) });
    if (r === null) throw new SignInError('Microsoft 365 sign-in did not complete', "La connexion Microsoft 365 n'a pas abouti");
    return remember(r.accessToken, r.expiresOn);
  };
  const remember = (token: string, expiresOn: Date | null): string => {
    cached = { token, expires: (expiresOn?.getTime() ?? Date.now() + 3_000_000) - 120_000 };
    return token;
  };
  return {
    token: async () => (cached !== undefined && cached.expires > Date.now() ? cached.token : acquire()),
    refresh: async () => {
      cached = undefined;
    },
  };
}

export interface ClientCredentialsOptions extends AuthorityOptions {
  readonly clientId: string;
  readonly tenant: string;
  /** A client secret, or a certificate (PEM private key and its SHA-256 thumbprint). */
  readonly secret?: string;
  readonly certificate?: { readonly privateKey: string; readonly thumbprintSha256: string };
}

/** Unattended sending from a named mailbox: the app's own credentials (application permission Mail.Send). */
export async function clientCredentialsTokenProvider(o: ClientCredentialsOptions): Promise<TokenProvider> {
  const { ConfidentialClientApplication } = await import('@azure/msal-node');
  if (o.secret === undefined && o.certificate === undefined) {
    throw new SignInError('client credentials need STATEMENTS_GRAPH_CLIENT_SECRET, or STATEMENTS_GRAPH_CERT_KEY and STATEMENTS_GRAPH_CERT_THUMBPRINT', "les identifiants d'application demandent STATEMENTS_GRAPH_CLIENT_SECRET, ou STATEMENTS_GRAPH_CERT_KEY et STATEMENTS_GRAPH_CERT_THUMBPRINT");
  }
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: o.clientId,
      ...authority(o),
      ...(o.secret !== undefined ? { clientSecret: o.secret } : {}),
      ...(o.certificate !== undefined ? { clientCertificate: { privateKey: o.certificate.privateKey, thumbprintSha256: o.certificate.thumbprintSha256 } } : {}),
    },
  });
  let cached: { token: string; expires: number } | undefined;
  return {
    async token(): Promise<string> {
      if (cached !== undefined && cached.expires > Date.now()) return cached.token;
      let r: Awaited<ReturnType<typeof app.acquireTokenByClientCredential>>;
      try {
        r = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
      } catch (e) {
        throw refused(e, {
          en: 'Check --tenant, --client-id and STATEMENTS_GRAPH_CLIENT_SECRET (or the certificate), and that the app has the Mail.Send application permission with admin consent.',
          fr: "Vérifiez --tenant, --client-id et STATEMENTS_GRAPH_CLIENT_SECRET (ou le certificat), et que l'application a la permission d'application Mail.Send avec le consentement de l'administrateur.",
        });
      }
      if (r === null) throw new SignInError('client credentials: no token', "identifiants d'application : pas de jeton");
      cached = { token: r.accessToken, expires: (r.expiresOn?.getTime() ?? Date.now() + 3_000_000) - 120_000 };
      return cached.token;
    },
    refresh: async () => {
      cached = undefined;
    },
  };
}
