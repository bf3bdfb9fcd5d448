import { Button, MessageBar, MessageBarBody, ProgressBar, Tab, TabList, Text, Title3 } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { buildLedger, statementDocument, type ComputeResult, type Issue, type MailSchedule, type RunGroup, type TableMappings } from '../../core';
import { readSheetHeads, readWorkbookMapping, saveWorkbookMapping, selectCell, type LedgerRead } from '../../adapters/excel';
import { customerRows } from '../customerRows';
import type { PaneHost } from '../host';
import { mappingCandidates, summariseTables, type MappingCandidate } from '../ledgerSummary';
import { checkOptions, defaultOptions, exportOptionsOf, type PaneOptions } from '../paneOptions';
import { CancelToken, Cancelled, computeRun, findLedger, workbookModelFor, writeRun, yieldToUi, type Progress } from '../statementsRun';
import { TEXTS } from '../texts';
import { CustomersTab } from './CustomersTab';
import { IssuesTab } from './IssuesTab';
import { LedgerTab } from './LedgerTab';
import { OptionsTab } from './OptionsTab';
import { OutputTab, type WriteMode } from './OutputTab';
import { MailTab } from './MailTab';
import { ScheduleSection } from './ScheduleSection';
import { findDueRuns, type DueRuns } from '../mail/dueRuns';
import { MAIL_TEXTS } from '../mail/mailTexts';
import { usePaneStyles } from './styles';

type TabId = 'ledger' | 'options' | 'customers' | 'issues' | 'output' | 'mail';
const TABS: readonly TabId[] = ['ledger', 'options', 'customers', 'issues', 'output', 'mail'];

/**
 * The task pane: finds the ledger when it opens, computes the statements whenever the ledger or an
 * option changes, and writes the sheets on request. One job at a time (a new one cancels the one
 * before); every job shows its progress and can be cancelled.
 */
