import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { main } from '../../src/cli/main';
import { tempDir, workbookFromCsvFolder, writeWorkbook } from '../helpers/workbook';

const SAMPLE = path.join(__dirname, '../../examples/sample-ledger');
const GOLDEN = path.join(__dirname, '../golden/scenarios');

async function compute(ledger: string, ...extra: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'statements', 'compute', '--ledger', ledger, '--json', ...extra], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, json: out === '' ? undefined : JSON.parse(out), err };
}

describe('reading an .xlsx ledger', () => {
  it.each([
    ['examples/sample-ledger', SAMPLE, ['--as-of', '2026-10-31']],
    ['golden instalments', path.join(GOLDEN, 'instalments'), JSON.parse(fs.readFileSync(path.join(GOLDEN, 'instalments/args.json'), 'utf8')) as string[]],
    ['golden multi-currency', path.join(GOLDEN, 'multi-currency'), JSON.parse(fs.readFileSync(path.join(GOLDEN, 'multi-currency/args.json'), 'utf8')) as string[]],
    ['golden explicit-applications', path.join(GOLDEN, 'explicit-applications'), JSON.parse(fs.readFileSync(path.join(GOLDEN, 'explicit-applications/args.json'), 'utf8')) as string[]],
  ])('gives the same compute --json as the CSV folder: %s', async (_name, folder, args) => {
    const file = await workbookFromCsvFolder(folder, path.join(tempDir(), 'ledger.xlsx'));
    const fromCsv = await compute(folder, ...args);
    const fromXlsx = await compute(file, ...args);
    expect(fromXlsx.code).toBe(fromCsv.code);
    // Workbook issues also name their cell (and say it in their message); everything else must be the same.
    type Issues = { message: string; cell?: string }[];
    const bare = (issues: Issues) => issues.map(({ message: _m, cell: _c, ...rest }) => rest);
    const strip = (j: { statements: { issues?: Issues }[]; excluded: unknown[]; issues: Issues }) => ({
      ...j,
      issues: bare(j.issues),
      statements: j.statements.map((st) => (st.issues === undefined ? st : { ...st, issues: bare(st.issues) })),
    });
    expect(strip(fromXlsx.json)).toEqual(strip(fromCsv.json));
    expect(fromCsv.json.statements.length).toBeGreaterThan(0);
  });

  it('reads a French sheet under a title, with debit/credit columns, text dates, totals and notes', async () => {
    const file = await writeWorkbook(path.join(tempDir(), 'fr.xlsx'), {
      Clients: [['Code client', 'Raison sociale', 'Devise', 'Langue'], ['F1', 'Dupont SARL', 'EUR', 'fr']],
      'Grand livre': [
        ['Grand livre clients — octobre 2026'],
        [],
        ['N° client', 'Type de pièce', 'N° pièce', 'Date pièce', 'Échéance', 'Débit', 'Crédit', 'Lettrage'],
        ['F1', 'Facture', 'FA-1', '01/10/2026', '31/10/2026', '1 200,00', null, 'AA'],
        ['F1', 'Règlement', 'RG-1', new Date('2026-10-15T00:00:00Z'), null, null, 1000, 'AA'],
        ['F1', 'Facture', 'FA-2', '20/10/2026', '19/11/2026', 300.5, null, null],
        ['Total F1', null, null, null, null, { formula: 'SUM(F4:F6)', result: 1500.5 }, 1000, null],
        ['Relance envoyée le 02/11', null, null, null, null, null, null, null],
      ],
    });
    const r = await compute(file, '--as-of', '2026-11-15');
    expect(r.code).toBe(0);
    const sec = r.json.statements[0].sections[0];
    expect(sec).toMatchObject({ currency: 'EUR', closingBalance: '500.50', overdue: '200.00', aging: ['300.50', '200.00', '0.00', '0.00', '0.00'] });
    expect(r.json.issues.map((i: { code: string; cell?: string }) => `${i.code}@${i.cell ?? ''}`)).toEqual(["total-row@'Grand livre'!A7", "note-row@'Grand livre'!A8"]);
  });

  it('reads 1904-system workbooks and reports bad cells with their address', async () => {
    const file = await writeWorkbook(path.join(tempDir(), '1904.xlsx'), {
      Customers: [['customer_id', 'currency'], ['A', 'USD'], ['B', 'USD']],
      Entries: [
        ['customer_id', 'type', 'document_no', 'posting_date', 'amount'],
        ['A', 'invoice', 'I-1', new Date('2026-10-01T00:00:00Z'), 100],
        ['B', 'invoice', 'I-2', 'someday', 5],
        ['B', 'invoice', 'I-3', '10/31/2026', 5],
      ],
    }, true);
    const r = await compute(file, '--as-of', '2026-10-31');
    expect(r.code).toBe(1);
    expect(r.json.statements.map((s: { status: string }) => s.status)).toEqual(['ok', 'blocked']);
    expect(r.json.statements[0].sections[0].lines[0].date).toBe('2026-10-01');
    expect(r.json.issues.map((i: { code: string; cell?: string }) => `${i.code}@${i.cell ?? ''}`)).toEqual(['ambiguous-date@Entries!D4', 'bad-date@Entries!D3', 'bad-date@Entries!D4']);
    const us = await compute(file, '--as-of', '2026-10-31', '--date-order', 'mdy');
    expect(us.json.issues.map((i: { code: string }) => i.code)).toEqual(['bad-date']);
  });

  it('takes customers from the entries when there is no customers sheet, and uses a mapping', async () => {
    const dir = tempDir();
    const file = await writeWorkbook(path.join(dir, 'de.xlsx'), {
      Buchungen: [['Kunde', 'Art', 'Beleg', 'Datum', 'Betrag', 'Währung'], ['K1', 'invoice', 'R-1', new Date('2026-09-01T00:00:00Z'), 80, 'EUR']],
    });
    fs.writeFileSync(path.join(dir, 'map.json'), JSON.stringify({ entries: { Kunde: 'customer_id', Art: 'type', Beleg: 'document_no', Datum: 'posting_date', Betrag: 'amount', Währung: 'currency' } }));
    const r = await compute(file, '--as-of', '2026-10-31', '--mapping', path.join(dir, 'map.json'));
    expect(r.code).toBe(0);
    expect(r.json.statements[0]).toMatchObject({ customerId: 'K1', status: 'ok' });
    expect(r.json.issues[0].code).toBe('customers-from-entries');
    const noMap = await compute(file, '--as-of', '2026-10-31');
    expect(noMap.code).toBe(1);
    expect(noMap.err).toContain('no entries table found');
  });
});

