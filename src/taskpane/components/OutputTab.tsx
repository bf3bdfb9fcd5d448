import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Subtitle2, Text } from '@fluentui/react-components';
import type { ComputeResult, CustomerStatement, Language } from '../../core';
import type { OptionField, PaneOptions } from '../paneOptions';
import type { PaneTexts } from '../texts';
import type { ExcelRun } from '../../adapters/excel';
import { DocumentsSection } from './DocumentsSection';
import { FirmSettingsSection } from './FirmSettingsSection';
import { usePaneStyles } from './styles';

export type WriteMode = 'all' | 'one';

export interface OutputTabProps {
  readonly t: PaneTexts;
  readonly run: ExcelRun;
  readonly language: Language;
  readonly busy: boolean;
  readonly result: ComputeResult | undefined;
  readonly picked: CustomerStatement | undefined;
  readonly mode: WriteMode;
  readonly options: PaneOptions;
  readonly errors: Partial<Record<OptionField, string>>;
  readonly written: { readonly intent: 'success' | 'warning' | 'error'; readonly lines: readonly string[] } | undefined;
  readonly onMode: (mode: WriteMode) => void;
  readonly onOptions: (next: PaneOptions) => void;
  readonly onWrite: () => void;
}

/** Write to the workbook (the statements workbook model, replacing the last run's sheets), then documents and exports. */
export function OutputTab(p: OutputTabProps) {
  const s = usePaneStyles();
  const { t } = p;
  const who = p.picked === undefined ? undefined : `${p.picked.customerId} ${p.picked.customer?.name ?? ''}`.trim();
  return (
    <>
      <section className={s.card} aria-labelledby="write-title">
        <Subtitle2 as="h3" id="write-title" className={s.heading}>{t.output.workbookTitle}</Subtitle2>
        <Text className={s.small}>{t.output.workbookHelp}</Text>
        <RadioGroup name="sheets" value={p.mode} aria-labelledby="write-title" onChange={(_, d) => p.onMode(d.value as WriteMode)}>
          <Radio value="all" label={t.output.allStatements} />
          <Radio value="one" label={who === undefined ? t.output.oneStatementNone : t.output.oneStatement(who)} disabled={who === undefined} />
        </RadioGroup>
        {p.mode === 'all' && (
          <Field label={t.output.maxSheets} {...(p.errors.maxSheets === undefined ? {} : { validationMessage: p.errors.maxSheets, validationState: 'error' as const })}>
            <Input name="maxSheets" type="number" min={0} value={p.options.maxSheets} onChange={(_, d) => p.onOptions({ ...p.options, maxSheets: d.value })} />
          </Field>
        )}
        <div className={s.row}>
          <Button appearance="primary" disabled={p.busy || p.result === undefined || (p.mode === 'one' && p.picked === undefined)} onClick={p.onWrite}>{t.output.write}</Button>
        </div>
        {p.written !== undefined && (
          <MessageBar intent={p.written.intent}>
            <MessageBarBody>{p.written.lines.map((l, i) => <div key={i}>{l}</div>)}</MessageBarBody>
          </MessageBar>
        )}
      </section>
      <DocumentsSection t={t} language={p.language} result={p.result} statement={p.picked} run={p.run} />
      <FirmSettingsSection run={p.run} language={p.language} />
    </>
  );
}
