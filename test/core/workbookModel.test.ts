import {
  a1,
  moneyNumber,
  statementDocument,
  statementsWorkbookModel,
  tableRange,
  type Cell,
  type ComputeResult,
  type SheetModel,
} from '../../src/core';
import { dateFormat, moneyFormat } from '../../src/core/workbook/formats';
import { SheetNamer } from '../../src/core/workbook/sheetNames';
import { AS_OF, compute, utc } from '../adapters/write/fixture';

/** The workbook model alone: no exceljs, no file, what any writer (exceljs, Office.js) is given. */

const day = (iso: string): number => Math.round(utc(iso).getTime() / 86_400_000);
const COMPANY = { name: 'Acme Receivables SA', addressLines: ['1 rue de la Paix'] };

function sheetOf(result: ComputeResult, name: string, options: Parameters<typeof statementsWorkbookModel>[1] = {}): SheetModel {
  const sheet = statementsWorkbookModel(result, options).workbook.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Excel row r, column c (1-based). */
function cell(sheet: SheetModel, r: number, c: number): Cell | undefined {
  return sheet.rows[r - 1]?.[c - 1];
}

/** A row as plain values: text, money as "minor CUR", dates as ISO, numbers, '' for blank. */
function row(sheet: SheetModel, r: number, upTo?: number): (string | number)[] {
  const cells = sheet.rows[r - 1] ?? [];
  return cells.slice(0, upTo ?? cells.length).map((x) => {
    const v = x.value;
    switch (v.kind) {
      case 'blank':
        return '';
      case 'text':
        return v.text;
      case 'number':
        return v.value;
      case 'money':
        return `${v.minor} ${v.currency}`;
      case 'date':
        return new Date(v.day * 86_400_000).toISOString().slice(0, 10);
      case 'boolean':
        return String(v.value);
    }
  });
}

function findRow(sheet: SheetModel, text: string, from = 1): number {
  for (let r = from; r <= sheet.rows.length; r++) if (row(sheet, r, 1)[0] === text) return r;
  throw new Error(`no row ${text} in ${sheet.name}`);
}

describe('statements workbook model', () => {
  it('is plain data: sheets in order, named validly, nothing a writer must know of core', () => {
    const { workbook, sheets, omitted } = statementsWorkbookModel(compute(), { company: COMPANY });
    expect([sheets, omitted]).toEqual([4, 0]);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Aged receivables', 'Issues', 'A Alpha Ltd', 'F Société Générale_ Paris_Lyon', 'J Jay KK', 'K Kuwait Trading Company With A']);
    // No Date, class or function inside: the model survives JSON (a webview or worker can be handed it).
    expect(JSON.parse(JSON.stringify(workbook))).toEqual(workbook);
    for (const sheet of workbook.sheets) for (const cells of sheet.rows) for (const c of cells) if (c.value.kind === 'money') expect(c.format).toBe(moneyFormat(c.value.currency));
  });

  it('aged receivables: typed cells, totals per currency, landscape one page wide with the header row repeated', () => {
    const ws = sheetOf(compute(), 'Aged receivables');
    expect(row(ws, 1)).toEqual(['Customer no.', 'Customer', 'Currency', 'Balance', 'Overdue', 'Current', '1-30', '31-60', '61-90', 'Over 90', 'E-mail', 'Status']);
    expect(row(ws, 2)).toEqual(['A', 'Alpha Ltd', 'EUR', '130000 EUR', '120000 EUR', '10000 EUR', '0 EUR', '0 EUR', '0 EUR', '120000 EUR', 'ap@alpha.example; cfo@alpha.example', 'ok']);
    expect(row(ws, 7, 4)).toEqual(['K', 'Kuwait Trading Company With A Very Long Name', 'KWD', '1234 KWD']);
    expect(cell(ws, 7, 4)?.format).toBe('#,##0.000 "KWD";-#,##0.000 "KWD"');
    expect(row(ws, 8)).toEqual(['Z', 'Zero Co', '', '', '', '', '', '', '', '', '', 'left out: zero balance']);
    expect(ws.tables.map((t) => [t.name, tableRange(t)])).toEqual([['AgedReceivables', 'A1:L8']]);

    const totals = ws.rows.map((_, i) => i + 1).filter((r) => row(ws, r, 1)[0] === 'Total');
    expect(totals.map((r) => row(ws, r, 4))).toEqual([['Total', '', 'EUR', '220000 EUR'], ['Total', '', 'JPY', '5000 JPY'], ['Total', '', 'KWD', '1234 KWD'], ['Total', '', 'USD', '5000 USD']]);
    // Ruled across to the last aging column (the blank customer cell too), not the e-mail and status.
    expect(cell(ws, totals[0] as number, 2)?.style).toEqual({ bold: true, border: { top: 'thin', bottom: 'double' } });
    expect(cell(ws, totals[0] as number, 11)).toBeUndefined();

    const dateRow = findRow(ws, 'Statement date');
    expect(cell(ws, dateRow, 3)).toEqual({ value: { kind: 'date', day: AS_OF }, format: 'yyyy-mm-dd' });
    expect(ws.frozen).toEqual({ rows: 1, columns: 2 });
    expect(ws.printTitleRows).toEqual({ first: 1, last: 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, paper: 'A4' });
    // Widths fit the longest value, clamped to 8..48.
    expect(ws.columnWidths[1]).toBe('Kuwait Trading Company With A Very Long Name'.length + 2);
    expect(ws.columnWidths[2]).toBe('Currency'.length + 2);
  });

  it('a statement sheet shows what the statement document says: lines, totals, overdue list, aging', () => {
    const result = compute();
    const statement = result.statements.find((s) => s.customerId === 'A');
    if (statement === undefined) throw new Error('fixture');
    const doc = statementDocument(result, statement);
    const ws = sheetOf(result, 'A Alpha Ltd', { company: COMPANY });
    expect(row(ws, 1)).toEqual(['Acme Receivables SA']);
    expect(cell(ws, 1, 1)?.style).toEqual({ bold: true, size: 14 });
    expect(row(ws, 4)).toEqual([doc.title]);
    expect(row(ws, 6, 9)).toEqual(['Alpha Ltd', '', '', '', '', '', '', 'Customer no.', 'A']);

    const eur = findRow(ws, 'Currency');
    const eurDoc = doc.sections[0];
    if (eurDoc === undefined) throw new Error('fixture');
    expect(eurDoc.opening).toBeUndefined();
    expect(row(ws, eur + 1, 3)).toEqual(['Date', 'Type', 'Document']); // no opening row without a period start
    const lines = eurDoc.lines.map((_, i) => row(ws, eur + 2 + i, 3)[2]);
    expect(lines).toEqual(eurDoc.lines.map((l) => l.documentNo));
    const closing = eur + 2 + eurDoc.lines.length;
    expect(row(ws, closing)).toEqual([doc.closingLabel, '', '', '', '', '133456 EUR', '3456 EUR', '130000 EUR', '130000 EUR']);
    expect([eurDoc.lineTotals.amount, eurDoc.lineTotals.applied, eurDoc.lineTotals.open, eurDoc.closingBalance]).toEqual([133456, 3456, 130000, 130000]);
    expect(row(ws, closing + 1)).toEqual(['Overdue', '', '', '', '', '', '', '', `${eurDoc.overdue} EUR`]);

    const list = findRow(ws, 'Overdue items', closing);
    expect(eurDoc.overdueLines.map((l) => l.documentNo)).toEqual(['A1']);
    expect(row(ws, list + 2)).toEqual(['2026-01-15', 'Invoice', 'A1', 'PO-77', '2026-02-14', '123456 EUR', '3456 EUR', '120000 EUR', '120000 EUR', 136]);
    expect(row(ws, list + 3)).toEqual(['Total', '', '', '', '', '', '', '120000 EUR']);
    expect(ws.tables.map((t) => [t.name, tableRange(t)])).toEqual([
      ['Lines_1_1', `A${eur + 1}:J${eur + 3}`],
      ['Overdue_1_1', `A${list + 1}:J${list + 2}`],
      ['Lines_1_2', expect.stringMatching(/^A\d+:J\d+$/)],
      ['Overdue_1_2', expect.stringMatching(/^A\d+:J\d+$/)],
    ]);

    const aging = findRow(ws, 'Aging');
    expect(row(ws, aging + 1)).toEqual([...doc.agingLabels, 'Total']);
    expect(row(ws, aging + 2)).toEqual([...eurDoc.aging.map((x) => `${x} EUR`), `${eurDoc.agingTotal} EUR`]);
    // Two currencies: no frozen header or print titles (which table's would it be?).
    expect(ws.frozen).toBeUndefined();
    expect(ws.printTitleRows).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({ orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 });
  });

  it('an open-item statement with a period start has its opening-balance row, like every other output', () => {
    const from = day('2026-06-01');
    const result = compute({ from });
    const ws = sheetOf(result, 'J Jay KK');
    const opening = findRow(ws, 'Opening balance');
    expect(row(ws, opening)).toEqual(['Opening balance', '', '', '', '', '', '', '', '0 JPY']);
    expect(row(ws, opening - 1)).toEqual(['Currency', 'JPY']);
    // One currency: its line header stays in view and is printed on every page.
    expect(ws.frozen).toEqual({ rows: opening + 1, columns: 0 });
    expect(ws.printTitleRows).toEqual({ first: opening + 1, last: opening + 1 });
  });

  it('French statements: French texts and dates; issues sheet in the run language, "No issues." when none', () => {
    const ws = sheetOf(compute(), 'F Société Générale_ Paris_Lyon');
    expect(row(ws, 1)).toEqual(['Relevé de compte']);
    const head = findRow(ws, 'Date');
    expect(cell(ws, head + 1, 1)).toEqual({ value: { kind: 'date', day: day('2026-04-01') }, format: dateFormat('fr') });
    expect(cell(ws, head + 1, 4)?.value).toEqual({ kind: 'text', text: '=HYPERLINK("http://evil.example")' });

    const fr = statementsWorkbookModel(compute(), { language: 'fr' }).workbook.sheets[1] as SheetModel;
    expect(fr.name).toBe('Problèmes');
    expect(row(fr, 1)).toEqual(['Gravité', 'Code', 'Table', 'Ligne', 'Colonne', 'Cellule', 'Client', 'Message']);
    expect(row(fr, 2, 4)).toEqual(['erreur', 'bad-date', 'écritures', 11]);
    const none = sheetOf({ ...compute(), issues: [] }, 'Issues');
    expect(none.tables).toEqual([]);
    expect(row(none, 2)).toEqual(['No issues.']);
    expect(cell(none, 1, 1)?.style).toEqual({ bold: true, border: { bottom: 'thin' } });
  });

  it('maxSheets: the summary says how many statements have a sheet', () => {
    const { workbook, sheets, omitted } = statementsWorkbookModel(compute(), { maxSheets: 1 });
    expect([workbook.sheets.length, sheets, omitted]).toEqual([3, 1, 3]);
    const summary = workbook.sheets[0] as SheetModel;
    expect(row(summary, summary.rows.length)).toEqual(['1 of 4 statements have a sheet; use the CSV or PDF output for the others.']);
    expect(cell(summary, summary.rows.length, 1)?.style).toEqual({ bold: true, color: 'C00000' });
    expect(() => statementsWorkbookModel(compute(), { maxSheets: 1.5 })).toThrow(RangeError);
  });
  it('leaves the overdue list out when the settings say so, like the PDF and Word documents', () => {
    const ws = sheetOf(compute(), 'A Alpha Ltd', { showOverdueSection: false });
    expect(ws.rows.some((cells) => cells[0]?.value.kind === 'text' && cells[0].value.text === 'Overdue items')).toBe(false);
    expect(ws.tables.map((t) => t.name)).toEqual(['Lines_1_1', 'Lines_1_2']);
    expect(row(ws, findRow(ws, 'Overdue'))).toEqual(['Overdue', '', '', '', '', '', '', '', '120000 EUR']);
  });

  it('prints on the paper the settings name', () => {
    const paper = (options: Parameters<typeof statementsWorkbookModel>[1]) =>
      statementsWorkbookModel(compute(), options).workbook.sheets.filter((s) => s.pageSetup !== undefined).map((s) => s.pageSetup?.paper);
    expect(paper({})).toEqual(['A4', 'A4', 'A4', 'A4', 'A4']);
    expect(paper({ paper: 'Letter' })).toEqual(['Letter', 'Letter', 'Letter', 'Letter', 'Letter']);
  });
});

describe('workbook formats and addresses', () => {
  it('money is the decimal exact to the minor unit, with its currency digits in the format', () => {
    expect(moneyNumber(123456, 'EUR')).toBe(1234.56);
    expect(moneyNumber(5000, 'JPY')).toBe(5000);
    expect(moneyNumber(1234, 'KWD')).toBe(1.234);
    expect(moneyFormat('JPY')).toBe('#,##0 "JPY";-#,##0 "JPY"');
    expect(moneyFormat('EUR')).toBe('#,##0.00 "EUR";-#,##0.00 "EUR"');
    expect(dateFormat('en')).toBe('yyyy-mm-dd');
  });

  it('A1 addresses and table ranges', () => {
    expect([a1(1, 1), a1(8, 12), a1(3, 27), a1(1, 702), a1(1, 703)]).toEqual(['A1', 'L8', 'AA3', 'ZZ1', 'AAA1']);
    expect(tableRange({ name: 'T', top: 5, left: 3, headers: ['a', 'b'], dataRows: 2, style: 'TableStyleMedium2', rowStripes: true })).toBe('C5:D7');
  });

  it('sheet names: at most 31 characters, no forbidden characters, unique ignoring case', () => {
    const namer = new SheetNamer();
    namer.reserve('Aged receivables');
    namer.reserve('Issues');
    const names = [
      'C1 Alpha', 'c1 ALPHA', 'C1 alpha', 'Aged Receivables', 'ISSUES', 'History', "'quoted'", 'a:b\\c/d?e*f[g]h',
      'X'.repeat(40), 'X'.repeat(40), `${'Y'.repeat(30)}😀😀`, '', '   ', 'tab\tand\nnewline', '\u202eevil', "C014 Margie's Travel", "K6 'Quoted",
    ].map((n) => namer.name(n));
    expect(names).toEqual([
      'C1 Alpha', 'c1 ALPHA (2)', 'C1 alpha (3)', 'Aged Receivables (2)', 'ISSUES (2)', 'History (2)', 'quoted', 'a_b_c_d_e_f_g_h',
      'X'.repeat(31), `${'X'.repeat(27)} (2)`, 'Y'.repeat(30), 'Sheet', 'Sheet (2)', 'tab and newline', 'evil', 'C014 Margie\u2019s Travel', 'K6 \u2019Quoted',
    ]);
    for (const n of names) {
      expect(n.length).toBeGreaterThan(0);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[:\\/?*[\]']/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});
