import { DEFAULT_SELECTION, exclusionReason, minorAtLeast, type Customer, type Section, type SelectionOptions } from '../../src/core';

const customer: Customer = {
  id: 'C1', row: 2, name: 'Client', emails: [], cc: [], language: 'fr', currency: 'EUR', addressLines: [], contact: '',
  statementStyle: '', template: '', sendStatements: true, group: '',
};

function section(currency: string, closingBalance: number, o: Partial<Section> = {}): Section {
  return { currency, openingBalance: 0, closingBalance, overdue: 0, aging: [closingBalance], lines: [], overdueItems: [], lineCount: 1, hasActivity: true, ...o };
}

const exponents: Record<string, number> = { EUR: 2, JPY: 0, KWD: 3 };
const reason = (sections: Section[], o: Partial<SelectionOptions>) =>
  exclusionReason(customer, sections, { ...DEFAULT_SELECTION, ...o }, (c) => (o.minBalance === undefined ? undefined : minorAtLeast(o.minBalance, exponents[c] ?? 2)));

describe('selection (DESIGN.md §4)', () => {
  it.each([
    ['a credit balance', [section('EUR', -500)], 'credit balance'],
    ['a debit balance', [section('EUR', 500)], undefined],
    ['a zero balance with activity is not a credit', [section('EUR', 0)], undefined],
    ['a credit in one currency, a debit in another', [section('EUR', -500), section('JPY', 100)], undefined],
  ] as const)('exclude credit balances: %s', (_, sections, expected) => {
    expect(reason([...sections], { include: 'activity', excludeCredit: true })).toBe(expected);
  });

  it.each([
    ['¥10 is below 10.50', [section('JPY', 10)], 'below minimum balance'],
    ['¥11 is not below 10.50', [section('JPY', 11)], undefined],
    ['€10.49 is below 10.50', [section('EUR', 1049)], 'below minimum balance'],
    ['€10.50 is not below 10.50', [section('EUR', 1050)], undefined],
    ['KWD 10.500 is not below 10.50', [section('KWD', 10500)], undefined],
  ] as const)('minimum balance 10.50 in each currency: %s', (_, sections, expected) => {
    expect(reason([...sections], { minBalance: '10.50' })).toBe(expected);
  });
});
