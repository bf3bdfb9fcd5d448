import type { Language, SendOutcome, SendRecord, TransportKind } from '../../core';
import type { ExcelRun } from './excelRun';

/**
 * The add-in's send log: a "Sent statements" sheet in the workbook, one row per statement sent (the
 * CLI keeps the same records in its JSON-lines file). A row is written "sending" just before its
 * message is handed over and then overwritten with the outcome, so a statement sent once is one row
 * and a pane closed half-way leaves "sending" (in doubt: the next run looks in the mailbox first). It
 * is read back before every batch: what it says was delivered is not sent again.
 *
 * Columns are read by position (the header is in the pane's language); every cell is written as
 * text ("'" prefix) so Excel never turns a date, an id or a digest into a number.
 */
export const SENT_SHEET = 'Sent statements';

type Field = 'time' | 'customerId' | 'asOf' | 'statementNumber' | 'to' | 'cc' | 'subject' | 'outcome' | 'transport' | 'mailbox' | 'messageId' | 'attachmentSha256' | 'sendAt' | 'reason' | 'style' | 'from' | 'contentHash' | 'identity';

const COLUMNS: readonly { field: Field; en: string; fr: string; width: number }[] = [
  { field: 'time', en: 'Time (UTC)', fr: 'Heure (UTC)', width: 150 },
  { field: 'customerId', en: 'Customer', fr: 'Client', width: 70 },
  { field: 'asOf', en: 'As of', fr: 'Au', width: 75 },
  { field: 'statementNumber', en: 'Statement number', fr: 'Numéro du relevé', width: 130 },
  { field: 'to', en: 'Recipients', fr: 'Destinataires', width: 200 },
  { field: 'cc', en: 'Cc', fr: 'Cc', width: 120 },
  { field: 'subject', en: 'Subject', fr: 'Objet', width: 200 },
  { field: 'outcome', en: 'Outcome', fr: 'Résultat', width: 80 },
  { field: 'transport', en: 'Transport', fr: 'Transport', width: 65 },
  { field: 'mailbox', en: 'Mailbox', fr: 'Boîte aux lettres', width: 150 },
  { field: 'messageId', en: 'Message id', fr: 'Identifiant du message', width: 120 },
  { field: 'attachmentSha256', en: 'Attachment SHA-256', fr: 'SHA-256 de la pièce jointe', width: 120 },
  { field: 'sendAt', en: 'Send at', fr: 'Envoi à', width: 150 },
  { field: 'reason', en: 'Reason', fr: 'Raison', width: 200 },
  { field: 'style', en: 'Style', fr: 'Type', width: 70 },
  { field: 'from', en: 'Period from', fr: 'Période du', width: 75 },
  { field: 'contentHash', en: 'Content SHA-256', fr: 'SHA-256 du contenu', width: 120 },
  { field: 'identity', en: 'Statement identity', fr: 'Identité du relevé', width: 120 },
];

const OUTCOMES: readonly SendOutcome[] = ['sending', 'sent', 'scheduled', 'drafted', 'already-delivered', 'failed', 'cancelled'];
const TRANSPORTS: readonly TransportKind[] = ['graph', 'smtp', 'eml'];
/** Addresses in one cell: the same separator the customers table takes. */
const LIST = '; ';

function cellsOf(r: SendRecord): string[] {
  const value = (f: Field): string => {
    if (f === 'to' || f === 'cc') return r[f].join(LIST);
    return String(r[f] ?? '');
  };
  return COLUMNS.map((c) => `'${value(c.field)}`);
}

/** The records of the sheet's rows; a row that is not one (edited by hand, blank) is left out, not guessed at. */
export function recordsFromValues(values: readonly (readonly unknown[])[]): SendRecord[] {
  const out: SendRecord[] = [];
  for (const row of values.slice(1)) {
    const get = (f: Field): string => String(row[COLUMNS.findIndex((c) => c.field === f)] ?? '').trim();
    const outcome = get('outcome') as SendOutcome;
    const transport = get('transport') as TransportKind;
    const style = get('style');
    if (get('identity') === '' || !OUTCOMES.includes(outcome) || !TRANSPORTS.includes(transport) || (style !== 'open-item' && style !== 'activity')) continue;
    const list = (f: 'to' | 'cc'): string[] => get(f).split(/[;,]/).map((a) => a.trim()).filter((a) => a !== '');
    out.push({
      v: 1, kind: 'statement', outcome, identity: get('identity'), customerId: get('customerId'), asOf: get('asOf'), style, from: get('from'),
      contentHash: get('contentHash'), statementNumber: get('statementNumber'), to: list('to'), cc: list('cc'), subject: get('subject'),
      attachmentSha256: get('attachmentSha256'), transport, messageId: get('messageId'), mailbox: get('mailbox'), time: get('time'),
      ...(get('sendAt') !== '' ? { sendAt: get('sendAt') } : {}),
      ...(get('reason') !== '' ? { reason: get('reason') } : {}),
    });
  }
  return out;
}

/** The log's records, oldest first ([] when the workbook has no "Sent statements" sheet). */
export async function readSentStatements(excelRun: ExcelRun): Promise<SendRecord[]> {
  return excelRun(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SENT_SHEET);
    await context.sync();
    if (sheet.isNullObject) return [];
    const used = sheet.getUsedRangeOrNullObject(true).load('values, rowIndex');
    await context.sync();
    if (used.isNullObject || used.rowIndex !== 0) return [];
    return recordsFromValues(used.values);
  });
}

/**
 * A log that writes into the sheet (made, with its header, on the first record): a statement's
 * records of one batch share its row, later batches add rows below.
 */
export class SentStatementsLog {
  /** Records are written by Excel.run, asynchronously: "sending" goes in before the delivery starts. */
  readonly synchronous = false;
  private readonly rowOf = new Map<string, number>();
  private next: number | undefined;
  constructor(private readonly excelRun: ExcelRun, private readonly language: Language) {}

  async append(record: SendRecord): Promise<void> {
    await this.excelRun(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(SENT_SHEET);
      await context.sync();
      let sheet = existing;
      if (existing.isNullObject) {
        sheet = context.workbook.worksheets.add(SENT_SHEET);
        const header = sheet.getRangeByIndexes(0, 0, 1, COLUMNS.length);
        header.values = [COLUMNS.map((c) => `'${c[this.language]}`)];
        header.format.font.bold = true;
        COLUMNS.forEach((c, i) => (sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = c.width));
        sheet.freezePanes.freezeRows(1);
        this.next = 1;
      } else if (this.next === undefined) {
        const used = existing.getUsedRangeOrNullObject(true).load('rowIndex, rowCount');
        await context.sync();
        this.next = used.isNullObject ? 1 : Math.max(1, used.rowIndex + used.rowCount);
      }
      let row = this.rowOf.get(record.identity);
      if (row === undefined) {
        row = this.next ?? 1;
        this.next = row + 1;
        this.rowOf.set(record.identity, row);
      }
      sheet.getRangeByIndexes(row, 0, 1, COLUMNS.length).values = [cellsOf(record)];
      await context.sync();
    });
  }
}
