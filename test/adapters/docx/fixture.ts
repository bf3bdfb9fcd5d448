import {
  DEFAULT_SETTINGS,
  parseIsoDay,
  type ComputeOptions,
  type RawTable,
  type StatementDocument,
  type StatementSettings,
} from '../../../src/core';
import { rawTable } from '../../helpers/rawTable';
import { fixtureDocuments, fixtureOptions } from '../../helpers/statements';

/** A small ledger through the real engine: an English and a French customer, two currencies, overdue items. */
const table = rawTable;

export const CUSTOMERS = table('customers', `
customer_id|name|email|language|currency|address1|postcode|city|contact|template
A|Alpha Ltd|ap@alpha.example;cfo@alpha.example|en|EUR|1 High Street|EC1A 1BB|London|Jane Smith|
F|Société Générale & Fils <Paris>|compta@sg.example|fr|EUR|29 boulevard Haussmann|75009|Paris||maison.docx
`);

export const ENTRIES = table('entries', `
customer_id|type|document_no|posting_date|due_date|amount|currency|applies_to|reference|description
A|invoice|A1|2026-06-15|2026-07-15|1234.56|EUR||PO-77|October services
A|invoice|A2|2026-09-10|2026-10-10|100.00|EUR|||
A|payment|AP1|2026-09-20||-34.56|EUR|A1||
A|invoice|A3|2026-10-20|2026-11-19|250.00|EUR|||
A|invoice|A4|2026-08-01|2026-08-31|50.00|USD|||
F|invoice|F1|2026-07-01|2026-07-31|1999.99|EUR||BC-12|Prestations juillet
F|credit_note|F2|2026-10-01||-99.99|EUR|||
F|invoice|F3|2026-10-05|2026-11-04|1000.00|EUR|||
`);

export const AS_OF_ISO = '2026-10-31';
export const AS_OF = parseIsoDay(AS_OF_ISO) as number;

export const SETTINGS: StatementSettings = {
  ...DEFAULT_SETTINGS,
  company: {
    name: 'Northwind Accounting SARL',
    addressLines: ['12 rue de la Paix', '75002 Paris'],
    registration: 'RCS Paris 123 456 789',
    vatNumber: 'FR12345678901',
    email: 'credit@northwind.example',
    phone: '+33 1 23 45 67 89',
    bank: { name: 'Banque Exemple', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'BNPAFRPPXXX' },
    logo: '',
  },
  message: { en: 'Thank you for your business.\nPlease pay overdue items now.', fr: 'Merci de votre confiance.\nMerci de régler les pièces échues.' },
  numberPrefix: 'ST-',
};

export function documents(overrides: Partial<ComputeOptions> = {}, entries: RawTable = ENTRIES): Map<string, StatementDocument> {
  return new Map(fixtureDocuments(CUSTOMERS, entries, fixtureOptions(AS_OF, overrides)).map((d) => [d.customer.id, d]));
}

export function doc(id: string, overrides: Partial<ComputeOptions> = {}): StatementDocument {
  const d = documents(overrides).get(id);
  if (d === undefined) throw new Error(`no statement for ${id}`);
  return d;
}
