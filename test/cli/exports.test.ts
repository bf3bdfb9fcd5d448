/** The CLI on other systems' exports (issue 16): a single CSV file, the summary's recognition line, --exported. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';

const BC = path.join(__dirname, '../fixtures/exports/business-central');
const FR_CSV = path.join(BC, 'fr-csv-no-links', 'Ecritures comptables client.csv');
const XLSX = path.join(BC, 'en-xlsx-closed-by', 'customer-ledger-entries.xlsx');

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'statements', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('statements compute on an export', () => {
  it('reads one CSV file given as --ledger as its folder reads it', async () => {
    const file = await run('compute', '--ledger', FR_CSV, '--as-of', '2026-03-31', '--currency', 'USD', '--json');
    const folder = await run('compute', '--ledger', path.dirname(FR_CSV), '--as-of', '2026-03-31', '--currency', 'USD', '--json');
    expect(file.code).toBe(0);
    expect(file.out).toBe(folder.out);
    const j = JSON.parse(file.out);
    const adatum = j.statements.find((s: { customerId: string }) => s.customerId === 'C10000');
    expect(adatum.name).toBe('Adatum Corporation');
    expect(adatum.sections[0].aging).toEqual(['300.00', '0.00', '0.00', '700.00', '0.00']);
    expect(j.issues[0]).toMatchObject({ severity: 'info', code: 'export-recognised' });
  });

  it('names the system and its columns under the summary title, in English and French', async () => {
    const en = await run('compute', '--ledger', XLSX, '--as-of', '2026-03-31', '--exported', '2026-03-31', '--currency', 'USD');
    const lines = en.out.split('\n');
    expect(lines[0]).toBe('Statements as of 31 Mar 2026 (open items)');
    expect(lines[1]).toMatch(/^Read as a Business Central export: Customer Ledger Entries\. Columns used: .*Remaining Amount → open_amount/);
    expect(en.out).toContain('No input problems.');
    const fr = await run('compute', '--ledger', FR_CSV, '--as-of', '2026-03-31', '--currency', 'USD', '--lang', 'fr');
    expect(fr.out.split('\n')[1]).toMatch(/^Lu comme un export Business Central : Ecritures comptables client \(Customer Ledger Entries\)\. Colonnes utilisées : .*Montant ouvert → open_amount/);
    expect(fr.out).toContain('sa dernière date comptable');
  });

  it('refuses a statement before the export date for the customers that depend on it, with exit code 1', async () => {
    const r = await run('compute', '--ledger', FR_CSV, '--as-of', '2026-02-28', '--exported', '2026-03-31', '--currency', 'USD');
    expect(r.code).toBe(1);
    expect(r.out).toContain('customer C10000: a statement at 2026-02-28 cannot be known from this export');
    expect(r.out).toMatch(/C40000 +Alpine Ski House +USD +640\.00/);
  });

  it('--exported must be a date; a folder with our own customers.csv is still a ledger folder', async () => {
    const bad = await run('compute', '--ledger', FR_CSV, '--as-of', '2026-03-31', '--exported', '31/03/2026');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--exported "31/03/2026": expected a date YYYY-MM-DD');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-export-'));
    fs.writeFileSync(path.join(dir, 'customers.csv'), 'customer_id\nC1\n');
    const folder = await run('compute', '--ledger', dir, '--as-of', '2026-03-31');
    expect(folder.code).toBe(1);
    expect(folder.err).toContain('entries.csv / ecritures.csv / écritures.csv not found');
  });
});
