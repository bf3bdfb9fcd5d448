import { buildLedger, computeStatements, DEFAULT_AGING, DEFAULT_SELECTION, ISSUE_TEXTS, parseIsoDay, type Issue, type RawTable } from '../../src/core';
import { rawTable } from '../helpers/rawTable';

const table = (t: RawTable['table'], text: string): RawTable => rawTable(t, text, ',');

const CUSTOMERS = table('customers', 'customer_id,name,currency\nA,Alpha,EUR\nB,Beta,EUR\nJ,Jay,JPY\n');

function check(entries: string, applications?: string) {
  const ledger = buildLedger({ customers: CUSTOMERS, entries: table('entries', entries), applications: applications === undefined ? undefined : table('applications', applications) });
  const result = computeStatements(ledger, {
    asOf: parseIsoDay('2026-06-30') as number, style: 'open-item', aging: DEFAULT_AGING, agingBasis: 'due', allocate: 'none', selection: { ...DEFAULT_SELECTION, include: 'either' }, summary: false,
  });
  const where = (i: Issue) => `${i.code}@${i.table}:${i.row ?? '-'}/${i.column ?? '-'}${i.customerId !== undefined ? `#${i.customerId}` : ''}`;
  return { issues: result.issues.map(where), status: Object.fromEntries(result.statements.map((s) => [s.customerId, s.status])), result };
}

const HEAD = 'customer_id,type,document_no,posting_date,due_date,amount,currency,applies_to,status';

