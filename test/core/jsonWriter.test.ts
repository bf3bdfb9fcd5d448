import * as path from 'node:path';
import { buildLedger, computeResultAsJson, computeStatements, DEFAULT_AGING, DEFAULT_SELECTION, parseIsoDay, writeComputeResultJson, type ComputeOptions, type ComputeResult, type Day, type Ledger } from '../../src/core';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';

// The sample workbook: 38 customers, one blocked by a bad row on purpose.
const SAMPLE = path.join(__dirname, '../../examples/sample-ledger.xlsx');
let ledger: Ledger;
beforeAll(async () => {
  const wb = await readWorkbook(SAMPLE, {});
  if (!wb.ok) throw new Error(wb.error.en);
  ledger = buildLedger(wb.tables, {}, wb.issues);
});

function sampleResult(options: Partial<ComputeOptions>): ComputeResult {
  const base: ComputeOptions = { asOf: parseIsoDay('2026-10-31') as Day, style: 'open-item', aging: DEFAULT_AGING, agingBasis: 'due', allocate: 'none', selection: DEFAULT_SELECTION, summary: false };
  return computeStatements(ledger, { ...base, ...options });
}

function written(r: ComputeResult, language: 'en' | 'fr', chunk?: number): { text: string; pieces: number } {
  const pieces: string[] = [];
  writeComputeResultJson(r, language, (t) => pieces.push(t), chunk);
  return { text: pieces.join(''), pieces: pieces.length };
}

describe('the JSON written in pieces', () => {
  it.each([
    ['full statements, English', { summary: false }, 'en'],
    ['summary, French', { summary: true }, 'fr'],
    ['activity with FIFO', { style: 'activity', allocate: 'fifo' }, 'en'],
  ] as const)('is the document JSON.stringify prints (%s)', (_name, options, language) => {
    const r = sampleResult(options);
    expect(r.statements.length).toBeGreaterThan(30);
    expect(r.statements.some((s) => s.status === 'blocked')).toBe(true); // the sample's bad row: statements with issues are written too
    const whole = JSON.stringify(computeResultAsJson(r, language), null, 2);
    expect(written(r, language).text).toBe(whole);
    const small = written(r, language, 200);
    expect(small.text).toBe(whole);
    expect(small.pieces).toBeGreaterThan(10);
  });

  it('writes an empty result the same way', () => {
    const r = { ...sampleResult({ customers: ['nobody'] }), statements: [], excluded: [], issues: [] };
    expect(written(r, 'en').text).toBe(JSON.stringify(computeResultAsJson(r, 'en'), null, 2));
  });
});
