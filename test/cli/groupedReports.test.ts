/**
 * QuickBooks and Xero grouped reports through the CLI, read as a new user would open them (no mapping
 * file): which system was recognised, each customer's balance and aging against the figures the
 * vendor's own report shows (the cases' working.md), and a report whose subtotal disagrees with its rows.
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import type { ComputeJson } from '../golden/markdown';

const FIXTURES = path.join(__dirname, '../fixtures/exports');

async function compute(ledger: string, args: readonly string[]): Promise<{ code: number; json: ComputeJson; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'statements', 'compute', '--ledger', ledger, ...args, '--json'], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, json: JSON.parse(out) as ComputeJson, err };
}

/** Customer → [balance, ...aging] of its only section. */
function figures(json: ComputeJson): Record<string, string[]> {
  return Object.fromEntries(json.statements.map((s) => [s.customerId, s.sections.length === 1 ? [s.sections[0]?.closingBalance ?? '', ...(s.sections[0]?.aging ?? [])] : []]));
}

/** A statement's line by document number (the contract's lines, when the section has them). */
function line(json: ComputeJson, customer: string, documentNo: string): Record<string, unknown> | undefined {
  const section = json.statements.find((s) => s.customerId === customer)?.sections[0];
  const lines = section !== undefined && 'lines' in section ? section.lines : [];
  return lines.find((l) => l.documentNo === documentNo);
}

const caseArgs = (dir: string): string[] => JSON.parse(fs.readFileSync(path.join(FIXTURES, dir, 'args.json'), 'utf8')) as string[];

describe('QuickBooks and Xero grouped reports, opened as exported', () => {
  it('QuickBooks Online Customer Balance Detail: the customers are its group rows, the figures its Open Balance', async () => {
    const r = await compute(path.join(FIXTURES, 'quickbooks/online-balance-detail/customer-balance-detail.xlsx'), caseArgs('quickbooks/online-balance-detail'));
    expect(r.code).toBe(0);
    const recognised = r.json.issues.find((i) => i.code === 'export-recognised');
    expect(recognised?.message).toContain('QuickBooks');
    expect(recognised?.message).toContain('Open Balance → open_amount');
    expect(r.json.issues.filter((i) => i.code === 'group-total-mismatch')).toEqual([]);
    expect(figures(r.json)).toEqual({
      'Amy\'s Bird Sanctuary': ['1159.00', '0.00', '459.00', '0.00', '700.00', '0.00'],
      'Bill\'s Windsurf Shop': ['35.00', '85.00', '-50.00', '0.00', '0.00', '0.00'],
      'Cool Cars': ['2269.52', '0.00', '0.00', '-100.00', '0.00', '2369.52'],
    });
    // The issue's invoice: 1,200 billed, 700 open, in 61–90 as QuickBooks shows it.
    expect(line(r.json, 'Amy\'s Bird Sanctuary', '1021')).toMatchObject({ amount: '1200.00', applied: '500.00', open: '700.00' });
  });

  it('QuickBooks Desktop Open Invoices: a customer\'s jobs are the customer\'s, the help page\'s 750.00 / 500.00 invoice', async () => {
    const r = await compute(path.join(FIXTURES, 'quickbooks/desktop-open-invoices/open-invoices.xlsx'), caseArgs('quickbooks/desktop-open-invoices'));
    expect(r.code).toBe(0);
    expect(figures(r.json)).toEqual({
      'Abercrombie, Kristy': ['2000.00', '500.00', '0.00', '1500.00', '0.00', '0.00'],
      'Jacobsen, Doug': ['4023.00', '0.00', '0.00', '-200.00', '4223.00', '0.00'],
    });
    expect(line(r.json, 'Abercrombie, Kristy', '1095')).toMatchObject({ amount: '750.00', applied: '250.00', open: '500.00', daysOverdue: 0 });
    expect(line(r.json, 'Abercrombie, Kristy', '1071')?.['daysOverdue']).toBe(47); // QuickBooks' own Aging column
  });

  it('Xero Aged Receivables Detail: by month, its ageing columns exactly', async () => {
    const r = await compute(path.join(FIXTURES, 'xero/aged-receivables-detail/aged-receivables-detail.xlsx'), caseArgs('xero/aged-receivables-detail'));
    expect(r.code).toBe(0);
    expect(r.json.issues.find((i) => i.code === 'export-recognised')?.message).toContain('Xero');
    expect(figures(r.json)).toEqual({
      'Basket Case': ['1730.00', '480.00', '0.00', '1250.00', '0.00', '0.00', '0.00'],
      'Bayside Club': ['2440.50', '0.00', '640.50', '-300.00', '0.00', '2100.00', '0.00'],
      'Ridgeway University': ['5199.99', '199.99', '0.00', '0.00', '0.00', '0.00', '5000.00'],
    });
  });

  it('a subtotal that disagrees with its rows is a warning naming its cell, with both figures; the rows are still read', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(FIXTURES, 'quickbooks/online-balance-detail/customer-balance-detail.xlsx'));
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    ws.getCell('G13').value = 53; // "Total for Bill's Windsurf Shop", Open Balance: 35.00 in QuickBooks' file
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-grouped-'));
    const file = path.join(dir, 'customer-balance-detail.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await compute(file, caseArgs('quickbooks/online-balance-detail'));
    const mismatch = r.json.issues.filter((i) => i.code === 'group-total-mismatch');
    // The grand total still agrees with every row: only the subtotal is wrong.
    expect(mismatch.map((i) => [i.severity, i.cell, i.row, i.column])).toEqual([['warning', '\'Customer Balance Detail\'!G13', 13, 'Open Balance']]);
    expect(mismatch[0]?.message).toBe('\'Customer Balance Detail\'!G13 (Open Balance): "Total for Bill\'s Windsurf Shop" shows 53, but the rows it totals add up to 35');
    expect(figures(r.json)['Bill\'s Windsurf Shop']?.[0]).toBe('35.00');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
