/**
 * npm run validate: checks the built add-in (dist/addin) offline. manifest.xml against the published
 * XSDs where they are on this machine, then the checks no XSD makes (scripts/addin/manifestChecks.ts).
 * The source manifest.xml must be the built one with its origin moved, so a stale build fails too.
 * Exit code 1 on any problem.  Usage: node dist/scripts/validateAddin.js [addinDir]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseManifest } from './addin/manifestXml';
import { structuralChecks, type AddinFiles, type Check } from './addin/manifestChecks';
import { findSchemaDir, schemaDirCandidates, validateAgainstXsd } from './addin/manifestXsd';

/** The project's root (where manifest.xml is), from the source or from dist/. */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'manifest.xml')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No manifest.xml above ${from}`);
  }
}

const root = projectRoot(__dirname);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own CommonJS helper
const { addinBaseUrl, manifestForBaseUrl } = require(path.join(root, 'webpack', 'manifestOrigin')) as {
  addinBaseUrl(value: string | undefined): string;
  manifestForBaseUrl(xml: string, baseUrl: string): string;
};

/** The files below a folder, never outside it. */
export function folderFiles(dir: string): AddinFiles {
  return {
    read(rel) {
      const file = path.resolve(dir, rel);
      if (!file.startsWith(path.resolve(dir) + path.sep)) return null;
      try {
        return fs.statSync(file).isFile() ? fs.readFileSync(file) : null;
      } catch {
        return null;
      }
    },
  };
}

export interface AddinReport {
  checks: Check[];
  xsd: { ran: boolean; note: string };
  ok: boolean;
}

/** Every check of the add-in built in addinDir for baseUrl. */
export async function validateAddin(addinDir: string, baseUrl: string, schemaDir: string | null, sourceManifest?: string): Promise<AddinReport> {
  const manifestFile = path.join(addinDir, 'manifest.xml');
  if (!fs.existsSync(manifestFile)) {
    return { checks: [{ name: 'built add-in present', problems: [`No ${manifestFile}: run npm run build:addin.`] }], xsd: { ran: false, note: '' }, ok: false };
  }
  const xml = fs.readFileSync(manifestFile, 'utf8');
  const checks: Check[] = [];
  if (sourceManifest !== undefined && manifestForBaseUrl(sourceManifest, baseUrl) !== xml) {
    checks.push({ name: 'built manifest matches manifest.xml', problems: ['dist/addin/manifest.xml is not manifest.xml with its origin moved: rebuild (npm run build:addin), with the same ADDIN_URL.'] });
  }
  const xsd = await validateAgainstXsd(xml, schemaDir);
  if (xsd.ran) checks.push({ name: 'manifest.xml against the published XSDs', problems: xsd.problems });
  const parsed = parseManifest(xml);
  if ('error' in parsed) checks.push({ name: 'manifest.xml is XML', problems: [parsed.error] });
  else checks.push(...structuralChecks(parsed.doc, baseUrl, folderFiles(addinDir)));
  return { checks, xsd, ok: checks.every((c) => c.problems.length === 0) };
}

async function main(): Promise<void> {
  const addinDir = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'addin'));
  const baseUrl = addinBaseUrl(process.env['ADDIN_URL']);
  const schemaDir = findSchemaDir(schemaDirCandidates(root));
  const source = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
  const report = await validateAddin(addinDir, baseUrl, schemaDir, source);
  console.log(`Add-in ${path.relative(process.cwd(), addinDir) || '.'} for ${baseUrl}`);
  if (!report.xsd.ran) console.log(`  – XSD: ${report.xsd.note}`);
  for (const c of report.checks) {
    const extra = c.name.includes('XSD') ? ` — ${report.xsd.note}` : '';
    console.log(`  ${c.problems.length === 0 ? '✓' : '✗'} ${c.name}${extra}`);
    for (const p of c.problems) console.log(`      ${p}`);
  }
  if (!report.ok) {
    console.error('The add-in is not valid.');
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
