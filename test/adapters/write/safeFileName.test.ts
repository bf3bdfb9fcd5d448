import { MAX_FILE_STEM_BYTES, safeFileName } from '../../../src/adapters/files/safeFileName';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const one = (name: string) => safeFileName(name, new Set());

/** What every result must satisfy, whatever the input. */
function expectSafe(s: string): void {
  expect(s.length).toBeGreaterThan(0);
  expect(bytes(s)).toBeLessThanOrEqual(MAX_FILE_STEM_BYTES);
  expect(s).not.toMatch(/[<>:"/\\|?*]/);
  expect(s).not.toMatch(/\p{Cc}/u); // no control characters
  expect(s).not.toContain('..');
  expect(s).not.toMatch(/^[ .]|[ .]$/);
  expect(s.split('.')[0]?.trimEnd()).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
  expect(s).toBe(s.normalize('NFC'));
  expect(s).not.toMatch(/\p{Cs}/u); // no lone surrogates
}

describe('safeFileName', () => {
  it.each([
    ['plain names are kept', 'Alpha Ltd', 'Alpha Ltd'],
    ['accents and other scripts are kept', 'Société Générale – 東京', 'Société Générale – 東京'],
    ['decomposed accents are composed (NFC)', 'Socie\u0301te\u0301', 'Société'],
    ['path traversal with slashes', '../../etc/passwd', '_._etc_passwd'],
    ['path traversal with backslashes', '..\\..\\Windows\\System32', '_._Windows_System32'],
    ['a drive letter', 'C:\\evil', 'C__evil'],
    ['characters Windows refuses', 'a<b>c:d"e|f?g*h', 'a_b_c_d_e_f_g_h'],
    ['dot runs collapse', 'A...B', 'A.B'],
    ['hidden-file dots at the start go', '.htaccess', 'htaccess'],
    ['trailing dots and spaces go', '  Acme S.A.  . ', 'Acme S.A'],
    ['control characters go, line breaks become spaces', 'A\u0000B\u0007C\nD\tE\u0085F', 'ABC D E F'],
    ['bidi overrides cannot disguise an extension', 'invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['zero-width characters go', 'Ac\u200bme\ufeff', 'Acme'],
    ['odd white space becomes one space', 'Acme\u00a0\u2028\u3000Corp', 'Acme Corp'],
    ['reserved device name', 'CON', 'CON_'],
    ['reserved in any case', 'nul', 'nul_'],
    ['reserved with an extension', 'aux.backup.tar', 'aux_.backup.tar'],
    ['reserved before spaces and a dot', 'LPT1 .x', 'LPT1_.x'],
    ['reserved superscript port', 'COM¹', 'COM¹_'],
    ['not reserved: longer words', 'CONSOLE', 'CONSOLE'],
    ['not reserved: a company called Aux Ltd', 'Aux Ltd', 'Aux Ltd'],
    ['lone surrogates go', 'A\ud800B', 'AB'],
    ['emoji are kept', 'Café 🙂', 'Café 🙂'],
    ['joiners stay inside emoji sequences', 'Team 👨\u200d👩\u200d👧', 'Team 👨\u200d👩\u200d👧'],
    ['joiners between ASCII letters go', 'Ac\u200dme', 'Acme'],
    ['a name of separators only is no name', '/', 'statement'],
  ])('%s', (_what, input, expected) => {
    const out = one(input);
    expect(out).toBe(expected);
    expectSafe(out);
  });

  it.each([[''], ['   '], ['.'], ['..'], ['...'], ['/\\'], ['_ _'], ['\u0000\u0001'], ['\u202e\u200b']])('never empty: %j → "statement"', (input) => {
    expect(one(input)).toBe('statement');
  });

  it('bounds the length in UTF-8 bytes without cutting a character', () => {
    const ascii = one('x'.repeat(300));
    expect(ascii).toBe('x'.repeat(MAX_FILE_STEM_BYTES));
    const accented = one('é'.repeat(300)); // 2 bytes each
    expect(accented).toBe('é'.repeat(MAX_FILE_STEM_BYTES / 2));
    const decomposed = one('e\u0301'.repeat(300)); // composed to é first
    expect(decomposed).toBe('é'.repeat(MAX_FILE_STEM_BYTES / 2));
    const cjk = one('東'.repeat(100)); // 3 bytes each
    expect(cjk).toBe('東'.repeat(Math.floor(MAX_FILE_STEM_BYTES / 3)));
    const family = '👨‍👩‍👧'; // one grapheme of 18 bytes
    const families = one(family.repeat(10));
    expect(families).toBe(family.repeat(Math.floor(MAX_FILE_STEM_BYTES / bytes(family))));
    const flags = one('🇫🇷'.repeat(30)); // 8 bytes each: regional indicator pairs stay whole
    expect(flags).toBe('🇫🇷'.repeat(10));
    // A cut that lands on a space or a dot does not leave it at the end.
    const cut = one(`${'a'.repeat(79)}. tail`);
    expect(cut).toBe('a'.repeat(79));
    for (const s of [ascii, accented, decomposed, cjk, families, flags, cut]) expectSafe(s);
  });

  it('resolves collisions ignoring case and Unicode form, and adds each result to taken', () => {
    const taken = new Set<string>();
    const names = ['Acme', 'ACME', 'acme', 'Société', 'SOCIE\u0301TE\u0301', 'CON', 'con', '', '..', 'Acme (2)'].map((n) => safeFileName(n, taken));
    expect(names).toEqual(['Acme', 'ACME (2)', 'acme (3)', 'Société', 'SOCIÉTÉ (2)', 'CON_', 'con_ (2)', 'statement', 'statement (2)', 'Acme (2) (2)']);
    expect([...taken]).toEqual(names);
    for (const n of names) expectSafe(n);
  });

  it('a suffix on a long name still fits the bound', () => {
    const taken = new Set<string>();
    const long = `${'Très Longue Raison Sociale '.repeat(5)}`;
    const a = safeFileName(long, taken);
    const b = safeFileName(long.toUpperCase(), taken);
    expect(bytes(a)).toBeLessThanOrEqual(MAX_FILE_STEM_BYTES);
    expect(b.endsWith(' (2)')).toBe(true);
    expect(bytes(b)).toBeLessThanOrEqual(MAX_FILE_STEM_BYTES);
    expect(b.slice(0, -4).toLowerCase()).toBe(a.slice(0, b.length - 4).toLowerCase().trimEnd());
    expectSafe(b);
  });

  it('respects names the caller put in taken, even when the set changes between calls', () => {
    const taken = new Set(['Report', 'alpha']);
    expect(safeFileName('REPORT', taken)).toBe('REPORT (2)');
    taken.add('Beta'); // added by the caller after a call
    expect(safeFileName('beta', taken)).toBe('beta (2)');
    taken.delete('alpha'); // removed: the name is free again
    expect(safeFileName('Alpha', taken)).toBe('Alpha');
    taken.delete('Beta');
    taken.delete('beta (2)');
    taken.add('Gamma');
    expect(safeFileName('beta', taken)).toBe('beta');
    expect(safeFileName('gamma', taken)).toBe('gamma (2)');
    const fresh = new Set<string>();
    expect(safeFileName('Report', fresh)).toBe('Report');
  });

  it('names thousands of customers quickly and uniquely', () => {
    const taken = new Set<string>();
    const started = Date.now();
    const out = Array.from({ length: 5000 }, (_, i) => safeFileName(`Customer ${i % 50}`, taken));
    expect(new Set(out.map((s) => s.toLowerCase())).size).toBe(5000);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
