import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsv } from '../../src/adapters/csv/parseCsv';
import { main } from '../../src/cli/main';
import { tempDir } from '../helpers/workbook';

const WORKBOOK = path.join(__dirname, '../../examples/sample-ledger.xlsx');

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'statements', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('statements run on the sample workbook', () => {
  const out = tempDir('stmt-run-');
  let computed: { statements: { customerId: string; name: string; status: string; sections: { currency: string; closingBalance: string }[] }[] };
  let run: { code: number; out: string; err: string };

  beforeAll(async () => {
    computed = JSON.parse((await cli('compute', '--ledger', WORKBOOK, '--as-of', '2026-10-31', '--json', '--summary')).out);
    run = await cli('run', '--ledger', WORKBOOK, '--as-of', '2026-10-31', '--out', out, '--company', 'Test Co');
  });

  it('reports the bad row (exit 1) and still writes every other statement', () => {
    expect(run.code).toBe(1);
    expect(run.out).toContain('statements.xlsx');
    const blocked = computed.statements.filter((s) => s.status === 'blocked').map((s) => s.customerId);
    expect(blocked).toEqual(['C007']);
    expect(run.out).toMatch(/\n {2}C007: Entries!D\d+ \(posting_date\)/); // which customer is blocked, and why
  });

  it('the aged-receivables sheet holds the computed balances, to the cent', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'statements.xlsx'));
    const ws = wb.getWorksheet('Aged receivables');
    if (ws === undefined) throw new Error('no Aged receivables sheet');
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const idCol = header.findIndex((h) => /customer no/i.test(h));
    const curCol = header.findIndex((h) => /currency/i.test(h));
    const balCol = header.findIndex((h) => /^balance$/i.test(h));
    const seen = new Map<string, number>();
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const id = row.getCell(idCol).value;
      const bal = row.getCell(balCol).value;
      if (typeof id === 'string' && typeof bal === 'number') seen.set(`${id}/${String(row.getCell(curCol).value)}`, bal);
    });
    let checked = 0;
    for (const s of computed.statements.filter((x) => x.status === 'ok')) {
      for (const sec of s.sections) {
        expect(seen.get(`${s.customerId}/${sec.currency}`)?.toFixed(sec.currency === 'JPY' ? 0 : 2)).toBe(sec.closingBalance);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(wb.worksheets.length).toBeGreaterThan(38);
  });

  it('writes one reconciliation CSV per statement whose closing balance matches', () => {
    const files = fs.readdirSync(path.join(out, 'csv'));
    const ok = computed.statements.filter((s) => s.status === 'ok');
    expect(files.length).toBe(ok.length);
    const acme = files.find((f) => f.startsWith('C001 '));
    if (acme === undefined) throw new Error('no CSV for C001');
    const text = fs.readFileSync(path.join(out, 'csv', acme), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text).rows.filter((r) => r.length > 1);
    const balance = rows[rows.length - 1]?.[rows[0]?.indexOf('Balance') ?? -1];
    expect(balance).toBe(ok.find((s) => s.customerId === 'C001')?.sections[0]?.closingBalance);
    const french = files.find((f) => f.startsWith('F001 '));
    expect(fs.readFileSync(path.join(out, 'csv', french ?? ''), 'utf8').split('\n')[0]).toContain(';');
  });

  it('refuses bad run options with exit 2', async () => {
    expect((await cli('run', '--ledger', WORKBOOK, '--as-of', '2026-10-31', '--out', out, '--max-sheets', '-1')).code).toBe(2);
    expect((await cli('run', '--ledger', WORKBOOK, '--as-of', '2026-10-31')).code).toBe(2);
  });

  it('replaces what the previous run wrote in --out (never mixing two runs), and nothing else', async () => {
    const dir = tempDir('stmt-run-again-');
    fs.mkdirSync(path.join(dir, 'csv'));
    fs.writeFileSync(path.join(dir, 'csv', 'notes.txt'), 'mine');
    fs.writeFileSync(path.join(dir, 'csv', 'My own export.csv'), 'mine');
    const first = await cli('run', '--ledger', WORKBOOK, '--as-of', '2026-10-31', '--out', dir, '--customer', 'C001', 'C002', '--print-file');
    expect(first.code).toBe(1); // the sample's deliberate bad row (another customer) is still reported
    expect(fs.readdirSync(path.join(dir, 'csv')).length).toBe(4);
    expect(fs.existsSync(path.join(dir, 'statements-print.pdf'))).toBe(true);
    await cli('run', '--ledger', WORKBOOK, '--as-of', '2026-10-31', '--out', dir, '--customer', 'C001');
    const csv = fs.readdirSync(path.join(dir, 'csv')).sort();
    expect(csv).toHaveLength(3);
    expect(csv).toEqual(expect.arrayContaining(['My own export.csv', 'notes.txt']));
    expect(csv.some((f) => f.startsWith('C001'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'statements-print.pdf'))).toBe(false);
    // A run that fails before writing (a typo in --ledger) leaves the last good run's files alone.
    const failed = await cli('run', '--ledger', path.join(dir, 'no-such-ledger.xlsx'), '--as-of', '2026-10-31', '--out', dir);
    expect(failed.code).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'csv'))).toHaveLength(3);
    expect(fs.existsSync(path.join(dir, 'statements.xlsx'))).toBe(true);
    // A list edited to point outside the folder removes nothing there.
    const outside = path.join(tempDir('stmt-outside-'), 'keep.txt');
    fs.writeFileSync(outside, 'keep');
    fs.writeFileSync(path.join(dir, '.statements-run.json'), JSON.stringify({ files: [outside, path.relative(dir, outside)] }));
    await cli('run', '--ledger', WORKBOOK, '--as-of', '2026-10-31', '--out', dir, '--customer', 'C001');
    expect(fs.readFileSync(outside, 'utf8')).toBe('keep');
  });

  it('says what is wrong with the output folder, the settings\' logo, the templates folder and the ledger path, without a stack trace', async () => {
    const dir = tempDir('stmt-run-bad-');
    const aFile = path.join(dir, 'a-file');
    fs.writeFileSync(aFile, 'x');
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ company: { name: 'X', logo: 'missing-logo.png' } }));
    fs.mkdirSync(path.join(dir, 'folder.xlsx'));
    fs.writeFileSync(path.join(dir, 'ledger.ods'), 'not really');
    const cases: [string[], number, string][] = [
      [['--out', aFile], 2, `--out ${aFile}: cannot be used as the output folder (EEXIST)`],
      [['--out', path.join(aFile, 'sub')], 2, 'cannot be used as the output folder (ENOTDIR)'],
      [['--out', ''], 2, '--out: a folder is required'],
      [['--out', path.join(dir, 'o1'), '--pdf', '--settings', path.join(dir, 'settings.json')], 2, 'missing-logo.png: cannot be read (ENOENT)'],
      [['--out', path.join(dir, 'o2'), '--docx', '--templates', path.join(dir, 'no-such-folder')], 2, 'no-such-folder: no such folder'],
    ];
    for (const [args, code, message] of cases) {
      const r = await cli('run', '--ledger', WORKBOOK, '--as-of', '2026-10-31', ...args);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    }
    const fr = await cli('run', '--ledger', WORKBOOK, '--as-of', '2026-10-31', '--out', aFile, '--lang', 'fr');
    expect(fr.err).toContain('inutilisable comme dossier de sortie');
    const folder = await cli('compute', '--ledger', path.join(dir, 'folder.xlsx'), '--as-of', '2026-10-31');
    expect(folder).toMatchObject({ code: 1, err: expect.stringContaining('a folder, not a workbook file') });
    const ods = await cli('compute', '--ledger', path.join(dir, 'ledger.ods'), '--as-of', '2026-10-31', '--lang', 'fr');
    expect(ods).toMatchObject({ code: 1, err: expect.stringContaining('enregistrez-le d\'abord en .xlsx') });
  });
});

