/**
 * csvRows(...).at(i) reads a row without quoted fields with one decode and a split: it must give
 * exactly the fields the field-by-field reading gives (scanRow + fieldText), whatever the row holds.
 */
import fc from 'fast-check';
import { csvRows, fieldText, indexCsvRows, RowFields, scanRow } from '../../src/core/tables/csvBytes';

const piece = fc.constantFrom('a', 'é', '😀', ' ', '"', '""', ',', ';', '\t', '\r\n', '\n', '\r', 'x"y', '', '0.5', '-');
const cell = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
const quoted = cell.map((c) => `"${c.replace(/"/g, '""')}"`);
const row = fc.array(fc.oneof(cell, quoted), { minLength: 1, maxLength: 8 });

describe('CSV rows read from bytes', () => {
  it('one decode and a split gives the same fields as reading them one by one', () => {
    fc.assert(
      fc.property(fc.constantFrom(',', ';', '\t'), fc.array(row, { minLength: 1, maxLength: 6 }), (d, rows) => {
        const text = `h1${d}h2\n${rows.map((r) => r.join(d)).join('\n')}`;
        const bytes = new TextEncoder().encode(text);
        const index = indexCsvRows(bytes, d.charCodeAt(0));
        const csv = csvRows(bytes, index);
        const fields = new RowFields();
        for (let i = 0; i < csv.length; i++) {
          scanRow(csv.bytes, csv.rowStart[i] as number, csv.delimiter, fields);
          const one = Array.from({ length: fields.count }, (_, f) => fieldText(csv.bytes, fields, f));
          expect(csv.at(i)).toEqual(one);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
