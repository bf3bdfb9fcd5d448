import type { Content, ContentSection, ContextPageSize, CustomTableLayout, DynamicContent, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  currencyHeading,
  formatAmount,
  formatCurrencyAmount,
  formatDayForPeople,
  formatIsoDay,
  statementNumber,
  withColon,
  type DocumentLine,
  type DocumentSection,
  type StatementDocument,
  type StatementSettings,
} from '../../../core';
import { PDF_FONT_FAMILY } from './fonts';

/**
 * The standard-layout statement as a pdfmake document definition. Pure (no Node or DOM APIs), so the
 * task pane can hand the same definition to pdfmake in the browser; `renderPdf.ts` renders it in Node.
 */
export interface PdfDefinitionOptions {
  /** The company logo as a `data:image/png;base64,…` or `data:image/jpeg;base64,…` URL (read by the renderer). */
  readonly logoDataUrl?: string | undefined;
  /**
   * CreationDate written in the PDF info. Default: the statement date at 00:00 UTC, so printing the
   * same statement twice gives the same bytes (the file ID is derived from the info).
   */
  readonly creationDate?: Date | undefined;
}

const INK = '#222222';
const GREY = '#666666';
const HEADER_FILL = '#e9ecef';
const BASE_SIZE = 8.5;
const TABLE_SIZE = 7.5;
/** Page margins: left, top, right, bottom (the footer lives in the bottom one). */
const MARGINS: [number, number, number, number] = [36, 36, 36, 44];
const PAPER = { A4: { size: 'A4', width: 595.28 }, Letter: { size: 'LETTER', width: 612 } } as const;
/** Cell padding as a margin inside each cell: the tables have no padding of their own, so a nested table lines up exactly. */
const CELL: [number, number, number, number] = [2, 1.8, 2, 1.8];

/**
 * Widths of the ten statement columns on A4 (523 pt), scaled for Letter. Sized from DejaVu Sans
 * Condensed 7.5 pt (less 4 pt of cell margins): any "28 Aug 2026" date (43 pt), "Remboursement"
 * (56), amounts to "-12,345,678.90" (52) and the bold headers ("Paid/credited", 51) fit on one line,
 * "Days overdue" on two. The totals' figure spans the last two columns (bold, with its symbol).
 */
const COLUMN_WEIGHTS = [48, 60, 58, 46, 48, 56, 56, 56, 56, 39] as const;
const BALANCE_COLUMN = 8;
/** Columns of the overdue list: date, document, reference, due date, days overdue, open. */
const OVERDUE_WEIGHTS = [60, 70, 90, 60, 45, 70] as const;

function contentWidth(settings: StatementSettings): number {
  return PAPER[settings.paper].width - MARGINS[0] - MARGINS[2];
}

function scaled(weights: readonly number[], width: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / sum) * width * 100) / 100);
}

/** No padding, no vertical lines: cell margins carry the spacing; a rule under the header rows and above totals. */
function tableLayout(headerRows: number, ruleAbove: ReadonlySet<number> = new Set()): CustomTableLayout {
  return {
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: () => 0,
    paddingBottom: () => 0,
    vLineWidth: () => 0,
    hLineWidth: (i) => (i === headerRows && headerRows > 0) || ruleAbove.has(i) ? 0.6 : 0,
    hLineColor: () => '#888888',
    fillColor: (row) => (row === headerRows - 1 ? HEADER_FILL : null),
  };
}

type Align = 'left' | 'right' | 'center';

function cell(text: string, options: { align?: Align; bold?: boolean; colSpan?: number; color?: string } = {}): TableCell {
  const c: TableCell = { text, margin: CELL, alignment: options.align ?? 'left' };
  if (options.bold === true) c.bold = true;
  if (options.color !== undefined) c.color = options.color;
  if (options.colSpan !== undefined) c.colSpan = options.colSpan;
  return c;
}

/** Filler cells after a colSpan (pdfmake wants the row to keep its full length). */
function spanned(n: number): TableCell[] {
  return Array.from({ length: n }, () => ({}));
}

interface Formatters {
  readonly day: (d: number) => string;
  readonly amount: (minor: number) => string;
  readonly money: (minor: number) => string;
}

function formatters(doc: StatementDocument, currency: string): Formatters {
  const language = doc.language;
  return {
    day: (d) => formatDayForPeople(d, language),
    amount: (minor) => formatAmount(minor, currency, language),
    money: (minor) => formatCurrencyAmount(minor, currency, language),
  };
}

/**
 * A table whose header rows repeat on every page, whose rows never split, and whose last body row
 * travels with the totals: they are one row of the outer table holding a nested table with the same
 * column widths, so a page break can fall before them but never between them.
 */
