import { odoo } from '../../src/core/exports/profiles/odoo';
import type { VendorTable } from '../../src/core/exports/vendorProfile';
import type { RawTable } from '../../src/core/ledger/rawTable';

const EN = ['Date', 'Journal Entry', 'Account', 'Partner', 'Label', 'Debit', 'Credit', 'Matching #', 'Due Date', 'Amount in Currency', 'Currency', 'Residual Amount'];
const FR = ['Date', 'Pièce comptable', 'Compte', 'Partenaire', 'Libellé', 'Débit', 'Crédit', 'Lettrage #', "Date d'échéance", 'Montant en devise', 'Devise', 'Montant résiduel'];

function table(headers: readonly string[], rows: readonly (readonly string[])[]): VendorTable {
  const recognition = odoo.recognise(headers);
  if (recognition === undefined) throw new Error(`not recognised: ${headers.join(', ')}`);
  const raw: RawTable = { table: 'entries', source: 'Sheet1', sheet: 'Sheet1', headers, rows: rows.map((r) => [...r]), columnLetters: headers.map((_, i) => String.fromCharCode(65 + i)) };
  return { recognition, raw };
}

/** The converted entries as objects by contract column. */
function entries(c: ReturnType<typeof odoo.convert>): Record<string, string>[] {
  return c.entries.flatMap((t) => Array.from({ length: t.rows.length }, (_, i) => Object.fromEntries(t.headers.map((h, j) => [h, t.rows.at(i)?.[j] ?? '']))));
}

const AR = '121000 Account Receivable';
const row = (date: string, entry: string, account: string, partner: string, debit: string, credit: string, matching: string, due: string, inCurrency: string, currency: string, residual: string) =>
  [date, entry, account, partner, entry, debit, credit, matching, due, inCurrency, currency, residual];

describe('Odoo journal items: recognition', () => {
  it('knows the English, French and technical captions', () => {
    expect(odoo.recognise(EN)?.kind).toBe('Journal Items');
    expect(odoo.recognise(FR)?.kind).toBe('Journal Items');
    expect(odoo.recognise(['date', 'move_id', 'account_id', 'partner_id', 'name', 'debit', 'credit', 'matching_number', 'amount_residual'])?.kind).toBe('Journal Items');
  });

  it('reads dates as dates and amounts as money, by column', () => {
    const kinds = odoo.recognise(EN)?.kinds ?? [];
    expect(kinds[EN.indexOf('Date')]).toBe('date');
    expect(kinds[EN.indexOf('Due Date')]).toBe('date');
    expect(kinds[EN.indexOf('Amount in Currency')]).toBe('money');
    expect(kinds[EN.indexOf('Residual Amount')]).toBe('money');
    expect(kinds[EN.indexOf('Partner')]).toBe('text');
  });

  it('does not claim a ledger in the contract’s own columns, nor an export without its journal entry', () => {
    expect(odoo.recognise(['customer_id', 'type', 'document_no', 'posting_date', 'due_date', 'amount', 'matching_code'])).toBeUndefined();
    expect(odoo.recognise(['Date', 'Account', 'Partner', 'Debit', 'Credit'])).toBeUndefined();
  });
});

