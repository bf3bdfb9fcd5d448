import * as fs from 'node:fs';
import * as path from 'node:path';
import { colon, computeStatements, type SettingsRow, deliveredIdentities, formatIsoDay, inDoubtIdentities, planBatch, statementDocument, type ComputeResult, type Language, type MailItem, type PlanItem, type SkippedItem } from '../core';
import { statementsAsPdf } from '../adapters/documents/pdf/renderPdf';
import { TransportError, type MailTransport } from '../adapters/mail/outgoingMessage';
import { defaultLogPath, readSendLog, SendLogFile } from '../adapters/mail/sendLogFile';
import { SignInError } from '../adapters/auth/tokenProvider';
import type { GraphTransport } from '../adapters/mail/graph/graphTransport';
import { batchPreview } from './batchPreview';
import type { Io } from './io';
import { loadLedger } from './loadLedger';
import { deliverPlan } from './mailDelivery';
import { sendRecord } from '../adapters/mail/deliverBatch';
import { mailSettingsForRun } from './mailSettingsFile';
import { checkTransportFlags, openTransport, type TransportFlags } from './mailTransportFlags';
import { computeOptionsFrom, exportOptionsFrom, UsageError, type ComputeFlags } from './options';
import { readSettingsFile, settingsForRun } from './settingsFile';

export interface SendFlags extends ComputeFlags, TransportFlags {
  log?: string;
  dryRun?: boolean;
  at?: string;
  resend?: boolean;
  cancel?: boolean;
  settings?: string;
  company?: string;
  templates?: string;
  csvDelimiter?: string;
  printFile?: string;
}

const T = {
  en: { done: (n: number, f: number) => `${n} delivered, ${f} failed`, failedTitle: 'Not sent:', printed: 'Print file for the customers without an e-mail address:', cancelled: 'cancelled (removed from the Outbox)', notHeld: 'nothing held in the Outbox', log: 'Send log:' },
  fr: { done: (n: number, f: number) => `${n} remis, ${f} en échec`, failedTitle: 'Non envoyés :', printed: "Fichier d'impression pour les clients sans adresse e-mail :", cancelled: "annulé (retiré de la boîte d'envoi)", notHeld: "rien en attente dans la boîte d'envoi", log: 'Journal des envois :' },
};

/** `--at`: an ISO time with its offset (2026-12-01T07:00+01:00 or …Z), so cron and a person mean the same instant. */
export function parseSendAt(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(text) || !Number.isFinite(Date.parse(text))) {
    throw new UsageError(`--at ${text}: expected an ISO time with its offset, e.g. 2026-12-01T07:00+01:00`, `--at ${text} : heure ISO avec son décalage attendue, par exemple 2026-12-01T07:00+01:00`);
  }
  return new Date(text).toISOString();
}

export function checkSendFlags(f: SendFlags): void {
  const kind = checkTransportFlags(f);
  if (f.at !== undefined && kind !== 'graph') throw new UsageError('--at needs --graph (Exchange holds the message in the Outbox)', "--at demande --graph (Exchange garde le message dans la boîte d'envoi)");
  if (f.cancel === true && kind !== 'graph') throw new UsageError('--cancel needs --graph', '--cancel demande --graph');
  if (f.cancel === true && (f.resend === true || f.drafts === true || f.at !== undefined)) throw new UsageError('--cancel goes alone (not with --resend, --drafts or --at)', '--cancel s\'emploie seul (pas avec --resend, --drafts ou --at)');
  parseSendAt(f.at);
  if (f.csvDelimiter !== undefined && f.csvDelimiter !== ',' && f.csvDelimiter !== ';') throw new UsageError('--csv-delimiter: expected , or ;', '--csv-delimiter : , ou ; attendu');
}

/** The SMTP login, when it is an address: where a copy to self goes. A bad URL is reported by the transport. */
function smtpUser(url: string): string {
  try {
    return decodeURIComponent(new URL(url).username);
  } catch {
    return '';
  }
}

/** Writes the statements of the customers on the print list into one PDF. */
async function writePrintFile(result: ComputeResult, plan: readonly PlanItem[], file: string, documents: Parameters<typeof statementsAsPdf>[1]): Promise<boolean> {
  const toPrint = plan.filter((p): p is SkippedItem => p.kind === 'print');
  if (toPrint.length === 0) return false;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, await statementsAsPdf(toPrint.map((p) => statementDocument(result, p.statement)), documents));
  return true;
}

