// Two projects, one `jest` run (one summary line): the engine's tests run where an Office webview
// would run the engine, with no SharedArrayBuffer and no Atomics (issue 12: the two-thread CSV
// path is the Node adapter's); every other test runs in plain Node.
const ENGINE_TESTS = ['core', 'properties', 'golden'];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // exceljs's streaming reader with its XML reader and stream iterator replaced (src/adapters/xlsx/exceljs.ts).
  moduleNameMapper: {
    '^\\.\\./\\.\\./utils/parse-sax$': '<rootDir>/src/adapters/xlsx/parseSaxUtf8.ts',
    '^\\.\\./\\.\\./utils/iterate-stream$': '<rootDir>/src/adapters/xlsx/iterateStreamSafely.ts',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: 'engine, without shared memory',
      roots: ENGINE_TESTS.map((dir) => `<rootDir>/test/${dir}`),
      testMatch: ['**/*.test.ts'],
      setupFiles: ['<rootDir>/test/helpers/withoutSharedMemory.ts'],
    },
    {
      ...common,
      displayName: 'adapters and doors',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ENGINE_TESTS.map((dir) => `<rootDir>/test/${dir}/`),
    },
  ],
};
