import { execFileSync } from 'node:child_process';
import type { Language } from '../../../src/core';
import { amountsIn, lastAmount } from './amounts';
import { captions, plain, sectionOf, type SectionView, type StatementView } from './view';

/** `pdftotext -layout`: the page as laid out, one text line per printed line. */
export function pdfText(file: string): string {
  return plain(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A standard-layout PDF statement read from its text: each "Currency: XXX" heading starts a section;
 * in it the opening-balance row, the statement lines (rows naming one of `documents`), the balance
 * due / closing balance and overdue totals, the "Overdue items (XXX)" list with its total, and the
 * "Aging (XXX)" table (labels, then amounts with the total last).
 */
export function readPdfStatement(file: string, language: Language, documents: ReadonlySet<string>): StatementView {
  const c = captions(language);
  const view: StatementView = new Map();
  // "Overdue items (GBP)", "Aging (GBP)"; a heading without its currency belongs to the section it is in.
  const overdueHeading = new RegExp(`^${escape(c.overdueItems)}(?:\\s*[(:\u2013-]\\s*([A-Z]{3})\\)?)?$`, 'i');
  const agingHeading = new RegExp(`^${escape(c.aging)}(?:\\s*[(:\u2013-]\\s*([A-Z]{3})\\)?)?$`, 'i');
  let section: SectionView | undefined;
  let block: 'lines' | 'overdue' | 'aging' = 'lines';
  for (const raw of pdfText(file).split('\n')) {
    const text = raw.trim();
    if (text === '') continue;
    const heading = c.currencyHeading.exec(text);
    const overdue = overdueHeading.exec(text);
    const aging = agingHeading.exec(text);
    if (heading !== null || overdue !== null || aging !== null) {
      const currency = (heading ?? overdue ?? aging)?.[1];
      section = currency !== undefined ? sectionOf(view, currency) : section;
      if (section === undefined) continue;
      block = heading !== null ? 'lines' : overdue !== null ? 'overdue' : 'aging';
      if (block === 'overdue') section.overdueItems = { items: [], total: undefined };
      continue;
    }
    if (section === undefined) continue;
    const document = text.split(/\s+/).find((word) => documents.has(word));
    const amounts = amountsIn(text, language);
    // The row's caption: its text up to the first wide gap ("Balance due      £1,414.03").
    const label = text.replace(/\s{2,}.*$/, '');
    if (block === 'lines') {
      if (text.includes(c.openingBalance)) section.opening = lastAmount(text, language);
      else if (document !== undefined) section.lines.push({ documentNo: document, open: amounts.at(-2), balance: amounts.at(-1) });
      else if (amounts.length === 1 && c.isClosing(label)) section.closing.push(amounts[0] as string);
      else if (amounts.length === 1 && c.isOverdueTotal(label)) section.overdue.push(amounts[0] as string);
    } else if (block === 'overdue' && section.overdueItems !== undefined) {
      if (document !== undefined && amounts.length > 0) section.overdueItems.items.push({ documentNo: document, open: amounts.at(-1) as string });
      else if (text.startsWith(c.total) && amounts.length > 0) section.overdueItems.total = amounts.at(-1);
    } else if (block === 'aging' && section.aging === undefined && amounts.length >= 2) {
      // The values row: the buckets, then the total (the last column's header is "Total").
      section.aging = amounts.slice(0, -1);
      section.agingTotal = amounts.at(-1);
    }
  }
  return view;
}
