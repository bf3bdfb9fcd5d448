import type { StatementDocument } from '../../../core';
import { statementFileStem } from '../../files/safeFileName';

/** Each statement's file stem ("C001 Acme Ltd"), as the CLI names the same customer's files. */
export function statementFileStems(docs: readonly StatementDocument[]): string[] {
  const taken = new Set<string>();
  return docs.map((doc) => statementFileStem(doc.customer.id, doc.customer.name, taken));
}