/** The shared tail of `send` and `schedule run`: preview, deliver, print list, summary. Returns the exit code. */
export async function sendComputed(result: ComputeResult, f: SendFlags, io: Io, language: Language, logFile: string, printFile: string, workbookRows: readonly SettingsRow[]): Promise<{ code: number; failures: number }> {
  // The --settings file when given, else what the workbook's settings sheet holds (the task pane's settings).
  const documents = settingsForRun(f.settings === undefined ? undefined : readSettingsFile(f.settings), workbookRows);
  const docSettings = { ...documents, company: { ...documents.company, name: f.company ?? documents.company.name } };
  const mail = mailSettingsForRun(f.settings, workbookRows);
  const records = readSendLog(logFile);
  const kind = checkTransportFlags(f);
  const sender = f.mailbox ?? (kind === 'smtp' ? smtpUser(f.smtp as string) : '');
  const plan = planBatch(result, { mail, documents: docSettings, sender: sender.includes('@') ? sender : docSettings.company.email, delivered: f.cancel === true ? new Set() : deliveredIdentities(records), resend: f.resend === true });
  const t = T[language];
  io.out(batchPreview(result, plan, kind === 'graph' ? `graph${f.mailbox !== undefined ? ` (${f.mailbox})` : ''}` : kind, language));
  if (f.dryRun === true) return { code: 0, failures: 0 };
  let transport: MailTransport;
  try {
    transport = await openTransport(f, io);
  } catch (e) {
    if (e instanceof SignInError) throw new UsageError(e.en, e.fr);
    if (e instanceof TransportError) {
      io.err(`${e.localised[language]}\n`);
      return { code: e.exitCode, failures: 0 };
    }
    throw e;
  }
  const log = new SendLogFile(logFile);
  try {
    if (f.cancel === true) return await cancelHeld(plan, transport as GraphTransport, log, io, language);
    const report = await deliverPlan(result, plan, transport, log, io, {
      documents: docSettings,
      attachment: mail.attachment,
      templatesDir: f.templates ?? '',
      csvDelimiter: f.csvDelimiter as ',' | ';' | undefined,
      sendAt: parseSendAt(f.at),
      inDoubt: inDoubtIdentities(records),
      language,
    });
    if (await writePrintFile(result, plan, printFile, docSettings)) io.out(`${t.printed} ${printFile}\n`);
    io.out(`${t.done(report.delivered, report.failures.length)}. ${t.log} ${logFile}\n`);
    if (report.failures.length > 0) {
      io.err(`${t.failedTitle}\n${report.failures.map((x) => `  ${x.customerId}${colon(language)} ${x.reason[language]}`).join('\n')}\n`);
      return { code: 1, failures: report.failures.length };
    }
    return { code: 0, failures: 0 };
  } catch (e) {
    if (e instanceof SignInError) throw new UsageError(e.en, e.fr);
    if (e instanceof TransportError) {
      io.err(`${e.localised[language]}\n`);
      return { code: e.exitCode, failures: 1 };
    }
    throw e;
  } finally {
    log.close();
    await transport.close();
  }
}

async function cancelHeld(plan: readonly PlanItem[], transport: GraphTransport, log: SendLogFile, io: Io, language: Language): Promise<{ code: number; failures: number }> {
  const t = T[language];
  for (const item of plan) {
    if (item.kind !== 'send' && item.kind !== 'already-sent') continue;
    if (item.identity === undefined) continue;
    const removed = await transport.cancel(item.identity.key);
    if (removed && item.kind === 'send') log.append(sendRecord(item as MailItem, 'cancelled', { transport, attachmentSha256: '', messageId: '' }));
    io.out(`${item.customerId}${colon(language)} ${removed ? t.cancelled : t.notHeld}\n`);
  }
  return { code: 0, failures: 0 };
}

export async function runSend(f: SendFlags, io: Io): Promise<number> {
  const { options, language, defaultCurrency, dateOrder } = computeOptionsFrom(f);
  checkSendFlags(f);
  const loaded = await loadLedger(f.ledger, { defaultCurrency, dateOrder, mappingFile: f.mapping, exportOptions: exportOptionsFrom(f) });
  if (!loaded.ok) {
    io.err(`${loaded.error[language]}\n`);
    return 1;
  }
  const result = computeStatements(loaded.ledger, { ...options, summary: false });
  const logFile = f.log ?? defaultLogPath(f.ledger);
  const printFile = f.printFile ?? path.join(path.dirname(path.resolve(logFile)), `statements-to-print-${formatIsoDay(result.asOf)}.pdf`);
  return (await sendComputed(result, f, io, language, logFile, printFile, loaded.settingsRows)).code;
}