function keptTable(widths: number[], header: TableCell[][], body: TableCell[][], totals: TableCell[][]): Content {
  const tail = [...body.slice(-1), ...totals];
  const rows = body.slice(0, Math.max(0, body.length - 1));
  const ruleAbove = new Set(totals.length > 0 ? [tail.length - totals.length] : []);
  const nested: TableCell = {
    table: { widths, body: tail, dontBreakRows: true },
    layout: tableLayout(0, ruleAbove),
    colSpan: widths.length,
  };
  const outer: TableCell[][] = [...header, ...rows];
  if (tail.length > 0) outer.push([nested, ...spanned(widths.length - 1)]);
  return {
    table: { widths, headerRows: header.length, keepWithHeaderRows: 1, dontBreakRows: true, body: outer },
    layout: tableLayout(header.length),
    fontSize: TABLE_SIZE,
  };
}

function lineRow(line: DocumentLine, f: Formatters): TableCell[] {
  return [
    cell(f.day(line.date)),
    cell(line.typeLabel),
    cell(line.documentNo),
    cell(line.reference),
    cell(f.day(line.dueDate)),
    cell(f.amount(line.amount), { align: 'right' }),
    cell(f.amount(line.applied), { align: 'right' }),
    cell(f.amount(line.open), { align: 'right' }),
    cell(f.amount(line.balance), { align: 'right' }),
    cell(line.daysOverdue > 0 ? String(line.daysOverdue) : '', { align: 'right' }),
  ];
}

function totalRow(label: string, value: string): TableCell[] {
  return [
    cell(label, { align: 'right', bold: true, colSpan: BALANCE_COLUMN }),
    ...spanned(BALANCE_COLUMN - 1),
    // Over the balance and days columns: "-€12,345,678.90" in bold is wider than one amount column.
    cell(value, { align: 'right', bold: true, colSpan: 2 }),
    ...spanned(1),
  ];
}

function sectionTable(doc: StatementDocument, section: DocumentSection, widths: number[]): Content {
  const l = doc.labels;
  const f = formatters(doc, section.currency);
  const header: TableCell[][] = [
    [{ text: currencyHeading(doc.language, section.currency, true), bold: true, fontSize: BASE_SIZE + 1, margin: [0, 8, 0, 3], colSpan: 10 }, ...spanned(9)],
    [
      cell(l.date, { bold: true }),
      cell(l.type, { bold: true }),
      cell(l.document, { bold: true }),
      cell(l.reference, { bold: true }),
      cell(l.dueDate, { bold: true }),
      cell(l.amount, { bold: true, align: 'right' }),
      cell(l.applied, { bold: true, align: 'right' }),
      cell(l.open, { bold: true, align: 'right' }),
      cell(l.balance, { bold: true, align: 'right' }),
      cell(l.daysOverdue, { bold: true, align: 'right' }),
    ],
  ];
  const body: TableCell[][] = [];
  if (section.opening !== undefined) {
    body.push([
      cell(f.day(section.opening.date)),
      cell(l.openingBalance, { colSpan: 7 }),
      ...spanned(6),
      cell(f.amount(section.opening.balance), { align: 'right' }),
      cell(''),
    ]);
  }
  for (const line of section.lines) body.push(lineRow(line, f));
  const totals = [totalRow(doc.closingLabel, f.money(section.closingBalance)), totalRow(l.overdue, f.money(section.overdue))];
  return keptTable(widths, header, body, totals);
}

/** The document's overdue list (open items at the statement date due before it; unapplied credits show no days) and its total. */
function overdueTable(doc: StatementDocument, section: DocumentSection, width: number): Content | undefined {
  const lines = section.overdueLines;
  if (lines.length === 0) return undefined;
  const l = doc.labels;
  const f = formatters(doc, section.currency);
  const widths = scaled(OVERDUE_WEIGHTS, width);
  const title = `${l.overdueItems} (${section.currency})`;
  const header: TableCell[][] = [
    [{ text: title, bold: true, fontSize: BASE_SIZE + 1, margin: [0, 10, 0, 3], colSpan: 6 }, ...spanned(5)],
    [
      cell(l.date, { bold: true }),
      cell(l.document, { bold: true }),
      cell(l.reference, { bold: true }),
      cell(l.dueDate, { bold: true }),
      cell(l.daysOverdue, { bold: true, align: 'right' }),
      cell(l.open, { bold: true, align: 'right' }),
    ],
  ];
  const body = lines.map((x) => [
    cell(f.day(x.date)),
    cell(x.documentNo),
    cell(x.reference),
    cell(f.day(x.dueDate)),
    cell(x.daysOverdue > 0 ? String(x.daysOverdue) : '', { align: 'right' }),
    cell(f.amount(x.open), { align: 'right' }),
  ]);
  const totals = [[cell(l.total, { bold: true, align: 'right', colSpan: 5 }), ...spanned(4), cell(f.money(section.overdue), { bold: true, align: 'right' })]];
  return keptTable(widths, header, body, totals);
}

