import fc from 'fast-check';
import { buildLedger, computeStatements, openingRow, parseIsoDay, statementDocument, type ComputeOptions, type DocumentSection, type Day } from '../../src/core';
import { rawTable } from '../helpers/rawTable';
import { fixtureDocuments, fixtureOptions } from '../helpers/statements';
import { genAsOf, genLedger, pick, randFromGen, toRawTables } from '../properties/ledgerGen';

const day = (iso: string): Day => parseIsoDay(iso) as Day;
const AS_OF = day('2026-06-30');
const FROM = day('2026-06-01');

/**
 * At 30 June: I1 200.00 open of 300.00 (due in February), I2 400.00 open of 500.00 (due 4 June,
 * posted in May), C1 an unapplied credit of 50.00 (due = posted 10 June), I3 250.00 not yet due; I4
 * was paid in January. Overdue = 200 + 400 − 50 = 550.00; balance = 800.00.
 */
const CUSTOMERS = rawTable('customers', `
customer_id|name|currency|language
A|Alpha|EUR|en
`);
const ENTRIES = rawTable('entries', `
customer_id|type|document_no|posting_date|due_date|amount|applies_to
A|invoice|I1|2026-01-10|2026-02-09|300.00|
A|payment|P1|2026-01-20||-100.00|I1
A|invoice|I4|2026-01-05||80.00|
A|payment|P2|2026-01-06||-80.00|I4
A|invoice|I2|2026-05-05|2026-06-04|500.00|
A|credit_note|C1|2026-06-10||-50.00|
A|invoice|I3|2026-06-15|2026-07-15|250.00|
A|payment|P3|2026-06-20||-100.00|I2
`);

function section(o: Partial<ComputeOptions> = {}): DocumentSection {
  const [doc] = fixtureDocuments(CUSTOMERS, ENTRIES, fixtureOptions(AS_OF, o));
  const s = doc?.sections[0];
  if (s === undefined) throw new Error('no section');
  return s;
}

const docs = (s: DocumentSection) => s.lines.map((l) => l.documentNo);
const overdue = (s: DocumentSection) => s.overdueLines.map((l) => `${l.documentNo}:${l.open}:${l.daysOverdue}:${l.balance}`);
/** I1 due 9 Feb: 141 days at 30 June; I2 due 4 June: 26 days; C1, a credit, shows none. The running total ends at the overdue amount. */
const OVERDUE_LIST = ['I1:20000:141:20000', 'I2:40000:26:60000', 'C1:-5000:0:55000'];

