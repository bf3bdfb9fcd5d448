import {
  buildLedger, dayToExcelSerial, detectHeader, excelSerialToDay, formatIsoDay, normaliseNumberText, numberToDecimalText, parseDateText, parseIsoDay, TableBuilder,
  type DateOrder, type GridValue,
} from '../../src/core';

describe('numbers typed the local way', () => {
  it.each([
    ['1 234,56', 'fr', '1234.56'], ['1\u202f234,56', 'fr', '1234.56'], ['1\u00a0234,56 €', 'fr', '1234.56'], ['1,234.56', 'en', '1234.56'],
    ['1.234,56', 'fr', '1234.56'], ["1'234.56", 'en', '1234.56'], ['(120.00)', 'en', '-120.00'], ['120.00-', 'en', '-120.00'],
    ['-€5', 'en', '-5'], ['€1,234.56', 'en', '1234.56'], ['$-5.50', 'en', '-5.50'], ['1 234,56 EUR', 'fr', '1234.56'],
    ['1,5', 'fr', '1.5'], ['1,5', 'en', '1.5'], ['1.234.567', 'fr', '1234567'],
    ['1,234,567.89', 'en', '1234567.89'], ['0', 'en', '0'], ['-0,00', 'fr', '0.00'], ['+12', 'en', '12'], ['£ 12.30', 'en', '12.30'],
  ])('%j (typed the %s way) → %s', (text, _lang, expected) => {
    expect(normaliseNumberText(text)).toBe(expected);
  });
  it.each([['1,234', '1,234'], ['2,000', '2,000'], ['-1,500', '-1,500'], ['€ 12,340', '12,340'], ['(1,500)', '-1,500'], ['1,500 EUR', '1,500']])(
    '%j is handed on bare, for the reader to report as ambiguous', (text, bare) => {
      expect(normaliseNumberText(text)).toBe(bare);
    },
  );
  it('a leading zero is no thousands group: "0,500" is a decimal comma', () => {
    expect(normaliseNumberText('0,500')).toBe('0.500');
  });
  it.each(['abc', '', '1,2,3', '1.2.3,4,5', '12a', '--5', '1e5', '€'])('%j is not a number', (text) => {
    expect(normaliseNumberText(text)).toBeUndefined();
  });
  it('spreadsheet floats round only within 1e-6', () => {
    expect(numberToDecimalText(0.1 + 0.2)).toBe('0.3');
    expect(numberToDecimalText(1234.5599999999)).toBe('1234.56');
    expect(numberToDecimalText(10.005)).toBe('10.005');
    expect(numberToDecimalText(-3)).toBe('-3');
    expect(numberToDecimalText(-0.0000001)).toBe('0');
    // Within 1e-6 of a cent, as DESIGN.md §2 allows (toFixed(6) alone gave "12.340001"), and large
    // amounts whose double is the nearest to a cent value (8589934592.13 is 8589934592.1299991…).
    expect(numberToDecimalText(12.3400006)).toBe('12.34');
    expect(numberToDecimalText(12.3399994)).toBe('12.34');
    expect(numberToDecimalText(8589934592.13)).toBe('8589934592.13');
    expect(numberToDecimalText(-98765432109.87)).toBe('-98765432109.87');
    expect(numberToDecimalText(0.5)).toBe('0.5');
    expect(numberToDecimalText(12.3456789)).toBe('12.345679');
    expect(numberToDecimalText(12.34001)).toBe('12.34001');
  });
});

describe('dates typed as text', () => {
  it.each([
    ['2026-10-31', 'dmy', '2026-10-31'], ['2026-10-31T00:00:00', 'dmy', '2026-10-31'], ['2026-10-31 14:05', 'dmy', '2026-10-31'],
    ['31/10/2026', 'dmy', '2026-10-31'], ['31.10.2026', 'dmy', '2026-10-31'], ['31-10-2026', 'dmy', '2026-10-31'], ['3/4/2026', 'dmy', '2026-04-03'],
    ['3/4/2026', 'mdy', '2026-03-04'], ['10/31/2026', 'mdy', '2026-10-31'], ['31/10/26', 'dmy', '2026-10-31'], ['01/01/30', 'dmy', '1930-01-01'],
    ['29/02/2028', 'dmy', '2028-02-29'], ['2026-1-5', 'dmy', '2026-01-05'],
  ])('%j (%s) → %s', (text, order, iso) => {
    const p = parseDateText(text, order as DateOrder);
    expect(p.ok && formatIsoDay(p.day)).toBe(iso);
  });
  it.each([
    ['10/31/2026', 'dmy', 'ambiguous'], ['31/10/2026', 'mdy', 'ambiguous'], ['29/02/2027', 'dmy', 'impossible'], ['2026-02-30', 'dmy', 'impossible'],
    ['31/13/2026', 'dmy', 'impossible'], ['yesterday', 'dmy', 'syntax'], ['2026/10/31x', 'dmy', 'syntax'],
  ])('%j (%s) is refused as %s', (text, order, reason) => {
    expect(parseDateText(text, order as DateOrder)).toEqual({ ok: false, reason });
  });
});