describe('statements run documents (the built CLI, with PDF worker threads)', () => {
  it('writes a PDF and a Word statement per customer and one print file', () => {
    const out = tempDir('stmt-docs-');
    const bin = path.join(__dirname, '../../bin/statements.js');
    const r = spawnSync('node', [bin, 'run', '--ledger', WORKBOOK, '--as-of', '2026-10-31', '--out', out, '--pdf', '--workers', '2', '--print-file', '--docx', '--lang', 'fr'], { encoding: 'utf8' });
    expect(r.status).toBe(1); // the sample's bad row, reported
    expect(r.stdout).toContain('relevés PDF');
    const pdfs = fs.readdirSync(path.join(out, 'pdf'));
    const docx = fs.readdirSync(path.join(out, 'docx'));
    expect(pdfs).toHaveLength(38);
    expect(docx.map((f) => f.replace(/\.docx$/, ''))).toEqual(pdfs.map((f) => f.replace(/\.pdf$/, '')));
    const f001 = pdfs.find((f) => f.startsWith('F001 ')) ?? '';
    const text = execFileSync('pdftotext', ['-layout', path.join(out, 'pdf', f001), '-'], { encoding: 'utf8' });
    expect(text).toContain('Relevé de compte');
    expect(text).toContain('ST-202610-F001');
    const pages = execFileSync('pdfinfo', [path.join(out, 'statements-print.pdf')], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(pages)?.[1])).toBeGreaterThanOrEqual(38);
  });
});