describe('statement document: opening row, overdue list and totals decided once', () => {
  it('open items without a period: no opening row; the overdue list is the overdue lines', () => {
    const s = section();
    expect(s.opening).toBeUndefined();
    expect(docs(s)).toEqual(['I1', 'I2', 'C1', 'I3']);
    expect(overdue(s)).toEqual(OVERDUE_LIST);
    expect(s.overdue).toBe(55000);
    expect(s.closingBalance).toBe(80000);
  });

  it('open items with --from: the older items are brought forward in the opening row, and still listed as overdue', () => {
    const s = section({ from: FROM });
    expect(s.opening).toEqual({ date: FROM, balance: 60000 });
    expect(docs(s)).toEqual(['C1', 'I3']);
    expect(overdue(s)).toEqual(OVERDUE_LIST);
    expect(s.closingBalance).toBe(80000);
  });

  it('open items with --from and nothing before it: an opening row of zero', () => {
    expect(section({ from: day('2026-01-01') }).opening).toEqual({ date: day('2026-01-01'), balance: 0 });
  });

  it('activity: an opening row; the overdue list is the open items at the statement date, not the movements', () => {
    for (const from of [FROM, undefined]) {
      const s = section({ style: 'activity', from });
      expect(s.opening).toEqual({ date: FROM, balance: 70000 });
      expect(docs(s)).toEqual(['C1', 'I3', 'P3']);
      expect(overdue(s)).toEqual(OVERDUE_LIST);
      expect(s.closingBalance).toBe(80000);
    }
  });

  it('totals: the lines add up, the aging total is the closing balance', () => {
    const s = section({ style: 'activity', from: FROM });
    // C1 −50.00 unapplied, I3 250.00 open, P3 −100.00 all applied to I2.
    expect(s.lineTotals).toEqual({ amount: -5000 + 25000 - 10000, applied: -10000, open: -5000 + 25000 });
    expect(s.agingTotal).toBe(s.closingBalance);
    expect(s.aging.reduce((a, b) => a + b, 0)).toBe(s.agingTotal);
  });

  it('no overdue list when the overdue amount is zero, even with items due before the date', () => {
    const entries = rawTable('entries', `
customer_id|type|document_no|posting_date|due_date|amount
A|invoice|X1|2026-05-01|2026-05-31|100.00|
A|credit_note|X2|2026-05-02||-100.00|
A|invoice|X3|2026-06-20|2026-07-20|10.00|
`);
    const [doc] = fixtureDocuments(CUSTOMERS, entries, fixtureOptions(AS_OF));
    expect(doc?.sections[0]?.overdue).toBe(0);
    expect(doc?.sections[0]?.overdueLines).toEqual([]);
  });

  it('the closing caption follows the style', () => {
    const result = computeStatements(buildLedger({ customers: CUSTOMERS, entries: ENTRIES }), fixtureOptions(AS_OF, { style: 'activity' }));
    const doc = statementDocument(result, result.statements[0] as (typeof result.statements)[number], 'fr');
    expect(doc.closingLabel).toBe('Solde de clôture');
    expect(fixtureDocuments(CUSTOMERS, ENTRIES, fixtureOptions(AS_OF))[0]?.closingLabel).toBe('Balance due');
  });

  it('openingRow: a row exactly when the statement has a period start', () => {
    expect(openingRow(undefined, 0)).toBeUndefined();
    expect(openingRow(undefined, 5)).toBeUndefined();
    expect(openingRow(FROM, 0)).toEqual({ date: FROM, balance: 0 });
  });

  it('on random ledgers, in both styles with and without a period: the overdue list adds up to the overdue amount, the aging to the closing balance', () => {
    let olderListed = 0; // overdue items posted before the period: the case the lines alone would miss
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const r = randFromGen(g);
        const ledger = genLedger(r);
        const asOf = genAsOf(r, ledger);
        const style = pick(r, ['open-item', 'activity'] as const);
        const from = pick(r, [undefined, asOf - r.int(0, 200)]);
        const options = fixtureOptions(asOf, { style, from, selection: { include: 'either', excludeCredit: false, overdueOnly: false, honourOptOut: false } });
        const result = computeStatements(buildLedger(toRawTables(ledger)), options);
        for (const st of result.statements.filter((x) => x.status === 'ok')) {
          const doc = statementDocument(result, st);
          for (const s of doc.sections) {
            const listed = s.overdueLines.reduce((a, l) => a + l.open, 0);
            if (s.overdue !== 0 && listed !== s.overdue) return false;
            if (s.overdue === 0 && s.overdueLines.length > 0) return false;
            if (s.overdueLines.some((l) => l.open === 0 || l.dueDate >= asOf || l.date > asOf)) return false;
            if (s.agingTotal !== s.closingBalance) return false;
            if ((s.opening !== undefined) !== (result.from !== undefined)) return false;
            const last = s.lines.at(-1);
            if (last !== undefined && last.balance !== s.closingBalance) return false;
            if (result.from !== undefined) olderListed += s.overdueLines.filter((l) => l.date < (result.from as Day)).length;
            if (s.lineTotals.open !== s.lines.reduce((a, l) => a + l.open, 0)) return false;
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
    expect(olderListed).toBeGreaterThan(0);
  });
});
