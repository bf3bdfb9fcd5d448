import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import {
  addMinor,
  agingCaption,
  colon,
  EXCLUSION_LABELS,
  LABELS,
  makeAger,
  statementDocument,
  type ComputeResult,
  type CustomerStatement,
  type DocumentSection,
  type Language,
  type Minor,
  type StatementDocument,
} from '../../core';
import { dateFormat, excelDate, moneyFormat, moneyValue, shownLength, widthFor } from './write/cells';
import { SheetNamer } from './write/sheetNames';
import { WORKBOOK_TEXTS } from './write/texts';

export interface CompanyBlock {
  readonly name: string;
  readonly addressLines?: readonly string[] | undefined;
}

export interface StatementsWorkbookOptions {
  /** Statement sheets at most (default 200); the summary sheet says when some customers have none. */
  readonly maxSheets?: number | undefined;
  /** Language of the summary sheets (aged receivables, issues); statements use the customer's. Default en. */
  readonly language?: Language | undefined;
  /** The sender printed at the top of every statement. */
  readonly company?: CompanyBlock | undefined;
}

export interface StatementsWorkbookWritten {
  /** Statement sheets written (one per ok statement, up to maxSheets). */
  readonly sheets: number;
  /** Ok statements left without a sheet because of maxSheets. */
  readonly omitted: number;
}

export const DEFAULT_MAX_SHEETS = 200;

/**
 * Writes the run as one .xlsx: "Aged receivables" (one row per customer and currency, totals per
 * currency), "Issues", then one sheet per ok statement. The file is written to a temporary name
 * next to `file` and renamed, so a reader never sees half a workbook.
 */
export async function writeStatementsWorkbook(result: ComputeResult, file: string, options: StatementsWorkbookOptions = {}): Promise<StatementsWorkbookWritten> {
  const { workbook, sheets, omitted } = statementsWorkbook(result, options);
  const data = await workbook.xlsx.writeBuffer();
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, new Uint8Array(data as ArrayBuffer));
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
  return { sheets, omitted };
}

/** The workbook in memory (for callers that stream or download it instead of writing a file). */
export function statementsWorkbook(result: ComputeResult, options: StatementsWorkbookOptions = {}): StatementsWorkbookWritten & { workbook: ExcelJS.Workbook } {
  const maxSheets = options.maxSheets ?? DEFAULT_MAX_SHEETS;
  if (!Number.isSafeInteger(maxSheets) || maxSheets < 0) throw new RangeError(`maxSheets must be a whole number ≥ 0, not ${maxSheets}`);
  const language = options.language ?? 'en';
  const labels = LABELS[language];

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'customer-statements';
  const namer = new SheetNamer();
  const summaryName = namer.reserve(labels.agedReceivables);
  const issuesName = namer.reserve(labels.issues);

  const ok = result.statements.filter((s) => s.status === 'ok');
  const shown = ok.slice(0, maxSheets);
  const note = ok.length > shown.length ? labels.moreSheets(shown.length, ok.length) : undefined;

  addAgedReceivables(workbook.addWorksheet(summaryName), result, language, note);
  addIssues(workbook.addWorksheet(issuesName), result, language);
  shown.forEach((statement, i) => {
    const name = namer.name(`${statement.customerId} ${statement.customer?.name ?? ''}`);
    addStatementSheet(workbook.addWorksheet(name), `Lines_${i + 1}`, statementDocument(result, statement), options.company);
  });
  return { workbook, sheets: shown.length, omitted: ok.length - shown.length };
}

type Value = string | number | Date | null;

/** Tracks the widest content per column while a sheet is filled. */
class Widths {
  private readonly longest: number[] = [];
  see(col: number, value: Value, numFmt?: string): void {
    const n = shownLength(value, numFmt);
    if (n > (this.longest[col] ?? 0)) this.longest[col] = n;
  }
  apply(ws: ExcelJS.Worksheet, min: number, max: number, upTo: number): void {
    for (let c = 1; c <= upTo; c++) ws.getColumn(c).width = widthFor(this.longest[c] ?? 0, min, max);
  }
}

