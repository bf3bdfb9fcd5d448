import { buildLedger, computeStatements, DEFAULT_AGING, DEFAULT_SELECTION, parseIsoDay, type ComputeOptions, type ComputeResult } from '../../../src/core';
import { rawTable } from '../../helpers/rawTable';

/** A small ledger through the real engine: several currencies, a French customer, a blocked and an excluded one. */
const table = rawTable;

export const CUSTOMERS = table('customers', `
customer_id|name|email|language|currency|address1|postcode|city
A|Alpha Ltd|ap@alpha.example;cfo@alpha.example|en|EUR|1 High Street|EC1A 1BB|London
F|Société Générale: Paris/Lyon [HQ]?|compta@sg.example|fr|EUR|29 boulevard Haussmann|75009|Paris
J|Jay KK||en|JPY|||
Z|Zero Co||en|EUR|||
B|Beta||en|EUR|||
K|Kuwait Trading Company With A Very Long Name|||KWD|||
`);

export const ENTRIES = table('entries', `
customer_id|type|document_no|posting_date|due_date|amount|currency|applies_to|reference|matching_code
A|invoice|A1|2026-01-15|2026-02-14|1234.56|EUR||PO-77|
A|invoice|A2|2026-06-10|2026-07-10|100.00|EUR|||
A|payment|AP1|2026-06-20||-34.56|EUR|A1||
A|invoice|A3|2026-05-01|2026-05-31|50.00|USD|||
F|invoice|F1|2026-04-01|2026-04-30|999.99|EUR||=HYPERLINK("http://evil.example")|L1
F|credit_note|F2|2026-06-01||-99.99|EUR|||
J|invoice|J1|2026-06-01|2026-06-15|5000|JPY|||
Z|invoice|Z1|2026-01-01||10.00|EUR|||
Z|payment|Z2|2026-01-05||-10.00|EUR|Z1||
B|invoice|B1|2026-02-30||10.00|EUR|||
K|invoice|K1|2026-06-29|2026-07-29|1.234|KWD|||
`);

export const AS_OF = parseIsoDay('2026-06-30') as number;

export function compute(overrides: Partial<ComputeOptions> = {}): ComputeResult {
  const ledger = buildLedger({ customers: CUSTOMERS, entries: ENTRIES });
  return computeStatements(ledger, {
    asOf: AS_OF, style: 'open-item', aging: DEFAULT_AGING, agingBasis: 'due', allocate: 'none', selection: DEFAULT_SELECTION, summary: false,
    ...overrides,
  });
}

export const utc = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