describe('hostile workbooks', () => {
  it('a broken zip is a clear error, not a crash', async () => {
    const dir = tempDir();
    const good = await writeWorkbook(path.join(dir, 'good.xlsx'), { Entries: [['customer_id', 'document_no', 'posting_date', 'amount']] });
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(path.join(dir, 'truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    fs.writeFileSync(path.join(dir, 'pdf.xlsx'), '%PDF-1.4 not a workbook');
    for (const name of ['truncated.xlsx', 'pdf.xlsx']) {
      const r = await readWorkbook(path.join(dir, name));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.en).toMatch(/not a readable \.xlsx/);
        expect(r.error.fr).toMatch(/n'est pas un classeur/);
      }
    }
  });

  it('a zip that is not a workbook, and a zip bomb, are refused before inflating', async () => {
    const dir = tempDir();
    const plain = new JSZip();
    plain.file('hello.txt', 'hi');
    fs.writeFileSync(path.join(dir, 'plain.xlsx'), await plain.generateAsync({ type: 'nodebuffer' }));
    const bomb = new JSZip();
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/worksheets/sheet1.xml', Buffer.alloc(60e6, 0x20));
    fs.writeFileSync(path.join(dir, 'bomb.xlsx'), await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    const plainRead = await readWorkbook(path.join(dir, 'plain.xlsx'));
    expect(plainRead.ok || plainRead.error.en).toMatch(/not an Excel workbook/);
    const bombRead = await readWorkbook(path.join(dir, 'bomb.xlsx'));
    expect(bombRead.ok || bombRead.error.en).toMatch(/zip bomb/);
  });

  it('a 50 MB file is judged by its size and structure, in bounded memory', async () => {
    const file = path.join(tempDir(), 'big.xlsx');
    const chunk = Buffer.alloc(1 << 20, 7);
    const fd = fs.openSync(file, 'w');
    for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    const before = process.memoryUsage().rss;
    const r = await readWorkbook(file);
    expect(r.ok || r.error.en).toMatch(/not a zip archive/);
    expect(process.memoryUsage().rss - before).toBeLessThan(20e6);
    const limited = await readWorkbook(file, { maxBytes: 10e6 });
    expect(limited.ok || limited.error.en).toMatch(/the limit is 10 MB/);
  });

  it('a sheet that reaches row 1,048,576 is read in bounded memory and reported', async () => {
    const file = await writeWorkbook(path.join(tempDir(), 'full.xlsx'), {
      Customers: [['customer_id', 'currency'], ['A', 'EUR']],
      Entries: [['customer_id', 'type', 'document_no', 'posting_date', 'amount'], ['A', 'invoice', 'I-1', '2026-10-01', 10]],
    });
    // Put a stray value on Excel's very last row, as a sheet filled down by accident has.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Entries');
    if (sheet === undefined) throw new Error('no Entries sheet');
    sheet.getCell('A1048576').value = 'end of the list';
    await wb.xlsx.writeFile(file);
    const before = process.memoryUsage().rss;
    const r = await compute(file, '--as-of', '2026-10-31');
    expect(process.memoryUsage().rss - before).toBeLessThan(300e6);
    expect(r.json.issues.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['sheet-full', 'note-row']));
    expect(r.json.statements[0].sections[0].closingBalance).toBe('10.00');
  });
});

describe('Excel tables by name', () => {
  it('reads the range of a table named like a ledger table, wherever it sits, and ignores what is around it', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const clients = wb.addWorksheet('Feuil1');
    clients.getCell('A1').value = 'Liste des clients (ne pas modifier)';
    clients.addTable({ name: 'Table_Clients', ref: 'B3', headerRow: true, columns: [{ name: 'Code client' }, { name: 'Devise' }], rows: [['K1', 'EUR'], ['K2', 'EUR']] });
    const data = wb.addWorksheet('Feuil2');
    data.getCell('A1').value = 'Notes: call K2 about the August invoice';
    data.getCell('A7').value = 'Customer';
    data.getCell('A8').value = 'Document No.';
    data.addTable({
      name: 'tblEntries',
      ref: 'C4',
      headerRow: true,
      columns: [{ name: 'N° client' }, { name: 'Type' }, { name: 'N° pièce' }, { name: 'Date pièce' }, { name: 'Montant' }],
      rows: [
        ['K1', 'facture', 'F-1', new Date('2026-09-01T00:00:00Z'), 100],
        ['K2', 'facture', 'F-2', '31/09/2026', 50],
        ['K1', 'avoir', 'AV-1', new Date('2026-09-05T00:00:00Z'), -20],
      ],
    });
    data.getCell('C9').value = 'not in the table';
    const file = path.join(tempDir(), 'tables.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await compute(file, '--as-of', '2026-10-31');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.json.statements.map((s: { customerId: string; status: string }) => `${s.customerId}:${s.status}`)).toEqual(['K1:ok', 'K2:blocked']);
    expect(r.json.statements[0].sections[0].closingBalance).toBe('80.00');
    const bad = r.json.issues.find((i: { code: string }) => i.code === 'bad-date');
    expect(bad).toMatchObject({ row: 6, cell: 'Feuil2!F6' });
  });
});

describe('merged cells', () => {
  it('reads a customer number merged down over its rows, and a merged title, as a person sees them', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Entries');
    ws.getCell('A1').value = 'Receivables — merged title';
    ws.mergeCells('A1:E1');
    ws.addRow(['Customer', 'Type', 'Document No.', 'Posting Date', 'Amount']);
    ws.addRow(['M1', 'invoice', 'I-1', new Date('2026-09-01T00:00:00Z'), 100]);
    ws.addRow([null, 'invoice', 'I-2', new Date('2026-09-02T00:00:00Z'), 50]);
    ws.addRow([null, 'payment', 'P-1', new Date('2026-09-03T00:00:00Z'), -30]);
    ws.mergeCells('A3:A5');
    ws.addRow(['M2', 'invoice', 'I-3', new Date('2026-09-04T00:00:00Z'), 7]);
    const c = wb.addWorksheet('Customers');
    c.addRow(['Customer', 'Currency']);
    c.addRow(['M1', 'EUR']);
    c.addRow(['M2', 'EUR']);
    const file = path.join(tempDir(), 'merged.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await compute(file, '--as-of', '2026-10-31');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.json.statements.map((s: { customerId: string; sections: { closingBalance: string }[] }) => `${s.customerId}:${s.sections[0]?.closingBalance}`)).toEqual(['M1:120.00', 'M2:7.00']);
  });
});

describe('the workbook says which way dates are typed', () => {
  it('reads 10/31/2026 month first when the workbook formats its dates as US English, day first otherwise', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const build = async (numFmt: string) => {
      const wb = new ExcelJS.Workbook();
      const c = wb.addWorksheet('Customers');
      c.addRow(['Customer', 'Currency']);
      c.addRow(['U1', 'USD']);
      const e = wb.addWorksheet('Entries');
      e.addRow(['Customer', 'Type', 'Document No.', 'Posting Date', 'Due Date', 'Amount']);
      e.addRow(['U1', 'invoice', 'I-1', new Date('2026-09-01T00:00:00Z'), '10/31/2026', 10]);
      e.getCell('D2').numFmt = numFmt;
      const file = path.join(tempDir(), 'us.xlsx');
      await wb.xlsx.writeFile(file);
      return compute(file, '--as-of', '2026-11-30');
    };
    const us = await build('[$-409]mm/dd/yyyy');
    expect(us.code).toBe(0);
    expect(us.json.statements[0].sections[0].lines[0].dueDate).toBe('2026-10-31');
    const fr = await build('[$-40C]dd/mm/yyyy');
    expect(fr.code).toBe(1);
    expect(fr.json.issues.map((i: { code: string }) => i.code)).toEqual(['ambiguous-date', 'bad-date']);
  });
});

