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
  ] as const)('is the contract, a statement, a left-out customer or an issue per line (%s)', (_name, options, language) => {
    const r = sampleResult(options);
    expect(r.statements.length).toBeGreaterThan(30);
    expect(r.statements.some((s) => s.status === 'blocked')).toBe(true); // the sample's bad row: statements with issues are written too
    expect(r.excluded.length + r.issues.length).toBeGreaterThan(0);
    const { text } = written(r, language);
    expect(JSON.parse(text)).toEqual(computeResultAsJson(r, language));
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual(['{', `  "asOf": "2026-10-31",`, expect.stringMatching(/^ {2}"from": /), expect.stringMatching(/^ {2}"style": /), expect.stringMatching(/^ {2}"aging": \{"basis":/)]);
    const items = lines.filter((l) => l.startsWith('    {'));
    expect(items).toHaveLength(r.statements.length + r.excluded.length + r.issues.length);
    expect(JSON.parse(items[0]?.replace(/,$/, '') ?? '')).toEqual(computeResultAsJson(r, language).statements[0]);
    // Each statement's line is exactly JSON.stringify of its contract object (the summary's are written straight).
    const objects = computeResultAsJson(r, language).statements;
    expect(items.slice(0, objects.length).map((l) => l.trim().replace(/,$/, ''))).toEqual(objects.map((o) => JSON.stringify(o)));
    // Cut in small pieces, the text is the same.
    const small = written(r, language, 200);
    expect(small.text).toBe(text);
    expect(small.pieces).toBeGreaterThan(10);
  });

  it('writes an empty result with empty lists', () => {
    const r = { ...sampleResult({ customers: ['nobody'] }), statements: [], excluded: [], issues: [] };
    const { text } = written(r, 'en');
    expect(JSON.parse(text)).toEqual(computeResultAsJson(r, 'en'));
    expect(text).toContain('"statements": [],');
  });
});