describe('ledger validation: every problem is an issue with table, row and column', () => {
  it.each([
    ['unknown customer', 'Z,invoice,1,2026-01-01,,10.00,,,', 'unknown-customer@entries:3/customer_id#Z', 'Z'],
    ['unknown type', 'B,bill of lading,1,2026-01-01,,10.00,,,', 'unknown-type@entries:3/type#B', 'B'],
    ['impossible date', 'B,invoice,1,2026-02-30,,10.00,,,', 'bad-date@entries:3/posting_date#B', 'B'],
    ['missing date', 'B,invoice,1,,,10.00,,,', 'missing-value@entries:3/posting_date#B', 'B'],
    ['bad due date', 'B,invoice,1,2026-01-01,31/01/2026,10.00,,,', 'bad-date@entries:3/due_date#B', 'B'],
    ['too many decimals', 'B,invoice,1,2026-01-01,,10.005,,,', 'too-many-decimals@entries:3/amount#B', 'B'],
    ['decimals in JPY', 'J,invoice,1,2026-01-01,,10.5,,,', 'too-many-decimals@entries:3/amount#J', 'J'],
    ['not a number', 'B,invoice,1,2026-01-01,,ten,,,', 'bad-amount@entries:3/amount#B', 'B'],
    ['unknown currency', 'B,invoice,1,2026-01-01,,10.00,XYZ,,', 'unknown-currency@entries:3/currency#B', 'B'],
    ['wrong sign', 'B,payment,1,2026-01-01,,10.00,,,', 'sign-mismatch@entries:3/amount#B', 'B'],
    ['unknown status', 'B,invoice,1,2026-01-01,,10.00,,,maybe', 'unknown-status@entries:3/status#B', 'B'],
    ['applies to nothing', 'B,payment,1,2026-01-01,,-10.00,,NOPE,', 'applies-to-unknown@entries:3/applies_to#B', 'B'],
  ])('%s', (_name, row, expected, blocked) => {
    const r = check(`${HEAD}\nA,invoice,A1,2026-01-01,,100.00,,,\n${row}\n`);
    expect(r.issues).toContain(expected);
    expect(r.status[blocked]).toBe('blocked');
    expect(r.status['A']).toBe('ok');
  });

  it('an amount that reads as thousands or as a decimal comma ("2,000") blocks its customer, in any --lang', () => {
    const ledger = buildLedger({ customers: CUSTOMERS, entries: rawTable('entries', `${HEAD.replace(/,/g, '|')}\nA|invoice|A1|2026-01-01||100.00|||\nB|invoice|B1|2026-01-01||2,000|||\nB|invoice|B2|2026-01-02||1,5|||`) });
    expect(ledger.issues.map((i) => `${i.code}@${i.row ?? ''}/${i.column ?? ''}#${i.customerId ?? ''}`)).toEqual(['ambiguous-amount@3/amount#B']);
    expect(ledger.issues[0]?.message.fr).toContain('séparateur de milliers');
    expect(ledger.entries.toArray().map((e) => [e.documentNo, e.amount])).toEqual([['A1', 10000], ['B2', 150]]);
  });

  it('duplicate document numbers, but not instalments', () => {
    const r = check(`${HEAD}\nA,invoice,X1,2026-01-01,2026-02-01,100.00,,,\nA,invoice,X1,2026-01-01,2026-03-01,100.00,,,\nB,invoice,X1,2026-01-01,2026-04-01,5.00,,,\nA,invoice,X2,2026-01-01,,1.00,,,\nA,invoice,X2,2026-01-01,,1.00,,,\n`);
    expect(r.issues).toEqual(['duplicate-document@entries:4/document_no#B', 'duplicate-document@entries:6/document_no#A']);
  });

  it('void and draft rows are ignored, counted and reported', () => {
    const r = check(`${HEAD}\nA,invoice,A1,2026-01-01,,100.00,,,\nA,invoice,A2,2026-01-01,,50.00,,,void\nA,invoice,A3,2026-01-01,,50.00,,,brouillon\n`);
    expect(r.issues).toEqual(['ignored-status@entries:3/status#A', 'ignored-status@entries:4/status#A']);
    expect(r.status['A']).toBe('ok');
    expect(r.result.statements[0]?.sections[0]?.closingBalance).toBe(10000);
  });

  const APP_ENTRIES = `${HEAD}\nA,invoice,A1,2026-01-01,,100.00,,,\nA,payment,P1,2026-02-01,,-150.00,,,\nB,invoice,B1,2026-01-01,,10.00,,,\nJ,invoice,J1,2026-01-01,,1000,,,\n`;
  it.each([
    ['over-application', 'P1,A1,120.00,2026-02-01', ['over-application@applications:2/amount#A'], ['A']],
    ['cross-customer', 'P1,B1,10.00,2026-02-01', ['cross-customer-application@applications:2/to_document#A', 'cross-customer-application@applications:2/to_document#B'], ['A', 'B']],
    ['wrong sides', 'A1,P1,10.00,2026-02-01', ['application-sides@applications:2/from_document#A'], ['A']],
    ['before posting', 'P1,A1,10.00,2026-01-15', ['application-before-posting@applications:2/date#A'], ['A']],
    ['unknown document', 'P1,NOPE,10.00,2026-02-01', ['unknown-document@applications:2/to_document#A'], ['A']],
    ['bad amount', 'P1,A1,-5,2026-02-01', ['not-positive@applications:2/amount#A'], ['A']],
  ])('applications: %s', (_name, row, expected, blocked) => {
    const r = check(APP_ENTRIES, `from_document,to_document,amount,date\n${row}\n`);
    expect(r.issues).toEqual(expected);
    for (const id of blocked) expect(r.status[id]).toBe('blocked');
    expect(r.status['J']).toBe('ok');
  });

  it('French messages write amounts and dates the French way', () => {
    const over = check(`${HEAD}\nA,invoice,A1,2026-01-01,,1000.00,,,\nA,payment,P1,2026-02-01,,-1500.00,,,\n`, 'from_document,to_document,amount,date\nP1,A1,1200.00,2026-02-10\n');
    expect(over.result.issues[0]?.message.fr).toBe('lettrages ligne 2, colonne amount : lettre 1\u202f200,00 mais A1 n\'a que 1\u202f000,00 ouvert au 10/02/2026');
    expect(over.result.issues[0]?.message.en).toBe('applications row 2, column amount: applies 1200.00 but A1 has only 1000.00 open on 2026-02-10');
    const early = check(APP_ENTRIES, 'from_document,to_document,amount,date\nP1,A1,10.00,2026-01-15\n');
    expect(early.result.issues[0]?.message.fr).toContain('datée du 15/01/2026, avant la comptabilisation de P1 (01/02/2026)');
  });

  it('applications across currencies are refused', () => {
    const r = check(`${HEAD}\nA,invoice,A1,2026-01-01,,100.00,,,\nA,payment,P1,2026-02-01,,-100.00,USD,,\n`, 'from_document,to_document,amount,date\nP1,A1,10.00,2026-02-01\n');
    expect(r.issues).toEqual(['cross-currency-application@applications:2/to_document#A']);
  });

  it('an application without a date takes the later posting date, with a warning', () => {
    const r = check(APP_ENTRIES, 'from_document,to_document,amount,date\nP1,A1,100.00,\n');
    expect(r.issues).toEqual(['application-date-defaulted@applications:2/date#A']);
    expect(r.status['A']).toBe('ok');
    const lines = r.result.statements.find((s) => s.customerId === 'A')?.sections[0]?.lines ?? [];
    expect(lines.map((l) => [l.entry.documentNo, l.open])).toEqual([['P1', -5000]]);
  });

  it('a missing required column blocks everyone with one clear issue', () => {
    const r = check('customer_id,type,document_no,amount\nA,invoice,1,10.00\n');
    expect(r.issues).toEqual(['missing-column@entries:1/posting_date']);
    expect(Object.values(r.status)).toEqual(['blocked', 'blocked', 'blocked']);
  });

  it('every issue code has distinct English and French messages', () => {
    const w = { table: 'entries' as const, row: 3, column: 'amount', value: 'x' };
    for (const [code, t] of Object.entries(ISSUE_TEXTS)) {
      const p = { column: 'c', seen: 's', header: 'h', firstRow: 2, currency: 'EUR', digits: 2, status: 'void', statusFr: 'annulée', type: 't', typeFr: 't', expected: 'e', expectedFr: 'e', amount: '1', document: 'd', open: '0', date: '2026-01-01', from: 'f', to: 't', fromCustomer: 'a', toCustomer: 'b', fromCurrency: 'EUR', toCurrency: 'USD', fromType: 'x', toType: 'y', posting: '2026-01-01', count: 3, sheet: 'S', rows: 50, first: 'F', source: 'entries.csv', used: 'u', system: 'Business Central', sheets: 'S (K)', unused: 'x', exported: '2026-01-31', ours: '1', theirs: '2', customer: 'C', asOf: '2026-01-01', debits: '3', credits: '4', groups: 2, subtotals: 2, totals: 1, titles: 3, shown: '5', added: '6', lines: 4, invoices: 3, account: 'a', accounts: '400000 Sales (2)', wanted: '' };
      expect({ code, en: t.en(p, w) === t.fr(p, w) }).toEqual({ code, en: false });
      expect(t.en(p, w)).not.toContain('undefined');
      expect(t.fr(p, w)).not.toContain('undefined');
    }
  });
});

