import {
  a1Address, buildLedger, dayFromCivil, EXCEL_LAST_ROW, formatIsoDay, TableFinder,
  type CellRange, type DeclaredTable, type FinderOptions, type FoundTables, type GridValue, type Issue, type RawTable,
} from '../../src/core';

/** A sheet as a source hands it over: a grid of values whose top-left cell is `at` (an Office.js range may start anywhere). */
interface Grid {
  readonly name: string;
  readonly at?: string;
  readonly rows: readonly (readonly GridValue[])[];
  readonly tables?: readonly DeclaredTable[];
  readonly merged?: readonly CellRange[];
  /** The sheet's last row, when it goes beyond the grid. */
  readonly lastRow?: number;
}

function topLeft(a1: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (m === null) throw new Error(a1);
  let column = 0;
  for (const ch of m[1] as string) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), column };
}

/** A1:B2 → its range. */
function range(ref: string): CellRange {
  const [a = '', b = ''] = ref.split(':');
  const p = topLeft(a);
  const q = topLeft(b);
  return { top: p.row, left: p.column, bottom: q.row, right: q.column };
}

/** Pushes every sheet's rows into a finder as a source would, and records which rows it was asked for. */
function find(sheets: readonly Grid[], options: Partial<FinderOptions> = {}): FoundTables & { pushed: Record<string, number[]> } {
  const finder = new TableFinder({ source: 'book.xlsx', dateOrder: 'dmy', date1904: false, ...options });
  const pushed: Record<string, number[]> = {};
  for (const s of sheets) {
    const sheet = finder.sheet({ name: s.name, tables: s.tables, merged: s.merged });
    const { row, column } = topLeft(s.at ?? 'A1');
    pushed[s.name] = [];
    s.rows.forEach((cells, i) => {
      if (!sheet.wants(row + i)) return;
      pushed[s.name]?.push(row + i);
      sheet.row(row + i, column, [...cells]);
    });
    sheet.end(s.lastRow ?? row + s.rows.length - 1);
  }
  return { ...finder.finish(), pushed };
}

function ok(r: FoundTables): { customers: RawTable[]; entries: RawTable[]; applications: RawTable[]; issues: Issue[] } {
  if (!r.ok) throw new Error(r.error.en);
  const list = (t: RawTable | readonly RawTable[] | undefined): RawTable[] => (t === undefined ? [] : 'rows' in t ? [t] : [...t]);
  return { customers: list(r.tables.customers), entries: list(r.tables.entries), applications: list(r.tables.applications), issues: r.issues };
}

const rowsOf = (t: RawTable | undefined): string[][] => Array.from({ length: t?.rows.length ?? 0 }, (_, i) => [...(t?.rows.at(i) ?? [])]);
const where = (issues: readonly Issue[]) => issues.map((i) => `${i.code}@${i.cell ?? ''}`);
/** What the ledger reader then says of the rows found, with the cells it names. */
const ledgerIssues = (r: FoundTables) => {
  if (!r.ok) throw new Error(r.error.en);
  return where(buildLedger(r.tables, {}, r.issues).issues);
};
/** Excel's serial number of a date (what Office.js hands over for a date cell). */
const serial = (y: number, m: number, d: number, date1904 = false) => dayFromCivil(y, m, d) - (date1904 ? dayFromCivil(1904, 1, 1) : dayFromCivil(1899, 12, 30));
const iso = (y: number, m: number, d: number) => formatIsoDay(dayFromCivil(y, m, d));

const CUSTOMERS: Grid = { name: 'Customers', rows: [['Customer', 'Currency'], ['K1', 'EUR'], ['K2', 'EUR']] };

describe('cell addresses as Excel shows them', () => {
  it.each([
    ['Entries', 238, 4, 'Entries!D238'],
    ['My sheet', 5, 3, "'My sheet'!C5"],
    ["Jan's data", 1, 1, "'Jan''s data'!A1"],
    ['2026', 2, 28, "'2026'!AB2"],
    ['Q1', 2, 2, "'Q1'!B2"],
    ['FY2026', 2, 2, "'FY2026'!B2"],
    ['R2C3', 1, 1, "'R2C3'!A1"],
    ['Ledger_2026', 9, 703, 'Ledger_2026!AAA9'],
  ])('%s, row %i, column %i → %s', (sheet, row, column, expected) => {
    expect(a1Address(sheet, row, column)).toBe(expected);
  });
});

