import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from '../../src/adapters/xlsx/exceljs';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { SETTINGS_SHEET } from '../../src/core';
import { cli } from '../helpers/excelCli';
import { tempDir, workbookFromCsvFolder } from '../helpers/workbook';

const SAMPLE = path.join(__dirname, '../../examples/sample-ledger');
const SETTINGS = path.join(__dirname, '../../examples/settings.json');
const AS_OF = ['--as-of', '2026-10-31'];

/** The sample ledger as a workbook whose entries call document_no "Inv Ref", with the add-in's settings sheet saying so. */
async function workbookWithSettingsSheet(rows: [string, string][]): Promise<string> {
  const file = await workbookFromCsvFolder(SAMPLE, path.join(tempDir(), 'ledger.xlsx'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const entries = wb.getWorksheet('Entries');
  const head = entries?.getRow(1);
  head?.eachCell((cell) => {
    if (cell.value === 'document_no') cell.value = 'Inv Ref';
  });
  const sheet = wb.addWorksheet(SETTINGS_SHEET, { state: 'hidden' });
  sheet.addRow(['Customer statements: what the add-in keeps in this workbook', '']);
  for (const r of rows) sheet.addRow(r);
  await wb.xlsx.writeFile(file);
  return file;
}

const ROWS: [string, string][] = [
  ['written-sheet', 'Aged receivables'],
  ['mapping.entries.document_no', 'Inv Ref'],
  ['settings.company.name', 'Sheet Firm Ltd'],
  ['settings.company.addressLines', '1 Workbook Street\nLyon'],
  ['settings.message.en', 'Message kept in the workbook'],
];

describe('the CLI reads the add-in\'s "Statements settings" sheet', () => {
  let file: string;
  beforeAll(async () => {
    file = await workbookWithSettingsSheet(ROWS);
  });

  it('uses the saved mapping (the sheet is never taken for a ledger table)', async () => {
    const read = await readWorkbook(file);
    expect(read.ok && read.settingsRows.map((r) => r.key)).toEqual(ROWS.map(([k]) => k));
    const fromCsv = JSON.parse((await cli('compute', '--ledger', SAMPLE, ...AS_OF, '--json')).out) as { statements: { customerId: string; closingBalance?: unknown }[] };
    const fromSheet = await cli('compute', '--ledger', file, ...AS_OF, '--json');
    expect(fromSheet.code).toBe(0);
    const json = JSON.parse(fromSheet.out) as typeof fromCsv;
    expect(json.statements.map((s) => s.customerId)).toEqual(fromCsv.statements.map((s) => s.customerId));
    expect(fromSheet.out).toContain('INV-1002');
    // Without the saved mapping the renamed header is not known: the same workbook reads differently.
    const bare = await workbookWithSettingsSheet([]);
    const unmapped = await cli('compute', '--ledger', bare, ...AS_OF, '--json');
    expect(unmapped.out).not.toContain('INV-1002');
  });

  it('--mapping replaces the saved mapping', async () => {
    const mapping = path.join(tempDir(), 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ entries: { 'Some Other Header': 'document_no' } }));
    const overridden = await cli('compute', '--ledger', file, ...AS_OF, '--json', '--mapping', mapping);
    expect(overridden.out).not.toContain('INV-1002');
  });

  it('prints the firm settings the sheet holds, and --settings replaces them', async () => {
    const pdfText = async (...extra: string[]): Promise<string> => {
      const out = tempDir();
      const run = await cli('run', '--ledger', file, ...AS_OF, '--out', out, '--customer', 'C001', '--print-file', ...extra);
      expect(run.err).toBe('');
      return execFileSync('pdftotext', ['-layout', path.join(out, 'statements-print.pdf'), '-'], { encoding: 'utf8' });
    };
    const fromSheet = await pdfText();
    expect(fromSheet).toContain('Sheet Firm Ltd');
    expect(fromSheet).toContain('1 Workbook Street');
    expect(fromSheet).toContain('Message kept in the workbook');
    const fromFile = await pdfText('--settings', SETTINGS);
    expect(fromFile).toContain('Demo Company Ltd');
    expect(fromFile).not.toContain('Sheet Firm Ltd');
  });
});
