import type { Frequency, MailSchedule, StatementStyle } from '../../core';

/** The schedule form as typed: customer lists as text. */
export interface ScheduleForm {
  readonly dayOfMonth: string;
  readonly style: StatementStyle;
  readonly frequency: Exclude<Frequency, 'never'> | 'never';
  readonly quarterly: string;
  readonly never: string;
}

export const EMPTY_SCHEDULE_FORM: ScheduleForm = { dayOfMonth: '1', style: 'activity', frequency: 'monthly', quarterly: '', never: '' };

const ids = (text: string): string[] => [...new Set(text.split(/[\s,;]+/).map((x) => x.trim()).filter((x) => x !== ''))];

export function scheduleForm(s: MailSchedule | undefined): ScheduleForm {
  if (s === undefined) return EMPTY_SCHEDULE_FORM;
  const listed = (f: Frequency) => Object.entries(s.customers).filter(([, x]) => x === f).map(([id]) => id).join(', ');
  return { dayOfMonth: String(s.dayOfMonth), style: s.style, frequency: s.frequency, quarterly: listed('quarterly'), never: listed('never') };
}

/** The schedule the form gives, or which field is wrong. A customer in both lists is never sent (the safer reading). */
export function scheduleFromForm(f: ScheduleForm): { ok: true; schedule: MailSchedule } | { ok: false; field: 'dayOfMonth' } {
  const day = f.dayOfMonth.trim();
  if (!/^\d{1,2}$/.test(day) || Number(day) < 1 || Number(day) > 31) return { ok: false, field: 'dayOfMonth' };
  const customers: Record<string, Frequency> = {};
  for (const id of ids(f.quarterly)) customers[id] = 'quarterly';
  for (const id of ids(f.never)) customers[id] = 'never';
  return { ok: true, schedule: { dayOfMonth: Number(day), style: f.style, frequency: f.frequency, customers } };
}
