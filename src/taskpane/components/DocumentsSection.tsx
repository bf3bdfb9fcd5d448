import { Button, MessageBar, MessageBarBody, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ComputeResult, CustomerStatement, Language } from '../../core';
import { PANE_EXPORTS, type ExportOutcome } from '../paneExports';
import type { PaneTexts } from '../texts';
import { usePaneStyles } from './styles';

/**
 * "Documents and exports": PDF, Word and reconciliation CSV made in the browser. The work lives in
 * src/taskpane/paneExports.ts (PANE_EXPORTS); a button shows for each capability it has,
 * and the section says plainly when it has none.
 */
export function DocumentsSection({ t, language, result, statement }: { t: PaneTexts; language: Language; result: ComputeResult | undefined; statement: CustomerStatement | undefined }) {
  const s = usePaneStyles();
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const x = PANE_EXPORTS;
  const say = (o: ExportOutcome) => setOutcome(o.kind === 'downloaded' ? o.fileName : o.kind === 'dialog' ? '' : o.reason[language]);
  const actions: { label: string; run: (() => Promise<ExportOutcome>) | undefined }[] = result === undefined ? [] : [
    { label: 'PDF', run: x.statementPdf && statement ? () => (x.statementPdf as NonNullable<typeof x.statementPdf>)({ result, statement }) : undefined },
    { label: 'PDF (.zip)', run: x.allPdfZip ? () => (x.allPdfZip as NonNullable<typeof x.allPdfZip>)(result) : undefined },
    { label: 'PDF (print)', run: x.allPdfPrint ? () => (x.allPdfPrint as NonNullable<typeof x.allPdfPrint>)(result) : undefined },
    { label: 'Word', run: x.statementWord && statement ? () => (x.statementWord as NonNullable<typeof x.statementWord>)({ result, statement }, undefined) : undefined },
    { label: 'CSV', run: x.statementCsv && statement ? () => (x.statementCsv as NonNullable<typeof x.statementCsv>)({ result, statement }) : undefined },
    { label: 'CSV (.zip)', run: x.allCsvZip ? () => (x.allCsvZip as NonNullable<typeof x.allCsvZip>)(result) : undefined },
  ];
  const available = actions.filter((a) => a.run !== undefined);
  const none = Object.values(x).every((f) => f === undefined);
  return (
    <section className={s.card} aria-labelledby="documents-title" data-testid="documents-and-exports">
      <Subtitle2 as="h3" id="documents-title" className={s.heading}>{t.output.documentsTitle}</Subtitle2>
      {none && <MessageBar intent="info"><MessageBarBody>{t.output.documentsNotYet}</MessageBarBody></MessageBar>}
      <div className={s.row}>
        {available.map((a) => <Button key={a.label} onClick={() => void (a.run as () => Promise<ExportOutcome>)().then(say)}>{a.label}</Button>)}
      </div>
      {outcome !== undefined && outcome !== '' && <Text className={s.small}>{outcome}</Text>}
    </section>
  );
}
