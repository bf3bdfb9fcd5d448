import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { colon, type ComputeResult, type Language, type Localised, type MailItem, type PlanItem, type StatementSettings } from '../core';
import { reconciliationCsv } from '../adapters/csv/writeReconciliationCsv';
import { statementAsPdf } from '../adapters/documents/pdf/renderPdf';
import { deliverBatch, itemsToSend, transportPace, type Rendered } from '../adapters/mail/deliverBatch';
import type { Attachment, MailTransport } from '../adapters/mail/outgoingMessage';
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

/** Sends the plan's messages one by one (the shared `deliverBatch`), printing a line per statement. A failure is named and the batch goes on. */
export async function deliverPlan(result: ComputeResult, plan: readonly PlanItem[], transport: MailTransport, log: SendLogFile, io: Io, o: DeliveryOptions): Promise<DeliveryReport> {
  const t = T[o.language];
  const items = itemsToSend(plan);
  const pace = transportPace(transport);
  const etaMs = pace?.etaMs(items.length);
  if (pace !== undefined && etaMs !== undefined && items.length > 0) io.err(`${t.eta(items.length, duration(etaMs), pace.perWindow)}\n`);
  const word = o.attachment === 'word-pdf' && items.length > 0 ? await wordPdfs(result, items, o) : undefined;
  const render = async (item: MailItem): Promise<Rendered> => {
    let pdf: Buffer;
    if (word !== undefined) {
      const file = word.pdfs.get(item.customerId);
      if (file === undefined) {
        const why = word.problems.find((p) => p.en.startsWith(`${item.customerId}:`)) ?? { en: 'the Word template could not be converted to PDF', fr: "le modèle Word n'a pas pu être converti en PDF" };
        return { ok: false, reason: why };
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
    return { ok: true, attachments };
  };
  try {
    const report = await deliverBatch(plan, transport, log, {
      sendAt: o.sendAt,
      inDoubt: o.inDoubt,
      render,
      onResult: (r) => {
        const who = `${r.item.customerId}${colon(o.language)}`;
        io.out(r.outcome === 'failed' ? `${who} ${t.failed}: ${r.reason[o.language]}\n` : `${who} ${t[r.outcome]} → ${r.item.to.join(', ')}\n`);
      },
    });
    return { delivered: report.delivered, failures: [...report.failures], etaMs, elapsedMs: report.elapsedMs };
  } finally {
    if (word !== undefined) fs.rmSync(word.dir, { recursive: true, force: true });
  }
}
