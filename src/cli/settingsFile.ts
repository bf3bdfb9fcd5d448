import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, hasSettingsRows, parseSettings, settingsFromRows, type SettingsRow, type StatementSettings } from '../core';
import { readLogoDataUrl } from '../adapters/documents/pdf/logo';
import { UsageError } from './options';

/** `--settings file.json`: branding and layout. A relative logo path is taken from the settings file's folder. */
export function readSettingsFile(file: string | undefined): StatementSettings {
  if (file === undefined) return DEFAULT_SETTINGS;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError(`--settings ${file}: ${why}`, `--settings ${file} : ${why}`);
  }
  const parsed = parseSettings(json);
  if (!parsed.ok) throw new UsageError(parsed.errors.map((e) => e.en).join('; '), parsed.errors.map((e) => e.fr).join(' ; '));
  const logo = parsed.settings.company.logo;
  if (logo === '') return parsed.settings;
  const resolved = path.isAbsolute(logo) ? logo : path.resolve(path.dirname(file), logo);
  // Checked now, before any statement is written: a missing logo found half-way through would leave a half-written run.
  const read = readLogoDataUrl(resolved);
  if (!read.ok) throw new UsageError(`--settings ${file}: ${read.message.en}`, `--settings ${file} : ${read.message.fr}`);
  return { ...parsed.settings, company: { ...parsed.settings.company, logo: resolved } };
}

/**
 * The settings a run uses: the `--settings` file when given (it replaces, whole, what the workbook
 * holds: one place says what a run prints), else the workbook's "Statements settings" rows, else the
 * defaults. Settings in the workbook that do not parse are a usage error naming the sheet.
 */
export function settingsForRun(fromFile: StatementSettings | undefined, workbookRows: readonly SettingsRow[]): StatementSettings {
  if (fromFile !== undefined) return fromFile;
  if (!hasSettingsRows(workbookRows)) return DEFAULT_SETTINGS;
  const parsed = settingsFromRows(workbookRows);
  if (!parsed.ok) throw new UsageError(`"Statements settings" sheet: ${parsed.errors.map((e) => e.en).join('; ')}`, `onglet « Statements settings » : ${parsed.errors.map((e) => e.fr).join(' ; ')}`);
  return parsed.settings;
}
