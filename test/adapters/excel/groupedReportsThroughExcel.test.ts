/**
 * The task pane's door on the QuickBooks and Xero grouped reports: each fixture workbook opened in the
 * in-memory Excel and read through Office.js (readLedgerFromWorkbook, what the pane calls) gives the
 * CLI's JSON, byte for byte: the same recognition, group rows, checked totals and statements.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeExcel } from '../../fakes/excel/fakeExcel';
import { fakeWorkbookFromXlsx } from '../../fakes/excel/fromXlsx.node';
import { cli, computeJsonThroughExcel } from '../../helpers/excelCli';

const ROOT = path.join(__dirname, '../../fixtures/exports');
const cases = ['quickbooks', 'xero'].flatMap((vendor) =>
  fs.readdirSync(path.join(ROOT, vendor), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(ROOT, vendor, d.name)).filter((f) => f.endsWith('.xlsx')).map((f) => `${vendor}/${d.name}/${f}`)),
);

describe('grouped reports read through Office.js give the CLI\'s statements', () => {
  it('has a workbook case for each vendor', () => {
    expect(cases.filter((c) => c.startsWith('quickbooks/')).length).toBeGreaterThanOrEqual(2);
    expect(cases.filter((c) => c.startsWith('xero/')).length).toBeGreaterThanOrEqual(1);
  });

  it.each(cases)('%s', async (name) => {
    const file = path.join(ROOT, name);
    const args = JSON.parse(fs.readFileSync(path.join(path.dirname(file), 'args.json'), 'utf8')) as string[];
    const expected = await cli('compute', '--ledger', file, '--json', ...args);
    expect(expected.code).toBe(0);
    const fake = new FakeExcel(await fakeWorkbookFromXlsx(file));
    const { json } = await computeJsonThroughExcel(fake.run, file, args);
    expect(json).toBe(expected.out);
    expect(json).toContain('"code":"export-recognised"');
    expect(json).toContain('"code":"grouped-report"');
  });
});
