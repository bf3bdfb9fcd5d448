// Odoo and Sage exports through the doors a user has: the CLI on the fixture files (xlsx and CSV),
// and the task pane on the same workbooks loaded into the in-memory Excel, which must give the CLI's
// figures. The figures themselves are pinned by the goldens (test/fixtures/exports/*/*/expected.md).
import * as path from 'node:path';
import { exportOptionsFrom } from '../../src/cli/options';
import { checkOptions, defaultOptions, exportOptionsOf } from '../../src/taskpane/paneOptions';
import { CancelToken, computeRun, findLedger } from '../../src/taskpane/statementsRun';
import type { PaneHost } from '../../src/taskpane/host';
import { fakePaneHost } from '../helpers/fakePaneHost';
import { TEXTS } from '../../src/taskpane/texts';
import { FakeExcel } from '../fakes/excel';
import { fakeWorkbookFromXlsx } from '../fakes/excel/fromXlsx.node';
import { cli } from '../helpers/excelCli';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'exports');
const ODOO_EN = path.join(FIXTURES, 'odoo', 'en-xlsx', 'journal-items-en.xlsx');
const SAGE_ACTIVITY = path.join(FIXTURES, 'sage', 'customer-activity', 'sage50-customer-activity.xlsx');

interface Json {
  statements: { customerId: string; status: string; sections: { currency: string; closingBalance: string; aging: string[] }[] }[];
  issues: { severity: string; code: string; message: string; row?: number; cell?: string }[];
}

async function compute(...args: string[]): Promise<{ code: number; json: Json }> {
  const r = await cli('compute', ...args, '--json');
  return { code: r.code, json: JSON.parse(r.out) as Json };
}

/** Each customer's closing balance per currency: "Azure Interior USD 700.00". */
const balances = (json: Pick<Json, 'statements'>): string[] =>
  json.statements.flatMap((s) => s.sections.map((x) => `${s.customerId} ${x.currency} ${x.closingBalance}`)).sort();

describe('the CLI on Odoo journal items', () => {
  it('reads the .xlsx and the CSV Odoo writes alike: the same statements, the same report of what was left out', async () => {
    const args = ['--as-of', '2024-03-31', '--exported', '2024-03-31', '--aging', '30,60,90,120'];
    const xlsx = await compute('--ledger', ODOO_EN, ...args);
    const csv = await compute('--ledger', path.join(FIXTURES, 'odoo', 'en-csv'), ...args);
    expect(balances(xlsx.json)).toEqual(['Azure Interior USD 700.00', 'Deco Addict EUR 2000.00', 'Deco Addict USD 400.00', 'Gemini Furniture USD 850.00']);
    expect(balances(csv.json)).toEqual(balances(xlsx.json));
    const codes = (j: Json) => j.issues.map((i) => i.code).sort();
    expect(codes(csv.json)).toEqual(codes(xlsx.json));
    expect(xlsx.json.issues.find((i) => i.code === 'export-recognised')?.message).toContain('Odoo');
  });

  it('--account names the receivable account: the PoS receivable line is then left out with the other accounts, not warned about', async () => {
    const args = ['--ledger', ODOO_EN, '--as-of', '2024-03-31', '--exported', '2024-03-31'];
    const guessed = await compute(...args);
    const named = await compute(...args, '--account', '121000');
    expect(guessed.json.issues.some((i) => i.code === 'export-no-partner' && i.cell === 'Sheet1!D20')).toBe(true);
    expect(named.json.issues.some((i) => i.code === 'export-no-partner')).toBe(false);
    expect(named.json.issues.find((i) => i.code === 'export-lines-left-out')?.message).toContain('121100 Account Receivable (PoS) (1)');
    expect(balances(named.json)).toEqual(balances(guessed.json));
  });

  it('an account that holds no line is an error naming the accounts the file has', async () => {
    const r = await compute('--ledger', ODOO_EN, '--as-of', '2024-03-31', '--account', '999');
    expect(r.code).toBe(1);
    const e = r.json.issues.find((i) => i.code === 'export-no-receivable');
    expect(e?.severity).toBe('error');
    expect(e?.message).toContain('121000 Account Receivable');
  });

  it('without links, refuses a statement dated before the export and blocks only the customer whose amount does not read', async () => {
    const folder = path.join(FIXTURES, 'odoo', 'no-matching');
    const at = await compute('--ledger', folder, '--as-of', '2024-05-31', '--exported', '2024-05-31');
    expect(at.json.statements.map((s) => `${s.customerId} ${s.status}`)).toEqual(['Lumber Inc ok', 'Ready Mat blocked']);
    expect(at.json.issues.find((i) => i.code === 'bad-amount')?.message).toContain('12O.0');
    const before = await compute('--ledger', folder, '--as-of', '2024-04-30', '--exported', '2024-05-31');
    expect(before.json.statements.find((s) => s.customerId === 'Lumber Inc')?.status).toBe('blocked');
    expect(before.json.issues.some((i) => i.code === 'before-export' && i.message.includes('Lumber Inc'))).toBe(true);
  });
});

