import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { colon, sha256Hex, type ComputeResult, type Language, type Localised, type MailItem, type PlanItem, type SendOutcome, type SendRecord, type StatementSettings } from '../core';
import { reconciliationCsv } from '../adapters/csv/writeReconciliationCsv';
import { statementAsPdf } from '../adapters/documents/pdf/renderPdf';
import { DeliveryError, type Attachment, type MailTransport, type OutgoingMessage } from '../adapters/mail/outgoingMessage';
import type { SendLogFile } from '../adapters/mail/sendLogFile';
import type { Io } from './io';
import { nameStatements } from './statementFiles';
import { writeWordDocuments } from './wordDocuments';

export interface DeliveryOptions {
  readonly documents: StatementSettings;
  readonly attachment: 'pdf' | 'word-pdf';
  readonly templatesDir: string;
  readonly csvDelimiter: ',' | ';' | undefined;
  readonly sendAt: string | undefined;
  /** Identities whose last log line is "sending": perhaps already in the mailbox. */
  readonly inDoubt: ReadonlySet<string>;
  readonly language: Language;
}

export interface DeliveryReport {
  readonly delivered: number;
  readonly failures: { customerId: string; reason: Localised }[];
  /** The pace's estimate at the start (Graph), and the time it took. */
  readonly etaMs: number | undefined;
  readonly elapsedMs: number;
}

const T = {
  en: { sent: 'sent', scheduled: 'scheduled', drafted: 'drafted', 'already-delivered': 'already in the mailbox, not sent again', failed: 'FAILED', eta: (n: number, t: string, per: number) => `Sending ${n} statements at ${per} a minute: about ${t}` },
  fr: { sent: 'envoyé', scheduled: 'programmé', drafted: 'en brouillon', 'already-delivered': 'déjà dans la boîte, pas renvoyé', failed: 'ÉCHEC', eta: (n: number, t: string, per: number) => `Envoi de ${n} relevés à ${per} par minute : environ ${t}` },
};

function duration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const m = Math.floor(s / 60);
  return m === 0 ? `${s} s` : `${m} min ${s % 60} s`;
}

/** The log line of one statement at one step. */
export function sendRecord(item: MailItem, outcome: SendOutcome, o: { transport: MailTransport; attachmentSha256: string; messageId: string; sendAt?: string | undefined; reason?: string }): SendRecord {
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

/** The statement PDFs of the items from the firm's Word template, converted by LibreOffice in one go. */
async function wordPdfs(result: ComputeResult, items: readonly MailItem[], o: DeliveryOptions): Promise<{ pdfs: Map<string, string>; problems: Localised[]; dir: string }> {
  const wanted = new Set(items.map((i) => i.customerId));
  const named = nameStatements(result).filter((n) => wanted.has(n.statement.customerId));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statements-mail-'));
  const word = await writeWordDocuments(result, named, dir, { settings: o.documents, templatesDir: o.templatesDir, toPdf: true, tick: () => undefined });
  const pdfs = new Map<string, string>();
  for (const n of named) {
    const file = path.join(dir, 'docx-pdf', `${n.fileStem}.pdf`);
    if (word.pdfs.includes(file)) pdfs.set(n.statement.customerId, file);
  }
  return { pdfs, problems: word.problems, dir };
}

/** Sends the plan's messages one by one: log "sending", hand over, log the outcome. A failure is named and the batch goes on. */
export async function deliverPlan(result: ComputeResult, plan: readonly PlanItem[], transport: MailTransport, log: SendLogFile, io: Io, o: DeliveryOptions): Promise<DeliveryReport> {
  const t = T[o.language];
  const items = plan.filter((p): p is MailItem => p.kind === 'send');
  const failures: { customerId: string; reason: Localised }[] = [];
  const started = Date.now();
  const pacer = 'pacer' in transport ? (transport as { pacer: { etaMs(n: number): number; perWindow: number } }).pacer : undefined;
  const etaMs = pacer?.etaMs(items.length);
  if (pacer !== undefined && etaMs !== undefined && items.length > 0) io.err(`${t.eta(items.length, duration(etaMs), pacer.perWindow)}\n`);
  const word = o.attachment === 'word-pdf' && items.length > 0 ? await wordPdfs(result, items, o) : undefined;
  let delivered = 0;
  try {
    for (const item of items) {
      let pdf: Buffer;
      if (word !== undefined) {
        const file = word.pdfs.get(item.customerId);
        if (file === undefined) {
          const why = word.problems.find((p) => p.en.startsWith(`${item.customerId}:`)) ?? { en: 'the Word template could not be converted to PDF', fr: "le modèle Word n'a pas pu être converti en PDF" };
          failures.push({ customerId: item.customerId, reason: why });
          io.out(`${item.customerId}${colon(o.language)} ${t.failed}: ${why[o.language]}\n`);
          continue;
        }
        pdf = fs.readFileSync(file);
      } else {
        pdf = await statementAsPdf(item.document, o.documents);
      }
      const attachments: Attachment[] = [{ name: item.pdfName, contentType: 'application/pdf', content: pdf }];
      if (item.csvName !== undefined) {
        const csv = reconciliationCsv(item.document, o.csvDelimiter === undefined ? {} : { delimiter: o.csvDelimiter });
        attachments.push({ name: item.csvName, contentType: 'text/csv', content: Buffer.from(csv, 'utf8') });
      }
      const attachmentSha256 = sha256Hex(pdf);
      const message: OutgoingMessage = {
        identity: item.identity.key,
        from: item.from,
        to: item.to,
        cc: item.cc,
        bcc: item.bcc,
        replyTo: item.replyTo,
        subject: item.subject,
        body: item.body,
        attachments,
        ...(o.sendAt !== undefined ? { sendAt: o.sendAt } : {}),
        fileStem: item.pdfName.replace(/\.pdf$/, ''),
      };
      const common = { transport, attachmentSha256, sendAt: o.sendAt };
      try {
        const d = await transport.deliver(message, { inDoubt: o.inDoubt.has(item.identity.key), handingOver: () => log.append(sendRecord(item, 'sending', { ...common, messageId: '' })) });
        log.append(sendRecord(item, d.outcome, { ...common, messageId: d.messageId }));
        if (d.outcome !== 'drafted') delivered++;
        io.out(`${item.customerId}${colon(o.language)} ${t[d.outcome]} → ${item.to.join(', ')}\n`);
      } catch (e) {
        if (!(e instanceof DeliveryError)) throw e;
        log.append(sendRecord(item, 'failed', { ...common, messageId: '', reason: e.localised.en }));
        failures.push({ customerId: item.customerId, reason: e.localised });
        io.out(`${item.customerId}${colon(o.language)} ${t.failed}: ${e.localised[o.language]}\n`);
      }
    }
  } finally {
    if (word !== undefined) fs.rmSync(word.dir, { recursive: true, force: true });
  }
  return { delivered, failures, etaMs, elapsedMs: Date.now() - started };
}
