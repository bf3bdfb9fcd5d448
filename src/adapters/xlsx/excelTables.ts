import * as path from 'node:path';
import { readZipEntry, type ZipEntryInfo } from './zipDirectory';

/** An Excel table (Insert › Table) as its definition part says: its name and cell range. */
export interface ExcelTable {
  readonly name: string;
  readonly top: number;
  readonly left: number; // 1-based column
  readonly bottom: number;
  readonly right: number;
}

const attr = (xml: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(xml)?.[1];

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseRef(ref: string): Omit<ExcelTable, 'name'> | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (m === null) return undefined;
  return { left: columnNumber(m[1] as string), top: Number(m[2]), right: columnNumber(m[3] as string), bottom: Number(m[4]) };
}

/** Relationship id → target path, resolved against the part the .rels file belongs to. */
function relationships(file: string, byName: ReadonlyMap<string, ZipEntryInfo>, part: string): Map<string, string> {
  const rels = `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
  const entry = byName.get(rels);
  const out = new Map<string, string>();
  const xml = entry === undefined ? undefined : readZipEntry(file, entry)?.toString('utf8');
  if (xml === undefined) return out;
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id === undefined || target === undefined) continue;
    out.set(id, target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(part), target)));
  }
  return out;
}

/**
 * The Excel tables of each sheet, by sheet name, read from the workbook's parts (exceljs's streaming
 * reader does not surface them). Anything unexpected yields no tables rather than an error: the
 * reader then falls back to sheet names and header detection.
 */
export function excelTablesBySheet(file: string, entries: readonly ZipEntryInfo[]): Map<string, ExcelTable[]> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const out = new Map<string, ExcelTable[]>();
  if (!entries.some((e) => e.name.startsWith('xl/tables/'))) return out;
  const workbookEntry = byName.get('xl/workbook.xml');
  const workbook = workbookEntry === undefined ? undefined : readZipEntry(file, workbookEntry)?.toString('utf8');
  if (workbook === undefined) return out;
  const sheetTargets = relationships(file, byName, 'xl/workbook.xml');
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    const sheetPart = rid === undefined ? undefined : sheetTargets.get(rid);
    if (name === undefined || sheetPart === undefined) continue;
    const tables: ExcelTable[] = [];
    for (const tablePart of relationships(file, byName, sheetPart).values()) {
      if (!tablePart.startsWith('xl/tables/')) continue;
      const entry = byName.get(tablePart);
      const xml = entry === undefined ? undefined : readZipEntry(file, entry)?.toString('utf8');
      const head = xml === undefined ? undefined : /<table\b[^>]*>/.exec(xml)?.[0];
      const tableName = head === undefined ? undefined : (attr(head, 'displayName') ?? attr(head, 'name'));
      const range = head === undefined ? undefined : parseRef(attr(head, 'ref') ?? '');
      if (tableName !== undefined && range !== undefined) tables.push({ name: decodeXml(tableName), ...range });
    }
    if (tables.length > 0) out.set(decodeXml(name), tables);
  }
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
