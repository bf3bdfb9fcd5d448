/**
 * Worksheet names as Excel accepts them: 1–31 UTF-16 units, none of : \ / ? * [ ], not starting or
 * ending with an apostrophe (nor holding one: see clean), not "History" (reserved by Excel), unique ignoring case.
 */
export const MAX_SHEET_NAME = 31;

const FORBIDDEN = /[:\\/?*[\]]/g;
const CONTROL = /\p{Cc}/gu;
/** Invisible format characters (bidi overrides, zero-width) and lone surrogates. */
const INVISIBLE = /[\p{Cf}\p{Cs}]/gu;

export class SheetNamer {
  private readonly taken = new Set<string>();

  /** Reserves a name (already valid) so later names avoid it. */
  reserve(name: string): string {
    this.taken.add(name.toLowerCase());
    return name;
  }

  /** A valid, unused name built from `wanted`; "Sheet" when nothing usable is left. */
  name(wanted: string): string {
    const base = clean(wanted) || 'Sheet';
    let candidate = base;
    for (let n = 2; this.taken.has(candidate.toLowerCase()) || candidate.toLowerCase() === 'history'; n++) {
      const suffix = ` (${n})`;
      candidate = trimQuotes(cut(base, MAX_SHEET_NAME - suffix.length)) + suffix;
    }
    return this.reserve(candidate);
  }
}

function clean(text: string): string {
  // An apostrophe inside becomes ’: exceljs writes the print-titles name ('Margie's Travel'!$14:$14) without
  // doubling it, which Excel repairs and LibreOffice drops; the typographic one reads the same.
  const s = text.normalize('NFC').replace(CONTROL, ' ').replace(INVISIBLE, '').replace(FORBIDDEN, '_').replace(/\s+/gu, ' ').trim();
  return trimQuotes(cut(s, MAX_SHEET_NAME)).replace(/'/gu, '\u2019');
}

function trimQuotes(s: string): string {
  return s.replace(/^['\s]+/u, '').replace(/['\s]+$/u, '');
}

/** At most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}