describe('Excel serial dates', () => {
  it.each([
    [1, false, '1900-01-01'], [59, false, '1900-02-28'], [61, false, '1900-03-01'], [45961, false, '2025-10-31'], [46326, false, '2026-10-31'],
    [46326.75, false, '2026-10-31'], [0, true, '1904-01-01'], [44864, true, '2026-10-31'],
  ])('%d (1904: %s) → %s', (serial, date1904, iso) => {
    const d = excelSerialToDay(serial, date1904);
    expect(d.ok && formatIsoDay(d.day)).toBe(iso);
    if (Number.isInteger(serial)) expect(dayToExcelSerial(parseIsoDay(iso) as number, date1904)).toBe(serial);
  });
  it('refuses the phantom 1900-02-29 and out-of-range serials', () => {
    expect(excelSerialToDay(60, false)).toEqual({ ok: false, reason: 'phantom-leap-day' });
    expect(excelSerialToDay(-1, false)).toEqual({ ok: false, reason: 'out-of-range' });
    expect(excelSerialToDay(3e6, false)).toEqual({ ok: false, reason: 'out-of-range' });
  });
});

describe('header detection', () => {
  const rows = (...r: GridValue[][]) => r;
  it.each([
    ['English entries under a title', rows(['Receivables ledger'], [], ['Customer No.', 'Document No.', 'Posting Date', 'Due Date', 'Amount']), 'entries', 2],
    ['French entries with debit/credit', rows(['N° client', 'N° pièce', 'Date comptable', 'Échéance', 'Débit', 'Crédit', 'Lettrage']), 'entries', 0],
    ['French customers', rows(['Liste des clients'], ['Code client', 'Raison sociale', 'Courriel', 'Langue']), 'customers', 1],
    ['applications', rows(['From document', 'To document', 'Amount', 'Date']), 'applications', 0],
    ['accents and case do not matter', rows(['CUSTOMER', 'DOCUMENT NO', 'DATE', 'MONTANT TTC']), 'entries', 0],
  ])('%s', (_name, grid, table, index) => {
    expect(detectHeader(grid)).toMatchObject({ table, index });
  });
  it('finds nothing in a sheet of notes', () => {
    expect(detectHeader([['Notes'], ['call Mr Smith'], [1, 2, 3]])).toBeUndefined();
  });
  it('honours a mapping of the user\'s own headers', () => {
    expect(detectHeader([['Kunde', 'Beleg', 'Buchungsdatum', 'Betrag']], undefined, { entries: { Kunde: 'customer_id', Beleg: 'document_no', Buchungsdatum: 'posting_date', Betrag: 'amount' } })).toMatchObject({ table: 'entries', index: 0 });
  });
});

describe('the table builder', () => {
  it('coerces cells, skips totals, notes and blank rows, and reports them with their cell', () => {
    const b = new TableBuilder('entries', 'Écritures', 3, ['N° client', 'Type', 'N° pièce', 'Date comptable', 'Échéance', 'Montant'], { dateOrder: 'dmy', date1904: false });
    b.addRow(4, ['C1', 'facture', 1001, 46326, '30/11/2026', '1 234,56']);
    b.addRow(5, [null, null, null, null, null, null]);
    b.addRow(6, ['C1', 'avoir', 'AV-1', { day: parseIsoDay('2026-11-02') as number }, null, -100]);
    b.addRow(7, ['Total C1', null, null, null, null, 1134.56]);
    b.addRow(8, ['voir relance du 12/11', null, null, null, null, null]);
    b.addRow(9, ['C2', 'facture', 'F-2', '11/30/2026', null, 5]);
    const { raw, issues } = b.finish();
    expect(raw.rows).toEqual([
      ['C1', 'facture', '1001', '2026-10-31', '2026-11-30', '1234.56'],
      ['C1', 'avoir', 'AV-1', '2026-11-02', '', '-100'],
      ['C2', 'facture', 'F-2', '11/30/2026', '', '5'],
    ]);
    expect(raw.rowNumbers).toEqual([4, 6, 9]);
    expect(raw.headerRow).toBe(3);
    expect(issues.map((i) => `${i.code}@${i.cell ?? i.table}`)).toEqual(["total-row@'Écritures'!A7", "note-row@'Écritures'!A8", "ambiguous-date@'Écritures'!D9", 'blank-rows@entries']);
  });

  it('reads a row naming its customer even when its text looks like a total, so its problem blocks that customer', () => {
    const b = new TableBuilder('entries', 'Écritures', 1, ['N° client', 'Type', 'N° pièce', 'Date comptable', 'Montant', 'Libellé'], { dateOrder: 'dmy', date1904: false });
    b.addRow(2, ['C1', 'facture', null, '01/01/2024', 500, 'Report à nouveau']);
    b.addRow(3, [null, null, null, null, 500, 'Solde']);
    b.addRow(4, [null, null, 'Total', null, 500, null]);
    b.addRow(5, ['C1', null, null, null, 500, 'Total client']); // a per-customer subtotal is still a total
    const { raw, issues } = b.finish();
    expect(raw.rows).toEqual([['C1', 'facture', '', '2024-01-01', '500', 'Report à nouveau']]);
    expect(issues.map((i) => `${i.code}@${i.cell ?? i.table}`)).toEqual(["total-row@'Écritures'!E3", "total-row@'Écritures'!C4", "total-row@'Écritures'!A5"]);
    const ledger = buildLedger({ customers: { table: 'customers', source: 'c', headers: ['customer_id', 'currency'], rows: [['C1', 'EUR']] }, entries: raw });
    expect(ledger.issues.map((i) => `${i.code} ${i.customerId ?? ''} ${i.column ?? ''}`)).toEqual(['missing-value C1 document_no']);
  });
});
