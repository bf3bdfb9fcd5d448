import {
  deliveredIdentities, inDoubtIdentities, planBatch,
  type ComputeResult, type Language, type Localised, type MailItem, type MailSettings, type PlanItem, type StatementSettings,
} from '../../core';
import { readSentStatements, readWorkbookMail, readWorkbookSettings, SentStatementsLog, type ExcelRun } from '../../adapters/excel';
import { deliverBatch, sendRecord, transportPace, type BatchReport, type ItemResult, type Rendered } from '../../adapters/mail/deliverBatch';
import { graphTransport, type GraphTransport } from '../../adapters/mail/graph/graphTransport';
import { TransportError, type Attachment } from '../../adapters/mail/outgoingMessage';
import { SignInError } from '../../adapters/auth/tokenProvider';
import type { PaneMailDeps } from './mailDeps';
import { localToIso } from './sendAt';

/**
 * The pane's "E-mail this statement" and "E-mail all": plan (core's planBatch, with the workbook's
 * firm and mail settings and its "Sent statements" sheet read back first: exactly once), preview,
 * then the batch shared with the CLI (deliverBatch) through Graph, logged in the sheet.
 */
export type MailMode = 'send' | 'drafts' | 'at';

export interface BatchChoice {
  /** One customer (the statement shown) or every statement of the run (the selection). */
  readonly customerId: string | undefined;
  readonly mode: MailMode;
  /** For "Send at…": the user's local date and time (datetime-local). */
  readonly sendAtLocal: string;
  readonly attachment: 'pdf' | 'word-pdf';
  readonly attachCsv: boolean;
  /** Send again what the log says was already sent. */
  readonly resend: boolean;
}

export interface PreparedBatch {
  readonly result: ComputeResult;
  readonly plan: readonly PlanItem[];
  readonly documents: StatementSettings;
  readonly mail: MailSettings;
  readonly inDoubt: ReadonlySet<string>;
  readonly choice: BatchChoice;
}

export type Prepared = { readonly ok: true; readonly batch: PreparedBatch } | { readonly ok: false; readonly error: Localised };

/** The statements of the choice: the one customer's, or all of the run's. */
export function scoped(result: ComputeResult, customerId: string | undefined): ComputeResult {
  return customerId === undefined ? result : { ...result, statements: result.statements.filter((s) => s.customerId === customerId), excluded: [] };
}

export async function prepareBatch(run: ExcelRun, result: ComputeResult, choice: BatchChoice, deps: Pick<PaneMailDeps, 'mailbox'>): Promise<Prepared> {
  const documents = await readWorkbookSettings(run);
  const saved = await readWorkbookMail(run);
  if (!saved.parsed.ok) {
    const errors = saved.parsed.errors;
    return { ok: false, error: { en: `"Statements settings" sheet: ${errors.map((e) => e.en).join('; ')}`, fr: `onglet « Statements settings » : ${errors.map((e) => e.fr).join(' ; ')}` } };
  }
  const mail: MailSettings = { ...saved.parsed.settings, attachment: choice.attachment, attachCsv: choice.attachCsv };
  const records = await readSentStatements(run);
  const sender = deps.mailbox !== '' ? deps.mailbox : documents.company.email;
  const r = scoped(result, choice.customerId);
  const plan = planBatch(r, { mail, documents, sender, delivered: deliveredIdentities(records), resend: choice.resend });
  return { ok: true, batch: { result: r, plan, documents, mail, inDoubt: inDoubtIdentities(records), choice } };
}

export interface SendProgress {
  readonly done: number;
  readonly total: number;
  /** What is left at the transport's pace (Exchange's 30 a minute), in ms. */
  readonly remainingMs: number;
  readonly results: readonly ItemResult[];
}

export type SendOutcome = { readonly ok: true; readonly report: BatchReport; readonly etaMs: number } | { readonly ok: false; readonly error: Localised; readonly results: readonly ItemResult[] };

const messageOf = (e: unknown): Localised => {
  const l = (e as { localised?: Localised }).localised;
  if (l !== undefined) return l;
  const text = e instanceof Error ? e.message : String(e);
  return { en: text, fr: text };
};

function openTransport(deps: PaneMailDeps, drafts: boolean): GraphTransport {
  return graphTransport({ baseUrl: deps.graphUrl, tokens: deps.tokens, mailbox: deps.mailbox, draftsOnly: drafts, perMinute: deps.perMinute, minuteMs: deps.minuteMs, sentItemsLagMs: deps.sentItemsLagMs });
}

