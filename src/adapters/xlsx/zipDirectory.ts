import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

/** One file inside a zip, from its central directory: enough to judge a workbook before opening it. */
export interface ZipEntryInfo {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly localHeaderOffset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntryInfo[] } | { ok: false; reason: 'not-a-zip' | 'truncated' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * Reads a zip's central directory without inflating anything, so a broken or hostile file
 * (zip bomb, truncated download, renamed PDF) is recognised before any parser touches it.
 */
export function readZipDirectory(file: string): ZipDirectory {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tailLength = Math.min(size, 65557);
    const tail = Buffer.alloc(tailLength);
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return { ok: false, reason: 'not-a-zip' };
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset + dirSize > size) return { ok: false, reason: 'truncated' };
    const dir = Buffer.alloc(dirSize);
    fs.readSync(fd, dir, 0, dirSize, dirOffset);
    const entries: ZipEntryInfo[] = [];
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) return { ok: false, reason: 'truncated' };
      const method = dir.readUInt16LE(p + 10);
      const compressedSize = dir.readUInt32LE(p + 20);
      const uncompressedSize = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const localHeaderOffset = dir.readUInt32LE(p + 42);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      entries.push({ name, compressedSize, uncompressedSize, method, localHeaderOffset });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return { ok: true, entries };
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes of one small part (workbook.xml, a table definition), inflated with a size cap. */
export function readZipEntry(file: string, entry: ZipEntryInfo, maxBytes = 16e6): Buffer | undefined {
  if (entry.uncompressedSize > maxBytes || (entry.method !== 0 && entry.method !== 8)) return undefined;
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(30);
    fs.readSync(fd, header, 0, 30, entry.localHeaderOffset);
    if (header.readUInt32LE(0) !== 0x04034b50) return undefined;
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = Buffer.alloc(entry.compressedSize);
    fs.readSync(fd, data, 0, entry.compressedSize, start);
    return entry.method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
