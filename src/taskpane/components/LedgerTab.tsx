import { Badge, Button, Field, MessageBar, MessageBarBody, Select, Subtitle2, Text, mergeClasses } from '@fluentui/react-components';
import { useState } from 'react';
import { COLUMNS, type Language, type Localised, type TableMappings, type TableName } from '../../core';
import type { MappingCandidate, TableSummary } from '../ledgerSummary';
import { missingColumns } from '../ledgerSummary';
import type { PaneTexts } from '../texts';
import { usePaneStyles } from './styles';

export interface LedgerTabProps {
  readonly t: PaneTexts;
  readonly language: Language;
  readonly busy: boolean;
  readonly error: Localised | undefined;
  readonly notes: readonly Localised[];
  readonly tables: readonly TableSummary[] | undefined;
  readonly candidates: readonly MappingCandidate[];
  readonly mapping: TableMappings;
  readonly onFind: () => void;
  readonly onSaveMapping: (mapping: TableMappings) => void;
}

const mappedCount = (m: TableMappings) => Object.values(m).reduce((n, t) => n + Object.keys(t ?? {}).length, 0);

/** What the finder read: each table with its sheet, rows and columns, and the mapping of columns it could not recognise. */
export function LedgerTab(p: LedgerTabProps) {
  const s = usePaneStyles();
  const { t } = p;
  const derived = p.tables !== undefined && !p.tables.some((x) => x.table === 'customers');
  return (
    <>
      <div className={s.row}>
        <Button appearance="primary" onClick={p.onFind} disabled={p.busy}>{t.ledger.find}</Button>
        {mappedCount(p.mapping) > 0 && (
          <>
            <Text className={mergeClasses(s.small, s.muted)}>{t.ledger.savedMapping(mappedCount(p.mapping))}</Text>
            <Button appearance="subtle" size="small" onClick={() => p.onSaveMapping({})} disabled={p.busy}>{t.ledger.clearMapping}</Button>
          </>
        )}
      </div>
      {p.error !== undefined && (
        <MessageBar intent="warning"><MessageBarBody>{p.error[p.language]}</MessageBarBody></MessageBar>
      )}
      {p.notes.map((n, i) => <MessageBar key={i} intent="info"><MessageBarBody>{n[p.language]}</MessageBarBody></MessageBar>)}
      {p.candidates.length > 0 && <MappingEditor {...p} />}
      {p.tables === undefined && p.error === undefined && !p.busy && <Text className={s.muted}>{t.ledger.notFound}</Text>}
      {p.tables?.map((table, i) => (
        <section key={i} className={s.card} aria-label={`${t.ledger.table[table.table]} — ${table.sheet}`}>
          <div className={s.cardTitle}>
            <Subtitle2 as="h3" className={s.heading}>{t.ledger.table[table.table]}</Subtitle2>
            <Badge appearance="tint" color={table.missing.length > 0 ? 'danger' : 'brand'}>{t.ledger.rows(table.rows)}</Badge>
          </div>
          <Text className={mergeClasses(s.small, s.muted)}>{t.ledger.fromSheet(table.sheet, table.headerRow)}</Text>
          <table className={s.table}>
            <thead>
              <tr><th className={s.th} scope="col">{t.ledger.header}</th><th className={s.th} scope="col">{t.ledger.column}</th></tr>
            </thead>
            <tbody>
              {table.columns.map((c, j) => (
                <tr key={j}>
                  <td className={s.td}>{c.header}</td>
                  <td className={mergeClasses(s.td, c.column === undefined ? s.muted : s.code)}>{c.column ?? t.ledger.notRead}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {derived && <Text className={mergeClasses(s.small, s.muted)}>{t.ledger.derivedCustomers}</Text>}
      {p.tables !== undefined && !p.tables.some((x) => x.table === 'applications') && <Text className={mergeClasses(s.small, s.muted)}>{t.ledger.noApplications}</Text>}
    </>
  );
}

/** Per table to map: which table the sheet holds (when the finder could not tell) and the header of each missing column. */
function MappingEditor(p: LedgerTabProps) {
  const s = usePaneStyles();
  const { t } = p;
  const [tables, setTables] = useState<Record<string, TableName>>({});
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const key = (sheet: string, column: string) => `${sheet}\u0000${column}`;
  const tableOf = (c: MappingCandidate) => tables[c.sheet] ?? c.table;

  const save = () => {
    const next: Partial<Record<TableName, Record<string, string>>> = {};
    for (const [table, own] of Object.entries(p.mapping) as [TableName, Readonly<Record<string, string>>][]) next[table] = { ...own };
    for (const c of p.candidates) {
      const table = tableOf(c);
      for (const column of missingColumns(table, c.headers, p.mapping)) {
        const header = chosen[key(c.sheet, column)];
        if (header !== undefined && header !== '') (next[table] ??= {})[header] = column;
      }
    }
    p.onSaveMapping(next);
  };
  const anyChosen = Object.values(chosen).some((h) => h !== '');

  return (
    <section className={s.card} aria-labelledby="mapping-title">
      <Subtitle2 as="h3" id="mapping-title" className={s.heading}>{t.ledger.mappingTitle}</Subtitle2>
      <Text className={s.small}>{t.ledger.mappingHelp}</Text>
      {p.candidates.map((c) => {
        const table = tableOf(c);
        const missing = missingColumns(table, c.headers, p.mapping);
        return (
          <div key={c.sheet} className={s.card} style={{ boxShadow: 'none', padding: 0 }}>
            <MessageBar intent="warning">
              <MessageBarBody>{c.fixed ? t.ledger.tableMissing(t.ledger.table[c.table], c.sheet) : t.ledger.sheetNoTable(c.sheet, c.headerRow)}</MessageBarBody>
            </MessageBar>
            {!c.fixed && (
              <Field label={`${t.ledger.readAs} (${c.sheet})`}>
                <Select value={table} onChange={(_, d) => setTables({ ...tables, [c.sheet]: d.value as TableName })}>
                  {(Object.keys(COLUMNS) as TableName[]).map((name) => <option key={name} value={name}>{t.ledger.table[name]}</option>)}
                </Select>
              </Field>
            )}
            {missing.map((column) => (
              <Field key={column} label={t.ledger.columnFor(column)}>
                <Select value={chosen[key(c.sheet, column)] ?? ''} onChange={(_, d) => setChosen({ ...chosen, [key(c.sheet, column)]: d.value })}>
                  <option value="">{t.ledger.choose}</option>
                  {c.headers.map((h) => <option key={h} value={h}>{h}</option>)}
                </Select>
              </Field>
            ))}
          </div>
        );
      })}
      <div className={s.row}>
        <Button appearance="primary" onClick={save} disabled={p.busy || !anyChosen}>{t.ledger.saveMapping}</Button>
      </div>
    </section>
  );
}
