/**
 * The reconciliation CSV in the browser: the CLI's text (csv/writeReconciliationCsv.ts, pure, so
 * both doors run one code path: BOM, CRLF, RFC 4180 quoting, formula-injection guard) as UTF-8 bytes.
 */
import type { StatementDocument } from '../../../core';
import { reconciliationCsv as reconciliationCsvText, type ReconciliationCsvOptions } from '../../csv/writeReconciliationCsv';
import { statementFileStems } from './fileNames';
import { zipFiles } from './zipFiles';

export type { ReconciliationCsvOptions };

/** One customer's reconciliation CSV, byte for byte the file the CLI writes. */
export function reconciliationCsv(doc: StatementDocument, options: ReconciliationCsvOptions = {}): Uint8Array {
  return new TextEncoder().encode(reconciliationCsvText(doc, options));
}

/** One CSV per customer in a .zip, named as the CLI names them ("C001 Acme Ltd.csv"). */
export function reconciliationCsvZip(docs: readonly StatementDocument[], options: ReconciliationCsvOptions = {}): Uint8Array {
  const stems = statementFileStems(docs);
  return zipFiles(docs.map((doc, i) => ({ name: `${stems[i] as string}.csv`, bytes: reconciliationCsv(doc, options) })));
}
