// The pane's "Firm settings": the form gives the statement settings core's parser accepts, they are
// saved as settings.* rows of the settings sheet beside the mapping, and the CLI's .xlsx reader reads
// the same rows back from the saved workbook.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSettings, SETTINGS_SHEET, settingsFromRows, type StatementSettings } from '../../src/core';
import { readWorkbookMapping, readWorkbookSettings, saveWorkbookMapping, saveWorkbookSettings } from '../../src/adapters/excel';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { firmForm, settingsFromForm } from '../../src/taskpane/firmSettings';
import { FakeExcel } from '../fakes/excel';
import { fakeWorkbookFromXlsx } from '../fakes/excel/fromXlsx.node';
import { tempDir, writeWorkbook, type Cell } from '../helpers/workbook';

const ROOT = path.join(__dirname, '../..');
const parsed = parseSettings(JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/settings.json'), 'utf8')));
const example = (parsed.ok ? parsed.settings : undefined) as StatementSettings;

describe('the Firm settings form', () => {
  it('gives back the settings it was filled from, and says what is wrong per field', () => {
    const form = firmForm(example);
    expect(form.address).toBe('10 Rue de la Paix\n75002 Paris\nFrance');
    expect(settingsFromForm(form, example, 'en')).toEqual({ ok: true, settings: example });
    const edited = settingsFromForm({ ...form, name: '  New Name ', address: 'A\n\n B ', paper: 'Letter', messageFr: '' }, example, 'en');
    expect(edited.ok && [edited.settings.company.name, edited.settings.company.addressLines, edited.settings.paper, edited.settings.message]).toEqual(['New Name', ['A', 'B'], 'Letter', { en: example.message.en }]);
    expect(settingsFromForm({ ...form, email: 'not an address' }, example, 'fr')).toEqual({ ok: false, errors: { email: 'Adresse e-mail non valide' } });
  });

  it('is saved in the settings sheet beside the mapping, and the CLI reads it from the saved workbook', async () => {
    const fake = new FakeExcel(await fakeWorkbookFromXlsx(path.join(ROOT, 'examples', 'sample-ledger.xlsx')));
    const mapping = { entries: { 'Inv Ref': 'document_no' } };
    await saveWorkbookMapping(fake.run, mapping);
    await saveWorkbookSettings(fake.run, example);
    expect(await readWorkbookSettings(fake.run)).toEqual(example);
    expect(await readWorkbookMapping(fake.run)).toEqual(mapping);
    expect(fake.sheet(SETTINGS_SHEET).visibility).toBe('Hidden');

    // The sheet as Excel saves it, read by the CLI's reader.
    const values = fake.sheet(SETTINGS_SHEET).values.map((row) => row.map((v): Cell => (v === undefined || v === '' ? null : (v as string))));
    const file = await writeWorkbook(path.join(tempDir(), 'saved.xlsx'), { Entries: [['customer_id', 'document_no', 'posting_date', 'amount'], ['C1', 'I1', new Date('2026-01-02T00:00:00Z'), 10]], [SETTINGS_SHEET]: values });
    const read = await readWorkbook(file);
    if (!read.ok) throw new Error(read.error.en);
    expect(settingsFromRows(read.settingsRows)).toEqual({ ok: true, settings: example });
  });
});
