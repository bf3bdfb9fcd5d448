import { statementFileStem } from '../adapters/files/safeFileName';
import type { ComputeResult, CustomerStatement } from '../core';

/** An ok statement and the file stem every output of it shares (csv/, pdf/, docx/). */
export interface NamedStatement {
  readonly statement: CustomerStatement;
  readonly fileStem: string;
}

/** Names every ok statement once, safely ("C001 Acme Ltd"), so all its files line up across folders. */
export function nameStatements(result: ComputeResult): NamedStatement[] {
  const taken = new Set<string>();
  return result.statements
    .filter((s) => s.status === 'ok')
    .map((statement) => ({ statement, fileStem: statementFileStem(statement.customerId, statement.customer?.name ?? '', taken) }));
}