describe('Odoo journal items: conversion', () => {
  it('keeps receivable lines only and counts the others by account', () => {
    const c = odoo.convert([table(EN, [
      row('2024-03-01', 'INV/2024/00001', AR, 'Azure Interior', '1200', '0', '', '2024-03-31', '1200', 'USD', '1200'),
      row('2024-03-01', 'INV/2024/00001', '400000 Product Sales', 'Azure Interior', '0', '1200', '', '', '-1200', 'USD', '0'),
      row('2024-03-02', 'BILL/2024/00001', '211000 Account Payable', 'Wood Corner', '0', '50', '', '2024-04-01', '-50', 'USD', '-50'),
      row('2024-03-02', 'BILL/2024/00001', '600000 Expenses', 'Wood Corner', '50', '0', '', '', '50', 'USD', '0'),
    ])]);
    expect(entries(c).map((e) => e['document_no'])).toEqual(['INV/2024/00001']);
    const leftOut = c.issues.find((i) => i.code === 'export-lines-left-out');
    expect(leftOut?.severity).toBe('info');
    expect(leftOut?.message.en).toContain('3 lines');
    expect(leftOut?.message.en).toContain('400000 Product Sales (1), 211000 Account Payable (1), 600000 Expenses (1)');
    expect(leftOut?.message.fr).toContain('3 lignes');
  });

  it('finds receivable accounts by 411 code or by name, English and French, never payable ones', () => {
    const accounts = ['411100 Clients - Ventes de biens', '121000 Account Receivable', '13100 Clients douteux', '401000 Fournisseurs', '211000 Account Payable', '121100 Receivable (PoS)'];
    const c = odoo.convert([table(EN, accounts.map((a, i) => row('2024-03-01', `E/${i}`, a, 'P', '10', '0', '', '', '10', 'EUR', '10')))]);
    expect(entries(c).map((e) => e['document_no'])).toEqual(['E/0', 'E/1', 'E/2', 'E/5']);
  });

  it('takes the accounts the user names instead: a code prefix or a full name', () => {
    const rows = [
      row('2024-03-01', 'E/1', AR, 'P', '10', '0', '', '', '10', 'EUR', '10'),
      row('2024-03-01', 'E/2', '121100 Account Receivable (PoS)', 'P', '20', '0', '', '', '20', 'EUR', '20'),
      row('2024-03-01', 'E/3', '418000 Factures à établir', 'P', '30', '0', '', '', '30', 'EUR', '30'),
    ];
    expect(entries(odoo.convert([table(EN, rows)], { accounts: ['121000'] })).map((e) => e['document_no'])).toEqual(['E/1']);
    expect(entries(odoo.convert([table(EN, rows)], { accounts: ['418', 'Account Receivable (PoS)'] })).map((e) => e['document_no'])).toEqual(['E/2', 'E/3']);
    const none = odoo.convert([table(EN, rows)], { accounts: ['999'] });
    expect(entries(none)).toEqual([]);
    const error = none.issues.find((i) => i.code === 'export-no-receivable');
    expect(error?.severity).toBe('error');
    expect(error?.message.en).toContain('named 999');
  });

  it('takes the amount in currency where a currency is given, else debit − credit, exactly', () => {
    const c = odoo.convert([table(EN, [
      row('2024-03-01', 'INV/1', AR, 'A', '2200', '0', '', '', '2000', 'EUR', '2200'),
      row('2024-03-01', 'INV/2', AR, 'A', '0.1', '0.3', '', '', '', '', '-0.2'),
      row('2024-03-01', 'INV/3', AR, 'A', '1200.05', '', '', '', '', '', '1200.05'),
    ])]);
    expect(entries(c).map((e) => [e['amount'], e['currency']])).toEqual([['2000', 'EUR'], ['-0.2', ''], ['1200.05', '']]);
  });

  it('types lines by sign and journal: invoices, payments, and credit notes of an R-prefixed invoicing journal', () => {
    const c = odoo.convert([table(EN, [
      row('2024-03-01', 'INV/2024/00001', AR, 'A', '100', '0', '', '', '100', 'USD', '0'),
      row('2024-03-02', 'RINV/2024/00001', AR, 'A', '0', '40', '', '', '-40', 'USD', '0'),
      row('2024-03-03', 'PBNK1/2024/00001', AR, 'A', '0', '60', '', '', '-60', 'USD', '0'),
      row('2024-03-04', 'RBNK1/2024/00001', AR, 'A', '0', '5', '', '', '-5', 'USD', '0'),
    ])]);
    expect(entries(c).map((e) => e['type'])).toEqual(['invoice', 'credit_note', 'payment', 'payment']);
  });

  it('turns matching numbers into matching codes; a bare P (Odoo 16) links nothing and is said', () => {
    const c = odoo.convert([table(FR, [
      row('2024-03-05', 'FAC/1', '411100 Clients', 'Boulangerie Dupont', '1440', '0', 'P', '2024-04-04', '1440', 'EUR', '440'),
      row('2024-04-20', 'BNK1/1', '411100 Clients', 'Boulangerie Dupont', '0', '1000', 'P', '2024-04-20', '-1000', 'EUR', '0'),
      row('2024-05-10', 'FAC/2', '411100 Clients', 'Atelier Martin', '600', '0', 'A4', '2024-06-09', '600', 'EUR', '0'),
      row('2024-06-03', 'BNK1/2', '411100 Clients', 'Atelier Martin', '0', '600', 'A4', '2024-06-03', '-600', 'EUR', '0'),
    ])]);
    expect(entries(c).map((e) => [e['matching_code'], e['open_amount']])).toEqual([['', '440'], ['', '0'], ['A4', '0'], ['A4', '0']]);
    const p = c.issues.find((i) => i.code === 'export-unnumbered-match');
    expect(p?.severity).toBe('warning');
    expect(p?.message.en).toContain('rows 2, 3');
    expect(p?.message.fr).toContain('lignes 2, 3');
  });

  it('uses the residual in currency, or the residual when the line is in the company currency, and says when neither fits', () => {
    const headers = [...EN, 'Residual Amount in Currency'];
    const withCurrency = odoo.convert([table(headers, [[...row('2024-03-15', 'INV/1', AR, 'D', '2200', '0', '', '', '2000', 'EUR', '2200'), '2000']])]);
    expect(entries(withCurrency)[0]?.['open_amount']).toBe('2000');
    const companyOnly = odoo.convert([table(EN, [
      row('2024-03-15', 'INV/1', AR, 'D', '500', '0', '', '', '500', 'USD', '120'),
      row('2024-03-15', 'INV/2', AR, 'D', '2200', '0', '', '', '2000', 'EUR', '2200'),
    ])]);
    expect(entries(companyOnly).map((e) => e['open_amount'])).toEqual(['120', '']);
    const issue = companyOnly.issues.find((i) => i.code === 'export-residual-currency');
    expect(issue).toMatchObject({ severity: 'warning', row: 3, cell: 'Sheet1!L3', customerId: 'D' });
  });

  it('leaves a receivable line with no partner out with a warning naming its cell', () => {
    const c = odoo.convert([table(EN, [row('2024-03-29', 'POSS/1', '121100 Account Receivable (PoS)', '', '35', '0', '', '', '35', 'USD', '35')])]);
    expect(entries(c)).toEqual([]);
    expect(c.issues.find((i) => i.code === 'export-no-partner')).toMatchObject({ severity: 'warning', row: 2, cell: 'Sheet1!D2' });
  });

  it('names each customer by its partner and reports which column was used for what', () => {
    const c = odoo.convert([table(EN, [row('2024-03-01', 'INV/1', AR, 'Azure Interior', '1', '0', '', '', '1', 'USD', '1')])]);
    expect(c.customers[0]?.rows.at(0)).toEqual(['Azure Interior', 'Azure Interior']);
    expect(c.used).toContainEqual({ sheet: 'Sheet1', header: 'Residual Amount', use: 'open_amount' });
    expect(c.used).toContainEqual({ sheet: 'Sheet1', header: 'Account', use: 'receivable lines' });
    expect(c.unused).toEqual([]);
  });
});