describe('a firm template with a tag misspelt inside a loop', () => {
  it('is refused for every customer of the run, also those whose statements never reach that loop (activity style too)', async () => {
    const { docxPackage, para } = await import('../../scripts/buildTemplates');
    const dir = tempDir('stmt-tpl-');
    const templates = path.join(dir, 'tpl');
    fs.mkdirSync(templates);
    fs.writeFileSync(path.join(templates, 'statement.docx'), docxPackage(para('{customer.name}{#sections}{currency}{#overdueLines}{document} {opn}{/overdueLines}{/sections}')));
    fs.writeFileSync(path.join(templates, 'statement-fr.docx'), docxPackage(para('{customer.name}{#sections}{currency}{/sections}')));
    const customers = parseCsv(fs.readFileSync(path.join(__dirname, '../../examples/sample-ledger/customers.csv'), 'utf8')).rows;
    const french = new Set(customers.filter((row) => row[3] === 'fr').map((row) => row[0]));
    for (const style of [[], ['--style', 'activity', '--from', '2026-10-01']]) {
      const out = path.join(dir, `out-${style.length}`);
      const r = await cli('run', '--ledger', path.join(__dirname, '../../examples/sample-ledger'), '--as-of', '2026-10-31', '--out', out, '--docx', '--templates', templates, ...style);
      expect(r.code).toBe(1);
      const writtenFor = fs.readdirSync(path.join(out, 'docx')).map((f) => f.split(' ')[0]);
      expect(r.err).toContain('{opn}');
      // Only the French customers (their template is sound) got a document; no English one slipped through.
      expect(writtenFor.length).toBeGreaterThan(0);
      expect(writtenFor.filter((id) => french.has(id ?? ''))).toEqual(writtenFor);
    }
  });
});

describe('statements run with settings that leave the overdue list out and print on Letter', () => {
  it('the statement sheets follow the settings as the PDF and Word documents do', async () => {
    const out = tempDir('stmt-run-settings-');
    const settings = path.join(out, '..', `settings-${path.basename(out)}.json`);
    fs.writeFileSync(settings, JSON.stringify({ paper: 'Letter', showOverdueSection: false }));
    const shown = tempDir('stmt-run-default-');
    await cli('run', '--ledger', WORKBOOK, '--as-of', '2026-10-31', '--out', shown, '--customer', 'C001');
    await cli('run', '--ledger', WORKBOOK, '--as-of', '2026-10-31', '--out', out, '--customer', 'C001', '--settings', settings);
    const tables = async (dir: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, 'statements.xlsx'));
      const sheet = wb.worksheets[2];
      if (sheet === undefined) throw new Error('no statement sheet');
      return { names: Object.keys((sheet as unknown as { tables: Record<string, unknown> }).tables), paper: sheet.pageSetup.paperSize };
    };
    const withList = await tables(shown);
    const without = await tables(out);
    expect(withList.names.some((n) => n.startsWith('Overdue_'))).toBe(true); // C001 has overdue items: the default shows them
    expect(without.names.some((n) => n.startsWith('Overdue_'))).toBe(false);
    expect(without.paper).toBe(1); // Letter
    expect(withList.paper).toBe(9); // A4
    fs.rmSync(settings, { force: true });
  });
});
