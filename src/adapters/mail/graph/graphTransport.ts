import type { TokenProvider } from '../../auth/tokenProvider';
import { bytesToBase64 } from '../base64';
import { Pacer } from '../pacer';
import { DeliveryError, type Attachment, type DeliverOptions, type Delivery, type MailTransport, type OutgoingMessage } from '../outgoingMessage';
import { GraphError, GraphHttp, GraphInDoubtError, type GraphStats } from './graphHttp';
import { uploadLargeAttachment, UPLOAD_SESSION_THRESHOLD } from './uploadSession';

/**
 * The statement identity travels on the message as a named single-value extended property, so a
 * mailbox can be asked "is this statement already here?" by any door (CLI or task pane).
 */
export const IDENTITY_PROPERTY = 'String {8a1c3b52-5e0f-4d6b-9f2e-7c4d1a9b3e60} Name StatementIdentity';
/** PidTagDeferredSendTime: Exchange holds the message in the Outbox until then. */
export const DEFERRED_SEND_PROPERTY = 'SystemTime 0x3FEF';

export interface GraphTransportOptions {
  readonly baseUrl: string;
  readonly tokens: TokenProvider;
  /** Send from this mailbox (/users/{mailbox}); '' = the signed-in user (/me). */
  readonly mailbox: string;
  /** Create drafts only (the log records "drafted"). */
  readonly draftsOnly?: boolean;
  readonly perMinute?: number;
  readonly minuteMs?: number;
  /** How long a message handed over before a crash may take to appear in Sent Items. */
  readonly sentItemsLagMs?: number;
  readonly lagPollMs?: number;
}

export interface GraphTransport extends MailTransport {
  readonly stats: GraphStats;
  readonly pacer: Pacer;
  /** Deletes a held (scheduled) message from the Outbox; false when there is none. */
  cancel(identity: string): Promise<boolean>;
}

interface Found {
  readonly id: string;
  readonly folder: 'sentitems' | 'outbox' | 'drafts';
}

