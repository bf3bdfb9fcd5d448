// The e2e office.js stub (test/fakes/excel/browserStub.ts: Office and Excel over the in-memory Excel)
// bundled for the browser with the add-in's own webpack rules, into dist/e2e/office-excel-stub.js.
import * as fs from 'node:fs';
import * as path from 'node:path';
import webpack from 'webpack';
import { ROOT } from './addinBuild';

export const PANE_STUB = path.join(ROOT, 'dist', 'e2e', 'office-excel-stub.js');

/** Builds the stub once per test run (it is small: the fake and a few core helpers). */
export async function ensurePaneStubBuilt(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
  const { createConfig } = require(path.join(ROOT, 'webpack.config.js')) as { createConfig: (o: object) => webpack.Configuration };
  const config = createConfig({ mode: 'production', addin: false, outDir: path.dirname(PANE_STUB), entry: { 'office-excel-stub': path.join(ROOT, 'test/fakes/excel/browserStub.ts') } });
  await new Promise<void>((resolve, reject) => {
    webpack({ ...config, devtool: false }, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
  if (!fs.existsSync(PANE_STUB)) throw new Error(`${PANE_STUB} was not built`);
  return PANE_STUB;
}
