import { sha256Hex, type Localised, type MailItem, type PlanItem, type SendOutcome, type SendRecord } from '../../core';
import { DeliveryError, type Attachment, type DeliveryOutcome, type MailTransport, type OutgoingMessage } from './outgoingMessage';

/**
 * The batch after its plan, shared by the CLI (`statements send`, `schedule run`) and the task pane:
 * for each statement to send, make its attachments, log "sending", hand it over, log the outcome.
 * No Node or DOM API here: each door brings its renderer (Node's pdfmake or LibreOffice; the
 * browser's pdfmake or Word through OneDrive) and its log (a JSON-lines file; the "Sent statements"
 * sheet). A failure of one statement is named and the batch goes on; a failure of the transport
 * itself (sign-in refused, server unreachable) stops it.
 */

/** A statement's attachments, the statement PDF first; or why it could not be made. */
export type Rendered = { readonly ok: true; readonly attachments: readonly Attachment[] } | { readonly ok: false; readonly reason: Localised };

export interface SendLogSink {
  append(record: SendRecord): void | Promise<void>;
  /**
   * True when a record is stored once `append` returns (a file, fsync'd): "sending" is then written
   * at the hand-over itself. An asynchronous store (a workbook sheet) writes it just before the
   * delivery begins instead: a statement can then read "in doubt" that never left, which only costs a
   * longer look in Sent Items on the next run, never a second copy.
   */
  readonly synchronous: boolean;
}

export type ItemResult =
  | { readonly item: MailItem; readonly outcome: DeliveryOutcome; readonly messageId: string }
  | { readonly item: MailItem; readonly outcome: 'failed'; readonly reason: Localised };

export interface BatchOptions {
  /** Delivery held until then (Graph): ISO time. */
  readonly sendAt: string | undefined;
  /** Identities whose last log record is "sending": perhaps already in the mailbox. */
  readonly inDoubt: ReadonlySet<string>;
  readonly render: (item: MailItem) => Promise<Rendered>;
  /** After each statement, in order (the CLI prints a line, the pane updates its table). */
  readonly onResult?: (result: ItemResult, done: number, total: number) => void;
  /** Asked before each statement: true stops the batch there (the pane's Stop button). */
  readonly stopped?: () => boolean;
}

export interface BatchReport {
  readonly results: readonly ItemResult[];
  /** Sent, scheduled or found already in the mailbox (drafts are not delivered). */
  readonly delivered: number;
  readonly failures: readonly { readonly customerId: string; readonly reason: Localised }[];
  readonly stopped: boolean;
  readonly elapsedMs: number;
}

/** The transport's pace (Graph's 30 a minute), when it has one. */
export function transportPace(transport: MailTransport): { readonly perWindow: number; readonly windowMs: number; etaMs(n: number): number } | undefined {
  return 'pacer' in transport ? (transport as unknown as { pacer: { perWindow: number; windowMs: number; etaMs(n: number): number } }).pacer : undefined;
}

/** The items of a plan that are to be sent. */
export const itemsToSend = (plan: readonly PlanItem[]): MailItem[] => plan.filter((p): p is MailItem => p.kind === 'send');

/** The log record of one statement at one step. */
export function sendRecord(item: MailItem, outcome: SendOutcome, o: { transport: Pick<MailTransport, 'kind' | 'mailbox'>; attachmentSha256: string; messageId: string; sendAt?: string | undefined; reason?: string }): SendRecord {
  return {
    v: 1,
    kind: 'statement',
    outcome,
    identity: item.identity.key,
    customerId: item.customerId,
    asOf: item.identity.asOf,
    style: item.identity.style,
    from: item.identity.from,
    contentHash: item.identity.contentHash,
    statementNumber: item.statementNumber,
    to: item.to,
    cc: item.cc,
    subject: item.subject,
    attachmentSha256: o.attachmentSha256,
    transport: o.transport.kind,
    messageId: o.messageId,
    mailbox: o.transport.mailbox,
    time: new Date().toISOString(),
    ...(o.sendAt !== undefined ? { sendAt: o.sendAt } : {}),
    ...(o.reason !== undefined ? { reason: o.reason } : {}),
  };
}

/** The message of a plan item with its attachments. */
export function outgoingMessage(item: MailItem, attachments: readonly Attachment[], sendAt: string | undefined): OutgoingMessage {
  return {
    identity: item.identity.key,
    from: item.from,
    to: item.to,
    cc: item.cc,
    bcc: item.bcc,
    replyTo: item.replyTo,
    subject: item.subject,
    body: item.body,
    attachments,
    ...(sendAt !== undefined ? { sendAt } : {}),
    fileStem: item.pdfName.replace(/\.pdf$/, ''),
  };
}

export async function deliverBatch(plan: readonly PlanItem[], transport: MailTransport, log: SendLogSink, o: BatchOptions): Promise<BatchReport> {
  const items = itemsToSend(plan);
  const started = Date.now();
  const results: ItemResult[] = [];
  const failures: { customerId: string; reason: Localised }[] = [];
  let delivered = 0;
  let stopped = false;
  const done = (r: ItemResult): void => {
    results.push(r);
    o.onResult?.(r, results.length, items.length);
  };
  for (const item of items) {
    if (o.stopped?.() === true) {
      stopped = true;
      break;
    }
    const rendered = await o.render(item);
    if (!rendered.ok) {
      failures.push({ customerId: item.customerId, reason: rendered.reason });
      await log.append(sendRecord(item, 'failed', { transport, attachmentSha256: '', messageId: '', sendAt: o.sendAt, reason: rendered.reason.en }));
      done({ item, outcome: 'failed', reason: rendered.reason });
      continue;
    }
    const first = rendered.attachments[0];
    const common = { transport, attachmentSha256: first === undefined ? '' : sha256Hex(first.content), sendAt: o.sendAt };
    const sending = sendRecord(item, 'sending', { ...common, messageId: '' });
    if (!log.synchronous) await log.append(sending);
    try {
      const d = await transport.deliver(outgoingMessage(item, rendered.attachments, o.sendAt), {
        inDoubt: o.inDoubt.has(item.identity.key),
        handingOver: () => {
          if (log.synchronous) void log.append(sending);
        },
      });
      await log.append(sendRecord(item, d.outcome, { ...common, messageId: d.messageId }));
      if (d.outcome !== 'drafted') delivered++;
      done({ item, outcome: d.outcome, messageId: d.messageId });
    } catch (e) {
      if (!(e instanceof DeliveryError)) throw e;
      await log.append(sendRecord(item, 'failed', { ...common, messageId: '', reason: e.localised.en }));
      failures.push({ customerId: item.customerId, reason: e.localised });
      done({ item, outcome: 'failed', reason: e.localised });
    }
  }
  return { results, delivered, failures, stopped, elapsedMs: Date.now() - started };
}
