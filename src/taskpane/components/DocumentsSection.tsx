import { Button, Field, MessageBar, MessageBarBody, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ComputeResult, CustomerStatement, Language } from '../../core';
import { readWorkbookSettings, type ExcelRun } from '../../adapters/excel';
import { PANE_EXPORTS, type ExportOutcome } from '../paneExports';
import type { PaneTexts } from '../texts';
import { usePaneStyles } from './styles';

/**
 * "Documents and exports": PDF, Word and reconciliation CSV made in the browser. The work lives in
 * src/taskpane/paneExports.ts (PANE_EXPORTS); a button shows for each capability it has,
 * and the section says plainly when it has none. The firm's settings (company, bank, message, paper)
 * are read from the workbook at each export, so a saved change shows in the next document.
 */
export function DocumentsSection({ t, language, result, statement, run }: { t: PaneTexts; language: Language; result: ComputeResult | undefined; statement: CustomerStatement | undefined; run: ExcelRun }) {
  const s = usePaneStyles();
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const [template, setTemplate] = useState<ArrayBuffer | undefined>(undefined);
  const x = PANE_EXPORTS;
  const say = (o: ExportOutcome) => setOutcome(o.kind === 'downloaded' ? o.fileName : o.kind === 'dialog' ? '' : o.reason[language]);
  // A bad template (an unknown tag) says which tag, in the pane's language when it can.
  const fail = (e: unknown) => {
    const m = e as { message?: unknown; localised?: { en: string; fr: string } };
    setOutcome(`${t.output.exportFailed} ${m.localised?.[language] ?? String(m.message ?? e)}`);
  };
  const actions: { label: string; run: (() => Promise<ExportOutcome>) | undefined }[] = result === undefined ? [] : [
    { label: 'PDF', run: x.statementPdf && statement ? async () => (x.statementPdf as NonNullable<typeof x.statementPdf>)({ result, statement, settings: await readWorkbookSettings(run) }) : undefined },
    { label: 'PDF (.zip)', run: x.allPdfZip ? async () => (x.allPdfZip as NonNullable<typeof x.allPdfZip>)(result, await readWorkbookSettings(run)) : undefined },
    { label: 'PDF (print)', run: x.allPdfPrint ? async () => (x.allPdfPrint as NonNullable<typeof x.allPdfPrint>)(result, await readWorkbookSettings(run)) : undefined },
    { label: 'Word', run: x.statementWord && statement ? async () => (x.statementWord as NonNullable<typeof x.statementWord>)({ result, statement, settings: await readWorkbookSettings(run) }, template) : undefined },
    { label: 'CSV', run: x.statementCsv && statement ? () => (x.statementCsv as NonNullable<typeof x.statementCsv>)({ result, statement }) : undefined },
    { label: 'CSV (.zip)', run: x.allCsvZip ? () => (x.allCsvZip as NonNullable<typeof x.allCsvZip>)(result) : undefined },
  ];
  const available = actions.filter((a) => a.run !== undefined);
  const none = Object.values(x).every((f) => f === undefined);
  return (
    <section className={s.card} aria-labelledby="documents-title" data-testid="documents-and-exports">
      <Subtitle2 as="h3" id="documents-title" className={s.heading}>{t.output.documentsTitle}</Subtitle2>
      {none && <MessageBar intent="info"><MessageBarBody>{t.output.documentsNotYet}</MessageBarBody></MessageBar>}
      {x.statementWord !== undefined && (
        <Field label={t.output.wordTemplate}>
          <input type="file" accept=".docx" name="wordTemplate" aria-label={t.output.wordTemplate} onChange={(e) => void e.target.files?.[0]?.arrayBuffer().then(setTemplate)} />
        </Field>
      )}
      <div className={s.row}>
        {available.map((a) => <Button key={a.label} onClick={() => void (a.run as () => Promise<ExportOutcome>)().then(say, fail)}>{a.label}</Button>)}
      </div>
      {outcome !== undefined && outcome !== '' && <Text className={s.small}>{outcome}</Text>}
    </section>
  );
}