/** The attachments of one statement, made in the browser: the PDF (or the Word template through OneDrive), the CSV when asked. */
function renderer(b: PreparedBatch, deps: PaneMailDeps, template: Uint8Array | undefined): (item: MailItem) => Promise<Rendered> {
  return async (item) => {
    try {
      let pdf: Uint8Array;
      if (b.mail.attachment === 'word-pdf') {
        if (deps.wordToPdf === undefined) return { ok: false, reason: { en: 'the Word template cannot be converted to PDF here', fr: 'le modèle Word ne peut pas être converti en PDF ici' } };
        pdf = await deps.wordToPdf(await deps.render.word(item.document, b.documents, template), item.pdfName.replace(/\.pdf$/, '.docx'));
      } else {
        pdf = await deps.render.pdf(item.document, b.documents);
      }
      const attachments: Attachment[] = [{ name: item.pdfName, contentType: 'application/pdf', content: pdf }];
      if (item.csvName !== undefined) attachments.push({ name: item.csvName, contentType: 'text/csv', content: deps.render.csv(item.document) });
      return { ok: true, attachments };
    } catch (e) {
      return { ok: false, reason: messageOf(e) };
    }
  };
}

/** Sends (or drafts, or holds until the time chosen) the batch's messages, logging each in the "Sent statements" sheet. */
export async function sendBatch(run: ExcelRun, b: PreparedBatch, deps: PaneMailDeps, language: Language, o: { template?: Uint8Array | undefined; onProgress?: (p: SendProgress) => void; stopped?: () => boolean } = {}): Promise<SendOutcome> {
  let sendAt: string | undefined;
  if (b.choice.mode === 'at') {
    const at = localToIso(b.choice.sendAtLocal);
    if (!at.ok) return { ok: false, error: at.error, results: [] };
    sendAt = at.iso;
  }
  const transport = openTransport(deps, b.choice.mode === 'drafts');
  const pace = transportPace(transport);
  const total = b.plan.filter((p) => p.kind === 'send').length;
  const etaMs = pace?.etaMs(total) ?? 0;
  const results: ItemResult[] = [];
  o.onProgress?.({ done: 0, total, remainingMs: etaMs, results });
  try {
    const report = await deliverBatch(b.plan, transport, new SentStatementsLog(run, language), {
      sendAt,
      inDoubt: b.inDoubt,
      render: renderer(b, deps, o.template),
      onResult: (r, done) => {
        results.push(r);
        o.onProgress?.({ done, total, remainingMs: pace?.etaMs(total - done) ?? 0, results: [...results] });
      },
      ...(o.stopped !== undefined ? { stopped: o.stopped } : {}),
    });
    return { ok: true, report, etaMs };
  } catch (e) {
    if (e instanceof TransportError) return { ok: false, error: e.localised, results };
    if (e instanceof SignInError) return { ok: false, error: { en: e.en, fr: e.fr }, results };
    throw e;
  } finally {
    await transport.close();
  }
}

/**
 * Removes from the Outbox the messages of these statements held by "Send at…" (looked up by their
 * identity); each removal is logged "cancelled", so a later batch sends them again.
 */
export async function cancelScheduled(run: ExcelRun, result: ComputeResult, choice: BatchChoice, deps: PaneMailDeps, language: Language): Promise<{ readonly cancelled: readonly string[]; readonly error?: Localised }> {
  // Planned as if sending again: the log says "scheduled" for these, and every one must be looked up.
  const prepared = await prepareBatch(run, result, { ...choice, resend: true }, deps);
  if (!prepared.ok) return { cancelled: [], error: prepared.error };
  const b = prepared.batch;
  const transport = openTransport(deps, false);
  const log = new SentStatementsLog(run, language);
  const cancelled: string[] = [];
  try {
    for (const item of b.plan) {
      if (item.kind !== 'send') continue;
      if (!(await transport.cancel(item.identity.key))) continue;
      cancelled.push(item.customerId);
      await log.append(sendRecord(item, 'cancelled', { transport, attachmentSha256: '', messageId: '' }));
    }
    return { cancelled };
  } catch (e) {
    if (e instanceof TransportError) return { cancelled, error: e.localised };
    if (e instanceof SignInError) return { cancelled, error: { en: e.en, fr: e.fr } };
    return { cancelled, error: messageOf(e) };
  }
}
