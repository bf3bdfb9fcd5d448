import ExcelJS from 'exceljs';
import type { Language } from '../../../src/core';
import { fromNumber } from './amounts';
import { captions, sectionOf, type SectionView, type StatementView } from './view';

type Value = string | number | undefined;

/** A cell as text or number (rich text joined, a formula by its cached result, dates left out). */
function valueOf(cell: ExcelJS.Cell): Value {
  const v = cell.value;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (v !== null && typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v && (typeof v.result === 'string' || typeof v.result === 'number')) return v.result;
  }
  return undefined;
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The statement sheet of a customer: the one whose name starts with its id and a space. */
export function statementSheet(workbook: ExcelJS.Workbook, customerId: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((ws) => ws.name.startsWith(`${customerId} `) || ws.name === customerId);
}

/**
 * A customer's statement sheet read from its cells, row by row, sections found by their captions:
 * "Currency" with the code beside it starts a section; in it the opening-balance row, the lines table
 * (found by its header: document, open, balance), the balance due / closing balance and overdue rows,
 * an overdue-items list (caption, header, rows, total) and the aging block (caption, labels, amounts
 * with the total last). Money cells are numbers, read back with the currency's `digits`.
 */
export function readSheetStatement(ws: ExcelJS.Worksheet, language: Language, documents: ReadonlySet<string>, digits: (currency: string) => number): StatementView {
  const c = captions(language);
  const view: StatementView = new Map();
  let section: SectionView | undefined;
  let block: 'lines' | 'overdue' | 'agingLabels' | 'agingValues' | undefined;
  let header: Value[] = [];
  const column = (label: string) => header.findIndex((h) => typeof h === 'string' && h.toLowerCase() === label.toLowerCase());
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Value[] = [];
    for (let k = 1; k <= Math.max(row.cellCount, 1); k++) cells.push(valueOf(row.getCell(k)));
    const texts = cells.filter((x): x is string => typeof x === 'string').map((x) => x.trim());
    const numbers = cells.filter((x): x is number => typeof x === 'number');
    if (texts.length === 0 && numbers.length === 0) continue;
    const first = texts[0] ?? '';
    const money = (x: number | undefined) => (x === undefined || section === undefined ? undefined : fromNumber(x, digits(section.currency)));
    const code = cells[1];
    if (first === c.currency && typeof code === 'string' && /^[A-Z]{3}$/.test(code)) {
      section = sectionOf(view, code);
      block = undefined;
      continue;
    }
    if (section === undefined) continue;
    const has = (label: string) => texts.some((t) => t.toLowerCase() === label.toLowerCase());
    if (has(c.document) && has(c.open)) {
      header = cells;
      block = block === 'overdue' ? 'overdue' : 'lines';
      continue;
    }
    if (texts.some((t) => c.isOverdueItems(t))) {
      block = 'overdue';
      section.overdueItems = { items: [], total: undefined };
      continue;
    }
    if (first.toLowerCase() === c.aging.toLowerCase() && numbers.length === 0) {
      block = 'agingLabels';
      continue;
    }
    if (block === 'agingLabels') {
      block = 'agingValues';
      continue;
    }
    if (block === 'agingValues') {
      // Amounts under the labels; the last column's label is "Total".
      const values = numbers.map((x) => money(x) as string);
      section.aging = values.slice(0, -1);
      section.agingTotal = values.at(-1);
      block = undefined;
      continue;
    }
    const document = cells.find((x): x is string => typeof x === 'string' && documents.has(x.trim()));
    if (texts.some((t) => c.isOpening(t))) {
      const balance = column(c.balance);
      section.opening = money(balance >= 0 && typeof cells[balance] === 'number' ? (cells[balance] as number) : numbers.at(-1));
    } else if (document !== undefined && block === 'overdue' && section.overdueItems !== undefined) {
      const open = cells[column(c.open)];
      section.overdueItems.items.push({ documentNo: document.trim(), open: money(typeof open === 'number' ? open : undefined) ?? '?' });
    } else if (document !== undefined && block === 'lines') {
      const open = cells[column(c.open)];
      const balance = cells[column(c.balance)];
      section.lines.push({ documentNo: document.trim(), open: money(typeof open === 'number' ? open : undefined), balance: money(typeof balance === 'number' ? balance : undefined) });
    } else if (block === 'overdue' && section.overdueItems !== undefined && c.isTotal(first)) {
      section.overdueItems.total = money(numbers.at(-1));
      block = undefined;
    } else if (numbers.length > 0 && c.isClosing(first)) {
      section.closing.push(money(numbers.at(-1)) as string);
      if (block === 'lines') block = undefined;
    } else if (numbers.length > 0 && c.isOverdueTotal(first)) {
      section.overdue.push(money(numbers.at(-1)) as string);
    }
  }
  return view;
}
