import * as path from 'node:path';
import type { CellRange, DeclaredTable } from '../../core';
import { readZipEntry, type ZipEntryInfo } from './zipDirectory';

const attr = (xml: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(xml)?.[1];

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseRef(ref: string): CellRange | undefined {
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

/** Each sheet's name and the zip part holding it, in workbook order. */
function sheetParts(file: string, byName: ReadonlyMap<string, ZipEntryInfo>): { name: string; part: string }[] {
  const workbookEntry = byName.get('xl/workbook.xml');
  const workbook = workbookEntry === undefined ? undefined : readZipEntry(file, workbookEntry)?.toString('utf8');
  if (workbook === undefined) return [];
  const targets = relationships(file, byName, 'xl/workbook.xml');
  const out: { name: string; part: string }[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    const part = rid === undefined ? undefined : targets.get(rid);
    if (name !== undefined && part !== undefined) out.push({ name: decodeXml(name), part });
  }
  return out;
}

/** A workbook's zip entries by name and its sheets' parts: read once from workbook.xml and its .rels, then asked by each helper below. */
export interface WorkbookParts {
  readonly file: string;
  readonly byName: ReadonlyMap<string, ZipEntryInfo>;
  readonly sheets: readonly { name: string; part: string }[];
}

export function workbookParts(file: string, entries: readonly ZipEntryInfo[]): WorkbookParts {
  const byName = new Map(entries.map((e) => [e.name, e]));
  return { file, byName, sheets: sheetParts(file, byName) };
}

/** The names of the sheets that hold cells (worksheets, not chart sheets), in workbook order, without reading any sheet. */
export function worksheetNamesOf(w: WorkbookParts): string[] {
  return w.sheets.filter((s) => /(^|\/)worksheets\//.test(s.part)).map((s) => s.name);
}

/**
 * The Excel tables (Insert › Table) of each sheet, by sheet name: name and range as their definition
 * parts say (exceljs's streaming reader does not surface them). Anything unexpected yields no tables
 * rather than an error: the finder then falls back to sheet names and header detection.
 */
export function excelTablesBySheet({ file, byName, sheets }: WorkbookParts): Map<string, DeclaredTable[]> {
  const out = new Map<string, DeclaredTable[]>();
  if (![...byName.keys()].some((name) => name.startsWith('xl/tables/'))) return out;
  for (const { name, part } of sheets) {
    const tables: DeclaredTable[] = [];
    for (const tablePart of relationships(file, byName, part).values()) {
      if (!tablePart.startsWith('xl/tables/')) continue;
      const entry = byName.get(tablePart);
      const xml = entry === undefined ? undefined : readZipEntry(file, entry)?.toString('utf8');
      const head = xml === undefined ? undefined : /<table\b[^>]*>/.exec(xml)?.[0];
      const tableName = head === undefined ? undefined : (attr(head, 'displayName') ?? attr(head, 'name'));
      const range = head === undefined ? undefined : parseRef(attr(head, 'ref') ?? '');
      if (tableName !== undefined && range !== undefined) tables.push({ name: decodeXml(tableName), ...range });
    }
    if (tables.length > 0) out.set(name, tables);
  }
  return out;
}

/**
 * Merged ranges of each sheet (exceljs's streaming reader skips them; they come after the rows in
 * the sheet's XML). Sheets whose part is larger than `maxPartBytes` are not searched: a ledger that
 * big is an export, and exports do not merge cells.
 */
export function mergedRangesBySheet({ file, byName, sheets }: WorkbookParts, maxPartBytes = 32e6): Map<string, CellRange[]> {
  const out = new Map<string, CellRange[]>();
  for (const { name, part } of sheets) {
    const entry = byName.get(part);
    if (entry === undefined || entry.uncompressedSize > maxPartBytes) continue;
    const xml = readZipEntry(file, entry, maxPartBytes)?.toString('utf8');
    if (xml === undefined || !xml.includes('<mergeCell ')) continue;
    const ranges: CellRange[] = [];
    for (const m of xml.matchAll(/<mergeCell ref="([^"]+)"/g)) {
      const r = parseRef(m[1] as string);
      if (r !== undefined) ranges.push(r);
    }
    if (ranges.length > 0) out.set(name, ranges);
  }
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * True when the workbook's own date formats are US English ([$-409], [$-en-US]) and none is of
 * another locale: then a date typed as 03/04/2026 means March 4th.
 */
export function workbookSaysUsEnglish(file: string, entries: readonly ZipEntryInfo[]): boolean {
  const styles = entries.find((e) => e.name === 'xl/styles.xml');
  const xml = styles === undefined ? undefined : readZipEntry(file, styles)?.toString('utf8');
  if (xml === undefined) return false;
  const locales = [...xml.matchAll(/formatCode="[^"]*\[\$[^\]-]*-([0-9A-Za-z-]+)\]/g)].map((m) => (m[1] as string).toLowerCase());
  return locales.length > 0 && locales.every((l) => l === '409' || l === 'en-us');
}