describe('cells the reader cannot place', () => {
  it('a value under a blank header blocks its customer instead of being skipped; blank cells there are fine', () => {
    const customers = rawTable('customers', 'customer_id,currency\nA,EUR\nB,EUR', ',');
    const entries = rawTable('entries', 'customer_id,type,document_no,posting_date,,amount\nA,invoice,1,2026-01-01,,10.00\nB,invoice,2,2026-01-01,oops,5.00', ',');
    const ledger = buildLedger({ customers, entries });
    expect(ledger.issues.map((i) => `${i.code}@${i.row}/${i.column}#${i.customerId}`)).toEqual(['extra-cells@3/5#B']);
  });
});

describe('headers that mean the same column', () => {
  const entries = (headers: string, mapping?: Record<string, string>): RawTable => ({
    ...table('entries', `${headers}\nA,2024-07-05,2024-06-28,F1,facture,100.00,EUR\n`),
    ...(mapping !== undefined ? { mapping } : {}),
  });
  const run = (t: RawTable) => {
    const ledger = buildLedger({ customers: CUSTOMERS, entries: t });
    return { posting: ledger.entries.toArray().map((e) => e.posting), issues: ledger.issues.map((i) => `${i.code}:${i.column ?? ''}:${i.severity}`), messages: ledger.issues.map((i) => i.message) };
  };

  it('reads the one the user mapped, whatever its place, and says the other was not read', () => {
    const r = run(entries('Client,Date,Date comptable,N° pièce,Type,Montant,Devise', { 'Date comptable': 'posting_date' }));
    expect(r.posting).toEqual([parseIsoDay('2024-06-28')]);
    expect(r.issues).toEqual(['duplicate-column:Date:warning']);
    expect(r.messages[0]?.en).toContain('"Date comptable" is read, "Date" is not');
    expect(r.messages[0]?.fr).toContain('« Date comptable » est lue, « Date » ne l\'est pas');
  });

  it('without a mapping reads the first and reports the second', () => {
    const r = run(entries('Client,Date,Date comptable,N° pièce,Type,Montant,Devise'));
    expect(r.posting).toEqual([parseIsoDay('2024-07-05')]);
    expect(r.issues).toEqual(['duplicate-column:Date comptable:warning']);
  });
});

