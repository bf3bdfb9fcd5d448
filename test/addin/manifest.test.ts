// npm run validate's checks: the built add-in passes them all, and each check catches its fault.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureAddinBuilt, ROOT } from '../helpers/addinBuild';
import { parseManifest } from '../../scripts/addin/manifestXml';
import { structuralChecks, type AddinFiles } from '../../scripts/addin/manifestChecks';
import { correctSchema, findSchemaDir, schemaDirCandidates, validateAgainstXsd, withoutNewerElements } from '../../scripts/addin/manifestXsd';
import { pngSize } from '../../scripts/addin/png';
import { folderFiles, validateAddin } from '../../scripts/validateAddin';

const BASE = 'https://localhost:3000';
const addinDir = ensureAddinBuilt();
const built = fs.readFileSync(path.join(addinDir, 'manifest.xml'), 'utf8');
const schemaDir = findSchemaDir(schemaDirCandidates(ROOT));

/** The built add-in's files, some replaced. */
function filesWith(overrides: Record<string, string | Uint8Array | null> = {}): AddinFiles {
  const real = folderFiles(addinDir);
  return {
    read: (rel) => {
      if (!(rel in overrides)) return real.read(rel);
      const v = overrides[rel];
      return typeof v === 'string' ? new TextEncoder().encode(v) : (v ?? null);
    },
  };
}

/** The problems of each failing check for a manifest text. */
function failures(xml: string, files: AddinFiles = filesWith()): Record<string, string[]> {
  const parsed = parseManifest(xml);
  if ('error' in parsed) throw new Error(parsed.error);
  return Object.fromEntries(structuralChecks(parsed.doc, BASE, files).filter((c) => c.problems.length > 0).map((c) => [c.name, c.problems]));
}

function edit(from: string, to: string): string {
  expect(built).toContain(from);
  return built.replace(from, to);
}

