import { COLUMNS } from '../ledger/columns';
import type { TableName } from '../issues/issue';
import type { TableMappings } from '../tables/detectHeader';
import { DEFAULT_SETTINGS, parseSettings, type SettingsParse, type StatementSettings } from '../report/settings';

/**
 * The hidden "Statements settings" sheet the add-in keeps in a workbook, read the same way by the
 * Office.js adapter and the CLI's .xlsx reader: a title row, then key/value rows (column A the key,
 * column B the value). Keys: `written-sheet` (a sheet the last run wrote), `mapping.<table>.<column>`
 * → the sheet's header, and `settings.<path>` → one field of the statement settings (the paths of
 * `--settings` JSON, e.g. `settings.company.bank.iban`; address lines one per line of the value).
 */
export const SETTINGS_SHEET = 'Statements settings';
export const WRITTEN_SHEET = 'written-sheet';
export const MAPPING_PREFIX = 'mapping.';
export const SETTINGS_PREFIX = 'settings.';

export interface SettingsRow {
  readonly key: string;
  readonly value: string;
}

const TABLES: readonly TableName[] = ['customers', 'entries', 'applications'];

/** The key/value rows of the sheet's cells (row 0 is the title, left out); rows without a key skipped. */
export function readSettingsRows(values: readonly (readonly unknown[])[]): SettingsRow[] {
  const out: SettingsRow[] = [];
  values.forEach((row, i) => {
    if (i === 0) return;
    const key = String(row[0] ?? '').trim();
    if (key !== '') out.push({ key, value: String(row[1] ?? '') });
  });
  return out;
}

/** The mapping the settings rows hold; rows naming no known table or column are left out. */
export function mappingFromRows(rows: readonly SettingsRow[]): TableMappings {
  const out: Partial<Record<TableName, Record<string, string>>> = {};
  for (const { key, value } of rows) {
    if (!key.startsWith(MAPPING_PREFIX) || value.trim() === '') continue;
    const [table, column] = key.slice(MAPPING_PREFIX.length).split('.') as [TableName, string | undefined];
    if (!TABLES.includes(table) || column === undefined || !COLUMNS[table].includes(column)) continue;
    (out[table] ??= {})[value] = column;
  }
  return out;
}

/** The settings rows of a mapping, tables and columns in the contract's order. */
export function mappingRows(mapping: TableMappings): SettingsRow[] {
  const rows: SettingsRow[] = [];
  for (const table of TABLES) {
    const own = Object.entries(mapping[table] ?? {});
    for (const column of COLUMNS[table]) {
      const header = own.find(([, c]) => c === column)?.[0];
      if (header !== undefined) rows.push({ key: `${MAPPING_PREFIX}${table}.${column}`, value: header });
    }
  }
  return rows;
}

/** Whether the rows hold any statement setting (else the door uses its defaults). */
export function hasSettingsRows(rows: readonly SettingsRow[]): boolean {
  return rows.some((r) => r.key.startsWith(SETTINGS_PREFIX));
}

/**
 * The statement settings the rows hold, checked by the same parser as `--settings` JSON (so an
 * unknown key is an error, not silently dropped). The logo is not kept in the sheet (a cell holds at
 * most 32,767 characters, too few for most logos as a data URL): the CLI's `--settings` gives it.
 */
export function settingsFromRows(rows: readonly SettingsRow[]): SettingsParse {
  const json: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    if (!key.startsWith(SETTINGS_PREFIX)) continue;
    const parts = key.slice(SETTINGS_PREFIX.length).split('.');
    const leaf = parts.pop() ?? '';
    let at = json;
    for (const p of parts) at = (at[p] ??= {}) as Record<string, unknown>;
    at[leaf] = leaf === 'addressLines' ? value.split(/\r?\n/).filter((l) => l.trim() !== '') : leaf === 'showOverdueSection' ? value.trim().toLowerCase() !== 'false' : value;
  }
  return parseSettings(json);
}

/** The rows of the settings (defaults left out, logo never kept), in a stable order. */
export function settingsRows(s: StatementSettings): SettingsRow[] {
  const c = s.company;
  const fields: [string, string][] = [
    ['company.name', c.name],
    ['company.addressLines', c.addressLines.join('\n')],
    ['company.registration', c.registration],
    ['company.vatNumber', c.vatNumber],
    ['company.email', c.email],
    ['company.phone', c.phone],
    ['company.bank.name', c.bank.name],
    ['company.bank.iban', c.bank.iban],
    ['company.bank.bic', c.bank.bic],
    ['message.en', s.message.en ?? ''],
    ['message.fr', s.message.fr ?? ''],
    ['paper', s.paper === DEFAULT_SETTINGS.paper ? '' : s.paper],
    ['showOverdueSection', s.showOverdueSection ? '' : 'false'],
    ['numberPrefix', s.numberPrefix === DEFAULT_SETTINGS.numberPrefix ? '' : s.numberPrefix],
  ];
  return fields.filter(([, v]) => v !== '').map(([k, v]) => ({ key: `${SETTINGS_PREFIX}${k}`, value: v }));
}
