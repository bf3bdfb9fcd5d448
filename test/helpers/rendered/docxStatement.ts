import * as fs from 'node:fs';
import PizZip from 'pizzip';
import type { Language } from '../../../src/core';
import { amountOf, amountsIn } from './amounts';
import { captions, plain, sectionOf, type SectionView, type StatementView } from './view';

/** The body of a Word document in reading order: paragraphs outside tables, innermost table rows, table ends. */
export type Block = { kind: 'paragraph'; text: string } | { kind: 'row'; cells: string[] } | { kind: 'tableEnd' };

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Visible text of a paragraph: its runs' texts, a line break as a space; field codes left out. */
function paragraphText(xml: string): string {
  const text = xml
    .replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '')
    .replace(/<w:(br|tab)\/>/g, ' ')
    .match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g);
  return plain(unescape((text ?? []).map((t) => t.replace(/<[^>]*>/g, '')).join(''))).trim();
}

export function docxBlocks(file: string): Block[] {
  const zip = new PizZip(fs.readFileSync(file));
  const xml = zip.file('word/document.xml')?.asText();
  if (xml === undefined) throw new Error(`${file}: no word/document.xml`);
  const blocks: Block[] = [];
  // Open rows, innermost last; a row holding a nested table is layout, not data: only innermost rows count.
  const rows: { cells: string[]; nested: boolean }[] = [];
  for (const m of xml.matchAll(/<w:p(?:[ >][\s\S]*?<\/w:p>|\/>)|<w:tr[ >]|<\/w:tr>|<w:tc[ >]|<\/w:tbl>/g)) {
    const token = m[0];
    const row = rows.at(-1);
    if (token.startsWith('<w:p')) {
      const text = paragraphText(token);
      if (row === undefined) blocks.push({ kind: 'paragraph', text });
      else if (text !== '') row.cells[row.cells.length - 1] = `${row.cells.at(-1) ?? ''}${row.cells.at(-1) ? ' ' : ''}${text}`;
    } else if (token.startsWith('<w:tr')) {
      if (row !== undefined) row.nested = true;
      rows.push({ cells: [], nested: false });
    } else if (token === '</w:tr>') {
      const done = rows.pop();
      if (done !== undefined && !done.nested) blocks.push({ kind: 'row', cells: done.cells });
    } else if (token.startsWith('<w:tc')) {
      row?.cells.push('');
    } else {
      blocks.push({ kind: 'tableEnd' });
    }
  }
  return blocks;
}

/** Column of a header, counted from the row's end (cells spanning several columns shift the start, not the end). */
function fromEnd(header: readonly string[], label: string): number | undefined {
  const i = header.findIndex((h) => h.toLowerCase() === label.toLowerCase());
  return i < 0 ? undefined : header.length - 1 - i;
}

const cellFromEnd = (cells: readonly string[], k: number | undefined): string => (k === undefined ? '' : cells[cells.length - 1 - k] ?? '');

/**
 * A Word statement read from its XML: the summary table at the top (currency, balance due, overdue),
 * then each "Currency: XXX" section: the lines table (found by its header: document, open, balance;
 * its opening-balance row), the "Balance due: …" and overdue paragraphs, the table under the
 * "Overdue items" caption with its total row, and the aging table (header "Aging") with its total.
 */
export function readDocxStatement(file: string, language: Language, documents: ReadonlySet<string>): StatementView {
  const c = captions(language);
  const view: StatementView = new Map();
  let section: SectionView | undefined;
  type Table = 'summary' | 'lines' | 'overdueCaption' | 'overdue' | 'aging' | 'other';
  let table: Table | undefined;
  let header: string[] = [];
  for (const block of docxBlocks(file)) {
    if (block.kind === 'tableEnd') {
      if (table !== 'overdueCaption') table = undefined;
      continue;
    }
    if (block.kind === 'paragraph') {
      const heading = c.currencyHeading.exec(block.text);
      if (heading !== null) {
        section = sectionOf(view, heading[1] ?? '');
        continue;
      }
      if (section === undefined) continue;
      if (c.isOverdueItems(block.text)) {
        table = 'overdueCaption';
        section.overdueItems = { items: [], total: undefined };
        continue;
      }
      const m = /^(.*?)\s*:\s*(.+)$/.exec(block.text);
      const amount = m === null ? undefined : amountOf(m[2] ?? '', language);
      if (m !== null && amount !== undefined && amount === amountsIn(block.text, language).at(-1)) {
        if (c.isClosing(m[1] ?? '')) section.closing.push(amount);
        else if (c.isOverdueTotal(m[1] ?? '')) section.overdue.push(amount);
      }
      continue;
    }
    const cells = block.cells;
    const first = cells[0] ?? '';
    if (table === undefined || table === 'overdueCaption') {
      // A table's first row says what it is.
      header = cells;
      const has = (label: string) => cells.some((x) => x.toLowerCase() === label.toLowerCase());
      if (table === 'overdueCaption') table = 'overdue';
      else if (section === undefined && has(c.currency) && has(c.balanceDue)) table = 'summary';
      else if (has(c.document) && has(c.balance) && has(c.open)) table = 'lines';
      else if (first.toLowerCase() === c.aging.toLowerCase()) table = 'aging';
      else table = 'other';
      continue;
    }
    if (table === 'summary') {
      const currency = cells[header.findIndex((h) => h === c.currency)] ?? '';
      if (!/^[A-Z]{3}$/.test(currency)) continue;
      const s = sectionOf(view, currency);
      const due = amountOf(cells[header.findIndex((h) => h === c.balanceDue)] ?? '', language);
      const overdue = amountOf(cells[header.findIndex((h) => h === c.overdue)] ?? '', language);
      if (due !== undefined) s.closing.push(due);
      if (overdue !== undefined) s.overdue.push(overdue);
    } else if (section === undefined) {
      continue;
    } else if (table === 'lines') {
      const document = cells.find((x) => x !== '' && documents.has(x));
      if (cells.some((x) => c.isOpening(x))) section.opening = amountOf(cellFromEnd(cells, fromEnd(header, c.balance)), language);
      else if (c.isTotal(first)) {
        // The table's total row: its balance column is the closing balance.
        const closing = amountOf(cellFromEnd(cells, fromEnd(header, c.balance)), language);
        if (closing !== undefined) section.closing.push(closing);
      } else if (document !== undefined) {
        section.lines.push({ documentNo: document, open: amountOf(cellFromEnd(cells, fromEnd(header, c.open)), language), balance: amountOf(cellFromEnd(cells, fromEnd(header, c.balance)), language) });
      }
    } else if (table === 'overdue' && section.overdueItems !== undefined) {
      const document = cells.find((x) => x !== '' && documents.has(x));
      const open = amountOf(cellFromEnd(cells, fromEnd(header, c.open)), language);
      if (document !== undefined && open !== undefined) section.overdueItems.items.push({ documentNo: document, open });
      else if (c.isTotal(first)) section.overdueItems.total = amountsIn(cells.join('  '), language).at(-1);
    } else if (table === 'aging') {
      const amount = amountOf(cells.at(-1) ?? '', language);
      if (amount === undefined) continue;
      if (c.isTotal(first)) section.agingTotal = amount;
      else (section.aging ??= []).push(amount);
    }
  }
  return view;
}
