/** The functions' own rules (issue 13, "Shapes and edge cases"), on small ledgers written for each case. */
import * as STMT from '../../src/functions/functions';
import { setDisplayLanguage } from '../../src/functions/displayLanguage';
import { askExcel, setWorkbookSettingsSource } from '../../src/functions/workbookSettings';
import { excelErrorOf, StubCustomFunctionError } from './customFunctionsStub';
import { serialOf } from './excelGrids';
import { freshRuntime, OMITTED } from './setup';

const HEADER = ['Customer', 'Type', 'Document No.', 'Posting Date', 'Due Date', 'Amount', 'Currency'];
const d = (m: number, day: number): number => serialOf(2026, m, day);
const AS_OF = d(6, 30);

/** Two customers in EUR, one of them also in USD. */
function ledger(): unknown[][] {
  return [
    HEADER,
    ['A', 'invoice', 'A-1', d(5, 1), d(5, 31), 100.1, 'EUR'],
    ['A', 'payment', 'A-P1', d(6, 1), '', -68.35, 'EUR'],
    ['B', 'invoice', 'B-1', d(6, 10), d(7, 10), 31.75, 'EUR'],
    ['B', 'invoice', 'B-2', d(4, 1), d(4, 15), 12, 'USD'],
  ];
}

beforeEach(() => freshRuntime());

describe('figures', () => {
  it('are exactly the decimal the engine prints (31.75, 0.1 + 0.2 never 0.30000000000000004)', async () => {
    const rows = [HEADER, ['C', 'invoice', 'C-1', d(6, 1), d(6, 1), 0.1, 'EUR'], ['C', 'invoice', 'C-2', d(6, 1), d(6, 1), 0.2, 'EUR'], ['C', 'invoice', 'C-3', d(6, 2), d(6, 2), 31.45, 'EUR']];
    expect(await STMT.balance(rows, 'C', AS_OF)).toBe(31.75);
    expect(await STMT.balance(ledger(), 'A', AS_OF)).toBe(31.75); // 100.10 − 68.35
    expect(await STMT.aging(rows, 'C', AS_OF)).toEqual([[0, 31.75, 0, 0, 0]]);
  });

  it('several currencies without `currency`: #VALUE! naming them; with it, that section (0 if none)', async () => {
    expect(await excelErrorOf(STMT.balance(ledger(), 'B', AS_OF))).toEqual({ code: '#VALUE!', message: 'several currencies (EUR, USD): give the currency argument' });
    expect(await STMT.balance(ledger(), 'B', AS_OF, 'usd')).toBe(12);
    expect(await STMT.balance(ledger(), 'A', AS_OF, 'USD')).toBe(0);
    expect(await excelErrorOf(STMT.aging(ledger(), '*', AS_OF))).toEqual({ code: '#VALUE!', message: 'several currencies (EUR, USD): give the currency argument' });
    expect(await STMT.aging(ledger(), '*', AS_OF, OMITTED, OMITTED, 'EUR')).toEqual([[31.75, 31.75, 0, 0, 0]]);
    expect(await excelErrorOf(STMT.balance(ledger(), 'B', AS_OF, 'EURO'))).toEqual({ code: '#VALUE!', message: 'currency: "EURO" is not an ISO 4217 currency code' });
  });

  it('a customer with no entries has a zero balance and zero aging', async () => {
    expect(await STMT.balance(ledger(), 'Z', AS_OF, 'EUR')).toBe(0);
    expect(await STMT.aging(ledger(), 'Z', AS_OF, '30,60')).toEqual([[0, 0, 0, 0]]);
  });

  it('blank rows inside and after the range are ignored, and a whole-column range is trimmed', async () => {
    const blank = ['', '', '', '', '', '', ''];
    const rows = [HEADER, blank, ...ledger().slice(1, 3), [null, null, null, null, null, null, null], ...ledger().slice(3), ...Array.from({ length: 5000 }, () => blank)];
    expect(await STMT.balance(rows, 'A', AS_OF)).toBe(31.75);
  });

  it('reads dates typed as text in the culture\'s order, and 1904 serials in a 1904 workbook', async () => {
    freshRuntime({ dateOrder: 'mdy' });
    const text = [HEADER, ['A', 'invoice', 'A-1', '05/01/2026', '05/31/2026', 10, 'EUR']];
    expect(await STMT.aging(text, 'A', '06/30/2026')).toEqual([[0, 10, 0, 0, 0]]);
    freshRuntime({ date1904: true });
    const s1904 = (m: number, day: number): number => serialOf(2026, m, day, true);
    const rows = [HEADER, ['A', 'invoice', 'A-1', s1904(5, 1), s1904(5, 31), 10, 'EUR']];
    expect(await STMT.aging(rows, 'A', s1904(6, 30))).toEqual([[0, 10, 0, 0, 0]]);
    expect((await STMT.statement(rows, 'A', s1904(6, 30)))[1]?.slice(0, 4)).toEqual([s1904(5, 1), 'Invoice', 'A-1', s1904(5, 31)]);
    expect(await STMT.daysOverdue(s1904(5, 31), s1904(6, 30))).toBe(30);
  });
});

