/**
 * Every row of the open-item reconciliation CSV adds up, on every golden ledger: debit − credit −
 * paid/credited = open, and the balance runs from the opening balance by the open amounts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsv } from '../../../src/adapters/csv/parseCsv';
import { readLedgerFolder } from '../../../src/adapters/csv/readLedgerFolder';
import { reconciliationCsv } from '../../../src/adapters/csv/writeReconciliationCsv';
import { buildLedger, computeStatements, currencyExponent, DEFAULT_AGING, parseDecimalToMinor, parseIsoDay, statementDocument, type Day, type Language } from '../../../src/core';

const ROOT = path.join(__dirname, '../../golden/scenarios');
const scenarios = fs.readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

function arg(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
}

/** A CSV amount in minor units ('' is 0); the French decimal comma read as a point. */
function minor(text: string, currency: string): number {
  if (text === '') return 0;
  const parsed = parseDecimalToMinor(text.replace(',', '.'), currencyExponent(currency) ?? 2);
  if (!parsed.ok) throw new Error(`not an amount: ${text}`);
  return parsed.minor;
}

describe.each(scenarios)('open-item reconciliation CSV of golden ledger %s', (name) => {
  it('every line: debit − credit − paid/credited = open; balance = previous balance + open', () => {
    const dir = path.join(ROOT, name);
    const args = JSON.parse(fs.readFileSync(path.join(dir, 'args.json'), 'utf8')) as string[];
    const read = readLedgerFolder(dir);
    if (!read.ok) throw new Error(read.error.en);
    const ledger = buildLedger(read.tables);
    const asOf = parseIsoDay(arg(args, '--as-of') ?? '') as Day;
    const allocate = arg(args, '--allocate') === 'fifo' ? 'fifo' : 'none';
    let checked = 0;
    for (const from of [undefined, asOf - 45]) {
      const result = computeStatements(ledger, {
        asOf, from, style: 'open-item', aging: DEFAULT_AGING, agingBasis: 'due', allocate,
        selection: { include: 'either', excludeCredit: false, overdueOnly: false, honourOptOut: false }, summary: false,
      });
      for (const statement of result.statements.filter((s) => s.status === 'ok')) {
        for (const language of ['en', 'fr'] as Language[]) {
          const doc = statementDocument(result, statement, language);
          const csv = reconciliationCsv(doc);
          const [header, ...rows] = parseCsv(csv.slice(1), language === 'fr' ? ';' : ',').rows;
          const col = (label: string): number => header?.indexOf(label) ?? -1;
          const L = doc.labels;
          const [cur, type, debit, credit, paid, balance, open] = [L.currency, L.type, L.debit, L.credit, L.applied, L.balance, L.open].map(col);
          expect(paid).toBe((col(L.credit)) + 1);
          let running = 0;
          let section = '';
          for (const row of rows) {
            const currency = row[cur as number] ?? '';
            const m = (i: number | undefined) => minor(row[i as number] ?? '', currency);
            if (currency !== section) [section, running] = [currency, 0]; // each currency's block runs on its own
            if (row[type as number] === L.openingBalance) {
              running = m(balance);
              continue;
            }
            expect([row.join('|'), m(debit) - m(credit) - m(paid)]).toEqual([row.join('|'), m(open)]);
            running += m(open);
            expect([row.join('|'), m(balance)]).toEqual([row.join('|'), running]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