export function App({ host }: { host: PaneHost }) {
  const s = usePaneStyles();
  const language = host.language;
  const t = TEXTS[language];
  const [tab, setTab] = useState<TabId>('ledger');
  const [mapping, setMapping] = useState<TableMappings>({});
  const [read, setRead] = useState<LedgerRead | undefined>(undefined);
  const [candidates, setCandidates] = useState<MappingCandidate[]>([]);
  const [options, setOptions] = useState<PaneOptions>(() => defaultOptions(host.today(), language));
  const [result, setResult] = useState<ComputeResult | undefined>(undefined);
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [mode, setMode] = useState<WriteMode>('all');
  const [written, setWritten] = useState<{ intent: 'success' | 'warning' | 'error'; lines: string[] } | undefined>(undefined);
  const [issueStatus, setIssueStatus] = useState<string | undefined>(undefined);
  const [mailScope, setMailScope] = useState<'one' | 'all'>('all');
  const [due, setDue] = useState<DueRuns | undefined>(undefined);
  const [dueKey, setDueKey] = useState(0);
  const token = useRef<CancelToken | undefined>(undefined);
  const m = MAIL_TEXTS[language];
  const checked = useMemo(() => checkOptions(options, t, language), [options, t, language]);

  /** Runs `work` as the one job: the job before is cancelled; a cancellation or failure is said, not thrown. */
  const job = useCallback(async (work: (token: CancelToken) => Promise<void>) => {
    if (token.current !== undefined) token.current.cancelled = true;
    const mine = new CancelToken();
    token.current = mine;
    setFailure(undefined);
    try {
      await work(mine);
    } catch (error) {
      if (token.current === mine) setFailure(error instanceof Cancelled ? t.progress.cancelled : t.failed(error instanceof Error ? error.message : String(error)));
    } finally {
      if (token.current === mine) {
        token.current = undefined;
        setProgress(undefined);
      }
    }
  }, [t]);

  /** Reads the ledger with the workbook's mapping, or with `saved` after saving it in the workbook. */
  const readLedger = useCallback((saved: TableMappings | undefined) => job(async (tk) => {
    setProgress({ phase: 'read', done: 0 });
    if (saved !== undefined) await saveWorkbookMapping(host.run, saved);
    const m = saved ?? (await readWorkbookMapping(host.run));
    setMapping(m);
    const found = await findLedger(host, m, options.dateOrder, tk, (p) => {
      if (!tk.cancelled) setProgress(p);
    }, exportOptionsOf(options));
    tk.check();
    const summaries = summariseTables(found);
    const needHeads = !found.ok || found.issues.some((i) => i.code === 'no-table');
    const heads = needHeads ? await readSheetHeads(host.run) : [];
    tk.check();
    setCandidates(mappingCandidates(summaries, heads, m));
    setRead(found);
    if (!found.ok) setResult(undefined);
  }), [job, host, options.dateOrder, options.accounts]);

  // On open, and again when a reading option (the date order, the receivable accounts) changes.
  useEffect(() => {
    void readLedger(undefined);
  }, [readLedger]);

  // Statements follow the ledger and the options, a moment after the last change.
  const computeKey = checked.ok ? JSON.stringify([checked.options, checked.defaultCurrency]) : '';
  useEffect(() => {
    if (read === undefined || !read.ok || !checked.ok) return;
    const { options: computeOptions, defaultCurrency } = checked;
    const timer = setTimeout(() => {
      void job(async (tk) => {
        const r = await computeRun(read, computeOptions, defaultCurrency, tk, (p) => {
          if (!tk.cancelled) setProgress(p);
        });
        tk.check();
        setResult(r);
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [read, computeKey, job]); // computeKey stands for checked's content

  // The monthly runs due, looked for when the workbook's ledger is read (the pane opens) and after a schedule change or a run.
  useEffect(() => {
    if (read === undefined || !read.ok) return;
    const ids = buildLedger(read.tables, { defaultCurrency: checked.ok ? checked.defaultCurrency : undefined, dateOrder: undefined }, []).customers.map((c) => c.id);
    void findDueRuns(host.run, ids, host.today()).then(setDue, () => undefined);
  }, [read, host, dueKey]); // the currency does not change the customers

  /** A due group's statements: the pane's options with the run's period, style and customers. */
  const computeGroup = useCallback(async (group: RunGroup, style: MailSchedule['style']) => {
    if (read === undefined || !read.ok || !checked.ok) return undefined;
    const options = { ...checked.options, asOf: group.asOf, from: group.from, style, customers: [...group.customerIds] };
    return computeRun(read, options, checked.defaultCurrency, new CancelToken(), () => undefined);
  }, [read, checked]);

  const rows = useMemo(() => (result === undefined ? undefined : customerRows(result, language)), [result, language]);
  const pickedStatement = useMemo(() => result?.statements.find((x) => x.customerId === picked && x.status === 'ok'), [result, picked]);
  const document = useMemo(() => (result !== undefined && pickedStatement !== undefined ? statementDocument(result, pickedStatement) : undefined), [result, pickedStatement]);
  const issues: readonly Issue[] | undefined = result?.issues ?? (read?.ok === true ? read.issues : undefined);

  const write = () => job(async (tk) => {
    if (result === undefined || !checked.ok) return;
    setWritten(undefined);
    setProgress({ phase: 'model', done: 0 });
    await yieldToUi();
    const sheetMode = mode === 'one' && pickedStatement !== undefined
      ? { kind: 'one' as const, statement: pickedStatement, sheetName: TEXTS[options.language].output.statementSheet }
      : { kind: 'all' as const, maxSheets: checked.maxSheets };
    const model = workbookModelFor(result, sheetMode, options.language);
    tk.check();
    const done = await writeRun(host, model, tk, (p) => {
      if (!tk.cancelled) setProgress(p);
    });
    setWritten({
      intent: 'success',
      lines: [t.output.written(done.sheets.length, done.removed.length), ...Object.entries(done.renamed).map(([from, to]) => t.output.renamed(from, to))],
    });
  });

  const select = (cell: string) => {
    setIssueStatus(undefined);
    void selectCell(host.run, cell).then(
      (ok) => setIssueStatus(ok ? t.issues.selected(cell) : t.issues.notSelectable),
      (error: unknown) => setIssueStatus(t.failed(error instanceof Error ? error.message : String(error))),
    );
  };

  const phaseLabel = progress === undefined ? '' : t.progress[progress.phase];
  const progressText = progress === undefined ? ''
    : progress.phase === 'read' ? t.ledger.reading(progress.done)
      : progress.phase === 'write' && progress.total !== undefined ? t.output.writing(Math.min(progress.done + 1, progress.total), progress.total)
        : phaseLabel;

  return (
    <div className={s.root}>
      <header className={s.header}>
        <Title3 as="h1" className={s.heading}>{t.title}</Title3>
        <Text className={s.subtitle}>{t.subtitle}</Text>
      </header>
      <nav className={s.tabs} aria-label={t.title}>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
          {TABS.map((id) => (
            <Tab key={id} value={id} id={`tab-${id}`}>
              {t.tabs[id]}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={s.content} aria-labelledby={`tab-${tab}`} data-tab={tab}>
        {failure !== undefined && <MessageBar intent={failure === t.progress.cancelled ? 'warning' : 'error'}><MessageBarBody>{failure}</MessageBarBody></MessageBar>}
        {tab === 'ledger' && (
          <LedgerTab
            t={t} language={language} busy={progress !== undefined}
            error={read !== undefined && !read.ok ? read.error : undefined}
            // Another system's export: which one, and which columns were used for what (issue 16), shown first.
            notes={[...(read?.ok === true ? read.issues.filter((i) => i.code === 'export-recognised').map((i) => i.message) : []), ...(read?.notes ?? [])]}
            tables={read?.ok === true ? summariseTables(read) : undefined}
            candidates={candidates} mapping={mapping}
            onFind={() => void readLedger(undefined)}
            onSaveMapping={(m) => void readLedger(m)}
          />
        )}
        {tab === 'options' && <OptionsTab t={t} options={options} errors={checked.ok ? {} : checked.errors} onChange={setOptions} />}
        {due !== undefined && due.groups.length > 0 && tab !== 'mail' && (
          <MessageBar intent="info" data-testid="due-banner">
            <MessageBarBody>{m.dueBanner(due.groups.length)} <Button size="small" onClick={() => setTab('mail')}>{m.openMail}</Button></MessageBarBody>
          </MessageBar>
        )}
        {tab === 'customers' && <CustomersTab t={t} language={language} rows={rows} picked={picked} document={document} onPick={setPicked} emailLabel={m.emailThis} onEmail={() => { setMailScope('one'); setTab('mail'); }} />}
        {tab === 'issues' && <IssuesTab t={t} language={language} issues={issues} status={issueStatus} onSelect={select} />}
        {tab === 'output' && (
          <OutputTab
            t={t} run={host.run} language={language} busy={progress !== undefined} result={result} picked={pickedStatement} mode={mode}
            options={options} errors={checked.ok ? {} : checked.errors} written={written}
            onMode={setMode} onOptions={setOptions} onWrite={() => void write()}
          />
        )}
        {/* Kept mounted while another tab shows: a batch being sent keeps its progress and results. */}
        <div hidden={tab !== 'mail'} className={s.content} style={{ padding: 0 }}>
          <MailTab t={m} language={language} run={host.run} deps={host.mail} result={result} picked={pickedStatement} scope={mailScope} onScope={setMailScope} />
          <ScheduleSection t={m} language={language} run={host.run} deps={host.mail} due={due} compute={computeGroup} onChanged={() => setDueKey((k) => k + 1)} />
        </div>
      </main>
      {progress !== undefined && (
        <div className={s.sticky} role="status" aria-live="polite" data-testid="progress">
          <div className={s.spread}>
            <Text weight="semibold">{phaseLabel}</Text>
            <Button size="small" onClick={() => { if (token.current !== undefined) token.current.cancelled = true; }}>{t.progress.cancel}</Button>
          </div>
          <ProgressBar aria-label={phaseLabel} {...(progress.total !== undefined && progress.total > 0 ? { value: progress.done / progress.total } : {})} />
          <Text className={s.small}>{progressText}</Text>
        </div>
      )}
    </div>
  );
}
