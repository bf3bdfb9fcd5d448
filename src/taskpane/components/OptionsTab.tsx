import { Checkbox, Field, Input, Radio, RadioGroup, Select, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import type { Language } from '../../core';
import type { OptionField, PaneOptions } from '../paneOptions';
import type { PaneTexts } from '../texts';
import { usePaneStyles } from './styles';

export interface OptionsTabProps {
  readonly t: PaneTexts;
  readonly options: PaneOptions;
  readonly errors: Partial<Record<OptionField, string>>;
  readonly onChange: (next: PaneOptions) => void;
}

/** Every option of `statements compute`: dates and style, aging, allocation, who gets a statement, language and reading. */
export function OptionsTab({ t, options: o, errors, onChange }: OptionsTabProps) {
  const s = usePaneStyles();
  const set = <K extends keyof PaneOptions>(k: K, v: PaneOptions[K]) => onChange({ ...o, [k]: v });
  const [accounts, setAccounts] = useState(o.accounts);
  const T = t.options;
  const err = (f: OptionField) => (errors[f] === undefined ? {} : { validationMessage: errors[f], validationState: 'error' as const });
  return (
    <>
      <section className={s.card} aria-labelledby="opt-statement">
        <Subtitle2 as="h3" id="opt-statement" className={s.heading}>{T.statement}</Subtitle2>
        <Field label={T.asOf} required {...err('asOf')}>
          <Input type="date" name="asOf" value={o.asOf} onChange={(_, d) => set('asOf', d.value)} />
        </Field>
        <Field label={T.from} hint={T.fromHint} {...err('from')}>
          <Input type="date" name="from" value={o.from} onChange={(_, d) => set('from', d.value)} />
        </Field>
        <Field label={T.style}>
          <RadioGroup layout="horizontal" name="style" value={o.style} onChange={(_, d) => set('style', d.value as PaneOptions['style'])}>
            <Radio value="open-item" label={T.openItem} />
            <Radio value="activity" label={T.activity} />
          </RadioGroup>
        </Field>
        <Field label={T.aging} hint={T.agingHint} {...err('aging')}>
          <Input name="aging" value={o.aging} onChange={(_, d) => set('aging', d.value)} />
        </Field>
        <Field label={T.agingBy}>
          <RadioGroup layout="horizontal" name="agingBasis" value={o.agingBasis} onChange={(_, d) => set('agingBasis', d.value as PaneOptions['agingBasis'])}>
            <Radio value="due" label={T.due} />
            <Radio value="posting" label={T.posting} />
          </RadioGroup>
        </Field>
        <Field label={T.allocate}>
          <RadioGroup name="allocate" value={o.allocate} onChange={(_, d) => set('allocate', d.value as PaneOptions['allocate'])}>
            <Radio value="none" label={T.allocateNone} />
            <Radio value="fifo" label={T.allocateFifo} />
          </RadioGroup>
        </Field>
      </section>

      <section className={s.card} aria-labelledby="opt-who">
        <Subtitle2 as="h3" id="opt-who" className={s.heading}>{T.who}</Subtitle2>
        <Field label={T.include}>
          <Select name="include" value={o.include} onChange={(_, d) => set('include', d.value as PaneOptions['include'])}>
            <option value="">{T.includeAuto}</option>
            <option value="balance">{T.includeBalance}</option>
            <option value="activity">{T.includeActivity}</option>
            <option value="either">{T.includeEither}</option>
          </Select>
        </Field>
        <Checkbox name="excludeCredit" checked={o.excludeCredit} onChange={(_, d) => set('excludeCredit', d.checked === true)} label={T.excludeCredit} />
        <Checkbox name="overdueOnly" checked={o.overdueOnly} onChange={(_, d) => set('overdueOnly', d.checked === true)} label={T.overdueOnly} />
        <Checkbox name="ignoreOptOut" checked={o.ignoreOptOut} onChange={(_, d) => set('ignoreOptOut', d.checked === true)} label={T.ignoreOptOut} />
        <Field label={T.minBalance} {...err('minBalance')}>
          <Input name="minBalance" inputMode="decimal" value={o.minBalance} onChange={(_, d) => set('minBalance', d.value)} />
        </Field>
        <Field label={T.customers} hint={T.listHint}>
          <Input name="customers" value={o.customers} onChange={(_, d) => set('customers', d.value)} />
        </Field>
        <Field label={T.groups} hint={T.listHint}>
          <Input name="groups" value={o.groups} onChange={(_, d) => set('groups', d.value)} />
        </Field>
      </section>

      <section className={s.card} aria-labelledby="opt-reading">
        <Subtitle2 as="h3" id="opt-reading" className={s.heading}>{T.reading}</Subtitle2>
        <Field label={T.language}>
          <Select name="language" value={o.language} onChange={(_, d) => set('language', d.value as Language)}>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </Select>
        </Field>
        <Field label={T.currency} hint={T.currencyHint} {...err('currency')}>
          <Input name="currency" value={o.currency} maxLength={3} onChange={(_, d) => set('currency', d.value)} />
        </Field>
        <Field label={T.dateOrder}>
          <RadioGroup name="dateOrder" value={o.dateOrder} onChange={(_, d) => set('dateOrder', d.value as PaneOptions['dateOrder'])}>
            <Radio value="dmy" label={T.dmy} />
            <Radio value="mdy" label={T.mdy} />
          </RadioGroup>
        </Field>
        <Field label={T.exported} hint={T.exportedHint} {...err('exported')}>
          <Input type="date" name="exported" value={o.exported} onChange={(_, d) => set('exported', d.value)} />
        </Field>
        <Field label={T.accounts} hint={T.accountsHint}>
          {/* The ledger is read again when the accounts change: once the field is left or Enter pressed, not at every key. */}
          <Input
            name="accounts"
            value={accounts}
            onChange={(_, d) => setAccounts(d.value)}
            onBlur={() => accounts !== o.accounts && set('accounts', accounts)}
            onKeyDown={(e) => e.key === 'Enter' && accounts !== o.accounts && set('accounts', accounts)}
          />
        </Field>
      </section>
    </>
  );
}
