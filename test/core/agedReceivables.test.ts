import { agedReceivablesTable, type AgedCell } from '../../src/core';
import { compute } from '../adapters/write/fixture';

const text = (c: AgedCell): string => (c === null ? '' : typeof c === 'string' ? c : `${c.minor} ${c.currency}`);

describe('aged-receivables table', () => {
  it('one row per customer and currency, blocked and left-out customers with their status, totals per currency', () => {
    const t = agedReceivablesTable(compute(), 'en');
    expect(t.headers).toEqual(['Customer no.', 'Customer', 'Currency', 'Balance', 'Overdue', 'Current', '1-30', '31-60', '61-90', 'Over 90', 'E-mail', 'Status']);
    expect(t.rows.map((r) => `${r.customerId} ${r.amounts?.currency ?? '-'} ${r.statusText}`)).toEqual([
      'A EUR ok',
      'A USD ok',
      'F EUR ok',
      'J JPY ok',
      'B - blocked',
      'K KWD ok',
      'Z - left out: zero balance',
    ]);
    const a = t.rows[0];
    expect(a?.cells.map(text)).toEqual(['A', 'Alpha Ltd', 'EUR', '130000 EUR', '120000 EUR', '10000 EUR', '0 EUR', '0 EUR', '0 EUR', '120000 EUR', 'ap@alpha.example; cfo@alpha.example', 'ok']);
    expect(t.rows.find((r) => r.customerId === 'B')?.cells.map(text)).toEqual(['B', 'Beta', '', '', '', '', '', '', '', '', '', 'blocked']);
    expect(t.totals.map((x) => x.currency)).toEqual(['EUR', 'JPY', 'KWD', 'USD']);
    // EUR: A 1,300.00 and F 900.00, never JPY or KWD added in.
    const eur = t.totals[0];
    expect(eur?.balance).toBe(130000 + 90000);
    expect(eur?.cells.map(text).slice(0, 5)).toEqual(['Total', '', 'EUR', '220000 EUR', `${eur?.overdue} EUR`]);
  });

  it('each total is the sum of its currency rows, column by column, and its aging adds up to its balance', () => {
    const t = agedReceivablesTable(compute({ style: 'activity' }), 'fr');
    expect(t.headers.slice(0, 3)).toEqual(['N° client', 'Client', 'Devise']);
    for (const total of t.totals) {
      const rows = t.rows.filter((r) => r.amounts?.currency === total.currency).map((r) => r.amounts);
      expect(rows.length).toBeGreaterThan(0);
      expect(total.balance).toBe(rows.reduce((s, r) => s + (r?.balance ?? 0), 0));
      expect(total.overdue).toBe(rows.reduce((s, r) => s + (r?.overdue ?? 0), 0));
      total.aging.forEach((x, i) => expect(x).toBe(rows.reduce((s, r) => s + (r?.aging[i] ?? 0), 0)));
      expect(total.aging.reduce((s, x) => s + x, 0)).toBe(total.balance);
    }
    expect(t.rows.find((r) => r.status === 'excluded')?.statusText).toBe('écarté : solde nul');
  });
});
