import PizZip from 'pizzip';

export interface ZipEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * A .zip of the files, deflated, each dated `date` (default: now) so the archive shows when it was
 * made. Names are the caller's safe stems plus an extension; a repeated name is a bug, so it throws.
 */
export function zipFiles(entries: readonly ZipEntry[], date: Date = new Date()): Uint8Array {
  const zip = new PizZip();
  const seen = new Set<string>();
  for (const { name, bytes } of entries) {
    if (seen.has(name.toLowerCase())) throw new Error(`zipFiles: ${name} is named twice`);
    seen.add(name.toLowerCase());
    zip.file(name, bytes, { binary: true, date });
  }
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