describe('the built add-in', () => {
  it('passes every check (the XSDs too where they are on this machine)', async () => {
    const report = await validateAddin(addinDir, BASE, schemaDir, fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
    expect(report.checks.filter((c) => c.problems.length > 0)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.length).toBeGreaterThanOrEqual(8);
  });

  it('fails when the build is stale (manifest.xml changed since)', async () => {
    const report = await validateAddin(addinDir, BASE, null, `${fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')}\n<!-- edited -->`);
    expect(report.ok).toBe(false);
  });
});

describe('each structural check catches its fault', () => {
  it.each([
    ['an undefined resid', edit('<Label resid="OpenPane.Label"/>', '<Label resid="OpenPane.Nope"/>'), /every resid/, /"OpenPane.Nope", which no resource defines/],
    ['a resid of the wrong kind', edit('<Label resid="Group.Label"/>', '<Label resid="OpenPane.Tooltip"/>'), /every resid/, /a resource of LongStrings, where ShortStrings is expected/],
    ['an http URL', built.replace(`${BASE}/assets/icon-32.png"/>\n  <HighRes`, 'http://localhost:3000/assets/icon-32.png"/>\n  <HighRes'), /every URL/, /is not https/],
    ['a second origin', edit(`"${BASE}/functions.json"`, '"https://cdn.example.com/functions.json"'), /every URL/, /not under https:\/\/localhost:3000\//],
    ['a missing file', edit(`"${BASE}/functions.js"`, `"${BASE}/functionz.js"`), /every URL/, /names functionz\.js, which the add-in does not have/],
    ['an icon of the wrong size', edit(`id="Icon.16" DefaultValue="${BASE}/assets/icon-16.png"`, `id="Icon.16" DefaultValue="${BASE}/assets/icon-32.png"`), /icons/, /is 32×32, not 16×16/],
    ['another namespace', edit('DefaultValue="STMT"/>', 'DefaultValue="STMTDEV"/>'), /namespace STMT/, /"STMTDEV", not "STMT"/],
    ['a short-lived runtime', edit('lifetime="long"', 'lifetime="short"'), /shared runtime/, /not lifetime="long"/],
    ['no SharedRuntime requirement', edit('<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="ExcelApi" MinVersion="1.1"/>'), /requirement sets/, /does not require SharedRuntime 1\.1/],
    ['an unknown requirement set', edit('<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="SharedRuntime" MinVersion="1.1"/><Set Name="ExcelAPI" MinVersion="1.4"/>'), /requirement sets/, /"ExcelAPI" is not one Office defines/],
    ['a label without French', edit('<bt:Override Locale="fr-FR" Value="Relevés"/>', ''), /fr-FR overrides/, /"Group.Label" has no fr-FR override/],
  ])('%s', (_what, xml, check, problem) => {
    const failed = failures(xml);
    const names = Object.keys(failed);
    expect(names.some((n) => check.test(n))).toBe(true);
    expect(Object.values(failed).flat().some((p) => problem.test(p))).toBe(true);
  });

  it('a function of functions.json that the bundle never associates, and one it associates unlisted', () => {
    const metadata = JSON.parse(new TextDecoder().decode(folderFiles(addinDir).read('functions.json') ?? new Uint8Array())) as { functions: { id: string }[] };
    const [first] = metadata.functions;
    const script = new TextDecoder().decode(folderFiles(addinDir).read('functions.js') ?? new Uint8Array());
    expect(script).toContain(`CustomFunctions.associate("${first?.id}"`);
    const renamed = script.replaceAll(`CustomFunctions.associate("${first?.id}"`, 'CustomFunctions.associate("STRAY"');
    const problems = Object.values(failures(built, filesWith({ 'functions.js': renamed }))).flat();
    expect(problems).toContain(`${first?.id} is in functions.json but functions.js never calls CustomFunctions.associate("${first?.id}", …).`);
    expect(problems).toContain('functions.js associates "STRAY", which functions.json does not declare.');
  });

  it('functions.json without allowErrorForDataTypeAny while a parameter is of type any', () => {
    const json = JSON.parse(new TextDecoder().decode(folderFiles(addinDir).read('functions.json') ?? new Uint8Array())) as Record<string, unknown>;
    delete json['allowErrorForDataTypeAny'];
    const problems = Object.values(failures(built, filesWith({ 'functions.json': JSON.stringify(json) }))).flat();
    expect(problems.some((p) => /allowErrorForDataTypeAny is not true/.test(p))).toBe(true);
  });

  it('reads a PNG header, and refuses what is not one', () => {
    expect(pngSize(folderFiles(addinDir).read('assets/icon-80.png') ?? new Uint8Array())).toEqual({ width: 80, height: 80 });
    expect(pngSize(new TextEncoder().encode('GIF89a not a png at all'))).toBeNull();
  });
});

describe('the XSD step', () => {
  it('undoes the published copies\' slips and keeps line numbers when it sets Runtimes aside', () => {
    expect(correctSchema('xmlns:xs="https://www.w3.org/2001/XMLSchema" value="(\\.[0-9]{1,5}){0,3}?"')).toBe('xmlns:xs="http://www.w3.org/2001/XMLSchema" value="(\\.[0-9]{1,5}){0,3}"');
    const stripped = withoutNewerElements(built);
    expect(stripped).not.toMatch(/<Runtimes>/);
    expect(stripped.split('\n').length).toBe(built.split('\n').length);
    expect(stripped.split('\n').findIndex((l) => l.includes('<AllFormFactors>'))).toBe(built.split('\n').findIndex((l) => l.includes('<AllFormFactors>')));
  });

  it('says it did not run when the XSDs are absent', async () => {
    const r = await validateAgainstXsd(built, null);
    expect(r.ran).toBe(false);
    expect(r.note).toMatch(/not run/);
  });

  const withXsd = schemaDir ? it : it.skip;
  withXsd('accepts the manifest and rejects one out of the schema\'s order (the published XSDs are on this machine)', async () => {
    expect(await validateAgainstXsd(built, schemaDir)).toMatchObject({ ran: true, problems: [] });
    const permissions = '  <Permissions>ReadWriteDocument</Permissions>\n';
    const misordered = built.replace(permissions, '').replace('  <DefaultSettings>', `${permissions}  <DefaultSettings>`);
    const bad = await validateAgainstXsd(misordered, schemaDir);
    expect(bad.problems.join('\n')).toMatch(/Permissions': This element is not expected/);
    const unknown = await validateAgainstXsd(built.replace('<FunctionFile', '<FunctionFiles'), schemaDir);
    expect(unknown.problems.join('\n')).toMatch(/FunctionFiles': This element is not expected/);
  });
});
