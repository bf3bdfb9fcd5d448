import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  DEFAULT_SETTINGS,
  parseIsoDay,
  statementDocument,
  type ComputeOptions,
  type RawTable,
  type StatementDocument,
  type StatementSettings,
} from '../../../src/core';
import { rawTable } from '../../helpers/rawTable';
import { computeFixture, fixtureOptions } from '../../helpers/statements';

/** A small golden ledger through the real engine: an English customer in EUR and USD, a French one. */
const table = rawTable;

export const CUSTOMERS = table('customers', `
customer_id|name|email|language|currency|address1|postcode|city|country|contact
C001|Acme Trading Ltd|ap@acme.example|en|EUR|1 High Street|EC1A 1BB|London|United Kingdom|Jane Smith
C002|Société d'Œuvres « Éclair »|compta@eclair.example|fr|EUR|29 boulevard Haussmann|75009|Paris|France|Mme Françoise Lefèvre
`);

export const ENTRIES = table('entries', `
customer_id|type|document_no|posting_date|due_date|amount|currency|applies_to|reference
C001|invoice|INV-1001|2026-07-15|2026-08-14|1234.56|EUR||PO-77
C001|invoice|INV-1002|2026-09-20|2026-10-20|500.00|EUR||PO-78
C001|payment|PAY-2001|2026-10-05||-200.00|EUR|INV-1002|
C001|credit_note|CN-3001|2026-10-25||-34.56|EUR||RMA-5
C001|invoice|INV-1003|2026-10-28|2026-11-27|2000.00|EUR||PO-80
C001|invoice|INV-1004|2026-06-01|2026-07-01|99.00|USD||PO-US1
C002|invoice|FAC-1|2026-09-01|2026-10-01|1234.56|EUR||BC-Œuvre
C002|credit_note|AV-1|2026-10-10||-234.56|EUR|FAC-1|
C002|invoice|FAC-2|2026-10-15|2026-11-14|234.56|EUR||BC-Ça
`);

export const AS_OF = parseIsoDay('2026-10-31') as number;

export const SETTINGS: StatementSettings = {
  ...DEFAULT_SETTINGS,
  company: {
    name: 'Northwind Supplies SARL',
    addressLines: ['12 rue de la Paix', '75002 Paris', 'France'],
    registration: 'RCS Paris 123 456 789',
    vatNumber: 'FR12 123456789',
    email: 'credit@northwind.example',
    phone: '+33 1 23 45 67 89',
    bank: { name: 'Banque Populaire Rives de Paris', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'BPPAFRPPXXX' },
    logo: '',
  },
  message: { en: 'Please pay the overdue items by return. Thank you for your business.', fr: 'Merci de régler les pièces échues dès réception. « Œuvre » et cætera.' },
  showOverdueSection: true,
  numberPrefix: 'ST-',
};

/** The statement documents of a ledger, one per ok statement, in ledger order. */
export function documentsOf(customers: RawTable, entries: RawTable, overrides: Partial<ComputeOptions> = {}): StatementDocument[] {
  const result = computeFixture(customers, entries, fixtureOptions(AS_OF, overrides));
  if (result.statements.some((s) => s.status !== 'ok')) throw new Error(`fixture: blocked statements ${JSON.stringify(result.issues)}`);
  return result.statements.map((s) => statementDocument(result, s));
}

export function goldenDocument(customerId: 'C001' | 'C002', overrides: Partial<ComputeOptions> = {}): StatementDocument {
  const doc = documentsOf(CUSTOMERS, ENTRIES, overrides).find((d) => d.customer.id === customerId);
  if (doc === undefined) throw new Error(`fixture: no statement for ${customerId}`);
  return doc;
}

/** A long ledger: one customer, `n` lines (invoices, partial and unapplied payments, credit notes). */
export function longDocument(n: number, overrides: Partial<ComputeOptions> = {}): StatementDocument {
  const rows: string[] = ['customer_id|type|document_no|posting_date|due_date|amount|currency|applies_to|reference'];
  const start = parseIsoDay('2025-01-01') as number;
  for (let i = 0; i < n; i++) {
    const day = start + Math.floor((i * 600) / n);
    const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    const due = new Date((day + 30) * 86_400_000).toISOString().slice(0, 10);
    const no = String(i + 1).padStart(4, '0');
    if (i % 7 === 3) rows.push(`L1|payment|PAY-${no}|${iso}||-${(i * 37) % 900 + 100}.25|EUR||RCPT-${no}`);
    else if (i % 11 === 5) rows.push(`L1|credit_note|CN-${no}|${iso}||-${(i * 13) % 200 + 10}.50|EUR||RMA-${no}`);
    else rows.push(`L1|invoice|INV-${no}|${iso}|${due}|${(i * 7919) % 5000 + 1000}.${String(i % 100).padStart(2, '0')}|EUR||PO-${no}`);
  }
  const customers = table('customers', 'customer_id|name|language|currency|address1|city\nL1|Longlist Industries plc|en|EUR|5 Long Lane|Leeds');
  const entries = table('entries', rows.join('\n'));
  const doc = documentsOf(customers, entries, { asOf: parseIsoDay('2026-10-31') as number, ...overrides })[0];
  if (doc === undefined) throw new Error('fixture: no long statement');
  return doc;
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'stmt-pdf-'));
}

export function writePdf(dir: string, name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** `pdftotext -layout` of the whole file or of one page. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** pdftotext keeps U+202F and U+00A0; tests compare with plain spaces too. */
export const plainSpaces = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');