/** Table column names must be unique (case-insensitive) within a table. */
function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h) => {
    let name = h.trim() === '' ? '-' : h;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${h} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** An Excel table over header + rows at `ref`, or a plain header row when there are no rows (Excel refuses empty tables). */
function addTable(ws: ExcelJS.Worksheet, name: string, top: number, headers: readonly string[], rows: Value[][]): void {
  const names = uniqueHeaders(headers);
  if (rows.length === 0) {
    const row = ws.getRow(top);
    names.forEach((h, i) => {
      const cell = row.getCell(i + 1);
      cell.value = h;
      cell.font = { bold: true };
      cell.border = { bottom: { style: 'thin' } };
    });
    return;
  }
  ws.addTable({
    name,
    ref: `A${top}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: names.map((n) => ({ name: n, filterButton: true })),
    rows,
  });
}

const BOLD: Partial<ExcelJS.Font> = { bold: true };

// ---------------------------------------------------------------------------------------------------
// Aged receivables

function addAgedReceivables(ws: ExcelJS.Worksheet, result: ComputeResult, language: Language, note: string | undefined): void {
  const labels = LABELS[language];
  const agingLabels = makeAger(result.aging, result.asOf).labels(language);
  const buckets = agingLabels.length;
  const headers = [labels.customerNo, labels.customer, labels.currency, labels.balance, labels.overdue, ...agingLabels, labels.email, labels.status];
  const firstMoney = 4;
  const lastMoney = 5 + buckets;
  const widths = new Widths();
  headers.forEach((h, i) => widths.see(i + 1, h));

  const rows: Value[][] = [];
  const currencies: (string | undefined)[] = [];
  type Total = { balance: Minor; overdue: Minor; aging: Minor[] };
  const totals = new Map<string, Total>();
  const push = (values: Value[], currency: string | undefined) => {
    rows.push(values);
    currencies.push(currency);
  };
  const emailsOf = (s: CustomerStatement) => (s.customer?.emails ?? []).join('; ');

  for (const s of result.statements) {
    const name = s.customer?.name ?? '';
    const status = s.status === 'ok' ? labels.ok : labels.blocked;
    if (s.sections.length === 0) {
      push([s.customerId, name, null, null, null, ...new Array<Value>(buckets).fill(null), emailsOf(s), status], undefined);
      continue;
    }
    for (const section of s.sections) {
      const m = (x: Minor) => moneyValue(x, section.currency);
      push([s.customerId, name, section.currency, m(section.closingBalance), m(section.overdue), ...section.aging.map(m), emailsOf(s), status], section.currency);
      const t = totals.get(section.currency) ?? { balance: 0, overdue: 0, aging: new Array<Minor>(buckets).fill(0) };
      t.balance = addMinor(t.balance, section.closingBalance);
      t.overdue = addMinor(t.overdue, section.overdue);
      section.aging.forEach((x, i) => (t.aging[i] = addMinor(t.aging[i] ?? 0, x)));
      totals.set(section.currency, t);
    }
  }
  for (const x of result.excluded) {
    // Core's Exclusion carries only the id and reason today; take the customer too if it ever does.
    const customer = (x as { customer?: { name?: string; emails?: readonly string[] } }).customer;
    push([x.customerId, customer?.name ?? '', null, null, null, ...new Array<Value>(buckets).fill(null), (customer?.emails ?? []).join('; '), `${labels.excluded}${colon(language)} ${EXCLUSION_LABELS[x.reason][language]}`], undefined);
  }

  addTable(ws, 'AgedReceivables', 1, headers, rows);
  rows.forEach((values, i) => {
    const currency = currencies[i];
    const row = ws.getRow(i + 2);
    values.forEach((v, j) => {
      const fmt = currency !== undefined && j + 1 >= firstMoney && j + 1 <= lastMoney ? moneyFormat(currency) : undefined;
      if (fmt !== undefined) row.getCell(j + 1).numFmt = fmt;
      widths.see(j + 1, v, fmt);
    });
  });

  // Totals per currency, below the table: never summed across currencies.
  let r = rows.length + 3;
  for (const currency of [...totals.keys()].sort()) {
    const t = totals.get(currency) as Total;
    const values = [t.balance, t.overdue, ...t.aging].map((x) => moneyValue(x, currency));
    const row = ws.getRow(r++);
    row.getCell(1).value = labels.total;
    row.getCell(3).value = currency;
    values.forEach((v, i) => {
      const cell = row.getCell(firstMoney + i);
      cell.value = v;
      cell.numFmt = moneyFormat(currency);
      widths.see(firstMoney + i, v, cell.numFmt);
    });
    for (let c = 1; c <= lastMoney; c++) {
      const cell = row.getCell(c);
      cell.font = BOLD;
      cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
    }
  }

  r++;
  const dateFmt = dateFormat(language);
  const dateRow = ws.getRow(r++);
  dateRow.getCell(1).value = labels.statementDate;
  dateRow.getCell(3).value = excelDate(result.asOf);
  dateRow.getCell(3).numFmt = dateFmt;
  if (result.from !== undefined) {
    const periodRow = ws.getRow(r++);
    periodRow.getCell(1).value = labels.period;
    periodRow.getCell(3).value = excelDate(result.from);
    periodRow.getCell(3).numFmt = dateFmt;
    periodRow.getCell(4).value = excelDate(result.asOf);
    periodRow.getCell(4).numFmt = dateFmt;
  }
  const caption = ws.getRow(r++).getCell(1);
  caption.value = agingCaption(result.aging, result.agingBasis, result.asOf, language);
  caption.font = { italic: true };
  if (note !== undefined) {
    const cell = ws.getRow(r++).getCell(1);
    cell.value = note;
    cell.font = { bold: true, color: { argb: 'FFC00000' } };
  }

  widths.apply(ws, 8, 48, headers.length);
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1, topLeftCell: 'C2', activeCell: 'A2' }];
}

// ---------------------------------------------------------------------------------------------------
// Issues

function addIssues(ws: ExcelJS.Worksheet, result: ComputeResult, language: Language): void {
  const labels = LABELS[language];
  const texts = WORKBOOK_TEXTS[language];
  const headers = [labels.severity, texts.code, texts.table, texts.row, texts.column, texts.cell, labels.customer, labels.message];
  const rows: Value[][] = result.issues.map((issue) => [
    texts.severities[issue.severity],
    issue.code,
    texts.tables[issue.table] ?? issue.table,
    issue.row ?? null,
    issue.column ?? null,
    // The cell address ("B12") arrives with the xlsx reader; read it only if it is there.
    (issue as { cell?: string }).cell ?? null,
    issue.customerId ?? null,
    issue.message[language],
  ]);
  addTable(ws, 'Issues', 1, headers, rows);
  if (rows.length === 0) ws.getRow(2).getCell(1).value = texts.noIssues;
  const widths = new Widths();
  headers.forEach((h, i) => widths.see(i + 1, h));
  for (const row of rows) row.forEach((v, j) => widths.see(j + 1, v));
  widths.apply(ws, 6, 40, headers.length - 1);
  ws.getColumn(headers.length).width = widthFor(Math.max(shownLength(labels.message), ...rows.map((row) => shownLength(row[headers.length - 1] ?? null))), 20, 120);
  ws.views = [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

// ---------------------------------------------------------------------------------------------------
// One customer's statement

/** Columns of the line table; metadata labels sit in OPEN_COL (right-aligned) with values in BALANCE_COL. */
const LINE_COLUMNS = 10;
const OPEN_COL = 8;
const BALANCE_COL = 9;

function addStatementSheet(ws: ExcelJS.Worksheet, tableBase: string, doc: StatementDocument, company: CompanyBlock | undefined): void {
  const L = doc.labels;
  const dateFmt = dateFormat(doc.language);
  const widths = new Widths();
  let r = 1;

  if (company !== undefined && company.name.trim() !== '') {
    const name = ws.getRow(r++).getCell(1);
    name.value = company.name;
    name.font = { bold: true, size: 14 };
    for (const line of company.addressLines ?? []) ws.getRow(r++).getCell(1).value = line;
    r++;
  }

  const title = ws.getRow(r++).getCell(1);
  title.value = doc.title;
  title.font = { bold: true, size: 16 };
  r++;

  // Customer name and address on the left; customer no., statement date and period on the right.
  const left: { value: string; bold?: boolean }[] = [{ value: doc.customer.name, bold: true }, ...doc.customer.addressLines.map((value) => ({ value }))];
  const right: { label: string; values: Value[] }[] = [
    { label: L.customerNo, values: [doc.customer.id] },
    { label: L.statementDate, values: [excelDate(doc.asOf)] },
  ];
  if (doc.from !== undefined) right.push({ label: L.period, values: [excelDate(doc.from), excelDate(doc.asOf)] });
  const blockRows = Math.max(left.length, right.length);
  for (let i = 0; i < blockRows; i++) {
    const row = ws.getRow(r + i);
    const l = left[i];
    if (l !== undefined) {
      row.getCell(1).value = l.value;
      if (l.bold === true) row.getCell(1).font = BOLD;
    }
    const m = right[i];
    if (m !== undefined) {
      const label = row.getCell(OPEN_COL);
      label.value = m.label;
      label.alignment = { horizontal: 'right' };
      label.font = BOLD;
      m.values.forEach((v, k) => {
        const cell = row.getCell(BALANCE_COL + k);
        cell.value = v;
        if (v instanceof Date) cell.numFmt = dateFmt;
        cell.alignment = { horizontal: 'right' };
      });
    }
  }
  r += blockRows + 1;

  const headers = [L.date, L.type, L.document, L.reference, L.dueDate, L.amount, L.applied, L.open, L.balance, L.daysOverdue];
  headers.forEach((h, i) => widths.see(i + 1, h));
  let firstTableHeader: number | undefined;

  doc.sections.forEach((section, k) => {
    const money = moneyFormat(section.currency);
    const m = (x: Minor) => moneyValue(x, section.currency);

    const heading = ws.getRow(r++);
    heading.getCell(1).value = L.currency;
    heading.getCell(2).value = section.currency;
    heading.getCell(1).font = BOLD;
    heading.getCell(2).font = BOLD;

    if (doc.style === 'activity' || section.openingBalance !== 0) {
      amountRow(ws.getRow(r++), L.openingBalance, m(section.openingBalance), money, false);
    }

    if (section.lines.length > 0) {
      const top = r;
      firstTableHeader ??= top;
      const rows: Value[][] = section.lines.map((l) => [
        excelDate(l.date), l.typeLabel, l.documentNo, l.reference, excelDate(l.dueDate),
        m(l.amount), m(l.applied), m(l.open), m(l.balance), l.daysOverdue > 0 ? l.daysOverdue : null,
      ]);
      addTable(ws, `${tableBase}_${k + 1}`, top, headers, rows);
      rows.forEach((values, i) => {
        const row = ws.getRow(top + 1 + i);
        values.forEach((v, j) => {
          const fmt = j === 0 || j === 4 ? dateFmt : j >= 5 && j <= 8 ? money : j === 9 ? '0' : undefined;
          if (fmt !== undefined) row.getCell(j + 1).numFmt = fmt;
          widths.see(j + 1, v, fmt);
        });
      });
      r = top + 1 + rows.length;
    }

    amountRow(ws.getRow(r++), doc.style === 'activity' ? L.closingBalance : L.balanceDue, m(section.closingBalance), money, true);
    amountRow(ws.getRow(r++), L.overdue, m(section.overdue), money, false);
    r++;
    r = agingBlock(ws, r, doc, section, widths);
    r++;
  });

  widths.apply(ws, 10, 40, Math.max(LINE_COLUMNS, doc.agingLabels.length + 1));
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  // With one currency the line table's header stays in view and is repeated on printed pages.
  if (doc.sections.length === 1 && firstTableHeader !== undefined) {
    ws.views = [{ state: 'frozen', ySplit: firstTableHeader, topLeftCell: `A${firstTableHeader + 1}`, activeCell: 'A1' }];
    ws.pageSetup.printTitlesRow = `${firstTableHeader}:${firstTableHeader}`;
  }
}

function amountRow(row: ExcelJS.Row, label: string, value: number, numFmt: string, total: boolean): void {
  row.getCell(1).value = label;
  const cell = row.getCell(BALANCE_COL);
  cell.value = value;
  cell.numFmt = numFmt;
  if (total) {
    row.getCell(1).font = BOLD;
    cell.font = BOLD;
    cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  }
}

/** The aging table (labels over amounts, with the total) and its caption; returns the next free row. */
function agingBlock(ws: ExcelJS.Worksheet, r: number, doc: StatementDocument, section: DocumentSection, widths: Widths): number {
  const money = moneyFormat(section.currency);
  const title = ws.getRow(r++).getCell(1);
  title.value = doc.labels.aging;
  title.font = BOLD;
  const labels = [...doc.agingLabels, doc.labels.total];
  const amounts = [...section.aging, section.closingBalance].map((x) => moneyValue(x, section.currency));
  const head = ws.getRow(r++);
  const values = ws.getRow(r++);
  labels.forEach((label, i) => {
    const h = head.getCell(i + 1);
    h.value = label;
    h.font = BOLD;
    h.alignment = { horizontal: 'right' };
    h.border = { bottom: { style: 'thin' } };
    const v = values.getCell(i + 1);
    v.value = amounts[i] ?? null;
    v.numFmt = money;
    if (i === labels.length - 1) v.font = BOLD;
    widths.see(i + 1, label);
    widths.see(i + 1, amounts[i] ?? null, money);
  });
  const caption = ws.getRow(r++).getCell(1);
  caption.value = doc.agingCaption;
  caption.font = { italic: true, size: 9 };
  return r;
}
