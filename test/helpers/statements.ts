import { buildLedger, computeStatements, DEFAULT_AGING, DEFAULT_SELECTION, statementDocument, type ComputeOptions, type ComputeResult, type RawTable, type StatementDocument } from '../../src/core';

/** Open-item statements at `asOf` with the default aging and selection: what most fixtures start from. */
export function fixtureOptions(asOf: number, overrides: Partial<ComputeOptions> = {}): ComputeOptions {
  return { asOf, style: 'open-item', aging: DEFAULT_AGING, agingBasis: 'due', allocate: 'none', selection: DEFAULT_SELECTION, summary: false, ...overrides };
}

/** A ledger written inline, through the real engine. */
export function computeFixture(customers: RawTable, entries: RawTable, options: ComputeOptions): ComputeResult {
  return computeStatements(buildLedger({ customers, entries }), options);
}

/** The statement documents of the ok statements, in ledger order. */
export function fixtureDocuments(customers: RawTable, entries: RawTable, options: ComputeOptions): StatementDocument[] {
  const result = computeFixture(customers, entries, options);
  return result.statements.filter((s) => s.status === 'ok').map((s) => statementDocument(result, s));
}
