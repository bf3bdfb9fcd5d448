import { statementTemplateData } from '../../../src/adapters/documents/docx';
import { DEFAULT_SETTINGS, parseIsoDay } from '../../../src/core';
import { doc, SETTINGS } from './fixture';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** Every leaf of a value with its path. */
function leaves(value: unknown, at = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, at === '' ? k : `${at}.${k}`));
  return [[at, value]];
}

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('statementTemplateData', () => {
  it('English open-item statement: formatted company, customer, sections, lines, aging', () => {
    const d = statementTemplateData(doc('A'), SETTINGS) as Data;
    expect(d['language']).toBe('en');
    expect(d['title']).toBe('Statement of account');
    expect(d['closingLabel']).toBe('Balance due');
    expect(d['statementDate']).toBe('31 Oct 2026');
    expect(d['statementNumber']).toBe('ST-202610-A');
    expect(d['hasPeriod']).toBe(false);
    expect(d['period']).toBe('');
    expect(d['company']).toMatchObject({ name: 'Northwind Accounting SARL', address: '12 rue de la Paix\n75002 Paris', vatNumber: 'FR12345678901', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'BNPAFRPPXXX', bankName: 'Banque Exemple', hasBank: true });
    expect(d['customer']).toEqual({ no: 'A', name: 'Alpha Ltd', addressLines: ['1 High Street', 'EC1A 1BB London'], address: '1 High Street\nEC1A 1BB London', contact: 'Jane Smith', hasContact: true, email: 'ap@alpha.example; cfo@alpha.example' });
    expect(d['labels']).toMatchObject({ dueDate: 'Due date', balanceDue: 'Balance due', vatNumber: 'VAT no.', statementNumber: 'Statement no.', page: 'Page', of: 'of', ofWhichOverdue: 'of which overdue' });
    expect(Object.values(d['labels'] as object).every((v) => typeof v === 'string')).toBe(true);
    expect(d['message']).toBe('Thank you for your business.\nPlease pay overdue items now.');
    expect(d['sections'].map((s: Data) => s['currency'])).toEqual(['EUR', 'USD']);
    const eur = d['sections'][0] as Data;
    expect(eur).toMatchObject({ closingBalance: '€1,550.00', balanceDue: '€1,550.00', overdue: '€1,300.00', closingBalancePlain: '1,550.00', lineCount: '3', totalAmount: '1,584.56', totalApplied: '34.56', totalOpen: '1,550.00', agingTotal: '€1,550.00', aging1: '€250.00', aging5: '€1,200.00' });
    expect(eur['lines'][0]).toEqual({
      date: '15 Jun 2026', type: 'Invoice', typeCode: 'invoice', document: 'A1', reference: 'PO-77', description: 'October services', matchingCode: '',
      dueDate: '15 Jul 2026', amount: '1,234.56', applied: '34.56', open: '1,200.00', balance: '1,200.00', daysOverdue: '108', isOverdue: true,
    });
    expect(eur['lines'][2]).toMatchObject({ document: 'A3', daysOverdue: '', isOverdue: false });
    expect(eur['overdueLines'].map((l: Data) => l['document'])).toEqual(['A1', 'A2']);
    expect(eur['aging']).toEqual([
      { label: 'Current', amount: '€250.00', amountPlain: '250.00' },
      { label: '1-30', amount: '€100.00', amountPlain: '100.00' },
      { label: '31-60', amount: '€0.00', amountPlain: '0.00' },
      { label: '61-90', amount: '€0.00', amountPlain: '0.00' },
      { label: 'Over 90', amount: '€1,200.00', amountPlain: '1,200.00' },
    ]);
    expect(d['agingLabels']).toEqual(['Current', '1-30', '31-60', '61-90', 'Over 90']);
    expect(d['agingLabel5']).toBe('Over 90');
    expect(d['agingCaption']).toMatch(/^Aged at 31 Oct 2026 by due date/);
    expect(d['totals']).toEqual([
      { currency: 'EUR', balanceDue: '€1,550.00', overdue: '€1,300.00' },
      { currency: 'USD', balanceDue: '$50.00', overdue: '$50.00' },
    ]);
  });

  it('the overdue list holds every open item due before the date, unapplied credits too, so it adds up to the Overdue total', () => {
    const f = (statementTemplateData(doc('F'), SETTINGS) as Data)['sections'][0] as Data;
    expect(f['overdueLines'].map((l: Data) => [l['document'], l['open']])).toEqual([['F1', `1${NNBSP}999,99`], ['F2', '-99,99']]);
    expect(f['overdue']).toBe(`1${NNBSP}900,00${NBSP}€`);
  });

  it('an opening-balance row belongs in the table whenever the statement has a period, dated its first day, even at zero', () => {
    const sections = (o: Parameters<typeof doc>[1]) => (statementTemplateData(doc('A', o), SETTINGS) as Data)['sections'] as Data[];
    expect(sections({}).map((x) => [x['showOpeningBalance'], x['openingDate']])).toEqual([[false, ''], [false, '']]);
    const broughtForward = sections({ from: parseIsoDay('2026-10-01') as number });
    expect(broughtForward[0]).toMatchObject({ showOpeningBalance: true, openingBalance: '€1,300.00', openingDate: '01 Oct 2026' });
    // Nothing before the period: still a row, of zero.
    expect(sections({ from: parseIsoDay('2020-01-01') as number }).map((x) => [x['showOpeningBalance'], x['openingBalance']])).toEqual([[true, '€0.00'], [true, '$0.00']]);
    expect(sections({ style: 'activity', from: parseIsoDay('2026-10-01') as number }).every((x) => x['showOpeningBalance'] === true)).toBe(true);
  });

  it('French: "1 234,56 €" money, 31/10/2026 dates, French labels and message', () => {
    const d = statementTemplateData(doc('F'), SETTINGS) as Data;
    expect(d['language']).toBe('fr');
    expect(d['title']).toBe('Relevé de compte');
    expect(d['statementDate']).toBe('31/10/2026');
    expect(d['labels']).toMatchObject({ dueDate: 'Échéance', balanceDue: 'Solde dû', vatNumber: 'N° TVA intracom.' });
    expect(d['message']).toBe('Merci de votre confiance.\nMerci de régler les pièces échues.');
    const eur = d['sections'][0] as Data;
    expect(eur['closingBalance']).toBe(`2${NNBSP}900,00${NBSP}€`);
    expect(eur['lines'][0]).toMatchObject({ date: '01/07/2026', type: 'Facture', dueDate: '31/07/2026', amount: `1${NNBSP}999,99`, daysOverdue: '92' });
    expect(eur['lines'][1]).toMatchObject({ type: 'Avoir', amount: '-99,99' });
    expect(eur['aging'][0]).toEqual({ label: 'Non échu', amount: `1${NNBSP}000,00${NBSP}€`, amountPlain: `1${NNBSP}000,00` });
    expect(d['agingCaption']).toMatch(/31\/10\/2026/);
  });

  it('activity statement: period, opening balance, the overdue list of the open items at the date (not the movements)', () => {
    const from = parseIsoDay('2026-10-01') as number;
    const d = statementTemplateData(doc('A', { style: 'activity', from }), SETTINGS) as Data;
    expect(d).toMatchObject({ isActivity: true, hasPeriod: true, title: 'Statement of activity', period: '01 Oct 2026 – 31 Oct 2026', periodFrom: '01 Oct 2026', periodTo: '31 Oct 2026' });
    const eur = d['sections'][0] as Data;
    expect(eur['openingBalance']).toBe('€1,300.00');
    expect(eur['lines'].map((l: Data) => l['document'])).toEqual(['A3']);
    expect(eur['closingBalance']).toBe('€1,550.00');
    expect(eur['overdueLines'].map((l: Data) => [l['document'], l['open']])).toEqual([['A1', '1,200.00'], ['A2', '100.00']]);
    expect(eur['overdue']).toBe('€1,300.00');
    expect(eur['showOverdue']).toBe(true);
    expect(d['closingLabel']).toBe('Closing balance');
  });

  it('every value is a string, a boolean or a list; nothing undefined, null or "undefined"', () => {
    for (const id of ['A', 'F']) {
      for (const settings of [SETTINGS, DEFAULT_SETTINGS]) {
        const all = leaves(statementTemplateData(doc(id), settings));
        expect(all.length).toBeGreaterThan(100);
        for (const [at, v] of all) {
          expect([at, typeof v]).toEqual([at, expect.stringMatching(/^(string|boolean)$/)]);
          if (typeof v === 'string') expect([at, v.includes('undefined') || v.includes('NaN')]).toEqual([at, false]);
        }
      }
    }
  });

  it('empty settings: blank company, no message, overdue section switched off', () => {
    const d = statementTemplateData(doc('A'), { ...DEFAULT_SETTINGS, showOverdueSection: false }) as Data;
    expect(d['company']).toMatchObject({ name: '', address: '', hasBank: false });
    expect(d['hasMessage']).toBe(false);
    expect(d['message']).toBe('');
    expect(d['sections'][0]['showOverdue']).toBe(false);
    expect(d['statementNumber']).toBe('ST-202610-A');
  });
});
