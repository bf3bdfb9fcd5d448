/**
 * What a `run` wrote in its --out folder, listed in `.statements-run.json`, so the next run into the
 * same folder removes exactly those files first: statements of two runs (another date, a customer
 * since left out) never mix, and a file the run did not write is never touched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const MANIFEST = '.statements-run.json';

/** Removes the files the previous run listed (only regular files inside `out`), then its list. */
export function removePreviousRun(out: string): void {
  const file = path.join(out, MANIFEST);
  if (!fs.existsSync(file)) return;
  let listed: unknown;
  try {
    listed = (JSON.parse(fs.readFileSync(file, 'utf8')) as { files?: unknown }).files;
  } catch {
    listed = undefined; // an unreadable list removes nothing
  }
  const base = path.resolve(out);
  for (const rel of Array.isArray(listed) ? listed : []) {
    if (typeof rel !== 'string') continue;
    const full = path.resolve(base, rel);
    const inside = path.relative(base, full);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) continue; // a list cannot reach outside --out
    try {
      if (fs.lstatSync(full).isFile()) fs.rmSync(full);
    } catch {
      // already gone
    }
  }
  fs.rmSync(file, { force: true });
}

/** Lists the files this run wrote (absolute or relative to `out`). */
export function recordRun(out: string, files: readonly string[]): void {
  const base = path.resolve(out);
  fs.writeFileSync(path.join(out, MANIFEST), `${JSON.stringify({ files: files.map((f) => path.relative(base, path.resolve(f))) }, null, 1)}\n`);
}
