import * as fs from 'node:fs';
import { mailSettingsFromRows, parseMailSettings, type MailSettings, type SettingsRow } from '../core';
import { UsageError } from './options';

/** The `mail` block of `--settings file.json` (the rest is read by readSettingsFile). */
export function readMailSettings(file: string | undefined): MailSettings {
  if (file === undefined) return parseMailSettingsOrThrow(undefined);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  return parseMailSettingsOrThrow(json['mail']);
}

function parseMailSettingsOrThrow(value: unknown): MailSettings {
  const parsed = parseMailSettings(value);
  if (!parsed.ok) throw new UsageError(parsed.errors.map((e) => e.en).join('; '), parsed.errors.map((e) => e.fr).join(' ; '));
  return parsed.settings;
}

/**
 * The mail settings of a run: the `--settings` file's `mail` block when a file is given (it replaces
 * the workbook's whole, as for the statement settings), else the workbook's `mail.*` rows (what the
 * task pane saved), else the defaults. Rows that do not parse are a usage error naming the sheet.
 */
export function mailSettingsForRun(file: string | undefined, workbookRows: readonly { key: string; value: string }[]): MailSettings {
  if (file !== undefined) return readMailSettings(file);
  const parsed = mailSettingsFromRows(workbookRows as readonly SettingsRow[]);
  if (!parsed.ok) throw new UsageError(`"Statements settings" sheet: ${parsed.errors.map((e) => e.en).join('; ')}`, `onglet « Statements settings » : ${parsed.errors.map((e) => e.fr).join(' ; ')}`);
  return parsed.settings;
}
