import { Badge, Button, Text, mergeClasses } from '@fluentui/react-components';
import type { Issue, Language } from '../../core';
import type { PaneTexts } from '../texts';
import { usePaneStyles } from './styles';

export interface IssuesTabProps {
  readonly t: PaneTexts;
  readonly language: Language;
  readonly issues: readonly Issue[] | undefined;
  readonly status: string | undefined;
  readonly onSelect: (cell: string) => void;
}

const SHOWN = 500;

/** Each problem with its message; its cell, when it has one, is a button that selects it in the workbook. */
export function IssuesTab({ t, language, issues, status, onSelect }: IssuesTabProps) {
  const s = usePaneStyles();
  if (issues === undefined) return <Text className={s.muted}>{t.customers.needLedger}</Text>;
  if (issues.length === 0) return <Text>{t.issues.none}</Text>;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  return (
    <>
      <Text className={mergeClasses(s.small, s.muted)}>{t.issues.count(errors, warnings)}</Text>
      <Text role="status" className={s.small}>{status ?? ''}</Text>
      <ul className={s.list} aria-label={t.tabs.issues}>
        {issues.slice(0, SHOWN).map((issue, i) => (
          <li key={i} className={s.card} style={{ padding: '8px 12px' }}>
            <span className={s.spread}>
              <Badge appearance="tint" color={issue.severity === 'error' ? 'danger' : issue.severity === 'warning' ? 'warning' : 'informative'}>{issue.severity === 'error' ? (language === 'fr' ? 'erreur' : 'error') : issue.severity === 'warning' ? (language === 'fr' ? 'avertissement' : 'warning') : 'info'}</Badge>
              {issue.customerId !== undefined && <Text className={mergeClasses(s.small, s.muted)}>{issue.customerId}</Text>}
            </span>
            <Text className={s.small}>{issue.message[language]}</Text>
            {issue.cell !== undefined && (
              <div>
                <Button size="small" appearance="secondary" aria-label={t.issues.select(issue.cell)} onClick={() => onSelect(issue.cell as string)}>
                  <span className={s.code}>{issue.cell}</span>
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
