import * as os from 'node:os';
import * as path from 'node:path';
import type { Command } from 'commander';
import { emlTransport } from '../adapters/mail/emlTransport';
import { smtpTransport } from '../adapters/mail/smtpTransport';
import { graphTransport } from '../adapters/mail/graph/graphTransport';
import type { MailTransport } from '../adapters/mail/outgoingMessage';
import { staticTokenProvider, type TokenProvider } from '../adapters/auth/tokenProvider';
import type { Io } from './io';
import { UsageError } from './options';

/** The transport options `send` and `schedule run` share: exactly one of --outbox, --graph, --smtp. */
export interface TransportFlags {
  outbox?: string;
  graph?: boolean;
  smtp?: string;
  mailbox?: string;
  graphUrl: string;
  tenant?: string;
  clientId?: string;
  tokenCache?: string;
  perMinute: string;
  sentItemsWait: string;
  drafts?: boolean;
}

export function addTransportOptions(cmd: Command): Command {
  return cmd
    .option('--outbox <dir>', 'write one RFC 5322 .eml per customer into DIR, for any mail client')
    .option('--graph', 'send through Microsoft 365 (Microsoft Graph): token from STATEMENTS_GRAPH_TOKEN, else sign-in')
    .option('--smtp <url>', 'send through an SMTP server: smtp://user:password@host:587 or smtps://…:465')
    .option('--mailbox <address>', 'Graph: send from this mailbox (a shared mailbox needs Send As rights)')
    .option('--graph-url <url>', 'Graph endpoint', 'https://graph.microsoft.com/v1.0')
    .option('--tenant <id>', 'Graph sign-in: the Entra ID tenant (default: organizations)')
    .option('--client-id <id>', 'Graph sign-in: the app registration; with STATEMENTS_GRAPH_CLIENT_SECRET (or a certificate) it signs in as the app, unattended')
    .option('--token-cache <file>', 'Graph device-code sign-in: token cache file (mode 0600)')
    .option('--per-minute <n>', 'Graph: messages a minute per mailbox (Exchange Online allows 30)', '30')
    .option('--sent-items-wait <seconds>', 'Graph: how long a message handed over before a crash may take to show in Sent Items', '120')
    .option('--drafts', 'Graph: put the messages in Drafts instead of sending them (the log says "drafted")');
}

function positive(flag: string, text: string, allowZero = false): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) throw new UsageError(`${flag} ${text}: expected a positive number`, `${flag} ${text} : nombre positif attendu`);
  return n;
}

/** Checks the flags before anything is read: a usage mistake is exit code 2, before any work. */
export function checkTransportFlags(f: TransportFlags): 'eml' | 'graph' | 'smtp' {
  const chosen = [f.outbox !== undefined ? 'eml' : '', f.graph === true ? 'graph' : '', f.smtp !== undefined ? 'smtp' : ''].filter((x) => x !== '');
  if (chosen.length !== 1) throw new UsageError('choose one transport: --outbox DIR, --graph or --smtp URL', 'choisissez un moyen d\'envoi : --outbox DOSSIER, --graph ou --smtp URL');
  const kind = chosen[0] as 'eml' | 'graph' | 'smtp';
  if (kind !== 'graph' && f.drafts === true) throw new UsageError('--drafts needs --graph', '--drafts demande --graph');
  if (kind !== 'graph' && f.mailbox !== undefined) throw new UsageError('--mailbox needs --graph', '--mailbox demande --graph');
  positive('--per-minute', f.perMinute);
  positive('--sent-items-wait', f.sentItemsWait, true);
  return kind;
}

/** STATEMENTS_GRAPH_TOKEN, else client credentials (--client-id + secret/certificate), else device code with a cache. */
async function graphTokens(f: TransportFlags, io: Io, env: NodeJS.ProcessEnv): Promise<TokenProvider> {
  const token = env['STATEMENTS_GRAPH_TOKEN'];
  if (token !== undefined && token !== '') return staticTokenProvider(token);
  const { clientCredentialsTokenProvider, deviceCodeTokenProvider, MAIL_SCOPES, MAIL_SCOPES_SHARED } = await import('../adapters/auth/msalTokenProvider');
  const clientId = f.clientId ?? env['STATEMENTS_GRAPH_CLIENT_ID'];
  if (clientId === undefined) {
    throw new UsageError('--graph: set STATEMENTS_GRAPH_TOKEN, or give --client-id (the firm\'s app registration) to sign in', '--graph : donnez STATEMENTS_GRAPH_TOKEN, ou --client-id (l\'application enregistrée du cabinet) pour vous connecter');
  }
  // A national cloud's sign-in host; its OpenID configuration given as JSON skips discovery (tests point msal-node at a local token endpoint so).
  const where = {
    ...(env['STATEMENTS_GRAPH_AUTHORITY'] !== undefined ? { authorityHost: env['STATEMENTS_GRAPH_AUTHORITY'] } : {}),
    ...(env['STATEMENTS_GRAPH_AUTHORITY_METADATA'] !== undefined ? { authorityMetadata: env['STATEMENTS_GRAPH_AUTHORITY_METADATA'] } : {}),
  };
  const secret = env['STATEMENTS_GRAPH_CLIENT_SECRET'];
  const certKey = env['STATEMENTS_GRAPH_CERT_KEY'];
  const thumbprint = env['STATEMENTS_GRAPH_CERT_THUMBPRINT'];
  if (secret !== undefined || certKey !== undefined) {
    if (f.tenant === undefined) throw new UsageError('client credentials need --tenant', "les identifiants d'application demandent --tenant");
    if (f.mailbox === undefined) throw new UsageError('client credentials send from a named mailbox: give --mailbox', "les identifiants d'application envoient depuis une boîte nommée : donnez --mailbox");
    return clientCredentialsTokenProvider({ ...where, clientId, tenant: f.tenant, ...(secret !== undefined ? { secret } : {}), ...(certKey !== undefined && thumbprint !== undefined ? { certificate: { privateKey: certKey, thumbprintSha256: thumbprint } } : {}) });
  }
  return deviceCodeTokenProvider({
    ...where,
    clientId,
    tenant: f.tenant ?? 'organizations',
    cacheFile: f.tokenCache ?? path.join(os.homedir(), '.statements', 'msal-cache.json'),
    scopes: f.mailbox !== undefined ? MAIL_SCOPES_SHARED : MAIL_SCOPES,
    interactive: process.stdin.isTTY === true && io.interactive === true,
    tell: (m) => io.err(m),
  });
}

export async function openTransport(f: TransportFlags, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<MailTransport> {
  const kind = checkTransportFlags(f);
  if (kind === 'eml') return emlTransport(f.outbox as string);
  if (kind === 'smtp') return smtpTransport(f.smtp as string);
  // Only for tests and the bench: a shortened "minute", so pacing can be measured in seconds.
  const minuteMs = Number(env['STATEMENTS_MAIL_MINUTE_MS'] ?? 60_000);
  return graphTransport({
    baseUrl: f.graphUrl,
    tokens: await graphTokens(f, io, env),
    mailbox: f.mailbox ?? '',
    draftsOnly: f.drafts === true,
    perMinute: Number(f.perMinute),
    minuteMs,
    sentItemsLagMs: Number(f.sentItemsWait) * 1000,
    lagPollMs: Math.min(5000, Math.max(50, Number(f.sentItemsWait) * 100)),
  });
}
