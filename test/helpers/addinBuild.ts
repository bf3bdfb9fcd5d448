// The production add-in for tests: dist/addin as `npm run build:addin` leaves it (npm test builds it
// first), built here with the same webpack configuration when it is absent.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The project's root (where manifest.xml is), whether this runs from test/ under jest or from dist/ (the bench). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'manifest.xml')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No manifest.xml above ${from}`);
  }
}

export const ROOT = projectRoot(__dirname);
export const ADDIN_DIR = path.join(ROOT, 'dist', 'addin');

/** dist/addin, built once if it has no functions.json. */
export function ensureAddinBuilt(): string {
  if (!fs.existsSync(path.join(ADDIN_DIR, 'functions.json'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production'], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, ADDIN_URL: '' },
    });
  }
  return ADDIN_DIR;
}
