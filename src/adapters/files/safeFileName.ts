/**
 * File names built from customer names (statement PDFs, CSVs, .eml files), safe on Windows, macOS and
 * Linux. The result is a stem: the caller appends its extension (".pdf"), so reserved device names are
 * refused whatever extension follows, and the length bound leaves room for one.
 */

/** Upper bound of a returned stem in UTF-8 bytes (file systems limit names to 255 bytes). */
export const MAX_FILE_STEM_BYTES = 80;

const FALLBACK = 'statement';

/** Windows device names, reserved with any extension ("CON.pdf", "nul.txt"); COM¹–³/LPT¹–³ included. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Characters Windows refuses in names, plus both path separators. */
const FORBIDDEN = /[<>:"/\\|?*]/g;

/**
 * Control characters (C0, DEL, C1), invisible format characters (zero-width, bidi overrides such as
 * U+202E that disguise "fdp.exe" as "exe.pdf") and lone surrogates are removed. Zero-width (non-)joiners
 * stay between two non-ASCII characters, where they are part of the text (emoji sequences, Persian,
 * Indic scripts); elsewhere they only hide differences between names.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
const JOINERS = new Set(['\u200c', '\u200d']);
const WHITE_CONTROLS = new Set(['\t', '\n', '\r', '\v', '\f', '\u0085']);

function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, (c, offset: number) => {
    if (WHITE_CONTROLS.has(c)) return ' ';
    if (JOINERS.has(c)) {
      const before = s.charCodeAt(offset - 1);
      const after = s.charCodeAt(offset + 1);
      if (before > 0x7f && after > 0x7f) return c;
    }
    return '';
  });
}

/**
 * A file stem for `name` that is safe and not in `taken` (compared case-insensitively, as Windows and
 * macOS do); the result is added to `taken`. Never empty: "statement" when nothing usable is left.
 */
export function safeFileName(name: string, taken: Set<string>): string {
  const base = cleanStem(name);
  const keys = takenKeys(taken);
  let candidate = base;
  for (let n = 2; keys.has(keyOf(candidate)); n++) {
    const suffix = ` (${n})`;
    candidate = trimEnds(truncateUtf8(base, MAX_FILE_STEM_BYTES - utf8Length(suffix))) + suffix;
  }
  taken.add(candidate);
  remember(taken, candidate);
  return candidate;
}

/**
 * The file stem of a customer's statement files ("C001 Acme Ltd"), shared by the CLI's folders and
 * the add-in's downloads and zips so both name a customer's files alike.
 */
export function statementFileStem(customerId: string, customerName: string, taken: Set<string>): string {
  return safeFileName(`${customerId} ${customerName}`.trim(), taken);
}

/** The safe stem before collision handling. */
function cleanStem(name: string): string {
  let s = name.normalize('NFC');
  s = stripInvisible(s);
  s = s.replace(FORBIDDEN, '_');
  s = s.replace(/\s+/gu, ' '); // any white space (no-break, line separators...) becomes one plain space
  s = s.replace(/\.{2,}/g, '.'); // no ".." anywhere, so no traversal even after the caller's joins
  s = trimEnds(s);
  s = trimEnds(truncateUtf8(s, MAX_FILE_STEM_BYTES));
  if (/^[\s._]*$/u.test(s)) return FALLBACK; // nothing left but replacement marks: "/" is no name
  // "CON", "con.backup", "LPT1 .x": the device name is the part before the first dot, spaces trimmed.
  const dot = s.indexOf('.');
  const head = dot < 0 ? s : s.slice(0, dot);
  if (RESERVED.test(head.trimEnd())) {
    s = `${head.trimEnd()}_${dot < 0 ? '' : s.slice(dot)}`;
    s = trimEnds(truncateUtf8(s, MAX_FILE_STEM_BYTES));
  }
  return s === '' ? FALLBACK : s;
}

/** No leading dots (hidden files, "..") or spaces; no trailing dots or spaces (Windows drops them). */
function trimEnds(s: string): string {
  return s.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest prefix of whole characters (grapheme clusters: "é" as e + accent, emoji families) within `max` bytes. */
function truncateUtf8(s: string, max: number): string {
  if (utf8Length(s) <= max) return s;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(s)) {
    const len = utf8Length(segment);
    if (used + len > max) break;
    out += segment;
    used += len;
  }
  return out;
}

function keyOf(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Case-insensitive keys of `taken`, kept between calls so that naming n files costs O(n) key
 * computations, not O(n²). The cache notices when the caller changed the set (a Set iterates in
 * insertion order: if the item at the last position seen is still the last item seen, only new
 * items were appended since) and rebuilds otherwise.
 */
interface KeyCache {
  keys: Set<string>;
  seen: number;
  last: string | undefined;
}
const caches = new WeakMap<Set<string>, KeyCache>();

function takenKeys(taken: Set<string>): Set<string> {
  let cache = caches.get(taken);
  if (cache !== undefined && cache.seen <= taken.size) {
    let i = 0;
    let intact = cache.seen === 0;
    const fresh: string[] = [];
    for (const item of taken) {
      if (i === cache.seen - 1) intact = item === cache.last;
      if (i >= cache.seen) fresh.push(item);
      i++;
    }
    if (intact) {
      for (const item of fresh) cache.keys.add(keyOf(item));
      cache.seen = taken.size;
      cache.last = fresh.length > 0 ? fresh[fresh.length - 1] : cache.last;
      return cache.keys;
    }
  }
  cache = { keys: new Set([...taken].map(keyOf)), seen: taken.size, last: [...taken].pop() };
  caches.set(taken, cache);
  return cache.keys;
}

function remember(taken: Set<string>, added: string): void {
  const cache = caches.get(taken);
  if (cache === undefined) return;
  cache.keys.add(keyOf(added));
  cache.seen = taken.size;
  cache.last = added;
}