describe('finding the ledger in grids of cells', () => {
  it('reads a French sheet under a title, with debit/credit columns, text dates, totals and notes', () => {
    const r = ok(find([
      { name: 'Clients', rows: [['Code client', 'Raison sociale', 'Devise', 'Langue'], ['F1', 'Dupont SARL', 'EUR', 'fr']] },
      {
        name: 'Grand livre',
        rows: [
          ['Grand livre clients — octobre 2026'],
          [],
          ['N° client', 'Type de pièce', 'N° pièce', 'Date pièce', 'Échéance', 'Débit', 'Crédit', 'Lettrage'],
          ['F1', 'Facture', 'FA-1', '01/10/2026', '31/10/2026', '1 200,00', null, 'AA'],
          ['F1', 'Règlement', 'RG-1', { day: dayFromCivil(2026, 10, 15) }, null, null, 1000, 'AA'],
          ['F1', 'Facture', 'FA-2', '20/10/2026', '19/11/2026', 300.5, null, null],
          ['Total F1', null, null, null, null, 1500.5, 1000, null],
          ['Relance envoyée le 02/11', null, null, null, null, null, null, null],
        ],
      },
    ]));
    expect(r.customers.map((t) => t.sheet)).toEqual(['Clients']);
    expect(r.entries[0]).toMatchObject({ sheet: 'Grand livre', headerRow: 3 });
    expect(r.entries[0]?.rowNumbers).toEqual([4, 5, 6]);
    expect(rowsOf(r.entries[0])).toEqual([
      ['F1', 'Facture', 'FA-1', '2026-10-01', '2026-10-31', '1200.00', '', 'AA'],
      ['F1', 'Règlement', 'RG-1', '2026-10-15', '', '', '1000', 'AA'],
      ['F1', 'Facture', 'FA-2', '2026-10-20', '2026-11-19', '300.5', '', ''],
    ]);
    expect(where(r.issues)).toEqual(["total-row@'Grand livre'!A7", "note-row@'Grand livre'!A8"]);
  });

  it('reads date serials in the 1904 system, and the ledger names bad cells', () => {
    const sheets: Grid[] = [
      { name: 'Customers', rows: [['customer_id', 'currency'], ['A', 'USD'], ['B', 'USD']] },
      {
        name: 'Entries',
        rows: [
          ['customer_id', 'type', 'document_no', 'posting_date', 'amount'],
          ['A', 'invoice', 'I-1', serial(2026, 10, 1, true), 100],
          ['B', 'invoice', 'I-2', 'someday', 5],
          ['B', 'invoice', 'I-3', '10/31/2026', 5],
        ],
      },
    ];
    const r = find(sheets, { date1904: true });
    expect(rowsOf(ok(r).entries[0]).map((row) => row[3])).toEqual([iso(2026, 10, 1), 'someday', '10/31/2026']);
    expect(ledgerIssues(r)).toEqual(['ambiguous-date@Entries!D4', 'bad-date@Entries!D3', 'bad-date@Entries!D4']);
    expect(rowsOf(ok(find(sheets, { date1904: false })).entries[0])[0]?.[3]).toBe(iso(2022, 9, 30)); // the same serial counted from 1900: four years and a day earlier
    expect(ledgerIssues(find(sheets, { date1904: true, dateOrder: 'mdy' }))).toEqual(['bad-date@Entries!D3']);
  });

  it('takes the customers from the entries when there is no customers table, and uses a mapping', () => {
    const sheets: Grid[] = [{ name: 'Buchungen', rows: [['Kunde', 'Art', 'Beleg', 'Datum', 'Betrag', 'Währung'], ['K1', 'invoice', 'R-1', serial(2026, 9, 1), 80, 'EUR'], ['K2', 'invoice', 'R-2', serial(2026, 9, 2), 8, 'EUR'], ['K1', 'payment', 'P-1', serial(2026, 9, 3), -8, 'EUR']] }];
    const mapping = { entries: { Kunde: 'customer_id', Art: 'type', Beleg: 'document_no', Datum: 'posting_date', Betrag: 'amount', Währung: 'currency' } };
    const r = ok(find(sheets, { mapping }));
    expect(r.customers).toHaveLength(1);
    expect(rowsOf(r.customers[0])).toEqual([['K1'], ['K2']]);
    expect(r.issues.map((i) => i.code)).toEqual(['customers-from-entries']);
    expect(r.issues[0]?.message.en).toContain('2 customer(s)');
    const noMap = find(sheets);
    expect(noMap.ok).toBe(false);
    if (!noMap.ok) {
      expect(noMap.error.en).toBe('book.xlsx: no entries table found (a sheet with Customer, Document No., Posting Date and Amount headers, in English or French)');
      expect(noMap.error.fr).toMatch(/^book\.xlsx : aucune table d'écritures trouvée/);
    }
  });

  it('fails clearly when no sheet holds an entries table, and says which sheets it could not read', () => {
    const r = find([CUSTOMERS, { name: 'Read me', rows: [['How to use this workbook'], ['Fill in the Entries sheet']] }]);
    expect(r.ok).toBe(false);
    const empty = new TableFinder({ source: 'empty.xlsx', dateOrder: 'dmy', date1904: false }).finish();
    expect(empty.ok || empty.error.en).toMatch(/^empty\.xlsx: no entries table found/);
    const withEntries = ok(find([{ name: 'Read me', rows: [['How to use this workbook']] }, { name: 'Entries', rows: [['Customer', 'Document No.', 'Posting Date', 'Amount'], ['K1', 'I-1', '2026-09-01', 5]] }]));
    expect(withEntries.issues.map((i) => `${i.code}:${i.message.en}`)).toEqual([
      'no-table:sheet "Read me": no customers, entries or applications header found in its first 50 rows; not read',
      'customers-from-entries:no customers table: 1 customer(s) taken from the entries, without names or addresses',
    ]);
  });

  it('reads two entries sheets one after the other, and says so', () => {
    const header = ['Customer', 'Type', 'Document No.', 'Posting Date', 'Amount'];
    const r = ok(find([
      { name: 'Entries', rows: [header, ['K1', 'invoice', 'I-1', '2026-09-01', 100]] },
      CUSTOMERS,
      { name: 'Écritures', rows: [['Écritures reprises'], ['N° client', 'Type', 'N° pièce', 'Date comptable', 'Montant'], ['K2', 'facture', 'F-1', '02/09/2026', 50]] },
    ]));
    expect(r.entries.map((t) => `${t.sheet}:${t.headerRow}:${t.rows.length}`)).toEqual(['Entries:1:1', 'Écritures:2:1']);
    expect(r.issues.map((i) => `${i.code}:${i.message.en}`)).toEqual(['duplicate-table:sheet "Écritures" is a second entries table; its rows are read after those of "Entries"']);
    expect(r.issues[0]?.message.fr).toBe("l'onglet « Écritures » est une deuxième table écritures ; ses lignes sont lues après celles de « Entries »");
  });

  it('reads a sheet named like a table by that name, with its header on row 3 below a title', () => {
    const r = ok(find([
      { name: 'Entries', rows: [['Customer', 'Document No.', 'Posting Date', 'Amount'], ['K1', 'I-1', '2026-09-01', 5]] },
      { name: 'Clients', rows: [['Fichier clients'], [], ['Code client', 'Raison sociale', 'Devise'], ['K1', 'Kappa', 'EUR']] },
    ]));
    expect(r.customers.map((t) => `${t.sheet}:${t.headerRow}`)).toEqual(['Clients:3']);
    expect(rowsOf(r.customers[0])).toEqual([['K1', 'Kappa', 'EUR']]);
    expect(r.issues).toEqual([]);
    // A header that would do for either table is read as the table the sheet's name says.
    const both: GridValue[][] = [['Balances'], [], ['Customer', 'Name', 'Currency', 'Document No.', 'Posting Date', 'Amount'], ['K1', 'Kappa', 'EUR', 'I-1', '2026-09-01', 5]];
    const named = ok(find([{ name: 'Customers', rows: both }, { name: 'Ledger', rows: both }]));
    expect(named.customers.map((t) => `${t.sheet}:${t.headerRow}`)).toEqual(['Customers:3']);
    expect(named.entries.map((t) => `${t.sheet}:${t.headerRow}`)).toEqual(['Ledger:3']);
    const unnamed = ok(find([{ name: 'Sheet1', rows: both }]));
    expect(unnamed.entries.map((t) => t.sheet)).toEqual(['Sheet1']);
    expect(unnamed.issues.map((i) => i.code)).toEqual(['customers-from-entries']);
  });

  it('looks for a header in the first 50 rows only, and then no longer asks for the rows of a sheet that has none', () => {
    const notes: GridValue[][] = Array.from({ length: 60 }, (_, i) => [`note ${i + 1}`]);
    const late: GridValue[][] = [...Array.from({ length: 50 }, (): GridValue[] => ['']), ['Customer', 'Document No.', 'Posting Date', 'Amount'], ['K1', 'I-1', '2026-09-01', 5]];
    const r = find([{ name: 'Notes', rows: notes }, { name: 'Late', rows: late }, { name: 'Entries', rows: [['Customer', 'Document No.', 'Posting Date', 'Amount'], ['K1', 'I-1', '2026-09-01', 5], ['K1', 'I-2', '2026-09-02', 6]] }]);
    expect(r.pushed['Notes']).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(r.pushed['Late']).toHaveLength(50);
    expect(r.pushed['Entries']).toEqual([1, 2, 3]);
    expect(ok(r).issues.filter((i) => i.code === 'no-table').map((i) => i.message.en.split(':')[0])).toEqual(['sheet "Notes"', 'sheet "Late"']);
  });

  it('counts blank rows, and reports a sheet filled down to Excel\'s last row', () => {
    const r = ok(find([CUSTOMERS, { name: 'Entries', rows: [['Customer', 'Document No.', 'Posting Date', 'Amount'], ['K1', 'I-1', '2026-09-01', 5], ['', '', '', ''], [], ['K2', 'I-2', '2026-09-02', 6]], lastRow: EXCEL_LAST_ROW }]));
    expect(r.entries[0]?.rowNumbers).toEqual([2, 5]);
    expect(r.issues.map((i) => `${i.code}:${i.row ?? ''}`)).toEqual([`sheet-full:${EXCEL_LAST_ROW}`, 'blank-rows:']);
    expect(r.issues[1]?.message.en).toBe('entries: 2 blank row(s) skipped');
  });
});

describe('tables that start anywhere on the sheet', () => {
  const header = ['Customer', 'Posting Date', 'Type', 'Document No.', 'Amount'];
  const body: GridValue[][] = [
    header,
    ['K1', serial(2026, 9, 1), 'invoice', 'I-1', 100],
    ['K2', 'someday', 'invoice', 'I-2', 50],
    ['K1', serial(2026, 9, 5), 'credit_note', 'C-1', -20],
    ['Total', '', '', '', 130],
  ];
  /** The same rows as the .xlsx stream gives them: from column A, blank up to C. */
  const fromA = (rows: readonly (readonly GridValue[])[]): GridValue[][] => rows.map((r) => [null, null, ...r]);
  const padTop = (rows: GridValue[][]): GridValue[][] => [['Receivables at 30/09/2026'], [], [], [], ...rows];

  it.each([
    ['an Office.js range at C5', { name: 'Entries', at: 'C5', rows: body }],
    ['the stream from A1', { name: 'Entries', rows: padTop(fromA(body)) }],
    ['an Excel table at C5, read from C5', { name: 'Entries', at: 'C5', rows: body, tables: [{ name: 'tblEntries', ...range('C5:G9') }] }],
    ['an Excel table at C5, read from A1 with cells around it', {
      name: 'Entries',
      rows: [['Customer', 'Document No.', 'Posting Date', 'Amount'], [], [], [], ...fromA(body), [null, null, 'not in the table']],
      tables: [{ name: 'Table1', ...range('A1:D1') }, { name: 'tblEntries', ...range('C5:G9') }],
    }],
  ] as [string, Grid][])('header at C5 in %s: the issues name the cells Excel shows', (_how, entries) => {
    const r = find([CUSTOMERS, entries]);
    const found = ok(r);
    expect(found.entries).toHaveLength(1);
    const t = found.entries[0] as RawTable;
    expect(t.headerRow).toBe(5);
    expect(t.rowNumbers).toEqual([6, 7, 8]);
    const customer = t.headers.indexOf('Customer');
    expect(t.columnLetters?.[customer]).toBe('C');
    expect(t.columnLetters?.[t.headers.indexOf('Amount')]).toBe('G');
    expect(rowsOf(t).map((row) => row[customer + 1])).toEqual([iso(2026, 9, 1), 'someday', iso(2026, 9, 5)]);
    expect(where(found.issues)).toEqual(['total-row@Entries!C9']);
    expect(ledgerIssues(r)).toEqual(['total-row@Entries!C9', 'bad-date@Entries!D7']);
  });

  it('reads only the rows of the Excel tables, and each ledger table of a sheet', () => {
    const r = find([{
      name: 'Feuil1',
      rows: [
        ['Liste des clients (ne pas modifier)'],
        [],
        [null, 'Code client', 'Devise'],
        [null, 'K1', 'EUR'],
        [null, 'K2', 'EUR'],
        [],
        ['Customer', 'Document No.', 'Posting Date', 'Amount', 'Type'],
        ['K1', 'F-1', serial(2026, 9, 1), 100, 'invoice'],
        ['K2', 'F-2', '31/09/2026', 50, 'invoice'],
        [],
        ['call K2 about the August invoice'],
      ],
      tables: [{ name: 'Table_Clients', ...range('B3:C5') }, { name: 'Tableau_Ecritures', ...range('A7:E9') }, { name: 'Tableau_Notes', ...range('A11:A11') }],
    }]);
    const found = ok(r);
    expect(found.customers.map((t) => `${t.headerRow}:${t.columnLetters?.join('')}:${t.rows.length}`)).toEqual(['3:BC:2']);
    expect(found.entries.map((t) => `${t.headerRow}:${t.columnLetters?.join('')}:${t.rows.length}`)).toEqual(['7:ABCDE:2']);
    expect(r.pushed['Feuil1']).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(ledgerIssues(r)).toEqual(['bad-date@Feuil1!C9']);
  });

  it('reports a second Excel table of entries like a second entries sheet', () => {
    const r = ok(find([
      CUSTOMERS,
      { name: 'Entries', rows: [['Customer', 'Document No.', 'Posting Date', 'Amount'], ['K1', 'I-1', '2026-09-01', 5]], tables: [{ name: 'tblEntries', ...range('A1:D2') }] },
      { name: 'Old', at: 'B2', rows: [['Customer', 'Document No.', 'Posting Date', 'Amount'], ['K2', 'I-2', '2026-09-01', 5]], tables: [{ name: 'Entries', ...range('B2:E3') }] },
    ]));
    expect(r.entries.map((t) => `${t.sheet}!${t.columnLetters?.[0]}${t.headerRow}`)).toEqual(['Entries!A1', 'Old!B2']);
    expect(r.issues.map((i) => i.code)).toEqual(['duplicate-table']);
  });

  it('aligns rows of one sheet that start at different columns on the header\'s columns', () => {
    const finder = new TableFinder({ source: 'x', dateOrder: 'dmy', date1904: false });
    finder.sheet(CUSTOMERS).row(1, 1, ['Customer', 'Currency']);
    const sheet = finder.sheet({ name: 'Entries' });
    sheet.row(2, 2, ['Customer', 'Document No.', 'Posting Date', 'Amount']);
    sheet.row(3, 1, ['stray', 'K1', 'I-1', '2026-09-01', 5]);
    sheet.row(4, 3, ['I-2', '2026-09-02', 6]);
    const r = ok(finder.finish());
    expect(rowsOf(r.entries[0])).toEqual([['K1', 'I-1', '2026-09-01', '5'], ['', 'I-2', '2026-09-02', '6']]);
  });
});

describe('merged cells', () => {
  it('reads a customer number merged down over its rows, and a merged title, as a person sees them', () => {
    const r = ok(find([
      {
        name: 'Entries',
        rows: [
          ['Receivables — merged title'],
          ['Customer', 'Type', 'Document No.', 'Posting Date', 'Amount'],
          ['M1', 'invoice', 'I-1', '2026-09-01', 100],
          [null, 'invoice', 'I-2', '2026-09-02', 50],
          [null, 'payment', 'P-1', '2026-09-03', -30],
          ['M2', 'invoice', 'I-3', '2026-09-04', 7],
        ],
        merged: [range('A1:E1'), range('A3:A5')],
      },
      CUSTOMERS,
    ]));
    expect(rowsOf(r.entries[0]).map((row) => `${row[0]}:${row[2]}`)).toEqual(['M1:I-1', 'M1:I-2', 'M1:P-1', 'M2:I-3']);
    expect(r.issues.map((i) => i.code)).toEqual([]); // the title filled across is still a title, not a header
  });

  it('fills merges in a range that starts at C5, and in an Excel table', () => {
    const grid: Grid = {
      name: 'Entries',
      at: 'C5',
      rows: [
        ['Customer', 'Document No.', 'Posting Date', 'Amount'],
        ['M1', 'I-1', '2026-09-01', 100],
        ['', 'I-2', '2026-09-02', 50],
      ],
      merged: [range('C6:C7')],
    };
    expect(rowsOf(ok(find([CUSTOMERS, grid])).entries[0]).map((row) => row[0])).toEqual(['M1', 'M1']);
    const table: Grid = {
      name: 'Data',
      rows: [['Group K1'], ['Customer', 'Document No.', 'Posting Date', 'Amount'], ['K1', 'I-1', '2026-09-01', 100], [null, 'I-2', '2026-09-02', 50], ['after the table']],
      merged: [range('A1:D1'), range('A3:A4')],
      tables: [{ name: 'Entries', ...range('A2:D4') }],
    };
    const r = find([CUSTOMERS, table]);
    expect(rowsOf(ok(r).entries[0]).map((row) => row[0])).toEqual(['K1', 'K1']);
    // A sheet with merges is read from its first row (a merge may begin above a table), never past its tables.
    expect(r.pushed['Data']).toEqual([1, 2, 3, 4]);
  });
});
