import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Subtitle2, Text, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type Language, type StatementSettings } from '../../core';
import { readWorkbookSettings, saveWorkbookSettings, type ExcelRun } from '../../adapters/excel';
import { FIRM_TEXTS, firmForm, settingsFromForm, type FirmForm } from '../firmSettings';
import { usePaneStyles } from './styles';

type TextField = Exclude<keyof FirmForm, 'paper'>;
const FIELDS: readonly TextField[] = ['name', 'address', 'email', 'phone', 'bankName', 'iban', 'bic', 'messageEn', 'messageFr'];
const MULTILINE: ReadonlySet<TextField> = new Set(['address', 'messageEn', 'messageFr']);

/** "Firm settings": the company, bank and message printed on statements, saved as `settings.*` rows of the workbook's settings sheet. */
export function FirmSettingsSection({ run, language }: { run: ExcelRun; language: Language }) {
  const s = usePaneStyles();
  const t = FIRM_TEXTS[language];
  const [base, setBase] = useState<StatementSettings>(DEFAULT_SETTINGS);
  const [form, setForm] = useState<FirmForm>(firmForm(DEFAULT_SETTINGS));
  const [errors, setErrors] = useState<Partial<Record<keyof FirmForm, string>>>({});
  const [status, setStatus] = useState<{ intent: 'success' | 'error'; text: string } | undefined>(undefined);
  useEffect(() => {
    void readWorkbookSettings(run).then((loaded) => {
      setBase(loaded);
      setForm(firmForm(loaded));
    }, () => undefined);
  }, [run]);
  const save = () => {
    const checked = settingsFromForm(form, base, language);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    void saveWorkbookSettings(run, checked.settings).then(
      () => setStatus({ intent: 'success', text: t.saved }),
      (e: unknown) => setStatus({ intent: 'error', text: e instanceof Error ? e.message : String(e) }),
    );
  };
  return (
    <section className={s.card} aria-labelledby="firm-title" data-testid="firm-settings">
      <Subtitle2 as="h3" id="firm-title" className={s.heading}>{t.title}</Subtitle2>
      <Text className={s.small}>{t.help}</Text>
      {FIELDS.map((f) => (
        <Field key={f} label={t[f]} {...(errors[f] === undefined ? {} : { validationMessage: errors[f], validationState: 'error' as const })}>
          {MULTILINE.has(f)
            ? <Textarea name={f} value={form[f]} resize="vertical" onChange={(_, d) => setForm({ ...form, [f]: d.value })} />
            : <Input name={f} value={form[f]} onChange={(_, d) => setForm({ ...form, [f]: d.value })} />}
        </Field>
      ))}
      <RadioGroup name="paper" layout="horizontal" value={form.paper} aria-label={t.paper} onChange={(_, d) => setForm({ ...form, paper: d.value as FirmForm['paper'] })}>
        <Radio value="A4" label="A4" />
        <Radio value="Letter" label="Letter" />
      </RadioGroup>
      <div className={s.row}><Button onClick={save}>{t.save}</Button></div>
      {status !== undefined && <MessageBar intent={status.intent}><MessageBarBody>{status.text}</MessageBarBody></MessageBar>}
    </section>
  );
}
