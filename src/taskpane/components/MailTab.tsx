import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Subtitle2, Text, mergeClasses } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { statementDocument, type ComputeResult, type CustomerStatement, type Language, type SkippedItem } from '../../core';
import { offerFile, MIME, printFile } from '../../adapters/documents/browser';
import type { ExcelRun } from '../../adapters/excel';
import type { ItemResult } from '../../adapters/mail/deliverBatch';
import { cancelScheduled, prepareBatch, sendBatch, type BatchChoice, type MailMode, type PreparedBatch, type SendProgress } from '../mail/mailBatch';
import type { PaneMailDeps } from '../mail/mailDeps';
import type { MailTexts } from '../mail/mailTexts';
import { countKinds, previewRows } from '../mail/previewRows';
import { usePaneStyles } from './styles';

export interface MailTabProps {
  readonly t: MailTexts;
  readonly language: Language;
  readonly run: ExcelRun;
  readonly deps: PaneMailDeps;
  readonly result: ComputeResult | undefined;
  readonly picked: CustomerStatement | undefined;
  /** "E-mail this statement" was pressed: the scope starts on the customer shown. */
  readonly scope: 'one' | 'all';
  readonly onScope: (scope: 'one' | 'all') => void;
}

type Status = { readonly intent: 'success' | 'warning' | 'error' | 'info'; readonly lines: readonly string[] };

/**
 * "E-mail this statement" / "E-mail all": the choices, the batch preview (who gets what at which
 * address with which attachment; who is skipped and why), then sending with its progress and ETA and
 * a result per customer. Cancel of held ("Send at…") messages; the print file of those without an
 * address.
 */
