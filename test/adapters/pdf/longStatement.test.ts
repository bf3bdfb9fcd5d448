import { statementAsPdf, statementsAsPdf } from '../../../src/adapters/documents/pdf/renderPdf';
import { formatCurrencyAmount, parseIsoDay, parseLocaleAmount, type StatementDocument } from '../../../src/core';
import { goldenDocument, longDocument, pdfInfo, pdfText, SETTINGS, tempDir, writePdf } from './fixture';

jest.setTimeout(180_000);

const MONEY = /-?\d{1,3}(?:,\d{3})*\.\d{2}/g;
/** A row of the statement table: date, type label, then amount, paid/credited, open, balance (and days). */
const MAIN_ROW = /^\s*(\d{2} [A-Z][a-z]{2} \d{4})\s+(Invoice|Payment|Credit note)\s+(\S+)/;
/** A row of the overdue list: date, then the document number (no type label). */
const OVERDUE_ROW = /^\s*\d{2} [A-Z][a-z]{2} \d{4}\s+(INV|PAY|CN)-\d{4}\s/;
const minor = (s: string): number => parseLocaleAmount(s, 'EUR', 'en') as number;

interface Row { page: number; documentNo: string; amount: number; open: number; balance: number }

function parse(file: string, pages: number) {
  const rows: Row[] = [];
  const texts: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const text = pdfText(file, page);
    texts.push(text);
    for (const line of text.split('\n')) {
      const m = MAIN_ROW.exec(line);
      if (m === null) continue;
      const money = line.match(MONEY) ?? [];
      expect(money).toHaveLength(4);
      const [amount, , open, balance] = money.map(minor) as [number, number, number, number];
      rows.push({ page, documentNo: m[3] as string, amount, open, balance });
    }
  }
  return { rows, texts };
}

/** Every page: the header before the first row of each table, "Page n of N" at the bottom. */
function checkPages(texts: string[]) {
  const n = texts.length;
  texts.forEach((text, i) => {
    const lines = text.split('\n');
    const firstMain = lines.findIndex((l) => MAIN_ROW.test(l));
    if (firstMain >= 0) {
      const header = lines.findIndex((l) => /Date\s+Type\s+Document\s+Reference\s+Due date\s+Amount\s+Paid\/credited\s+Open\s+Balance\s+Days/.test(l));
      expect({ page: i + 1, header: header >= 0 && header < firstMain }).toEqual({ page: i + 1, header: true });
      expect(lines.slice(0, firstMain).some((l) => /Currency: EUR/.test(l))).toBe(true);
    }
    const firstOverdue = lines.findIndex((l) => OVERDUE_ROW.test(l));
    if (firstOverdue >= 0) {
      const header = lines.findIndex((l) => /Date\s+Document\s+Reference\s+Due date\s+Days overdue\s+Open/.test(l));
      expect({ page: i + 1, overdueHeader: header >= 0 && header < firstOverdue }).toEqual({ page: i + 1, overdueHeader: true });
    }
    expect(text).toMatch(new RegExp(`Page ${i + 1} of ${n}\\s*$`));
  });
}

function checkStatement(doc: StatementDocument, file: string) {
  const pages = Number(pdfInfo(file)['Pages']);
  expect(pages).toBeGreaterThan(3);
  const { rows, texts } = parse(file, pages);
  const section = doc.sections[0];
  if (section === undefined) throw new Error('no section');
  // Every line printed once, in order, on increasing pages.
  expect(rows.map((r) => r.documentNo)).toEqual(section.lines.map((l) => l.documentNo));
  expect(new Set(rows.map((r) => r.page)).size).toBeGreaterThan(3);
  // Running balance continuous across pages: from the opening balance, + open (open-item) or + amount (activity).
  let balance = section.openingBalance;
  for (const r of rows) {
    balance += doc.style === 'activity' ? r.amount : r.open;
    expect({ document: r.documentNo, balance: r.balance }).toEqual({ document: r.documentNo, balance });
  }
  expect(balance).toBe(section.closingBalance);
  // Totals right, and on the same page as the last row of the table.
  const last = rows[rows.length - 1] as Row;
  const lastPage = texts[last.page - 1] as string;
  const totalLabel = doc.style === 'activity' ? 'Closing balance' : 'Balance due';
  const totals = new RegExp(`${totalLabel}\\s+(€[\\d,.]+)`).exec(lastPage);
  expect(totals?.[1]).toBe(formatCurrencyAmount(section.closingBalance, 'EUR', 'en'));
  expect(lastPage).toMatch(new RegExp(`Overdue\\s+${formatCurrencyAmount(section.overdue, 'EUR', 'en').replace(/[$.]/g, '\\$&')}`));
  expect(lastPage.indexOf(last.documentNo)).toBeLessThan(lastPage.indexOf(totalLabel));
  checkPages(texts);
  return { pages, texts };
}

describe('a 300-line statement', () => {
  it('open-item on A4: headers on every page, continuous running balance, totals with the last row, page x of y', async () => {
    const doc = longDocument(300);
    expect(doc.sections[0]?.lines).toHaveLength(300);
    const file = writePdf(tempDir(), 'long-open.pdf', await statementAsPdf(doc, SETTINGS));
    const { texts } = checkStatement(doc, file);
    // The overdue list is long too: its header repeats and its total closes it.
    const overduePages = texts.filter((t) => OVERDUE_ROW.test(t.split('\n').find((l) => OVERDUE_ROW.test(l)) ?? ''));
    expect(overduePages.length).toBeGreaterThan(1);
    expect(texts.join('\n')).toMatch(new RegExp(`Total\\s+${formatCurrencyAmount(doc.sections[0]?.overdue ?? 0, 'EUR', 'en').replace(/[$.]/g, '\\$&')}`));
  });

  it('activity on Letter with an opening balance', async () => {
    const doc = longDocument(300, { style: 'activity', from: parseIsoDay('2025-03-01') as number });
    expect(doc.sections[0]?.openingBalance).not.toBe(0);
    const file = writePdf(tempDir(), 'long-activity.pdf', await statementAsPdf(doc, { ...SETTINGS, paper: 'Letter' }));
    expect(pdfInfo(file)['Page size']).toBe('612 x 792 pts (letter)');
    const { texts } = checkStatement(doc, file);
    expect(texts[0]).toMatch(/01 Mar 2025\s+Opening balance\s+[\d,]+\.\d{2}/);
  });

  it('several long statements in one PDF: each numbers its own pages', async () => {
    const long = longDocument(300);
    const alone = Number(pdfInfo(writePdf(tempDir(), 'alone.pdf', await statementAsPdf(long, SETTINGS)))['Pages']);
    const file = writePdf(tempDir(), 'batch.pdf', await statementsAsPdf([long, goldenDocument('C002'), long], SETTINGS));
    const total = Number(pdfInfo(file)['Pages']);
    expect(total).toBe(2 * alone + 1);
    const footers = Array.from({ length: total }, (_, i) => (/Page \d+ (of|sur) \d+/.exec(pdfText(file, i + 1)) ?? [''])[0]);
    const expected = [
      ...Array.from({ length: alone }, (_, i) => `Page ${i + 1} of ${alone}`),
      'Page 1 sur 1',
      ...Array.from({ length: alone }, (_, i) => `Page ${i + 1} of ${alone}`),
    ];
    expect(footers).toEqual(expected);
  });
});
