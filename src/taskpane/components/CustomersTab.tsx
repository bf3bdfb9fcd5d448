import { Badge, Button, SearchBox, Text, mergeClasses } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { formatAmount, type Language, type StatementDocument } from '../../core';
import { searchRows, type CustomerRow } from '../customerRows';
import type { PaneTexts } from '../texts';
import { StatementView } from './StatementView';
import { usePaneStyles } from './styles';

export interface CustomersTabProps {
  readonly t: PaneTexts;
  readonly language: Language;
  readonly rows: readonly CustomerRow[] | undefined;
  readonly picked: string | undefined;
  readonly document: StatementDocument | undefined;
  readonly onPick: (customerId: string | undefined) => void;
  /** "E-mail this statement": opens the e-mail tab on the customer shown. */
  readonly emailLabel?: string;
  readonly onEmail?: () => void;
}

const SHOWN = 300; // rows drawn at once; the search narrows a large ledger

/** The run's customers with balance, overdue and status, a search, and the statement of the one picked. */
export function CustomersTab({ t, language, rows, picked, document, onPick, emailLabel, onEmail }: CustomersTabProps) {
  const s = usePaneStyles();
  const [query, setQuery] = useState('');
  const found = useMemo(() => (rows === undefined ? [] : searchRows(rows, query)), [rows, query]);
  if (rows === undefined) return <Text className={s.muted}>{t.customers.needLedger}</Text>;
  if (picked !== undefined && document !== undefined) {
    return (
      <>
        <div className={s.row}>
          <Button onClick={() => onPick(undefined)}>{t.customers.back}</Button>
          {onEmail !== undefined && <Button appearance="primary" onClick={onEmail}>{emailLabel}</Button>}
        </div>
        <StatementView doc={document} />
      </>
    );
  }
  const count = (k: CustomerRow['status']) => new Set(rows.filter((r) => r.status === k).map((r) => r.customerId)).size;
  const money = (m: number | undefined, c: string | undefined) => (m === undefined || c === undefined ? '—' : formatAmount(m, c, language));
  return (
    <>
      <SearchBox aria-label={t.customers.search} placeholder={t.customers.search} value={query} onChange={(_, d) => setQuery(d.value)} />
      <Text className={mergeClasses(s.small, s.muted)} role="status">
        {t.customers.summary(found.length, count('ok'), count('blocked'), count('excluded'))}
      </Text>
      {found.length === 0 && <Text>{t.customers.none}</Text>}
      <ul className={s.list} aria-label={t.tabs.customers}>
        {found.slice(0, SHOWN).map((r) => {
          const status = r.status === 'ok' ? t.customers.ok : r.status === 'blocked' ? t.customers.blocked : t.customers.excluded;
          const content = (
            <>
              <span className={s.spread}>
                <Text weight="semibold" className={s.ellipsis}>{r.name || r.customerId}</Text>
                <Badge appearance={r.status === 'ok' ? 'tint' : 'filled'} color={r.status === 'ok' ? 'success' : r.status === 'blocked' ? 'danger' : 'subtle'}>{status}</Badge>
              </span>
              <span className={s.spread}>
                <Text className={mergeClasses(s.small, s.muted)}>{r.customerId}{r.currency !== undefined ? ` · ${r.currency}` : ''}</Text>
                {r.status === 'ok' && (
                  <Text className={mergeClasses(s.small, s.num)}>
                    {t.customers.balance} {money(r.balance, r.currency)}{r.overdue !== undefined && r.overdue !== 0 ? ` · ${t.customers.overdue} ${money(r.overdue, r.currency)}` : ''}
                  </Text>
                )}
              </span>
              {r.reason !== undefined && <Text className={s.small}>{r.reason}</Text>}
            </>
          );
          return (
            <li key={r.key}>
              {r.status === 'ok'
                ? <button type="button" className={s.listButton} onClick={() => onPick(r.customerId)}>{content}</button>
                : <div className={s.listButton} style={{ cursor: 'default' }}>{content}</div>}
            </li>
          );
        })}
      </ul>
      {found.length > 0 && <Text className={mergeClasses(s.small, s.muted)}>{t.customers.pickHint}</Text>}
    </>
  );
}
