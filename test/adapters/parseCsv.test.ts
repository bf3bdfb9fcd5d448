import { detectDelimiter, parseCsv } from '../../src/adapters/csv/parseCsv';

describe('CSV parsing (RFC 4180)', () => {
  it('reads quoted fields, doubled quotes, embedded delimiters and newlines', () => {
    const p = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n1,,3\n');
    expect(p.rows).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\nlines'], ['1', '', '3']]);
    expect(p.lines).toEqual([1, 2, 4]);
  });
  it('strips the BOM and detects ; and tab', () => {
    const p = parseCsv('\ufeffN° client;Montant\nC1;"1 234,56"\n');
    expect(p.delimiter).toBe(';');
    expect(p.rows).toEqual([['N° client', 'Montant'], ['C1', '1 234,56']]);
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
  });
  it('keeps a trailing empty field and a last line without newline', () => {
    expect(parseCsv('a,b\n1,').rows).toEqual([['a', 'b'], ['1', '']]);
  });
  it('reports an unterminated quote instead of failing', () => {
    const p = parseCsv('a,b\n1,"oops\n2,3\n');
    expect(p.unterminatedQuoteAt).toBe(2);
    expect(p.rows.length).toBe(2);
  });
  it('survives NUL bytes and lone CR', () => {
    const p = parseCsv('a,b\r1,\u0000\r2,3');
    expect(p.rows).toEqual([['a', 'b'], ['1', '\u0000'], ['2', '3']]);
  });
});
