import * as fs from 'node:fs';
import { parseCsv } from '../../../src/adapters/csv/parseCsv';
import type { Language } from '../../../src/core';
import { fromCsvNumber } from './amounts';
import { captions, sectionOf, type StatementView } from './view';

/**
 * A reconciliation CSV read by its header: each row names its currency; the row whose type is
 * "Opening balance" carries the opening balance in the Balance column, the others are lines
 * (document, open, balance).
 */
export function readCsvStatement(file: string, language: Language): StatementView {
  const c = captions(language);
  const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  const [header = [], ...rows] = parseCsv(text).rows.filter((r) => r.some((x) => x !== ''));
  const column = (label: string) => {
    const i = header.indexOf(label);
    if (i < 0) throw new Error(`${file}: no "${label}" column in ${header.join(', ')}`);
    return i;
  };
  const [currency, type, document, open, balance] = [column(c.currency), column(c.type), column(c.document), column(c.open), column(c.balance)];
  const view: StatementView = new Map();
  for (const row of rows) {
    const section = sectionOf(view, row[currency] ?? '');
    if (c.isOpening(row[type] ?? '')) section.opening = fromCsvNumber(row[balance] ?? '');
    else section.lines.push({ documentNo: row[document] ?? '', open: fromCsvNumber(row[open] ?? ''), balance: fromCsvNumber(row[balance] ?? '') });
  }
  return view;
}
