/** The company logo, read and checked without loading the PDF renderer (settings are checked before any work). */
import { readFileSync } from 'node:fs';
import type { Localised } from '../../../core';

export type LogoRead = { ok: true; dataUrl: string } | { ok: false; message: Localised };

/** Reads a PNG or JPEG logo into a data URL (checked by its magic bytes, not its name). */
export function readLogoDataUrl(file: string): LogoRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, message: { en: `logo ${file}: cannot be read (${why})`, fr: `logo ${file} : lecture impossible (${why})` } };
  }
  const png = bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) return { ok: false, message: { en: `logo ${file}: not a PNG or JPEG image`, fr: `logo ${file} : ce n'est pas une image PNG ou JPEG` } };
  return { ok: true, dataUrl: `data:image/${png ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}` };
}