export function MailTab(p: MailTabProps) {
  const s = usePaneStyles();
  const { t, language } = p;
  const [mode, setMode] = useState<MailMode>('send');
  const [sendAtLocal, setSendAtLocal] = useState('');
  const [attachment, setAttachment] = useState<'pdf' | 'word-pdf'>('pdf');
  const [attachCsv, setAttachCsv] = useState(false);
  const [resend, setResend] = useState(false);
  const [template, setTemplate] = useState<Uint8Array | undefined>(undefined);
  const [prepared, setPrepared] = useState<PreparedBatch | undefined>(undefined);
  const [progress, setProgress] = useState<SendProgress | undefined>(undefined);
  const [results, setResults] = useState<readonly ItemResult[] | undefined>(undefined);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const stop = useRef(false);

  if (p.result === undefined) return <Text className={s.muted}>{t.needStatements}</Text>;
  const result = p.result;
  const okCount = result.statements.length;
  const who = p.picked === undefined ? undefined : `${p.picked.customerId} ${p.picked.customer?.name ?? ''}`.trim();
  const scope = p.scope === 'one' && p.picked !== undefined ? 'one' : 'all';
  const choice = (): BatchChoice => ({ customerId: scope === 'one' ? p.picked?.customerId : undefined, mode, sendAtLocal, attachment, attachCsv, resend });
  const fail = (e: unknown) => setStatus({ intent: 'error', lines: [t.failed(e instanceof Error ? e.message : String(e))] });
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPrepared(undefined); // a preview stands for the choices it was made with
  };

  const preview = async () => {
    setBusy(true);
    setStatus(undefined);
    setResults(undefined);
    try {
      const r = await prepareBatch(p.run, result, choice(), p.deps);
      if (!r.ok) setStatus({ intent: 'error', lines: [r.error[language]] });
      else setPrepared(r.batch);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    if (prepared === undefined) return;
    setBusy(true);
    stop.current = false;
    setStatus(undefined);
    try {
      const sent = await sendBatch(p.run, prepared, p.deps, language, { template, onProgress: setProgress, stopped: () => stop.current });
      if (!sent.ok) {
        setResults(sent.results);
        setStatus({ intent: 'error', lines: [t.failed(sent.error[language])] });
      } else {
        const r = sent.report;
        setResults(r.results);
        const drafted = r.results.filter((x) => x.outcome === 'drafted').length;
        setStatus({ intent: r.failures.length > 0 ? 'warning' : 'success', lines: [t.summary(r.delivered, drafted, r.failures.length), ...(r.stopped ? [t.stopped] : []), t.logged] });
      }
      setPrepared(undefined);
    } catch (e) {
      fail(e);
    } finally {
      setProgress(undefined);
      setBusy(false);
    }
  };

  const cancelHeld = async () => {
    setBusy(true);
    setStatus(undefined);
    try {
      const r = await cancelScheduled(p.run, result, choice(), p.deps, language);
      setStatus(r.error !== undefined ? { intent: 'error', lines: [t.failed(r.error[language])] } : { intent: 'info', lines: [r.cancelled.length > 0 ? t.cancelled(r.cancelled) : t.noneHeld] });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const toPrint = prepared === undefined ? [] : prepared.plan.filter((x): x is SkippedItem => x.kind === 'print');
  const printList = async () => {
    if (prepared === undefined) return;
    const docs = toPrint.map((x) => statementDocument(prepared.result, x.statement));
    const bytes = await printFile(docs, prepared.documents);
    const offered = offerFile('statements-to-print.pdf', bytes, MIME.pdf, { language });
    if (offered.status !== 'downloaded') setStatus({ intent: 'warning', lines: [offered.message[language]] });
  };

  const rows = prepared === undefined ? [] : previewRows(prepared.plan, t, language, prepared.mail.attachment);
  // A result per customer as each message goes, then the batch's.
  const shown = progress?.results ?? results;
  const counts = prepared === undefined ? undefined : countKinds(prepared.plan);

  return (
    <>
      <section className={s.card} aria-labelledby="mail-title">
        <Subtitle2 as="h3" id="mail-title" className={s.heading}>{t.title}</Subtitle2>
        <Text className={s.small}>{t.help}</Text>
        <Field label={t.scope}>
          <RadioGroup name="mailScope" value={scope} onChange={(_, d) => changed(p.onScope)(d.value as 'one' | 'all')}>
            <Radio value="one" label={who === undefined ? t.scopeOneNone : t.scopeOne(who)} disabled={who === undefined} />
            <Radio value="all" label={t.scopeAll(okCount)} />
          </RadioGroup>
        </Field>
        <Field label={t.mode}>
          <RadioGroup name="mailMode" value={mode} onChange={(_, d) => changed(setMode)(d.value as MailMode)}>
            <Radio value="send" label={t.modeSend} />
            <Radio value="drafts" label={t.modeDrafts} />
            <Radio value="at" label={t.modeAt} />
          </RadioGroup>
        </Field>
        {mode === 'at' && (
          <Field label={t.sendAt}>
            <Input type="datetime-local" name="sendAt" value={sendAtLocal} onChange={(_, d) => changed(setSendAtLocal)(d.value)} />
          </Field>
        )}
        <Field label={t.attachment}>
          <RadioGroup name="mailAttachment" value={attachment} onChange={(_, d) => changed(setAttachment)(d.value as 'pdf' | 'word-pdf')}>
            <Radio value="pdf" label={t.attachPdf} />
            <Radio value="word-pdf" label={t.attachWord} disabled={p.deps.wordToPdf === undefined} />
          </RadioGroup>
        </Field>
        {attachment === 'word-pdf' && (
          <Field label={t.wordTemplate}>
            <input type="file" accept=".docx" name="mailTemplate" aria-label={t.wordTemplate} onChange={(e) => void e.target.files?.[0]?.arrayBuffer().then((b) => changed(setTemplate)(new Uint8Array(b)))} />
          </Field>
        )}
        <Checkbox label={t.attachCsv} checked={attachCsv} onChange={(_, d) => changed(setAttachCsv)(d.checked === true)} />
        <Checkbox label={t.resend} checked={resend} onChange={(_, d) => changed(setResend)(d.checked === true)} />
        <div className={s.row}>
          <Button appearance={prepared === undefined ? 'primary' : 'secondary'} disabled={busy || okCount === 0} onClick={() => void preview()}>{t.preview}</Button>
          <Button disabled={busy} onClick={() => void cancelHeld()}>{t.cancelHeld}</Button>
        </div>
      </section>

      {prepared !== undefined && counts !== undefined && (
        <section className={s.card} aria-labelledby="preview-title" data-testid="mail-preview">
          <Subtitle2 as="h3" id="preview-title" className={s.heading}>{t.previewTitle}</Subtitle2>
          <Text className={s.small} role="status">{t.counts(counts.send, counts.print, counts.blocked, counts.already)}</Text>
          <table className={s.table} aria-labelledby="preview-title">
            <thead><tr><th className={s.th} scope="col">{t.columns.customer}</th><th className={s.th} scope="col">{t.columns.to}</th><th className={s.th} scope="col">{t.columns.files}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-kind={r.kind} data-customer={r.customerId}>
                  <td className={s.td}>{r.customer}</td>
                  <td className={s.td}>
                    {r.to}
                    {r.cc !== '' && <><br /><span className={s.muted}>{t.cc} {r.cc}</span></>}
                    {r.bcc !== '' && <><br /><span className={s.muted}>{t.bcc} {r.bcc}</span></>}
                    {r.subject !== '' && <><br /><span className={s.muted}>{t.subject}: {r.subject}</span></>}
                  </td>
                  <td className={s.td}>{r.kind === 'send' ? r.files : r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className={s.row}>
            <Button appearance="primary" disabled={busy || counts.send === 0} onClick={() => void send()}>{t.send(counts.send, mode)}</Button>
            {toPrint.length > 0 && <Button disabled={busy} onClick={() => void printList().catch(fail)}>{t.printFile(toPrint.length)}</Button>}
          </div>
        </section>
      )}

      {progress !== undefined && (
        <section className={s.card} role="status" aria-live="polite" data-testid="mail-progress" aria-label={t.sending}>
          <div className={s.spread}>
            <Text weight="semibold">{t.sending}</Text>
            <Button size="small" onClick={() => (stop.current = true)}>{t.stop}</Button>
          </div>
          <ProgressBar aria-label={t.sending} value={progress.total === 0 ? 1 : progress.done / progress.total} />
          <Text className={s.small}>{t.progress(progress.done, progress.total)} · {t.eta(t.duration(progress.remainingMs))}</Text>
        </section>
      )}

      {status !== undefined && (
        <MessageBar intent={status.intent}><MessageBarBody>{status.lines.map((l, i) => <div key={i}>{l}</div>)}</MessageBarBody></MessageBar>
      )}

      {shown !== undefined && shown.length > 0 && (
        <section className={s.card} aria-labelledby="results-title" data-testid="mail-results">
          <Subtitle2 as="h3" id="results-title" className={s.heading}>{t.results}</Subtitle2>
          <table className={s.table} aria-labelledby="results-title">
            <thead><tr><th className={s.th} scope="col">{t.columns.customer}</th><th className={s.th} scope="col">{t.columns.status}</th></tr></thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.item.customerId} data-outcome={r.outcome} data-customer={r.item.customerId}>
                  <td className={s.td}>{r.item.customerId}{r.item.customerName !== '' ? ` ${r.item.customerName}` : ''}</td>
                  <td className={mergeClasses(s.td)}>{t.outcome[r.outcome]}{r.outcome === 'failed' ? ` — ${r.reason[language]}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
