import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeExcel } from '../../fakes/excel/fakeExcel';
import { fakeWorkbookFromXlsx } from '../../fakes/excel/fromXlsx.node';
import { tempDir, workbookFromCsvFolder } from '../../helpers/workbook';
import { cli, computeJsonThroughExcel } from '../../helpers/excelCli';

const SAMPLE = path.join(__dirname, '../../../examples/sample-ledger.xlsx');
const GOLDEN = path.join(__dirname, '../../golden/scenarios');
const goldens = fs.readdirSync(GOLDEN, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const BC = path.join(__dirname, '../../fixtures/exports/business-central');
const bcWorkbooks = ['en-xlsx-closed-by', 'en-xlsx-detailed'];

describe('the ledger read through Office.js gives the CLI\'s statements', () => {
  it('on examples/sample-ledger.xlsx, with and without merged cells (ExcelApi 1.13)', async () => {
    const args = ['--as-of', '2026-10-31'];
    const expected = await cli('compute', '--ledger', SAMPLE, '--json', ...args);
    expect(JSON.parse(expected.out).statements.length).toBeGreaterThan(0);
    const init = await fakeWorkbookFromXlsx(SAMPLE);
    for (const version of ['1.9', '1.13']) {
      const fake = new FakeExcel(init, { apiVersion: version });
      const { json, read } = await computeJsonThroughExcel(fake.run, SAMPLE, args, (v) => fake.isSetSupported('ExcelApi', v));
      expect(json).toBe(expected.out);
      expect(read.notes.length).toBe(version === '1.9' ? 1 : 0);
      expect(read.syncs).toBe(fake.stats.syncs);
      expect(Math.max(...fake.stats.requestBytes, ...fake.stats.responseBytes)).toBeLessThan(5_000_000);
      console.log(`read on ExcelApi ${version}: ${read.syncs} syncs, requests ${fake.stats.requestBytes.reduce((a, b) => a + b, 0)} bytes (largest ${Math.max(...fake.stats.requestBytes)}), responses ${fake.stats.responseBytes.reduce((a, b) => a + b, 0)} bytes (largest ${Math.max(...fake.stats.responseBytes)})`);
    }
  });

  it.each(goldens)('on the golden ledger %s written as .xlsx', async (name) => {
    const folder = path.join(GOLDEN, name);
    const file = await workbookFromCsvFolder(folder, path.join(tempDir(), `${name}.xlsx`));
    const args = JSON.parse(fs.readFileSync(path.join(folder, 'args.json'), 'utf8')) as string[];
    const expected = await cli('compute', '--ledger', file, '--json', ...args);
    const fake = new FakeExcel(await fakeWorkbookFromXlsx(file));
    const { json } = await computeJsonThroughExcel(fake.run, file, args);
    expect(json).toBe(expected.out);
  });

  // Another system's export, recognised by the same table finder in the open workbook (issue 16).
  it.each(bcWorkbooks)('on the Business Central export %s', async (name) => {
    const file = path.join(BC, name, 'customer-ledger-entries.xlsx');
    const args = JSON.parse(fs.readFileSync(path.join(BC, name, 'args.json'), 'utf8')) as string[];
    const expected = await cli('compute', '--ledger', file, '--json', ...args);
    const fake = new FakeExcel(await fakeWorkbookFromXlsx(file));
    const { json } = await computeJsonThroughExcel(fake.run, file, args);
    expect(json).toBe(expected.out);
    const j = JSON.parse(json) as { issues: { code: string; message: string }[]; statements: { customerId: string; sections: { aging: string[] }[] }[] };
    expect(j.issues[0]?.code).toBe('export-recognised');
    expect(j.issues[0]?.message).toContain('Business Central');
    expect(j.statements.find((s) => s.customerId === 'C10000')?.sections[0]?.aging).toEqual(name === 'en-xlsx-closed-by' ? ['300.00', '0.00', '0.00', '700.00', '0.00'] : ['0.00', '700.00', '0.00', '0.00', '0.00', '0.00']);
  });
});