describe('bad cells', () => {
  it('poison only their own customer, named by row in the range (header = 1) and how many more', async () => {
    const rows = ledger();
    rows[1] = ['A', 'invoice', 'A-1', 'someday', d(5, 31), 'lots', 'EUR'];
    const e = await excelErrorOf(STMT.balance(rows, 'A', AS_OF));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/^customer A: entries row 2, column posting_date: "someday" is not a valid date.*\(and 1 more problem\)$/);
    expect(await STMT.balance(rows, 'B', AS_OF, 'EUR')).toBe(31.75);
  });

  it('an Excel error cell (#N/A as the runtime passes it, or as text) is a bad cell of its row', async () => {
    const rows = ledger();
    rows[3] = ['B', 'invoice', 'B-1', d(6, 10), d(7, 10), new StubCustomFunctionError('#N/A'), 'EUR'];
    expect((await excelErrorOf(STMT.balance(rows, 'B', AS_OF, 'EUR'))).message).toMatch(/^customer B: entries row 4, column amount: .*#N\/A/);
    expect(await STMT.balance(rows, 'A', AS_OF)).toBe(31.75);
    const described = [[...HEADER, 'Description'], ...ledger().slice(1).map((r, i) => [...r, i === 1 ? '#DIV/0!' : 'text'])];
    expect(await excelErrorOf(STMT.balance(described, 'A', AS_OF))).toEqual({ code: '#VALUE!', message: 'customer A: entries row 3, column description: the cell holds the Excel error #DIV/0!' });
    expect(await STMT.balance(described, 'B', AS_OF, 'USD')).toBe(12);
  });

  it('an error in the customer cell blocks the customer it reads as, never the others', async () => {
    const rows = [...ledger(), [new StubCustomFunctionError('#N/A'), 'invoice', 'X-1', d(6, 1), d(6, 1), 5, 'EUR']];
    expect(await STMT.balance(rows, 'A', AS_OF)).toBe(31.75);
    expect((await excelErrorOf(STMT.aging(rows, '*', AS_OF, OMITTED, OMITTED, 'EUR'))).message).toBe('blocked by bad input, so left out of the total: customer #N/A (see STMT.AGEDRECEIVABLES)');
    const table = await STMT.agedReceivables(rows, AS_OF);
    expect(table.filter((r) => r[0] === '#N/A').map((r) => r[r.length - 1])).toEqual(['blocked: customer #N/A: entries row 6, column customer_id: the cell holds the Excel error #N/A']);
  });

  it('say so in French when Excel speaks French', async () => {
    setDisplayLanguage('fr');
    const rows = ledger();
    rows[1] = ['A', 'invoice', 'A-1', 'un jour', d(5, 31), 100.1, 'EUR'];
    expect((await excelErrorOf(STMT.balance(rows, 'A', AS_OF))).message).toMatch(/^client A : écritures ligne 2, colonne posting_date : « un jour » n'est pas une date valide/);
    expect((await excelErrorOf(STMT.balance(ledger(), 'B', AS_OF))).message).toBe("plusieurs devises (EUR, USD) : indiquez l'argument currency");
  });

  it('are named by their sheet cell when Excel gives the ranges\' addresses (AGING, STATEMENT, AGEDRECEIVABLES)', async () => {
    const rows = ledger();
    rows[1] = ['A', 'invoice', 'A-1', 'someday', d(5, 31), 100.1, 'EUR'];
    const invocation = { parameterAddresses: ["'Grand livre'!C5:I9", null, null, null, null, null, null] } as unknown as CustomFunctions.Invocation;
    const e = await excelErrorOf(STMT.aging(rows, 'A', AS_OF, OMITTED, OMITTED, OMITTED, OMITTED, invocation));
    expect(e.message).toMatch(/^customer A: 'Grand livre'!F6 \(posting_date\): "someday" is not a valid date/);
    rows[3] = ['B', 'invoice', 'B-1', d(6, 10), d(7, 10), 31.75, new StubCustomFunctionError('#N/A')];
    const at = { parameterAddresses: ['[Book1]Ledger!B2:H6'] } as unknown as CustomFunctions.Invocation;
    expect((await excelErrorOf(STMT.statement(rows, 'B', AS_OF, OMITTED, OMITTED, OMITTED, OMITTED, at))).message).toBe('customer B: Ledger!H5 (currency): "#N/A" is not an ISO 4217 currency code');
    const table = await STMT.agedReceivables(rows, AS_OF, OMITTED, OMITTED, OMITTED, OMITTED, at);
    expect(table.map((r) => r[r.length - 1])).toContain('blocked: customer A: Ledger!E3 (posting_date): "someday" is not a valid date (expected YYYY-MM-DD, DD/MM/YYYY — MM/DD/YYYY with --date-order mdy — or a date cell)');
    // Without the addresses, the same ledger's problem is named by its row in the range.
    expect((await excelErrorOf(STMT.aging(rows, 'A', AS_OF))).message).toMatch(/^customer A: entries row 2, column posting_date/);
  });

  it('AGING("*") names the blocked customers instead of hiding them in a total', async () => {
    const rows = ledger();
    rows[3] = ['B', 'invoice', 'B-1', 'never', d(7, 10), 31.75, 'EUR'];
    expect(await excelErrorOf(STMT.aging(rows, '*', AS_OF, OMITTED, OMITTED, 'EUR'))).toEqual({ code: '#VALUE!', message: 'blocked by bad input, so left out of the total: customer B (see STMT.AGEDRECEIVABLES)' });
  });

  it('a range without a ledger header says what it expected', async () => {
    const e = await excelErrorOf(STMT.balance([['Name', 'Phone'], ['x', 'y']], 'A', AS_OF));
    expect(e.message).toMatch(/^entries: no entries table found \(a sheet with Customer, Document No., Posting Date and Amount headers/);
  });
});

describe('OPEN', () => {
  it('adds the instalments of a document, and names the customers who share a number', async () => {
    const rows = [
      HEADER,
      ['A', 'invoice', 'INV-1', d(5, 1), d(5, 31), 50, 'EUR'],
      ['A', 'invoice', 'INV-1', d(5, 1), d(6, 30), 50.5, 'EUR'],
      ['A', 'payment', 'P-1', d(6, 1), '', -20, 'EUR'],
      ['B', 'invoice', 'X-1', d(5, 1), d(5, 31), 5, 'EUR'],
      ['C', 'invoice', 'X-1', d(5, 2), d(5, 31), 6, 'EUR'],
    ];
    expect(await STMT.open(rows, 'INV-1', AS_OF)).toBe(100.5);
    expect(await STMT.open(rows, 'P-1', AS_OF)).toBe(-20);
    expect(await STMT.open(rows, 'INV-1', d(4, 30))).toBe(0);
    expect(await excelErrorOf(STMT.open(rows, 'X-1', AS_OF))).toEqual({ code: '#VALUE!', message: 'document X-1 is used by several customers: B, C' });
    const applied = [['From document', 'To document', 'Amount', 'Date'], ['P-1', 'INV-1', 20, d(6, 1)]];
    expect(await STMT.open(rows, 'INV-1', AS_OF, applied)).toBe(80.5);
    expect(await STMT.open(rows, 'P-1', AS_OF, applied)).toBe(0);
    // An error cell in an applications row blocks the customer of the documents it names.
    const noted = [[...(applied[0] as string[]), 'Description'], [...(applied[1] as unknown[]), new StubCustomFunctionError('#REF!')]];
    expect(await excelErrorOf(STMT.open(rows, 'INV-1', AS_OF, noted))).toEqual({ code: '#VALUE!', message: 'customer A: applications row 2, column Description: the cell holds the Excel error #REF!' });
  });
});

describe('DAYSOVERDUE and BUCKET', () => {
  it('count days past due (0 when not late) and give "" for a blank date', async () => {
    expect(await STMT.daysOverdue(d(5, 31), AS_OF)).toBe(30);
    expect(await STMT.daysOverdue(d(7, 31), AS_OF)).toBe(0);
    expect(await STMT.daysOverdue('', AS_OF)).toBe('');
    expect(await STMT.daysOverdue(OMITTED, AS_OF)).toBe('');
    expect(await STMT.daysOverdue(d(5, 31), '')).toBe('');
    expect(await excelErrorOf(STMT.daysOverdue('soon', AS_OF))).toEqual({ code: '#VALUE!', message: 'dueDate: "soon" is not a date (give a date cell, a serial such as TODAY(), or YYYY-MM-DD)' });
  });

  it('label the column with the statements\' labels, in the display language', async () => {
    expect(await STMT.bucket(d(5, 31), AS_OF)).toBe('1-30');
    expect(await STMT.bucket(d(6, 30), AS_OF)).toBe('Current');
    expect(await STMT.bucket(d(1, 2), AS_OF)).toBe('Over 90');
    expect(await STMT.bucket(d(3, 31), AS_OF, '30,60,90,120')).toBe('91-120');
    expect(await STMT.bucket(null, AS_OF)).toBe('');
    setDisplayLanguage('fr');
    expect(await STMT.bucket(d(1, 2), AS_OF)).toBe('Plus de 90');
    expect(await STMT.bucket(d(5, 2), AS_OF, 'months')).toBe('mai 2026');
  });
});

describe('AGINGLABELS', () => {
  it('gives the aging columns\' labels for each kind of bands, in English and French', async () => {
    expect(await STMT.agingLabels(AS_OF)).toEqual([['Current', '1-30', '31-60', '61-90', 'Over 90']]);
    expect(await STMT.agingLabels(AS_OF, 'months')).toEqual([['Current', 'June 2026', 'May 2026', 'April 2026', 'March 2026', 'Older']]);
    expect((await STMT.agingLabels(AS_OF, '30D'))[0]).toHaveLength(6);
    setDisplayLanguage('fr');
    expect(await STMT.agingLabels(AS_OF)).toEqual([['Non échu', '1-30', '31-60', '61-90', 'Plus de 90']]);
    expect(await excelErrorOf(STMT.agingLabels(AS_OF, '90,60'))).toEqual({ code: '#VALUE!', message: 'bands : les tranches « 90,60 » doivent être des nombres de jours croissants et positifs, par exemple 30,60,90' });
  });
});

describe('STATEMENT', () => {
  it('spills open items with a header row, and the activity of a period between opening and closing balances', async () => {
    expect(await STMT.statement(ledger(), 'A', AS_OF)).toEqual([
      ['Date', 'Type', 'Document', 'Due date', 'Amount', 'Applied', 'Open', 'Balance', 'Days overdue'],
      [d(5, 1), 'Invoice', 'A-1', d(5, 31), 100.1, 0, 100.1, 100.1, 30],
      [d(6, 1), 'Payment', 'A-P1', d(6, 1), -68.35, 0, -68.35, 31.75, 0],
    ]);
    expect(await STMT.statement(ledger(), 'A', AS_OF, 'activity', d(6, 1))).toEqual([
      ['Date', 'Type', 'Document', 'Due date', 'Debit', 'Credit', 'Balance'],
      [d(6, 1), 'Opening balance', '', '', '', '', 100.1],
      [d(6, 1), 'Payment', 'A-P1', d(6, 1), '', 68.35, 31.75],
      [AS_OF, 'Closing balance', '', '', '', '', 31.75],
    ]);
    setDisplayLanguage('fr');
    expect((await STMT.statement(ledger(), 'A', AS_OF, 'activity', d(6, 1)))[0]).toEqual(['Date', 'Type', 'Pièce', 'Échéance', 'Débit', 'Crédit', 'Solde']);
    expect((await STMT.statement(ledger(), 'A', AS_OF, 'activity'))[1]?.[1]).toBe("Solde d'ouverture");
    expect(await excelErrorOf(STMT.statement(ledger(), 'A', AS_OF, 'weekly'))).toEqual({ code: '#VALUE!', message: 'style : « weekly » n\'est pas l\'une des valeurs « open-item », « activity »' });
  });
});

describe('AGEDRECEIVABLES', () => {
  it('keeps a blocked customer\'s row with its reason, and each total says how many it leaves out', async () => {
    const rows = [...ledger(), ['C', 'invoice', 'C-1', 'bad', d(6, 30), 7, 'EUR']];
    const customers = [['Customer', 'Name', 'Currency'], ['A', 'Alpha', 'EUR'], ['B', 'Beta', 'EUR'], ['C', 'Gamma', 'EUR']];
    const table = await STMT.agedReceivables(rows, AS_OF, OMITTED, OMITTED, OMITTED, customers);
    const reason = 'blocked: customer C: entries row 6, column posting_date: "bad" is not a valid date (expected YYYY-MM-DD, DD/MM/YYYY — MM/DD/YYYY with --date-order mdy — or a date cell)';
    expect(table).toEqual([
      ['Customer', 'Name', 'Currency', 'Balance', 'Current', '1-30', '31-60', '61-90', 'Over 90', 'Status'],
      ['A', 'Alpha', 'EUR', 31.75, 0, 31.75, 0, 0, 0, 'ok'],
      ['B', 'Beta', 'EUR', 31.75, 31.75, 0, 0, 0, 0, 'ok'],
      ['C', 'Gamma', 'EUR', '', '', '', '', '', '', reason],
      ['Total', '', 'EUR', 63.5, 31.75, 31.75, 0, 0, 0, 'leaves out 1 blocked customer'],
      ['B', 'Beta', 'USD', 12, 0, 0, 0, 12, 0, 'ok'],
      ['Total', '', 'USD', 12, 0, 0, 0, 12, 0, ''],
    ]);
    // Without the customers range: no names; posting-date aging in months; French headers.
    setDisplayLanguage('fr');
    const fr = await STMT.agedReceivables(ledger(), AS_OF, 'months', 'posting');
    expect(fr[0]).toEqual(['Client', 'Nom', 'Devise', 'Solde', 'Non échu', 'juin 2026', 'mai 2026', 'avril 2026', 'mars 2026', 'Plus ancien', 'État']);
    expect(fr[1]).toEqual(['A', '', 'EUR', 31.75, 0, -68.35, 100.1, 0, 0, 0, 'ok']);
  });
});

describe('the workbook\'s settings', () => {
  it('are asked of Excel once, through Excel.run: the 1904 date system and the culture\'s date order', async () => {
    let runs = 0;
    const excel = {
      run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
        runs++;
        const workbook = { use1904DateSystem: undefined as boolean | undefined, load: (p: string) => { if (p === 'use1904DateSystem') workbook.use1904DateSystem = true; } };
        const format = { shortDatePattern: undefined as string | undefined, load: () => { format.shortDatePattern = 'M/d/yyyy'; } };
        return batch({ workbook, application: { cultureInfo: { datetimeFormat: format } }, sync: async () => undefined });
      },
    };
    (globalThis as Record<string, unknown>)['Excel'] = excel;
    try {
      expect(await askExcel()).toEqual({ date1904: true, dateOrder: 'mdy' });
      setWorkbookSettingsSource(askExcel);
      const s1904 = serialOf(2026, 6, 30, true);
      const rows = [HEADER, ['A', 'invoice', 'A-1', '05/01/2026', serialOf(2026, 5, 31, true), 10, 'EUR']];
      runs = 0;
      for (let i = 0; i < 5; i++) expect(await STMT.aging(rows, 'A', s1904)).toEqual([[0, 10, 0, 0, 0]]);
      expect(runs).toBe(2); // one batch for the date system, one for the culture: once, not per call
    } finally {
      delete (globalThis as Record<string, unknown>)['Excel'];
    }
    // A host without the property (older Excel) or outside Excel: the 1900 system, day first.
    expect(await askExcel()).toEqual({ date1904: false, dateOrder: 'dmy' });
  });
});
