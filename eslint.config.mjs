// The import rule of DESIGN.md §1: core imports nothing outside core; adapters import core only;
// front doors import core and adapters but never each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const doors = ['cli', 'taskpane', 'functions', 'commands'];
const outside = (name) => [`**/${name}/**`, `**/${name}`];
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'worker_threads', 'stream', 'crypto', 'url', 'util', 'zlib'];
// Core runs where an Office webview runs it: no shared memory nor Atomics (not there), no timers (the
// engine computes, it does not schedule). The two-thread CSV path lives in src/adapters/csv.
const notInCore = ['SharedArrayBuffer', 'Atomics', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask', 'requestAnimationFrame', 'requestIdleCallback'];
const notInCoreMessage = 'core is pure: no shared memory, Atomics or timers (an Office webview has no SharedArrayBuffer; the two-thread path is the CSV adapter\'s).';
const globalObjects = ['globalThis', 'global', 'self', 'window'];

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
      'no-restricted-globals': ['error',
        ...notInCore.map((name) => ({ name, message: notInCoreMessage })),
        // The global object itself: core needs nothing from it, and through it any of the above could be reached by a computed name.
        ...globalObjects.map((name) => ({ name, message: 'core uses no global object (globalThis, global, self, window).' })),
      ],
      'no-restricted-properties': ['error', ...globalObjects.flatMap((object) => notInCore.map((property) => ({ object, property, message: notInCoreMessage })))],
      '@typescript-eslint/no-restricted-types': ['error', { types: { SharedArrayBuffer: { message: notInCoreMessage } } }],
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
