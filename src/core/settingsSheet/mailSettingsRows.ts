import { formatIsoDay, parseIsoDay, type Day } from '../calendar/day';
import { DEFAULT_MAIL_SETTINGS, parseMailSettings, type MailSettingsParse, type MailSettings } from '../mail/mailSettings';
import { DEFAULT_TEMPLATES } from '../mail/mailTemplates';
import type { SettingsRow } from './settingsSheetRows';

/**
 * The e-mail settings in the "Statements settings" sheet, as `mail.<path>` rows (the paths of the
 * `mail` block of `--settings` JSON): `mail.from`, `mail.replyTo`, `mail.copyToSelf` (true/false),
 * `mail.attachment` (pdf, word-pdf), `mail.attachCsv`, `mail.subject.en`, `mail.body.fr`, and the
 * monthly schedule `mail.schedule.dayOfMonth`, `.style`, `.frequency`, `.customers.<customer id>`.
 * The pane writes them; the CLI reads them when no `--settings` file is given, so
 * `statements schedule due` sees the schedule saved in the pane.
 */
export const MAIL_PREFIX = 'mail.';
/** A monthly run the task pane completed (value: its run date): the pane's catch-up starts after the latest. */
export const SCHEDULE_RUN_KEY = 'schedule-run';

const CUSTOMERS = 'schedule.customers.';
const BOOLEANS = new Set(['copyToSelf', 'attachCsv']);

/** A cell's text as the JSON value the parser expects (a flag, a day number); anything else stays text, so the parser names it. */
function typed(path: string, value: string): unknown {
  const v = value.trim();
  if (BOOLEANS.has(path) && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  if (path === 'schedule.dayOfMonth' && /^\d+$/.test(v)) return Number(v);
  return path.startsWith('subject.') || path.startsWith('body.') ? value : v;
}

export function hasMailRows(rows: readonly SettingsRow[]): boolean {
  return rows.some((r) => r.key.startsWith(MAIL_PREFIX));
}

/** The mail settings the rows hold, checked by the `--settings` parser (an unknown key is an error naming it). */
export function mailSettingsFromRows(rows: readonly SettingsRow[]): MailSettingsParse {
  if (!hasMailRows(rows)) return { ok: true, settings: DEFAULT_MAIL_SETTINGS };
  const json: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    if (!key.startsWith(MAIL_PREFIX)) continue;
    const path = key.slice(MAIL_PREFIX.length);
    if (path.startsWith(CUSTOMERS)) {
      // A customer id may hold dots: everything after the prefix is the id.
      const schedule = (json['schedule'] ??= {}) as Record<string, unknown>;
      ((schedule['customers'] ??= {}) as Record<string, unknown>)[path.slice(CUSTOMERS.length)] = value.trim();
      continue;
    }
    const parts = path.split('.');
    const leaf = parts.pop() ?? '';
    let at = json;
    for (const p of parts) at = (at[p] ??= {}) as Record<string, unknown>;
    at[leaf] = typed(path, value);
  }
  return parseMailSettings(json);
}

/** The rows of the mail settings: defaults left out, the schedule whole when there is one. */
export function mailSettingsRows(s: MailSettings): SettingsRow[] {
  const rows: SettingsRow[] = [];
  const add = (path: string, value: string): void => void rows.push({ key: `${MAIL_PREFIX}${path}`, value });
  if (s.from !== '') add('from', s.from);
  if (s.replyTo !== '') add('replyTo', s.replyTo);
  if (s.copyToSelf) add('copyToSelf', 'true');
  if (s.attachment !== 'pdf') add('attachment', s.attachment);
  if (s.attachCsv) add('attachCsv', 'true');
  for (const part of ['subject', 'body'] as const) {
    for (const language of ['en', 'fr'] as const) if (s.templates[part][language] !== DEFAULT_TEMPLATES[part][language]) add(`${part}.${language}`, s.templates[part][language]);
  }
  const schedule = s.schedule;
  if (schedule !== undefined) {
    add('schedule.dayOfMonth', String(schedule.dayOfMonth));
    add('schedule.style', schedule.style);
    add('schedule.frequency', schedule.frequency);
    for (const [id, f] of Object.entries(schedule.customers)) add(`${CUSTOMERS}${id}`, f);
  }
  return rows;
}

/** The latest run date the pane recorded as complete, or undefined. */
export function lastScheduleRunFromRows(rows: readonly SettingsRow[]): Day | undefined {
  let last: Day | undefined;
  for (const r of rows) {
    if (r.key !== SCHEDULE_RUN_KEY) continue;
    const d = parseIsoDay(r.value.trim());
    if (d !== undefined && (last === undefined || d > last)) last = d;
  }
  return last;
}

export const scheduleRunRow = (runDate: Day): SettingsRow => ({ key: SCHEDULE_RUN_KEY, value: formatIsoDay(runDate) });
