import { execFile, execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { parseCsv } from '../../../src/adapters/csv/parseCsv';
import { writeStatementsWorkbook } from '../../../src/adapters/xlsx/writeStatementsWorkbook';
import { statementsWorkbookModel, type ComputeResult, type Issue } from '../../../src/core';
import { compute, utc } from './fixture';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stmt-xlsx-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const COMPANY = { name: 'Acme Receivables SA', addressLines: ['1 rue de la Paix', '75002 Paris'] };

async function writeAndRead(result: ComputeResult, name: string, options: Parameters<typeof writeStatementsWorkbook>[2] = {}) {
  const file = path.join(dir, name);
  const written = await writeStatementsWorkbook(result, file, options);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { file, written, wb };
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** Row values from column 1, as a plain array ('' for empty cells). */
function rowValues(ws: ExcelJS.Worksheet, r: number, upTo = ws.columnCount): unknown[] {
  const out: unknown[] = [];
  for (let c = 1; c <= upTo; c++) out.push(ws.getRow(r).getCell(c).value ?? '');
  return out;
}

/** First row whose column-1 value equals `text`. */
function findRow(ws: ExcelJS.Worksheet, text: string, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === text) return r;
  throw new Error(`no row starting with ${text} in ${ws.name}`);
}

describe('statements workbook (exceljs, read back)', () => {
  it('aged receivables: one row per customer and currency, blocked and excluded too, totals per currency', async () => {
    const { written, wb, file } = await writeAndRead(compute(), 'run.xlsx', { company: COMPANY });
    expect(written).toEqual({ sheets: 4, omitted: 0 });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Aged receivables', 'Issues', 'A Alpha Ltd', 'F Société Générale_ Paris_Lyon', 'J Jay KK', 'K Kuwait Trading Company With A']);
    expect((await fs.readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]); // no temporary file left behind
    expect((await fs.stat(file)).size).toBeGreaterThan(0);

    const ws = sheet(wb, 'Aged receivables');
    expect(rowValues(ws, 1)).toEqual(['Customer no.', 'Customer', 'Currency', 'Balance', 'Overdue', 'Current', '1-30', '31-60', '61-90', 'Over 90', 'E-mail', 'Status']);
    expect(rowValues(ws, 2)).toEqual(['A', 'Alpha Ltd', 'EUR', 1300, 1200, 100, 0, 0, 0, 1200, 'ap@alpha.example; cfo@alpha.example', 'ok']);
    expect(rowValues(ws, 3)).toEqual(['A', 'Alpha Ltd', 'USD', 50, 50, 0, 50, 0, 0, 0, 'ap@alpha.example; cfo@alpha.example', 'ok']);
    expect(rowValues(ws, 4)).toEqual(['F', 'Société Générale: Paris/Lyon [HQ]?', 'EUR', 900, 900, 0, -99.99, 0, 999.99, 0, 'compta@sg.example', 'ok']);
    expect(rowValues(ws, 5)).toEqual(['J', 'Jay KK', 'JPY', 5000, 5000, 0, 5000, 0, 0, 0, '', 'ok']);
    expect(rowValues(ws, 6)).toEqual(['B', 'Beta', '', '', '', '', '', '', '', '', '', 'blocked']);
    expect(rowValues(ws, 7)).toEqual(['K', 'Kuwait Trading Company With A Very Long Name', 'KWD', 1.234, 0, 1.234, 0, 0, 0, 0, '', 'ok']);
    expect(rowValues(ws, 8)).toEqual(['Z', 'Zero Co', '', '', '', '', '', '', '', '', '', 'left out: zero balance']);

    // Money cells are numbers exact to the minor unit, formatted with the currency's digits.
    expect(ws.getCell('D4').numFmt).toBe('#,##0.00 "EUR";-#,##0.00 "EUR"');
    expect(ws.getCell('D5').numFmt).toBe('#,##0 "JPY";-#,##0 "JPY"');
    expect(ws.getCell('D7').numFmt).toBe('#,##0.000 "KWD";-#,##0.000 "KWD"');

    // Totals: one row per currency, never a grand total across currencies.
    const totals = [];
    for (let r = 9; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === 'Total') totals.push(rowValues(ws, r, 10));
    expect(totals).toEqual([
      ['Total', '', 'EUR', 2200, 2100, 100, -99.99, 0, 999.99, 1200],
      ['Total', '', 'JPY', 5000, 5000, 0, 5000, 0, 0, 0],
      ['Total', '', 'KWD', 1.234, 0, 1.234, 0, 0, 0, 0],
      ['Total', '', 'USD', 50, 50, 0, 50, 0, 0, 0],
    ]);
    const dateRow = findRow(ws, 'Statement date');
    expect(ws.getRow(dateRow).getCell(3).value).toEqual(utc('2026-06-30'));
    expect(String(ws.getRow(dateRow + 1).getCell(1).value)).toMatch(/^Aged at 30 Jun 2026 by due date/);

    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual('Kuwait Trading Company With A Very Long Name'.length);
    expect(tableOf(ws, 'AgedReceivables')).toEqual({ ref: 'A1:L8', columns: rowValues(ws, 1) });
  });

  it('one sheet per ok statement, laid out as a statement with real dates', async () => {
    const { wb } = await writeAndRead(compute(), 'sheets.xlsx', { company: COMPANY });
    const a = sheet(wb, 'A Alpha Ltd');
    expect(a.getCell('A1').value).toBe('Acme Receivables SA');
    expect(a.getCell('A2').value).toBe('1 rue de la Paix');
    expect(a.getCell('A5').value).toBe('Statement of account');
    expect(rowValues(a, 7, 9)).toEqual(['Alpha Ltd', '', '', '', '', '', '', 'Customer no.', 'A']);
    expect(rowValues(a, 8, 9)).toEqual(['1 High Street', '', '', '', '', '', '', 'Statement date', utc('2026-06-30')]);
    expect(a.getCell('I8').numFmt).toBe('yyyy-mm-dd');
    expect(a.getCell('A9').value).toBe('EC1A 1BB London');

    const eur = findRow(a, 'Currency');
    expect(a.getRow(eur).getCell(2).value).toBe('EUR');
    expect(rowValues(a, eur + 1, 10)).toEqual(['Date', 'Type', 'Document', 'Reference', 'Due date', 'Amount', 'Paid/credited', 'Open', 'Balance', 'Days overdue']);
    expect(rowValues(a, eur + 2, 10)).toEqual([utc('2026-01-15'), 'Invoice', 'A1', 'PO-77', utc('2026-02-14'), 1234.56, 34.56, 1200, 1200, 136]);
    expect(rowValues(a, eur + 3, 10)).toEqual([utc('2026-06-10'), 'Invoice', 'A2', '', utc('2026-07-10'), 100, 0, 100, 1300, '']);
    expect(a.getRow(eur + 2).getCell(1).numFmt).toBe('yyyy-mm-dd');
    expect(a.getRow(eur + 2).getCell(6).numFmt).toBe('#,##0.00 "EUR";-#,##0.00 "EUR"');
    // The closing total carries the lines' amount, paid/credited and open totals under their columns.
    expect(rowValues(a, eur + 4, 9)).toEqual(['Balance due', '', '', '', '', 1334.56, 34.56, 1300, 1300]);
    expect(a.getRow(eur + 4).getCell(6).border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'double' } });
    expect(rowValues(a, eur + 5, 9)).toEqual(['Overdue', '', '', '', '', '', '', '', 1200]);
    // The overdue list: the open items due before the statement date, with their total (= Overdue).
    expect(rowValues(a, eur + 7, 1)).toEqual(['Overdue items']);
    expect(rowValues(a, eur + 9, 10)).toEqual([utc('2026-01-15'), 'Invoice', 'A1', 'PO-77', utc('2026-02-14'), 1234.56, 34.56, 1200, 1200, 136]);
    expect(rowValues(a, eur + 10, 9)).toEqual(['Total', '', '', '', '', '', '', 1200, '']);
    expect(tableOf(a, 'Overdue_1_1')).toEqual({ ref: `A${eur + 8}:J${eur + 9}`, columns: rowValues(a, eur + 1, 10) });
    const aging = findRow(a, 'Aging');
    expect(rowValues(a, aging + 1, 6)).toEqual(['Current', '1-30', '31-60', '61-90', 'Over 90', 'Total']);
    expect(rowValues(a, aging + 2, 6)).toEqual([100, 0, 0, 0, 1200, 1300]);
    expect(String(a.getRow(aging + 3).getCell(1).value)).toMatch(/^Aged at 30 Jun 2026/);
    // The second currency is a section of its own with its own totals.
    const usd = findRow(a, 'Currency', eur + 1);
    expect(a.getRow(usd).getCell(2).value).toBe('USD');
    expect(rowValues(a, usd + 2, 10)).toEqual([utc('2026-05-01'), 'Invoice', 'A3', '', utc('2026-05-31'), 50, 0, 50, 50, 30]);
    expect(tableOf(a, 'Lines_1_1')).toEqual({ ref: `A${eur + 1}:J${eur + 3}`, columns: rowValues(a, eur + 1, 10) });
    expect(tableOf(a, 'Lines_1_2')).toEqual({ ref: `A${usd + 1}:J${usd + 2}`, columns: rowValues(a, usd + 1, 10) });

    // The French customer's sheet is in French with French dates; its name lost the forbidden characters.
    const f = sheet(wb, 'F Société Générale_ Paris_Lyon');
    expect(f.getCell('A5').value).toBe('Relevé de compte');
    expect(rowValues(f, 8, 9)).toEqual(['29 boulevard Haussmann', '', '', '', '', '', '', 'Date du relevé', utc('2026-06-30')]);
    expect(f.getCell('I8').numFmt).toBe('dd/mm/yyyy');
    const head = findRow(f, 'Date');
    expect(rowValues(f, head, 10)).toEqual(['Date', 'Type', 'Pièce', 'Référence', 'Échéance', 'Montant', 'Réglé/avoir', 'Restant dû', 'Solde', 'Jours de retard']);
    expect(rowValues(f, head + 1, 10)).toEqual([utc('2026-04-01'), 'Facture', 'F1', '=HYPERLINK("http://evil.example")', utc('2026-04-30'), 999.99, 0, 999.99, 999.99, 61]);
    expect(f.getRow(head + 1).getCell(4).type).toBe(ExcelJS.ValueType.String); // text, never a formula
    expect(f.getRow(head + 1).getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(rowValues(f, head + 2, 9)).toEqual([utc('2026-06-01'), 'Avoir', 'F2', '', utc('2026-06-01'), -99.99, 0, -99.99, 900]);
    expect(rowValues(f, head + 3, 9)).toEqual(['Solde dû', '', '', '', '', 900, 0, 900, 900]);
    expect(rowValues(f, findRow(f, 'Pièces échues') + 2, 10)).toEqual([utc('2026-04-01'), 'Facture', 'F1', '=HYPERLINK("http://evil.example")', utc('2026-04-30'), 999.99, 0, 999.99, 999.99, 61]);
    // One currency: the line header stays in view and is printed on every page.
    expect(f.views[0]).toMatchObject({ state: 'frozen', ySplit: head });
    expect(f.pageSetup.printTitlesRow).toBe(`${head}:${head}`);

    const k = sheet(wb, 'K Kuwait Trading Company With A');
    const kHead = findRow(k, 'Date');
    expect(k.getRow(kHead + 1).getCell(6).value).toBe(1.234);
    expect(k.getRow(kHead + 1).getCell(6).numFmt).toBe('#,##0.000 "KWD";-#,##0.000 "KWD"');
    expect(k.getCell('A1').value).toBe('Acme Receivables SA');
  });

  it('activity statements show the opening balance and the period', async () => {
    const result = compute({ style: 'activity', from: utcDay('2026-06-01') });
    const { wb } = await writeAndRead(result, 'activity.xlsx');
    const a = sheet(wb, 'A Alpha Ltd');
    expect(a.getCell('A1').value).toBe('Statement of activity'); // no company block given
    const period = findPeriodRow(a, 'Period');
    expect(rowValues(a, period, 10).slice(7)).toEqual(['Period', utc('2026-06-01'), utc('2026-06-30')]);
    const opening = findRow(a, 'Opening balance');
    expect(a.getRow(opening).getCell(9).value).toBe(1234.56);
    expect(rowValues(a, opening + 2, 9)).toEqual([utc('2026-06-10'), 'Invoice', 'A2', '', utc('2026-07-10'), 100, 0, 100, 1334.56]);
    expect(rowValues(a, opening + 3, 9)).toEqual([utc('2026-06-20'), 'Payment', 'AP1', '', utc('2026-06-20'), -34.56, -34.56, 0, 1300]);
    expect(a.getRow(findRow(a, 'Closing balance')).getCell(9).value).toBe(1300);
  });

  it('issues sheet: every issue with its place, in the chosen language, with the cell when there is one', async () => {
    const base = compute();
    const withCell: Issue = { ...(base.issues[0] as Issue), row: 5, column: 'amount' };
    const result: ComputeResult = { ...base, issues: [...base.issues, { ...withCell, cell: 'F5' } as Issue] };
    const en = await writeAndRead(result, 'issues-en.xlsx');
    const ws = sheet(en.wb, 'Issues');
    expect(rowValues(ws, 1)).toEqual(['Severity', 'Code', 'Table', 'Row', 'Column', 'Cell', 'Customer', 'Message']);
    expect(rowValues(ws, 2)).toEqual(['error', 'bad-date', 'entries', 11, 'posting_date', '', 'B', base.issues[0]?.message.en]);
    expect(rowValues(ws, 3).slice(0, 7)).toEqual(['error', 'bad-date', 'entries', 5, 'amount', 'F5', 'B']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const fr = await writeAndRead(result, 'issues-fr.xlsx', { language: 'fr' });
    expect(fr.wb.worksheets.slice(0, 2).map((w) => w.name)).toEqual(['Balance âgée', 'Problèmes']);
    const p = sheet(fr.wb, 'Problèmes');
    expect(rowValues(p, 1)).toEqual(['Gravité', 'Code', 'Table', 'Ligne', 'Colonne', 'Cellule', 'Client', 'Message']);
    expect(rowValues(p, 2)).toEqual(['erreur', 'bad-date', 'écritures', 11, 'posting_date', '', 'B', base.issues[0]?.message.fr]);
    const summary = sheet(fr.wb, 'Balance âgée');
    expect(rowValues(summary, 1).slice(0, 6)).toEqual(['N° client', 'Client', 'Devise', 'Solde', 'Échu', 'Non échu']);
    expect(summary.getRow(6).getCell(12).value).toBe('bloqué');
    expect(summary.getRow(8).getCell(12).value).toBe('écarté : solde nul');
    expect(summary.getRow(findRow(summary, 'Date du relevé')).getCell(3).numFmt).toBe('dd/mm/yyyy');

    const none = await writeAndRead({ ...base, issues: [] }, 'no-issues.xlsx');
    expect(rowValues(sheet(none.wb, 'Issues'), 2, 1)).toEqual(['No issues.']);
  });

  it('stops at maxSheets and says so on the summary sheet', async () => {
    const { wb, written } = await writeAndRead(compute(), 'limited.xlsx', { maxSheets: 2 });
    expect(written).toEqual({ sheets: 2, omitted: 2 });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Aged receivables', 'Issues', 'A Alpha Ltd', 'F Société Générale_ Paris_Lyon']);
    const ws = sheet(wb, 'Aged receivables');
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('2 of 4 statements have a sheet; use the CSV or PDF output for the others.');

    const zero = await writeAndRead(compute(), 'zero.xlsx', { maxSheets: 0 });
    expect(zero.wb.worksheets.map((w) => w.name)).toEqual(['Aged receivables', 'Issues']);
    expect(zero.written.sheets).toBe(0);
    expect(() => statementsWorkbookModel(compute(), { maxSheets: -1 })).toThrow(RangeError);

    const all = await writeAndRead(compute(), 'all.xlsx', { maxSheets: 4 });
    const last = sheet(all.wb, 'Aged receivables');
    expect(last.getRow(last.rowCount).getCell(1).value).not.toMatch(/statements have a sheet/);
  });

  it('summary runs (no lines), other aging columns and an empty run still make a valid workbook', async () => {
    const summary = await writeAndRead(compute({ summary: true, aging: { kind: 'months' } }), 'summary.xlsx');
    const a = sheet(summary.wb, 'A Alpha Ltd');
    expect(a.getTable('Lines_1_1')).toBeUndefined();
    expect(a.getRow(findRow(a, 'Balance due')).getCell(9).value).toBe(1300);
    const aging = findRow(a, 'Aging');
    expect(rowValues(a, aging + 1, 7)).toEqual(['Current', 'June 2026', 'May 2026', 'April 2026', 'March 2026', 'Older', 'Total']);
    expect(rowValues(a, aging + 2, 7)).toEqual([100, 0, 0, 0, 0, 1200, 1300]);
    expect(rowValues(sheet(summary.wb, 'Aged receivables'), 1, 11).slice(5)).toEqual(['Current', 'June 2026', 'May 2026', 'April 2026', 'March 2026', 'Older']);

    const empty = await writeAndRead({ ...compute(), statements: [], excluded: [], issues: [] }, 'empty.xlsx');
    expect(empty.written).toEqual({ sheets: 0, omitted: 0 });
    const ws = sheet(empty.wb, 'Aged receivables');
    expect(ws.getTable('AgedReceivables')).toBeUndefined(); // Excel refuses a table without rows
    expect(rowValues(ws, 1, 3)).toEqual(['Customer no.', 'Customer', 'Currency']);
  });

  it('many customers with the same long name get distinct sheets', async () => {
    const base = compute();
    const a = base.statements[0];
    if (a === undefined || a.customer === undefined) throw new Error('fixture');
    const statements = Array.from({ length: 12 }, (_, i) => ({ ...a, customerId: `CUSTOMER-NUMBER-${i % 2}`, customer: { ...a.customer!, name: 'The Same Very Long Customer Name Limited' } }));
    const { wb } = await writeAndRead({ ...base, statements, excluded: [] }, 'same.xlsx');
    const names = wb.worksheets.slice(2).map((w) => w.name);
    expect(names.length).toBe(12);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(12);
    expect(names.every((n) => n.length <= 31)).toBe(true);
  });

  it('aged receivables prints landscape, one page wide, with the header row on every page (the sheet XML)', async () => {
    const { file } = await writeAndRead(compute(), 'print.xlsx', { company: COMPANY });
    const zip = new PizZip(await fs.readFile(file));
    const sheetXml = zip.file('xl/worksheets/sheet1.xml')?.asText() ?? '';
    expect(sheetXml).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    expect(sheetXml).toMatch(/<pageSetup [^>]*paperSize="9"/);
    expect(sheetXml).toMatch(/<pageSetup [^>]*fitToWidth="1"/);
    expect(sheetXml).toMatch(/<pageSetup [^>]*fitToHeight="0"/);
    expect(sheetXml).toMatch(/<pageSetUpPr [^>]*fitToPage="1"/);
    const workbookXml = zip.file('xl/workbook.xml')?.asText() ?? '';
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Aged receivables&apos;!$1:$1</definedName>`);

    const letter = await writeAndRead(compute(), 'letter.xlsx', { paper: 'Letter' });
    expect(new PizZip(await fs.readFile(letter.file)).file('xl/worksheets/sheet1.xml')?.asText()).toMatch(/<pageSetup [^>]*paperSize="1"/);
  });

  it(
    'LibreOffice prints the aged receivables with every column on the first page',
    async () => {
      const result = compute();
      const file = path.join(dir, 'print-lo.xlsx');
      await writeStatementsWorkbook(result, file, { company: COMPANY });
      const out = path.join(dir, 'print-lo');
      const profile = `file://${path.join(os.tmpdir(), `lo-${process.pid}-${Date.now()}-pdf`)}`;
      await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', out, file]);
      await fs.rm(new URL(profile), { recursive: true, force: true });
      const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', path.join(out, 'print-lo.pdf'), '-'], { encoding: 'utf8' });
      // The last aging column and the columns after it are on page 1, beside the first ones.
      const header = page1.split('\n').find((l) => l.includes('Customer no.')) ?? '';
      expect(header).toMatch(/Customer no\..*Over 90.*E-mail.*Status/);
      expect(page1).toContain('Kuwait Trading Company With A Very Long Name');
    },
    120_000,
  );

  it(
    'LibreOffice opens the workbook and shows the totals per currency',
    async () => {
      const file = path.join(dir, 'lo.xlsx');
      await writeStatementsWorkbook(compute(), file, { company: COMPANY });
      const out = path.join(dir, 'lo-out');
      const profile = `file://${path.join(os.tmpdir(), `lo-${process.pid}-${Date.now()}`)}`;
      // Filter options: comma, double quote, UTF-8 (76), from line 1, cells "as shown" (token 9), so the
      // number formats are checked too. C.UTF-8 gives LibreOffice's en-US formatting whatever the machine.
      await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', '--outdir', out, file]);
      await fs.rm(new URL(profile), { recursive: true, force: true });
      const csv = parseCsv(await fs.readFile(path.join(out, 'lo.csv'), 'utf8')).rows;
      expect(csv[0]).toEqual(['Customer no.', 'Customer', 'Currency', 'Balance', 'Overdue', 'Current', '1-30', '31-60', '61-90', 'Over 90', 'E-mail', 'Status']);
      expect(csv[3]?.slice(0, 10)).toEqual(['F', 'Société Générale: Paris/Lyon [HQ]?', 'EUR', '900.00 EUR', '900.00 EUR', '0.00 EUR', '-99.99 EUR', '0.00 EUR', '999.99 EUR', '0.00 EUR']);
      expect(csv.filter((r) => r[0] === 'Total').map((r) => r.slice(0, 10))).toEqual([
        ['Total', '', 'EUR', '2,200.00 EUR', '2,100.00 EUR', '100.00 EUR', '-99.99 EUR', '0.00 EUR', '999.99 EUR', '1,200.00 EUR'],
        ['Total', '', 'JPY', '5,000 JPY', '5,000 JPY', '0 JPY', '5,000 JPY', '0 JPY', '0 JPY', '0 JPY'],
        ['Total', '', 'KWD', '1.234 KWD', '0.000 KWD', '1.234 KWD', '0.000 KWD', '0.000 KWD', '0.000 KWD', '0.000 KWD'],
        ['Total', '', 'USD', '50.00 USD', '50.00 USD', '0.00 USD', '50.00 USD', '0.00 USD', '0.00 USD', '0.00 USD'],
      ]);
      expect(csv.find((r) => r[0] === 'Statement date')?.[2]).toBe('2026-06-30');
    },
    120_000,
  );
});

/** An Excel table as exceljs reads it back: its range and column names. */
function tableOf(ws: ExcelJS.Worksheet, name: string): { ref: string; columns: string[] } | undefined {
  const t = ws.getTable(name) as unknown as { table?: { tableRef: string; columns: { name: string }[] } } | undefined;
  return t?.table === undefined ? undefined : { ref: t.table.tableRef, columns: t.table.columns.map((c) => c.name) };
}

function utcDay(iso: string): number {
  return Math.round(utc(iso).getTime() / 86_400_000);
}

function findPeriodRow(ws: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(8).value === label) return r;
  throw new Error(`no ${label} row`);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 110_000, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
      else resolve();
    });
  });
}