describe('text that straddles the reader\'s chunks', () => {
  it('keeps every accented character of a large inline-string sheet intact', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const file = path.join(tempDir(), 'accents.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const c = writer.addWorksheet('Customers');
    c.addRow(['Customer', 'Currency']).commit();
    c.addRow(['É1', 'EUR']).commit();
    c.commit();
    const e = writer.addWorksheet('Entries');
    e.addRow(['Customer', 'Type', 'Document No.', 'Posting Date', 'Amount', 'Description']).commit();
    const text = 'règlement éèêëàâçœ€ '.repeat(4);
    for (let i = 0; i < 20000; i++) e.addRow(['É1', 'règlement', `R-${i}`, '2026-09-01', -1, text]).commit();
    e.commit();
    await writer.commit();
    const read = await readWorkbook(file);
    if (!read.ok) throw new Error(read.error.en);
    const entries = (Array.isArray(read.tables.entries) ? read.tables.entries[0] : read.tables.entries) as import('../../src/core').RawTable;
    let damaged = 0;
    for (let i = 0; i < entries.rows.length; i++) {
      const row = entries.rows.at(i) ?? [];
      if (row[1] !== 'règlement' || row[5] !== text || row[0] !== 'É1') damaged++;
    }
    expect(entries.rows.length).toBe(20000);
    expect(damaged).toBe(0);
  });
});

