import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.join(__dirname, '..');
const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');

/** Lints code as if it lived at filePath, through the project's real ESLint config. */
function restrictedImports(filePath: string, code: string): number {
  const r = spawnSync('node', [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', filePath], { cwd: root, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null }[] }[];
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('the import rule of DESIGN.md §1', () => {
  it.each([
    ['src/core/x.ts', "import * as fs from 'node:fs';\nexport const a = fs;\n", 1],
    ['src/core/x.ts', "import * as fs from 'fs';\nexport const a = fs;\n", 1],
    ['src/core/x.ts', "import { parseCsv } from '../adapters/csv/parseCsv';\nexport const a = parseCsv;\n", 1],
    ['src/core/statements/x.ts', "import { main } from '../../cli/main';\nexport const a = main;\n", 1],
    ['src/core/x.ts', "import { parseIsoDay } from './calendar/day';\nexport const a = parseIsoDay;\n", 0],
    ['src/adapters/csv/x.ts', "import { main } from '../../cli/main';\nexport const a = main;\n", 1],
    ['src/adapters/csv/x.ts', "import { parseIsoDay } from '../../core';\nexport const a = parseIsoDay;\n", 0],
    ['src/taskpane/x.ts', "import { main } from '../cli/main';\nexport const a = main;\n", 1],
    ['src/cli/x.ts', "import { parseCsv } from '../adapters/csv/parseCsv';\nexport const a = parseCsv;\n", 0],
    ['src/adapters/excel/x.ts', "import * as fs from 'node:fs';\nexport const a = fs;\n", 1],
    ['src/adapters/excel/x.ts', "import ExcelJS from '../xlsx/exceljs';\nexport const a = ExcelJS;\n", 1],
    ['test/fakes/excel/x.ts', "import ExcelJS from 'exceljs';\nexport const a = ExcelJS;\n", 1],
    ['test/fakes/excel/x.node.ts', "import * as fs from 'node:fs';\nexport const a = fs;\n", 0],
  ])('%s: %j → %i violation(s)', (file, code, expected) => {
    expect(restrictedImports(file, code)).toBe(expected);
  });
});

/** Rule ids ESLint reports for code as if it lived at filePath. */
function ruleIds(filePath: string, code: string): string[] {
  const r = spawnSync('node', [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', filePath], { cwd: root, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null }[] }[];
  return (result?.messages ?? []).map((m) => m.ruleId ?? '').sort();
}

describe('no shared memory, Atomics or timers in core (issue 12)', () => {
  it.each([
    ['export const a = new SharedArrayBuffer(8);\n', ['no-restricted-globals']],
    ['export const a: SharedArrayBuffer | undefined = undefined;\n', ['@typescript-eslint/no-restricted-types']],
    ['export const a = Atomics.load(new Int32Array(2), 0);\n', ['no-restricted-globals']],
    ['export const a = globalThis.Atomics;\n', ['no-restricted-globals', 'no-restricted-properties']],
    ["const k = 'setTimeout';\nexport const a = (globalThis as unknown as Record<string, unknown>)[k];\n", ['no-restricted-globals']],
    ['export const a = (): unknown => setTimeout(() => undefined, 1);\n', ['no-restricted-globals']],
    ['export const a = (): void => clearTimeout(undefined);\n', ['no-restricted-globals']],
    ['export const a = (): unknown => setImmediate(() => undefined);\n', ['no-restricted-globals']],
    ['export const a = new Int32Array(new ArrayBuffer(8));\n', []],
  ])('src/core: %j → %j', (code, expected) => {
    expect(ruleIds('src/core/x.ts', code)).toEqual(expected);
  });

  it('leaves the CSV adapter its shared memory', () => {
    expect(ruleIds('src/adapters/csv/x.ts', 'export const a = Atomics.load(new Int32Array(new SharedArrayBuffer(8)), 0);\n')).toEqual([]);
  });
});