describe('problems found when settling a workbook ledger name their cell', () => {
  const sheet = (t: RawTable['table'], name: string, text: string): RawTable => {
    const r = rawTable(t, text);
    const letters = r.headers.map((_, i) => String.fromCharCode(65 + i));
    return { ...r, sheet: name, headerRow: 1, columnLetters: letters };
  };
  it('applications and applies_to issues carry Applications!C2 / \'Grand livre\'!F3 style addresses', () => {
    const ledger = buildLedger({
      customers: sheet('customers', 'Clients', 'customer_id|currency\nA|EUR\nB|EUR'),
      entries: [
        sheet('entries', 'Entries', 'customer_id|type|document_no|posting_date|amount|applies_to\nA|invoice|A1|2026-01-01|100.00|\nA|payment|P1|2026-02-01|-150.00|'),
        sheet('entries', 'Grand livre', 'customer_id|type|document_no|posting_date|amount|applies_to\nB|invoice|B1|2026-01-01|10.00|\nB|payment|P2|2026-02-01|-5.00|NOPE'),
      ],
      applications: sheet('applications', 'Applications', 'from_document|to_document|amount|date\nP1|A1|120.00|2026-02-01'),
    });
    const r = computeStatements(ledger, { asOf: parseIsoDay('2026-06-30') as number, style: 'open-item', aging: DEFAULT_AGING, agingBasis: 'due', allocate: 'none', selection: DEFAULT_SELECTION, summary: false });
    expect(r.issues.map((i) => `${i.code}@${i.cell ?? '-'}`)).toEqual(['over-application@Applications!C2', "applies-to-unknown@'Grand livre'!F3"]);
  });
});

describe('regressions found by review', () => {
  it('65,536 different unknown currency texts do not make a later real currency wrap onto another (found by review)', () => {
    // Every rejected row's currency text used to take a 16-bit code: the 65,537th text, USD here, wrapped onto EUR's.
    const bad = Array.from({ length: 65_536 }, (_, n) => `A,invoice,X${n},2026-01-05,,1.00,Q${n},,`);
    const r = check([HEAD, 'B,invoice,I1,2026-01-05,,100.00,,,', ...bad, 'B,payment,P1,2026-01-10,,-100.00,USD,,'].join('\n'));
    const beta = r.result.statements.find((s) => s.customerId === 'B');
    expect(beta?.sections.map((s) => [s.currency, s.closingBalance])).toEqual([['EUR', 10000], ['USD', -10000]]);
    expect(r.status['A']).toBe('blocked');
  });
});
