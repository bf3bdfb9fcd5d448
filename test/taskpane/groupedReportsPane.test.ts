/**
 * QuickBooks and Xero grouped reports in the task pane (issue 16): the workbook as exported, open in
 * the in-memory Excel, read by the pane's own steps (findLedger, computeRun with its options form).
 */
import * as path from 'node:path';
import { checkOptions, defaultOptions, type PaneOptions } from '../../src/taskpane/paneOptions';
import { CancelToken, computeRun, findLedger } from '../../src/taskpane/statementsRun';
import { fakePaneHost } from '../helpers/fakePaneHost';
import { TEXTS } from '../../src/taskpane/texts';
import { FakeExcel } from '../fakes/excel';
import { fakeWorkbookFromXlsx } from '../fakes/excel/fromXlsx.node';

const ROOT = path.join(__dirname, '../fixtures/exports');

async function paneRead(file: string) {
  const fake = new FakeExcel(await fakeWorkbookFromXlsx(path.join(ROOT, file)));
  const host = fakePaneHost(fake);
  const read = await findLedger(host, {}, 'dmy', new CancelToken(), () => undefined);
  if (!read.ok) throw new Error(read.error.en);
  const run = async (form: Partial<PaneOptions>) => {
    const checked = checkOptions({ ...defaultOptions(0, 'en'), ...form }, TEXTS.en, 'en');
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const result = await computeRun(read, checked.options, checked.defaultCurrency, new CancelToken(), () => undefined);
    if (result === undefined) throw new Error('no result');
    return result;
  };
  return { read, run };
}

describe('a grouped report in the pane', () => {
  it('QuickBooks Desktop Open Invoices: recognised, customers from its group rows, Open Balance at the "Exported on" date', async () => {
    const { read, run } = await paneRead('quickbooks/desktop-open-invoices/open-invoices.xlsx');
    expect(read.issues.find((i) => i.code === 'export-recognised')?.message.en).toMatch(/^read as a QuickBooks export: Sheet1 \(Customer Balance Detail \/ Open Invoices\)\. Columns used: \(customer group rows\) → customer_id/);
    expect(read.issues.find((i) => i.code === 'grouped-report')?.message.en).toContain('2 customer group row(s)');
    const r = await run({ asOf: '2026-10-31', exported: '2026-10-31', currency: 'USD' });
    expect(r.statements.map((s) => [s.customerId, s.status, s.sections[0]?.closingBalance, s.sections[0]?.aging])).toEqual([
      ['Abercrombie, Kristy', 'ok', 200000, [50000, 0, 150000, 0, 0]],
      ['Jacobsen, Doug', 'ok', 402300, [0, 0, -20000, 422300, 0]],
    ]);
    // An activity statement needs the payments the report does not hold: refused for the customer whose invoice was partly paid.
    const activity = await run({ asOf: '2026-10-31', exported: '2026-10-31', currency: 'USD', style: 'activity', from: '2026-10-01' });
    expect(activity.statements.map((s) => [s.customerId, s.status])).toEqual([['Abercrombie, Kristy', 'blocked'], ['Jacobsen, Doug', 'ok']]);
    expect(activity.issues.find((i) => i.code === 'open-items-only')?.message.en).toContain('1095 was settled in part by payments it does not hold');
  });

  it('Xero Aged Receivables Detail: by month, the report\'s own columns', async () => {
    const { read, run } = await paneRead('xero/aged-receivables-detail/aged-receivables-detail.xlsx');
    expect(read.issues.find((i) => i.code === 'export-recognised')?.message.en).toMatch(/^read as a Xero export/);
    const r = await run({ asOf: '2026-10-31', exported: '2026-10-31', currency: 'GBP', aging: 'months' });
    expect(r.statements.map((s) => [s.customerId, s.sections[0]?.aging])).toEqual([
      ['Basket Case', [48000, 0, 125000, 0, 0, 0]],
      ['Bayside Club', [0, 64050, -30000, 0, 210000, 0]],
      ['Ridgeway University', [19999, 0, 0, 0, 0, 500000]],
    ]);
  });
});
