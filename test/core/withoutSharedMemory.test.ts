/**
 * The engine's tests run as the add-in's webview would run the engine: without SharedArrayBuffer and
 * Atomics (jest.config.js). This test fails if that setup is lost; and a CSV table handed over as
 * bytes (what the CSV fast path reads) is read there too.
 */
import { buildLedger, indexCsvBytes } from '../../src/core';

describe('the engine without shared memory', () => {
  it('runs where SharedArrayBuffer and Atomics do not exist', () => {
    expect(typeof SharedArrayBuffer).toBe('undefined');
    expect(typeof Atomics).toBe('undefined');
    expect('SharedArrayBuffer' in globalThis || 'Atomics' in globalThis).toBe(false);
  });

  it('reads a CSV entries table from its bytes there', () => {
    const table = (name: 'customers' | 'entries', text: string) => {
      const csv = indexCsvBytes(new TextEncoder().encode(text));
      return { table: name, source: `${name}.csv`, headers: csv.at(0) ?? [], rows: { length: csv.length - 1, at: (i: number) => csv.at(i + 1) }, bytes: { bytes: csv.bytes, rowStart: csv.rowStart.subarray(1), delimiter: csv.delimiter } };
    };
    const ledger = buildLedger({
      customers: table('customers', 'customer_id,name,currency\nC1,Acme,EUR\n'),
      entries: table('entries', 'customer_id,type,document_no,posting_date,amount\nC1,invoice,INV-1,2026-01-05,120.50\nC1,payment,PAY-1,2026-01-20,-20.50\n'),
    });
    expect(ledger.issues).toEqual([]);
    expect(ledger.entries.toArray().map((e) => [e.documentNo, e.amount, e.currency])).toEqual([['INV-1', 12050, 'EUR'], ['PAY-1', -2050, 'EUR']]);
  });
});