function agingBlock(doc: StatementDocument, section: DocumentSection): Content {
  const l = doc.labels;
  const f = formatters(doc, section.currency);
  const heads = [...doc.agingLabels, l.total].map((t) => cell(t, { bold: true, align: 'right' }));
  const values = [...section.aging, section.agingTotal].map((x, i) => cell(f.money(x), { align: 'right', bold: i === section.aging.length }));
  return {
    unbreakable: true,
    stack: [
      { text: `${l.aging} (${section.currency})`, bold: true, fontSize: BASE_SIZE + 1, margin: [0, 10, 0, 3] },
      {
        table: { widths: heads.map(() => '*'), headerRows: 1, body: [heads, values] },
        layout: tableLayout(1),
        fontSize: TABLE_SIZE,
      },
      { text: doc.agingCaption, color: GREY, fontSize: TABLE_SIZE, margin: [0, 3, 0, 0] },
    ],
  };
}

/** "Label: " with the language's colon, joined by a no-break space in French so it never wraps apart. */
function colonOf(doc: StatementDocument): (label: string) => string {
  return (label) => withColon(label, doc.language, true);
}

function labelled(label: string, value: string, colon: (label: string) => string): Content {
  return { text: [{ text: `${colon(label)} `, color: GREY }, value] };
}

function headerBlock(doc: StatementDocument, settings: StatementSettings, options: PdfDefinitionOptions, isoAsOf: string): Content {
  const c = settings.company;
  const l = doc.labels;
  const colon = colonOf(doc);
  const company: Content[] = [];
  if (options.logoDataUrl !== undefined && options.logoDataUrl !== '') company.push({ image: 'logo', fit: [140, 48], margin: [0, 0, 0, 6] });
  if (c.name !== '') company.push({ text: c.name, bold: true, fontSize: BASE_SIZE + 3 });
  for (const line of c.addressLines) company.push({ text: line });
  if (c.registration !== '') company.push({ text: `${colon(l.registration)} ${c.registration}`, color: GREY, margin: [0, 2, 0, 0] });
  if (c.vatNumber !== '') company.push({ text: `${colon(l.vatNumber)} ${c.vatNumber}`, color: GREY });
  const reach = [c.email, c.phone !== '' ? `${colon(l.phone)} ${c.phone}` : ''].filter((x) => x !== '');
  if (reach.length > 0) company.push({ text: reach.join('   '), color: GREY });

  const facts: Content[] = [
    { text: doc.title, bold: true, fontSize: 15, margin: [0, 0, 0, 6] },
    labelled(l.statementDate, formatDayForPeople(doc.asOf, doc.language), colon),
  ];
  if (doc.from !== undefined) facts.push(labelled(l.period, `${formatDayForPeople(doc.from, doc.language)} – ${formatDayForPeople(doc.asOf, doc.language)}`, colon));
  facts.push(labelled(l.statementNo, statementNumber(settings, isoAsOf, doc.customer.id), colon));
  facts.push(labelled(l.customerNo, doc.customer.id, colon));

  const customer: Content[] = [
    { text: l.statementFor, color: GREY, fontSize: TABLE_SIZE },
    { text: doc.customer.name !== '' ? doc.customer.name : doc.customer.id, bold: true, fontSize: BASE_SIZE + 1.5 },
    ...doc.customer.addressLines.map((line): Content => ({ text: line })),
  ];
  if (doc.customer.contact !== '') customer.push({ text: `${colon(l.contact)} ${doc.customer.contact}`, margin: [0, 2, 0, 0] });

  const bank: Content[] = [];
  if (c.bank.name !== '' || c.bank.iban !== '' || c.bank.bic !== '') {
    bank.push({ text: l.paymentDetails, color: GREY, fontSize: TABLE_SIZE });
    if (c.bank.name !== '') bank.push(labelled(l.bank, c.bank.name, colon));
    if (c.bank.iban !== '') bank.push(labelled(l.iban, c.bank.iban, colon));
    if (c.bank.bic !== '') bank.push(labelled(l.bic, c.bank.bic, colon));
  }
  return {
    stack: [
      { columns: [{ width: '*', stack: company }, { width: 210, stack: facts, alignment: 'right' }], columnGap: 12 },
      {
        columns: [
          { width: '*', stack: customer, margin: [0, 14, 0, 0] },
          { width: 210, stack: bank, margin: [0, 14, 0, 0] },
        ],
        columnGap: 12,
      },
    ],
  };
}

