import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';

const SAMPLE = path.join(__dirname, '../../examples/sample-ledger');

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'statements', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function tempLedger(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-cli-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('statements compute', () => {
  it('prints the JSON contract for the sample ledger', async () => {
    const r = await run('compute', '--ledger', SAMPLE, '--as-of', '2026-10-31', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['asOf', 'from', 'style', 'aging', 'statements', 'excluded', 'issues']);
    expect(j.asOf).toBe('2026-10-31');
    expect(j.from).toBeNull();
    expect(j.aging).toEqual({ basis: 'due', buckets: ['Current', '1-30', '31-60', '61-90', 'Over 90'] });
    const acme = j.statements.find((s: { customerId: string }) => s.customerId === 'C001');
    expect(acme.status).toBe('ok');
    expect(acme.sections).toHaveLength(1);
    const gbp = acme.sections[0];
    expect(gbp).toMatchObject({ currency: 'GBP', openingBalance: '0.00', closingBalance: '880.50', overdue: '450.50', aging: ['430.00', '0.00', '450.50', '0.00', '0.00'] });
    expect(gbp.lines[0]).toEqual({ date: '2026-08-10', type: 'invoice', documentNo: 'INV-1002', reference: 'PO-81', dueDate: '2026-09-09', amount: '850.50', applied: '400.00', open: '450.50', balance: '450.50', daysOverdue: 52 });
    const jpy = j.statements.find((s: { customerId: string }) => s.customerId === 'C005').sections[0];
    expect(jpy.closingBalance).toBe('730000');
    expect(j.excluded).toEqual([{ customerId: 'C008', reason: 'opted out' }, { customerId: 'C009', reason: 'zero balance' }]);
    expect(j.issues).toEqual([expect.objectContaining({ severity: 'info', code: 'ignored-status', table: 'entries', row: 23, column: 'status' })]);
  });

  it('--summary leaves lines out', async () => {
    const j = JSON.parse((await run('compute', '--ledger', SAMPLE, '--as-of', '2026-10-31', '--json', '--summary')).out);
    for (const s of j.statements) for (const sec of s.sections) expect(sec.lines).toBeUndefined();
  });

  it('exits 1 on input errors, still printing the JSON with the blocked statement', async () => {
    const dir = tempLedger({
      'customers.csv': 'customer_id,name,currency\nA,Alpha,EUR\nB,Beta,EUR\n',
      'entries.csv': 'customer_id,type,document_no,posting_date,amount\nA,invoice,1,2026-01-01,10.00\nB,invoice,2,2026-02-30,5.00\nB,invoice,3,2026-01-01,5.001\n',
    });
    const r = await run('compute', '--ledger', dir, '--as-of', '2026-03-31', '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.statements.map((s: { customerId: string; status: string }) => `${s.customerId}:${s.status}`)).toEqual(['A:ok', 'B:blocked']);
    const b = j.statements[1];
    expect(b.issues.map((i: { code: string; row: number; column: string }) => `${i.code}@${i.row}/${i.column}`)).toEqual(['bad-date@3/posting_date', 'too-many-decimals@4/amount']);
    expect(j.statements[0].sections[0].closingBalance).toBe('10.00');
  });

  it('speaks French with --lang fr', async () => {
    const dir = tempLedger({
      'customers.csv': 'customer_id,currency\nA,EUR\n',
      'entries.csv': 'customer_id,type,document_no,posting_date,amount\nA,bogus,1,2026-01-01,10.00\n',
    });
    const j = JSON.parse((await run('compute', '--ledger', dir, '--as-of', '2026-03-31', '--json', '--lang', 'fr')).out);
    expect(j.issues[0].message).toContain("n'est pas un type d'écriture");
    const text = (await run('compute', '--ledger', SAMPLE, '--as-of', '2026-10-31', '--lang', 'fr')).out;
    expect(text).toContain('Relevés au 31/10/2026');
    expect(text).toContain('2\u202f775,60');
    expect(text).toContain('Non échu');
  });

  it.each([
    [['compute', '--ledger', SAMPLE]],
    [['compute', '--ledger', SAMPLE, '--as-of', '31/10/2026']],
    [['compute', '--ledger', SAMPLE, '--as-of', '2026-10-31', '--aging', '30,20']],
    [['compute', '--ledger', SAMPLE, '--as-of', '2026-10-31', '--aging', '1X']],
    [['compute', '--ledger', SAMPLE, '--as-of', '2026-10-31', '--style', 'weekly']],
    [['compute', '--ledger', SAMPLE, '--as-of', '2026-10-31', '--bogus']],
    [['frobnicate']],
  ])('exits 2 on usage errors: %j', async (args) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err.length).toBeGreaterThan(0);
  });

  it('exits 1 with a message when the folder has no ledger', async () => {
    const r = await run('compute', '--ledger', tempLedger({ 'notes.txt': 'x' }), '--as-of', '2026-10-31');
    expect(r.code).toBe(1);
    expect(r.err).toContain('customers.csv');
    const json = await run('compute', '--ledger', path.join(os.tmpdir(), 'no-such-ledger-folder'), '--as-of', '2026-10-31', '--json', '--lang', 'fr');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ asOf: '2026-10-31', statements: [], excluded: [], issues: [{ severity: 'error', code: 'unreadable-ledger', table: 'ledger', message: expect.stringContaining('dossier introuvable') }] });
  });

  it('says command-line mistakes in English and French, exit 2', async () => {
    const missing = await run('compute', '--ledger', SAMPLE);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("required option '--as-of <date>' not specified");
    expect(missing.err).toContain('erreur : option obligatoire manquante (--as-of <date>)');
    const unknown = await run('compute', '--ledger', SAMPLE, '--as-of', '2026-10-31', '--colour');
    expect(unknown).toMatchObject({ code: 2, err: expect.stringContaining('erreur : option inconnue (--colour)') });
  });

  it('prints help with exit 0', async () => {
    const r = await run('compute', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--aging-by');
  });

  it('works as the installed bin (npx statements)', async () => {
    const out = execFileSync('node', [path.join(__dirname, '../../bin/statements.js'), 'compute', '--ledger', SAMPLE, '--as-of', '2026-10-31', '--json', '--summary'], { encoding: 'utf8' });
    expect(JSON.parse(out).statements.length).toBe(7);
    const bad = spawnSync('node', [path.join(__dirname, '../../bin/statements.js'), 'compute'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});

describe('columns the reader does not know', () => {
  const entries = 'customer_id,type,document_no,posting_date,Payment due,amount\nA,invoice,I1,2026-10-01,2026-12-31,100.00\n';
  const customers = 'customer_id,name,currency\nA,Alpha,EUR\n';

  it('are said out loud: a "Payment due" column not read would make a current invoice look overdue', async () => {
    const dir = tempLedger({ 'customers.csv': customers, 'entries.csv': entries });
    const r = await run('compute', '--ledger', dir, '--as-of', '2026-10-31');
    expect(r.out).toContain('[warning] entries: column "Payment due" is not recognised and was not read');
    const fr = await run('compute', '--ledger', dir, '--as-of', '2026-10-31', '--lang', 'fr');
    expect(fr.out).toContain('[avertissement] écritures : la colonne « Payment due » n\'est pas reconnue');
  });

  it('can be mapped, to a column or a synonym of one; a mapping to no column is a usage error (exit 2)', async () => {
    const dir = tempLedger({ 'customers.csv': customers, 'entries.csv': entries, 'good.json': '{"entries": {"Payment due": "due"}}', 'typo.json': '{"Payment due": "due_dat"}' });
    const good = await run('compute', '--ledger', dir, '--as-of', '2026-10-31', '--mapping', path.join(dir, 'good.json'), '--json');
    expect(good.code).toBe(0);
    const j = JSON.parse(good.out);
    expect(j.statements[0].sections[0]).toMatchObject({ overdue: '0.00', aging: ['100.00', '0.00', '0.00', '0.00', '0.00'] });
    expect(j.issues).toEqual([]);
    const typo = await run('compute', '--ledger', dir, '--as-of', '2026-10-31', '--mapping', path.join(dir, 'typo.json'), '--lang', 'fr');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('« Payment due » → « due_dat » : colonne inconnue');
  });
});

describe('CSV exports as accounting software writes them', () => {
  it('reads a Windows-1252 file (Excel\'s plain CSV on a French Windows) with its accents, and says it was not UTF-8', async () => {
    const latin1 = (s: string) => Buffer.from(s, 'latin1'); // the same bytes as Windows-1252 for these letters
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-cp1252-'));
    fs.writeFileSync(path.join(dir, 'clients.csv'), latin1('N° client;Nom;Devise\r\nE1;Société Générale;EUR\r\n'));
    fs.writeFileSync(path.join(dir, 'ecritures.csv'), latin1('N° client;Type;N° pièce;Date comptable;Montant\r\nE1;facture;F1;2026-10-01;120,50\r\n'));
    const r = await run('compute', '--ledger', dir, '--as-of', '2026-10-31', '--json', '--lang', 'fr');
    const j = JSON.parse(r.out);
    expect(j.statements[0]).toMatchObject({ customerId: 'E1', name: 'Société Générale', status: 'ok' });
    expect(j.statements[0].sections[0].closingBalance).toBe('120.50');
    expect(j.issues.map((i: { code: string; message: string }) => `${i.code}: ${i.message}`)).toEqual([
      'not-utf8: clients.csv : pas en UTF-8 ; lu comme Windows-1252 (Europe occidentale). Vérifiez les accents, ou enregistrez-le en « CSV UTF-8 »',
      'not-utf8: ecritures.csv : pas en UTF-8 ; lu comme Windows-1252 (Europe occidentale). Vérifiez les accents, ou enregistrez-le en « CSV UTF-8 »',
    ]);
  });

  it('reads dates typed day first (31/10/2026), or month first with --date-order mdy', async () => {
    const dir = tempLedger({
      'customers.csv': 'customer_id,name,currency\nA,Alpha,EUR\n',
      'entries.csv': 'customer_id,type,document_no,posting_date,due_date,amount\nA,invoice,I1,03/04/2026,13/05/2026,100.00\n',
    });
    const dmy = JSON.parse((await run('compute', '--ledger', dir, '--as-of', '2026-10-31', '--json')).out);
    expect(dmy.statements[0].sections[0].lines[0]).toMatchObject({ date: '2026-04-03', dueDate: '2026-05-13' });
    fs.writeFileSync(path.join(dir, 'entries.csv'), 'customer_id,type,document_no,posting_date,due_date,amount\nA,invoice,I1,04/03/2026,05/13/2026,100.00\n');
    const mdy = JSON.parse((await run('compute', '--ledger', dir, '--as-of', '2026-10-31', '--json', '--date-order', 'mdy')).out);
    expect(mdy.statements[0].sections[0].lines[0]).toMatchObject({ date: '2026-04-03', dueDate: '2026-05-13' });
    const wrongOrder = await run('compute', '--ledger', dir, '--as-of', '2026-10-31', '--json');
    expect(wrongOrder.code).toBe(1);
    expect(JSON.parse(wrongOrder.out).issues[0]).toMatchObject({ code: 'bad-date', column: 'due_date', row: 2 });
  });
});

describe('--customer', () => {
  it('lists an id the ledger does not have as left out ("unknown customer"), never silently', async () => {
    const r = await run('compute', '--ledger', SAMPLE, '--as-of', '2026-10-31', '--customer', 'C002', 'c001', '--json');
    const j = JSON.parse(r.out);
    expect(j.statements.map((s: { customerId: string }) => s.customerId)).toEqual(['C002']);
    expect(j.excluded).toEqual([{ customerId: 'c001', reason: 'unknown customer' }]);
    const fr = await run('compute', '--ledger', SAMPLE, '--as-of', '2026-10-31', '--customer', 'NOPE', '--lang', 'fr');
    expect(fr.out).toContain('NOPE : demandé, mais absent du grand livre');
  });
});

describe('--include activity on an open-item statement', () => {
  it('gives a fully paid customer a zero balance section, not an empty statement', async () => {
    const r = await run('compute', '--ledger', SAMPLE, '--as-of', '2026-10-31', '--include', 'activity', '--customer', 'C009', '--json');
    const j = JSON.parse(r.out);
    expect(j.statements).toHaveLength(1);
    expect(j.statements[0].sections).toEqual([expect.objectContaining({ closingBalance: '0.00', overdue: '0.00', lines: [] })]);
  });
});

describe('a UTF-8 CSV with one stray byte', () => {
  it('stays UTF-8 (its accents intact), the bad byte read as U+FFFD and counted in a warning', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-stray-'));
    fs.writeFileSync(path.join(dir, 'customers.csv'), Buffer.concat([Buffer.from('customer_id,name,currency\nÉ1,Société Générale,EUR\nB2,Caf', 'utf8'), Buffer.from([0xe9]), Buffer.from(',EUR\n', 'utf8')]));
    fs.writeFileSync(path.join(dir, 'entries.csv'), 'customer_id,type,document_no,posting_date,amount\nÉ1,invoice,F1,2026-10-01,10.00\n');
    const j = JSON.parse((await run('compute', '--ledger', dir, '--as-of', '2026-10-31', '--json')).out);
    expect(j.statements[0]).toMatchObject({ customerId: 'É1', name: 'Société Générale', status: 'ok' });
    expect(j.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'bad-utf8', message: 'customers.csv: UTF-8 text with 1 invalid byte(s), read as "\ufffd"; check the file\'s encoding' })]);
  });
});
