import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, mappingFromRows, mappingRows, parseSettings, readSettingsRows, settingsFromRows, settingsRows } from '../../src/core';

const example = parseSettings(JSON.parse(fs.readFileSync(path.join(__dirname, '../../examples/settings.json'), 'utf8')));

describe('the settings sheet rows (shared by the Office.js adapter and the .xlsx reader)', () => {
  it('round-trips the statement settings as settings.* rows (logo never kept)', () => {
    if (!example.ok) throw new Error('examples/settings.json does not parse');
    const rows = settingsRows({ ...example.settings, paper: 'Letter', showOverdueSection: false, company: { ...example.settings.company, logo: 'logo.png' } });
    expect(rows.find((r) => r.key === 'settings.company.addressLines')?.value).toBe('10 Rue de la Paix\n75002 Paris\nFrance');
    expect(rows.some((r) => r.key.includes('logo'))).toBe(false);
    const back = settingsFromRows(rows);
    expect(back).toEqual({ ok: true, settings: { ...example.settings, paper: 'Letter', showOverdueSection: false } });
    expect(settingsRows(DEFAULT_SETTINGS)).toEqual([]);
  });

  it('reads rows from cells (title left out) and says what is wrong in a hand-edited one', () => {
    const rows = readSettingsRows([['title'], ['settings.paper', 'A5'], ['', 'x'], ['settings.company.fax', '1'], ['mapping.entries.document_no', 'Inv Ref'], ['mapping.entries.nope', 'X']]);
    expect(rows).toHaveLength(4);
    const parsed = settingsFromRows(rows);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.en).join(' ')).toMatch(/paper.*company\.fax|company\.fax.*paper/);
    expect(mappingFromRows(rows)).toEqual({ entries: { 'Inv Ref': 'document_no' } });
    expect(mappingRows(mappingFromRows(rows))).toEqual([{ key: 'mapping.entries.document_no', value: 'Inv Ref' }]);
  });
});