/** The body of one statement (everything but the page footer). */
function statementContent(doc: StatementDocument, settings: StatementSettings, options: PdfDefinitionOptions): Content[] {
  const isoAsOf = formatIsoDay(doc.asOf);
  const width = contentWidth(settings);
  const widths = scaled(COLUMN_WEIGHTS, width);
  const content: Content[] = [headerBlock(doc, settings, options, isoAsOf)];
  for (const section of doc.sections) {
    content.push(sectionTable(doc, section, widths));
    if (settings.showOverdueSection) {
      const overdue = overdueTable(doc, section, width);
      if (overdue !== undefined) content.push(overdue);
    }
    content.push(agingBlock(doc, section));
  }
  const message = settings.message[doc.language];
  if (message !== undefined && message.trim() !== '') content.push({ text: message, margin: [0, 14, 0, 0] });
  return content;
}

function footer(doc: StatementDocument, settings: StatementSettings, page: number, pages: number): Content {
  const number = statementNumber(settings, formatIsoDay(doc.asOf), doc.customer.id);
  return {
    columns: [
      { text: `${number} · ${doc.customer.name !== '' ? doc.customer.name : doc.customer.id}`, color: GREY },
      { text: doc.labels.page(page, pages), alignment: 'right', width: 'auto' },
    ],
    fontSize: TABLE_SIZE,
    margin: [MARGINS[0], 16, MARGINS[2], 0],
  };
}

function utcMidnight(day: number): Date {
  return new Date(day * 86_400_000);
}

function baseDefinition(settings: StatementSettings, options: PdfDefinitionOptions, asOf: number, title: string): Omit<TDocumentDefinitions, 'content'> {
  const definition: Omit<TDocumentDefinitions, 'content'> = {
    pageSize: PAPER[settings.paper].size,
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: BASE_SIZE, color: INK, lineHeight: 1.1 },
    info: {
      title,
      author: settings.company.name,
      creator: 'customer-statements',
      producer: 'customer-statements (pdfmake)',
      creationDate: options.creationDate ?? utcMidnight(asOf),
    },
  };
  if (options.logoDataUrl !== undefined && options.logoDataUrl !== '') definition.images = { logo: options.logoDataUrl };
  return definition;
}

/** One customer's statement: "page x of y" counts this statement's pages. */
export function statementAsPdfDefinition(doc: StatementDocument, settings: StatementSettings, options: PdfDefinitionOptions = {}): TDocumentDefinitions {
  const number = statementNumber(settings, formatIsoDay(doc.asOf), doc.customer.id);
  const pageFooter: DynamicContent = (page, pages) => footer(doc, settings, page, pages);
  return {
    ...baseDefinition(settings, options, doc.asOf, `${doc.title} ${number}`),
    footer: pageFooter,
    content: statementContent(doc, settings, options),
  };
}

/**
 * Several statements in one document for printing: each starts on a new page and numbers its own
 * pages ("Page 2 of 3" of that customer). Each statement is a pdfmake section; the section's
 * background callback (called as each page is laid out, before any footer) records which pages
 * belong to it, so its footer knows the statement's own page count.
 */
export function statementsAsPdfDefinition(docs: readonly StatementDocument[], settings: StatementSettings, options: PdfDefinitionOptions = {}): TDocumentDefinitions {
  return statementsAsPdfDefinitionWithPages(docs, settings, options).definition;
}

/** Pages (1-based, inclusive) of each statement in a combined document, known once it is rendered. */
export interface PageRange {
  readonly first: number;
  readonly last: number;
}

/** The combined definition, and the page range of every statement read after rendering (to split it). */
export function statementsAsPdfDefinitionWithPages(docs: readonly StatementDocument[], settings: StatementSettings, options: PdfDefinitionOptions = {}): { definition: TDocumentDefinitions; pages: () => PageRange[] } {
  const first = docs[0];
  if (first === undefined) throw new RangeError('statementsAsPdfDefinition: no statements');
  const ranges = docs.map(() => ({ first: Infinity, last: -Infinity }));
  const sections: ContentSection[] = docs.map((doc, k) => {
    const range = ranges[k] as { first: number; last: number };
    return {
      section: statementContent(doc, settings, options),
      background: (page: number, _size: ContextPageSize) => {
        if (page === 1) for (const r of ranges) Object.assign(r, { first: Infinity, last: -Infinity });
        range.first = Math.min(range.first, page);
        range.last = Math.max(range.last, page);
        return null;
      },
      footer: (page: number) => footer(doc, settings, page - range.first + 1, range.last - range.first + 1),
    };
  });
  const title = docs.length === 1 ? first.title : `${first.title} (${docs.length})`;
  return { definition: { ...baseDefinition(settings, options, first.asOf, title), content: sections }, pages: () => ranges.map((r) => ({ ...r })) };
}
