// Builds test/browser/driveEntry.ts with the add-in's webpack rules (NodeModuleGuard included: no
// Node module may reach the page) into a folder with an index.html that loads it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import webpack from 'webpack';
import { ROOT } from '../helpers/addinBuild';
import { tempDir } from '../helpers/workbook';

/* eslint-disable @typescript-eslint/no-require-imports -- the build's own CommonJS module */
const { createConfig } = require(path.join(ROOT, 'webpack.config.js')) as {
  createConfig(o: { mode?: string; outDir?: string; entry?: Record<string, string>; addin?: boolean }): webpack.Configuration;
};
/* eslint-enable @typescript-eslint/no-require-imports */

export async function buildDrivePage(): Promise<{ dir: string; errors: string[] }> {
  const dir = path.join(tempDir('stmt-drive-page-'), 'out');
  const config = createConfig({ addin: false, mode: 'development', entry: { drive: path.join(ROOT, 'test', 'browser', 'driveEntry.ts') }, outDir: dir });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack({ ...config, devtool: false }, (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s))));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>drive</title><script src="drive.js"></script></head><body></body></html>');
  return { dir, errors: stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message) ?? [] };
}