describe('the task pane on the same workbooks (in-memory Excel)', () => {
  const host = (fake: FakeExcel): PaneHost => fakePaneHost(fake);

  async function paneRun(file: string, form: Partial<ReturnType<typeof defaultOptions>>) {
    const fake = new FakeExcel(await fakeWorkbookFromXlsx(file));
    const options = { ...defaultOptions(0, 'en'), ...form };
    const checked = checkOptions(options, TEXTS.en, 'en');
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const token = new CancelToken();
    const read = await findLedger(host(fake), {}, options.dateOrder, token, () => undefined, exportOptionsOf(options));
    const result = await computeRun(read, checked.options, checked.defaultCurrency, token, () => undefined);
    if (result === undefined || !read.ok) throw new Error('the pane found no ledger');
    return { read, result };
  }

  const paneBalances = (r: Awaited<ReturnType<typeof paneRun>>['result']): string[] =>
    r.statements.flatMap((s) => s.sections.map((x) => `${s.customerId} ${x.currency} ${(Number(x.closingBalance) / 100).toFixed(2)}`)).sort();

  it('gives the CLI’s Odoo statements, with the receivable account typed in its Options field', async () => {
    const { read, result } = await paneRun(ODOO_EN, { asOf: '2024-03-31', accounts: '121000' });
    const cliRun = await compute('--ledger', ODOO_EN, '--as-of', '2024-03-31', '--account', '121000');
    expect(paneBalances(result)).toEqual(balances(cliRun.json));
    expect(read.issues.map((i) => i.code)).toContain('export-recognised');
    expect(read.issues.find((i) => i.code === 'export-lines-left-out')?.message.en).toContain('121100 Account Receivable (PoS) (1)');
  });

  it('reads Sage 50’s customer activity, its A/C and Totals rows, as the CLI does', async () => {
    const { read, result } = await paneRun(SAGE_ACTIVITY, { asOf: '2024-01-31', currency: 'GBP', aging: '29,59,89,119', agingBasis: 'posting' });
    const cliRun = await compute('--ledger', SAGE_ACTIVITY, '--as-of', '2024-01-31', '--currency', 'GBP', '--aging', '29,59,89,119', '--aging-by', 'posting');
    expect(paneBalances(result)).toEqual(balances(cliRun.json));
    expect(paneBalances(result)).toEqual(['ABS001 GBP 1000.00', 'MIL001 GBP 480.00']);
    expect(read.issues.filter((i) => i.code === 'total-row').map((i) => i.cell)).toEqual(["'Customer Activity (Detailed)'!A11", "'Customer Activity (Detailed)'!A15"]);
  });

  it('reads its accounts field as --account reads its values', () => {
    expect(exportOptionsOf({ accounts: ' 411 ; Account Receivable (PoS), ' })).toEqual(exportOptionsFrom({ account: ['411', 'Account Receivable (PoS)'] }));
    expect(exportOptionsOf({ accounts: '  ' })).toEqual({});
  });
});
