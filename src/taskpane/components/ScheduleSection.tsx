import { Button, Field, Input, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Subtitle2, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DEFAULT_MAIL_SETTINGS, formatIsoDay, type ComputeResult, type Language, type MailSchedule, type RunGroup } from '../../core';
import { readWorkbookMail, saveWorkbookMailSettings, type ExcelRun } from '../../adapters/excel';
import { runDue, type DueRuns, type RunProgress } from '../mail/dueRuns';
import type { PaneMailDeps } from '../mail/mailDeps';
import type { MailTexts } from '../mail/mailTexts';
import { scheduleForm, scheduleFromForm, type ScheduleForm } from '../mail/scheduleForm';
import { usePaneStyles } from './styles';

export interface ScheduleSectionProps {
  readonly t: MailTexts;
  readonly language: Language;
  readonly run: ExcelRun;
  readonly deps: PaneMailDeps;
  readonly due: DueRuns | undefined;
  /** A due group's statements: its period, style and customers with the pane's other options. */
  readonly compute: (group: RunGroup, style: MailSchedule['style']) => Promise<ComputeResult | undefined>;
  /** The schedule or the runs changed: look for due runs again. */
  readonly onChanged: () => void;
}

/** The monthly schedule (saved as mail.schedule.* rows of the settings sheet) and the runs due, with a button to run them. */
export function ScheduleSection(p: ScheduleSectionProps) {
  const s = usePaneStyles();
  const { t, language } = p;
  const [form, setForm] = useState<ScheduleForm>(scheduleForm(undefined));
  const [dayError, setDayError] = useState(false);
  const [status, setStatus] = useState<{ intent: 'success' | 'error'; text: string } | undefined>(undefined);
  const [progress, setProgress] = useState<RunProgress | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void readWorkbookMail(p.run).then((m) => {
      if (m.parsed.ok) setForm(scheduleForm(m.parsed.settings.schedule));
    }, () => undefined);
  }, [p.run]);

  const save = async (schedule: MailSchedule | undefined) => {
    const saved = await readWorkbookMail(p.run);
    const base = saved.parsed.ok ? saved.parsed.settings : DEFAULT_MAIL_SETTINGS;
    await saveWorkbookMailSettings(p.run, { ...base, schedule });
    setStatus({ intent: 'success', text: t.scheduleSaved });
    p.onChanged();
  };
  const onSave = () => {
    const checked = scheduleFromForm(form);
    setDayError(!checked.ok);
    if (checked.ok) void save(checked.schedule).catch((e: unknown) => setStatus({ intent: 'error', text: String(e) }));
  };
  const onRun = async () => {
    if (p.due === undefined) return;
    setBusy(true);
    setStatus(undefined);
    try {
      const r = await runDue(p.run, p.due, p.deps, language, p.compute, setProgress);
      const lines = [...(r.completed.length > 0 ? [t.runsDone(r.completed)] : []), ...(r.error !== undefined ? [t.failed(r.error[language])] : [])];
      setStatus({ intent: r.error === undefined ? 'success' : 'error', text: lines.join(' ') });
    } catch (e) {
      setStatus({ intent: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
    } finally {
      setProgress(undefined);
      setBusy(false);
      p.onChanged();
    }
  };
  const frequency = (g: RunGroup) => (g.frequency === 'monthly' ? t.monthly : t.quarterly).toLowerCase();
  const groups = p.due?.groups ?? [];

  return (
    <section className={s.card} aria-labelledby="schedule-title" data-testid="mail-schedule">
      <Subtitle2 as="h3" id="schedule-title" className={s.heading}>{t.scheduleTitle}</Subtitle2>
      <Text className={s.small}>{t.scheduleHelp}</Text>
      <div data-testid="due-runs">
        <Text weight="semibold" block>{t.dueTitle}</Text>
        {p.due?.error !== undefined && <Text block>{p.due.error[language]}</Text>}
        {groups.length === 0 ? <Text className={s.small}>{t.noneDue}</Text> : (
          <ul className={s.list} aria-label={t.dueTitle}>
            {groups.map((g) => <li key={`${g.run.runDate}-${g.frequency}`}><Text className={s.small}>{t.due(formatIsoDay(g.run.runDate), frequency(g), formatIsoDay(g.from), formatIsoDay(g.asOf), g.customerIds.length)}</Text></li>)}
          </ul>
        )}
        {groups.length > 0 && <div className={s.row}><Button appearance="primary" disabled={busy} onClick={() => void onRun()}>{t.runDue}</Button></div>}
        {progress !== undefined && (
          <div role="status" aria-live="polite">
            <ProgressBar aria-label={t.sending} value={progress.total === 0 ? 1 : progress.done / progress.total} />
            <Text className={s.small}>{formatIsoDay(progress.group.run.runDate)} · {t.progress(progress.done, progress.total)}</Text>
          </div>
        )}
      </div>
      <div className={s.fieldGrid}>
        <Field label={t.dayOfMonth} {...(dayError ? { validationMessage: t.badDay, validationState: 'error' as const } : {})}>
          <Input name="dayOfMonth" type="number" min={1} max={31} value={form.dayOfMonth} onChange={(_, d) => setForm({ ...form, dayOfMonth: d.value })} />
        </Field>
      </div>
      <RadioGroup name="scheduleStyle" layout="horizontal" value={form.style} aria-label={t.style} onChange={(_, d) => setForm({ ...form, style: d.value as ScheduleForm['style'] })}>
        <Radio value="activity" label={t.activity} />
        <Radio value="open-item" label={t.openItem} />
      </RadioGroup>
      <RadioGroup name="scheduleFrequency" layout="horizontal" value={form.frequency} aria-label={t.frequency} onChange={(_, d) => setForm({ ...form, frequency: d.value as ScheduleForm['frequency'] })}>
        <Radio value="monthly" label={t.monthly} />
        <Radio value="quarterly" label={t.quarterly} />
        <Radio value="never" label={t.never} />
      </RadioGroup>
      <Field label={t.quarterlyCustomers} hint={t.listHint}>
        <Input name="quarterly" value={form.quarterly} onChange={(_, d) => setForm({ ...form, quarterly: d.value })} />
      </Field>
      <Field label={t.neverCustomers} hint={t.listHint}>
        <Input name="never" value={form.never} onChange={(_, d) => setForm({ ...form, never: d.value })} />
      </Field>
      <div className={s.row}>
        <Button onClick={onSave}>{t.saveSchedule}</Button>
        <Button onClick={() => void save(undefined)}>{t.removeSchedule}</Button>
      </div>
      {status !== undefined && <MessageBar intent={status.intent}><MessageBarBody>{status.text}</MessageBarBody></MessageBar>}
    </section>
  );
}