describe('no part of a workbook is lost on the way', () => {
  it('a sheet the streaming reader cannot see is a clear error naming it, not a smaller ledger', async () => {
    const dir = tempDir();
    const good = await writeWorkbook(path.join(dir, 'good.xlsx'), {
      Entries: [['customer_id', 'document_no', 'posting_date', 'amount'], ['C1', 'INV-1', '2026-01-05', 100]],
      Customers: [['customer_id', 'name'], ['C1', 'Alpha']],
    });
    // Move the Customers sheet to a part name exceljs's reader does not look for (other writers name parts freely).
    const zip = await JSZip.loadAsync(fs.readFileSync(good));
    const sheet2 = (await zip.file('xl/worksheets/sheet2.xml')?.async('nodebuffer')) as Buffer;
    zip.remove('xl/worksheets/sheet2.xml');
    zip.file('xl/worksheets/customers.xml', sheet2);
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) as string;
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet2.xml', 'worksheets/customers.xml'));
    const types = (await zip.file('[Content_Types].xml')?.async('string')) as string;
    zip.file('[Content_Types].xml', types.replace('/xl/worksheets/sheet2.xml', '/xl/worksheets/customers.xml'));
    const moved = path.join(dir, 'moved.xlsx');
    fs.writeFileSync(moved, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect((await readWorkbook(good)).ok).toBe(true);
    const r = await readWorkbook(moved);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.en).toBe('moved.xlsx could not be read completely (sheets not read: Customers); try again, or save it again from Excel');
      expect(r.error.fr).toMatch(/^moved\.xlsx n'a pas pu être lu entièrement \(feuilles non lues : Customers\)/);
    }
  });

  it('the stream iterator under exceljs keeps every chunk, in order, for a slow reader, and passes errors on', async () => {
    const { Readable } = await import('node:stream');
    const iterate = (await import('../../src/adapters/xlsx/iterateStreamSafely')).default;
    const chunks = Array.from({ length: 2000 }, (_, i) => `c${i}`);
    const source = Readable.from(chunks, { objectMode: true });
    let pausedOnce = false;
    const got: unknown[] = [];
    for await (const c of iterate(source)) {
      pausedOnce ||= source.isPaused();
      got.push(c);
      if (got.length % 7 === 0) await new Promise((r) => setTimeout(r, 0)); // a reader slower than its source
    }
    expect(got).toEqual(chunks);
    expect(pausedOnce).toBe(true); // held back, not buffered without bound
    const failing = new Readable({ read() { this.push('a'); this.destroy(new Error('disk gone')); } });
    const seen: unknown[] = [];
    await expect((async () => { for await (const c of iterate(failing)) seen.push(String(c)); })()).rejects.toThrow('disk gone');
  });

  it("the stream iterator takes no 'end' for the end until the stream has really ended (unzipper emits one early, by hand)", async () => {
    const { Readable } = await import('node:stream');
    const iterate = (await import('../../src/adapters/xlsx/iterateStreamSafely')).default;
    const parts = ['[Content_Types].xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml'];
    let next = 0;
    const zip = new Readable({ objectMode: true, read() {} });
    // Like unzipper's parser: its input is all written ('finish'), so it says 'end' while two parts are still to come.
    const feed = (): void => {
      if (next === 2) zip.emit('end');
      if (next === parts.length) return void zip.push(null);
      zip.push(parts[next++]);
      setTimeout(feed, 5);
    };
    feed();
    const got: unknown[] = [];
    for await (const p of iterate(zip)) {
      got.push(p);
      await new Promise((r) => setTimeout(r, 15)); // the reader is busy when the early 'end' comes
    }
    expect(got).toEqual(parts);
    const cut = new Readable({ objectMode: true, read() {} });
    cut.push('a');
    setTimeout(() => cut.destroy(), 5);
    await expect((async () => { for await (const _ of iterate(cut)) void _; })()).rejects.toThrow('closed before its end');
  });
});
