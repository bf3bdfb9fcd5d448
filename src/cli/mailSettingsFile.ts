import * as fs from 'node:fs';
import { parseMailSettings, type MailSettings } from '../core';
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
