// The import rule of DESIGN.md §1: core imports nothing outside core; adapters import core only;
// front doors import core and adapters but never each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const doors = ['cli', 'taskpane', 'functions', 'commands'];
const outside = (name) => [`**/${name}/**`, `**/${name}`];
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'worker_threads', 'stream', 'crypto', 'url', 'util', 'zlib'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'core is pure: no Node APIs (DESIGN.md §1).' })),
        patterns: [{ group: ['../adapters/**', '../../adapters/**', ...doors.flatMap((d) => outside(d)), '**/adapters/**'], message: 'core imports nothing outside core (DESIGN.md §1).' }],
      }],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: doors.flatMap((d) => outside(d)), message: 'adapters import core only, never a front door (DESIGN.md §1).' }],
      }],
    },
  },
  {
    // The Office.js adapter and the in-memory Excel run in the browser: no Node API (the fake's .xlsx loader, *.node.ts, is Node's).
    files: ['src/adapters/excel/**/*.ts', 'test/fakes/excel/**/*.ts'],
    ignores: ['**/*.node.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'runs in the browser: no Node APIs.' })),
        patterns: [{ group: [...doors.flatMap((d) => outside(d)), '**/adapters/xlsx/**', 'exceljs'], message: 'the Office.js adapter imports core only (and the fake no exceljs: it is bundled for the browser).' }],
      }],
    },
  },
  ...doors.map((door) => ({
    files: [`src/${door}/**/*.ts`, `src/${door}/**/*.tsx`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: doors.filter((d) => d !== door).flatMap((d) => outside(d)), message: 'front doors never import each other (DESIGN.md §1).' }],
      }],
    },
  })),
);
