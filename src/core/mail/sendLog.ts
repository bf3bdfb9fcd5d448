/** What one line of the send log says (JSON lines; the add-in writes the same fields to its "Sent statements" sheet). */
export type SendOutcome =
  /** Written before a message is handed over: a line with no outcome after it means "perhaps delivered". */
  | 'sending'
  | 'sent'
  | 'scheduled'
  | 'drafted'
  /** Not sent now: the mailbox already holds it (a crash after the hand-over, or another door sent it). */
  | 'already-delivered'
  | 'failed'
  | 'cancelled';

export type TransportKind = 'graph' | 'smtp' | 'eml';

export interface SendRecord {
  readonly v: 1;
  readonly kind: 'statement';
  readonly outcome: SendOutcome;
  readonly identity: string;
  readonly customerId: string;
  readonly asOf: string;
  readonly style: string;
  readonly from: string;
  readonly contentHash: string;
  readonly statementNumber: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  /** SHA-256 of the statement attachment's bytes. */
  readonly attachmentSha256: string;
  readonly transport: TransportKind;
  readonly messageId: string;
  readonly mailbox: string;
  readonly time: string;
  readonly sendAt?: string;
  readonly reason?: string;
}

/** A monthly run that completed: every statement it planned was sent (or skipped with a reason). */
export interface ScheduleRunRecord {
  readonly v: 1;
  readonly kind: 'schedule-run';
  readonly runDate: string;
  readonly from: string;
  readonly to: string;
  readonly time: string;
}

export type LogRecord = SendRecord | ScheduleRunRecord;

/** Parses the log's lines; a torn last line (a crash while writing) and blank lines are ignored. */
export function parseSendLog(text: string): LogRecord[] {
  const out: LogRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const r = JSON.parse(line) as Partial<LogRecord>;
      if (r.v === 1 && (r.kind === 'statement' || r.kind === 'schedule-run')) out.push(r as LogRecord);
    } catch {
      // Only the last line can be torn; anything unreadable is not a record.
    }
  }
  return out;
}

/** The state of each identity: its last outcome in log order. */
export function lastOutcomes(records: readonly LogRecord[]): Map<string, SendRecord> {
  const last = new Map<string, SendRecord>();
  for (const r of records) if (r.kind === 'statement') last.set(r.identity, r);
  return last;
}

/** Identities the log says reached the mailbox's outgoing side (sent, scheduled, or found there). */
export function deliveredIdentities(records: readonly LogRecord[]): Set<string> {
  const out = new Set<string>();
  for (const [key, r] of lastOutcomes(records)) if (r.outcome === 'sent' || r.outcome === 'scheduled' || r.outcome === 'already-delivered') out.add(key);
  return out;
}

/** Identities whose last line is "sending": handed over, perhaps accepted, before a crash. */
export function inDoubtIdentities(records: readonly LogRecord[]): Set<string> {
  const out = new Set<string>();
  for (const [key, r] of lastOutcomes(records)) if (r.outcome === 'sending') out.add(key);
  return out;
}

/** The latest completed schedule run date (ISO), or undefined. */
export function lastScheduleRun(records: readonly LogRecord[]): string | undefined {
  let last: string | undefined;
  for (const r of records) if (r.kind === 'schedule-run' && (last === undefined || r.runDate > last)) last = r.runDate;
  return last;
}
