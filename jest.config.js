/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 120000,
  // exceljs's streaming XML reader, fixed for UTF-8 split across chunks (src/adapters/xlsx/exceljs.ts).
  moduleNameMapper: { '^\\.\\./\\.\\./utils/parse-sax$': '<rootDir>/src/adapters/xlsx/parseSaxUtf8.ts' },
};