const FOLDERS = ['sentitems', 'outbox', 'drafts'] as const;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const recipients = (list: readonly string[]): { emailAddress: { address: string } }[] => list.map((address) => ({ emailAddress: { address } }));
/** OData string literal: a quote is doubled. */
const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Microsoft 365 through Graph: each statement as a draft carrying its identity, then /send; looked up first, so never twice. */
export function graphTransport(o: GraphTransportOptions): GraphTransport {
  const pacer = new Pacer(o.perMinute ?? 30, o.minuteMs ?? 60_000);
  const http = new GraphHttp({ baseUrl: o.baseUrl, tokens: o.tokens, onRetryAfter: (until) => pacer.holdUntil(until) });
  const root = o.mailbox === '' ? '/me' : `/users/${encodeURIComponent(o.mailbox)}`;
  const lagMs = o.sentItemsLagMs ?? 120_000;
  const pollMs = o.lagPollMs ?? 5_000;

  async function lookup(identity: string): Promise<Found[]> {
    const found: Found[] = [];
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq ${literal(IDENTITY_PROPERTY)} and ep/value eq ${literal(identity)})`;
    for (const folder of FOLDERS) {
      const q = `?$filter=${encodeURIComponent(filter)}&$select=id,isDraft&$top=10`;
      const r = await http.request<{ value: { id: string }[] }>('GET', `${root}/mailFolders/${folder}/messages${q}`);
      for (const m of r.json?.value ?? []) found.push({ id: m.id, folder });
      if (folder !== 'drafts' && found.length > 0) return found; // already on its way: no need to look further
    }
    return found;
  }

  /** Looks, and when the message may have been handed over before a crash, keeps looking while Sent Items may lag. */
  async function lookupAllowingLag(identity: string, inDoubt: boolean): Promise<Found[]> {
    const deadline = Date.now() + (inDoubt ? lagMs : 0);
    for (;;) {
      // Only a lookup that began after the wait counts as "not there": one slowed by retries may have
      // read Sent Items before the copy arrived.
      const began = Date.now();
      const found = await lookup(identity);
      if (found.length > 0 || began >= deadline) return found;
      await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())));
    }
  }

  function draftBody(m: OutgoingMessage, small: readonly Attachment[]): Record<string, unknown> {
    const properties = [{ id: IDENTITY_PROPERTY, value: m.identity }];
    if (m.sendAt !== undefined) properties.push({ id: DEFERRED_SEND_PROPERTY, value: new Date(m.sendAt).toISOString() });
    return {
      subject: m.subject,
      body: { contentType: 'text', content: m.body },
      toRecipients: recipients(m.to),
      ...(m.cc.length > 0 ? { ccRecipients: recipients(m.cc) } : {}),
      ...(m.bcc.length > 0 ? { bccRecipients: recipients(m.bcc) } : {}),
      ...(m.replyTo !== '' ? { replyTo: recipients([m.replyTo]) } : {}),
      ...(m.from !== '' ? { from: { emailAddress: { address: m.from } } } : {}),
      // Small attachments go in with the draft, so a draft is never found half-attached.
      ...(small.length > 0 ? { attachments: small.map((a) => ({ '@odata.type': '#microsoft.graph.fileAttachment', name: a.name, contentType: a.contentType, contentBytes: bytesToBase64(a.content) })) } : {}),
      singleValueExtendedProperties: properties,
    };
  }

  /** Attachments of 3 MB or more go through an upload session; one missing on a draft left by a crash is added now. */
  async function completeLargeAttachments(id: string, m: OutgoingMessage): Promise<void> {
    const large = m.attachments.filter((a) => a.content.length >= UPLOAD_SESSION_THRESHOLD);
    if (large.length === 0) return;
    const r = await http.request<{ value: { name: string; size: number }[] }>('GET', `${root}/messages/${id}/attachments?$select=name,size`);
    const present = new Set((r.json?.value ?? []).map((a) => a.name));
    for (const a of large) if (!present.has(a.name)) await uploadLargeAttachment(http, `${root}/messages/${id}`, a);
  }

  async function send(id: string, o2: DeliverOptions): Promise<void> {
    await pacer.slot();
    o2.handingOver();
    await http.request('POST', `${root}/messages/${id}/send`);
  }

  async function deliverOnce(m: OutgoingMessage, o2: DeliverOptions, inDoubt: boolean): Promise<Delivery> {
    const found = await lookupAllowingLag(m.identity, inDoubt);
    const out = found.find((f) => f.folder !== 'drafts');
    if (out !== undefined) return { outcome: 'already-delivered', messageId: out.id };
    const drafts = found.filter((f) => f.folder === 'drafts');
    let id: string;
    if (drafts.length > 0) {
      // A draft left by a crash (or by the pane): complete it and send it; never make a second one.
      id = (drafts[0] as Found).id;
      for (const extra of drafts.slice(1)) await http.request('DELETE', `${root}/messages/${extra.id}`);
    } else {
      const small = m.attachments.filter((a) => a.content.length < UPLOAD_SESSION_THRESHOLD);
      const r = await http.request<{ id: string }>('POST', `${root}/messages`, draftBody(m, small));
      if (r.json?.id === undefined) throw new GraphError(r.status, 'NoId', 'the created draft has no id');
      id = r.json.id;
    }
    await completeLargeAttachments(id, m);
    if (o.draftsOnly === true) return { outcome: 'drafted', messageId: id };
    await send(id, o2);
    return { outcome: m.sendAt !== undefined && Date.parse(m.sendAt) > Date.now() ? 'scheduled' : 'sent', messageId: id };
  }

  return {
    kind: 'graph',
    mailbox: o.mailbox,
    stats: http.stats,
    pacer,
    async deliver(m: OutgoingMessage, o2: DeliverOptions): Promise<Delivery> {
      let inDoubt = o2.inDoubt;
      for (let attempt = 0; ; attempt++) {
        try {
          return await deliverOnce(m, o2, inDoubt);
        } catch (e) {
          // The answer to a create or a /send was lost, or the draft went away under us: look again before anything is repeated.
          const lost = e instanceof GraphInDoubtError || (e instanceof GraphError && e.status === 404);
          if (lost && attempt < 5) {
            inDoubt = true;
            continue;
          }
          if (e instanceof GraphError) throw new DeliveryError({ en: `Graph: ${e.message}`, fr: `Graph : ${e.message}` });
          if (e instanceof GraphInDoubtError) throw new DeliveryError({ en: `Graph: no answer (${e.message})`, fr: `Graph : pas de réponse (${e.message})` });
          throw e;
        }
      }
    },
    async cancel(identity: string): Promise<boolean> {
      const filter = `singleValueExtendedProperties/Any(ep: ep/id eq ${literal(IDENTITY_PROPERTY)} and ep/value eq ${literal(identity)})`;
      const r = await http.request<{ value: { id: string }[] }>('GET', `${root}/mailFolders/outbox/messages?$filter=${encodeURIComponent(filter)}&$select=id`);
      const held = r.json?.value ?? [];
      for (const h of held) await http.request('DELETE', `${root}/messages/${h.id}`);
      return held.length > 0;
    },
    async close(): Promise<void> {},
  };
}
