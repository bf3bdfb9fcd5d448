// The add-in's webpack build: it refuses Node modules, adds allowErrorForDataTypeAny to functions.json,
// and moves the manifest to ADDIN_URL.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import { ROOT } from '../helpers/addinBuild';
import { tempDir } from '../helpers/workbook';
import { validateAddin } from '../../scripts/validateAddin';
import { findSchemaDir, schemaDirCandidates } from '../../scripts/addin/manifestXsd';

/* eslint-disable @typescript-eslint/no-require-imports -- the build's own CommonJS modules */
const { createConfig } = require(path.join(ROOT, 'webpack.config.js')) as {
  createConfig(o: { mode?: string; outDir?: string; addinUrl?: string; entry?: Record<string, string>; addin?: boolean }): webpack.Configuration;
};
const { patchFunctionsMetadata } = require(path.join(ROOT, 'webpack', 'functionsMetadataPatch.js')) as { patchFunctionsMetadata(json: string): string };
const { addinBaseUrl, manifestForBaseUrl } = require(path.join(ROOT, 'webpack', 'manifestOrigin.js')) as {
  addinBaseUrl(v: string | undefined): string;
  manifestForBaseUrl(xml: string, base: string): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

function build(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => (err || !stats ? reject(err ?? new Error('no stats')) : resolve(stats)));
  });
}

/** Builds one entry file with the add-in's bundling rules; the build's error messages. */
async function bundleErrors(source: string): Promise<string[]> {
  const dir = tempDir('stmt-guard-');
  const entry = path.join(dir, 'entry.js');
  fs.writeFileSync(entry, source);
  const stats = await build(createConfig({ addin: false, entry: { entry }, outDir: path.join(dir, 'out') }));
  return stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message) ?? [];
}

describe('the add-in bundle refuses Node modules', () => {
  it.each([
    ["import * as fs from 'node:fs'; console.log(fs);", 'node:fs'],
    ["import { readFileSync } from 'fs'; console.log(readFileSync);", '"fs"'],
    ["import { Worker } from 'worker_threads'; console.log(Worker);", 'worker_threads'],
    ["import * as path from 'path'; console.log(path.join('a', 'b'));", '"path"'],
    ["import ExcelJS from 'exceljs'; console.log(ExcelJS);", 'exceljs'],
  ])('%s fails the build naming %s', async (source, named) => {
    const errors = await bundleErrors(source);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/NodeModuleGuard: the add-in bundle must not pull/);
    expect(errors.join('\n')).toContain(named);
  });

  it('while the whole engine (src/core) bundles with no error', async () => {
    const core = path.join(ROOT, 'src', 'core', 'index.ts').replaceAll('\\', '/');
    expect(await bundleErrors(`import * as core from '${core}'; console.log(Object.keys(core).length);`)).toEqual([]);
  });
});

describe('functions.json gets allowErrorForDataTypeAny', () => {
  const fn = (type?: string) => ({ id: 'X', name: 'X', parameters: [{ name: 'a', ...(type ? { type } : {}) }], result: {} });

  it('top-level (where Microsoft documents it) when a parameter is of type any or has no type', () => {
    for (const type of ['any', undefined]) {
      const patched = JSON.parse(patchFunctionsMetadata(JSON.stringify({ allowCustomDataForDataTypeAny: true, functions: [fn('number'), fn(type)] })));
      expect(patched.allowErrorForDataTypeAny).toBe(true);
      expect(patched.functions).toHaveLength(2);
      expect(patched.functions.every((f: object) => !('allowErrorForDataTypeAny' in f))).toBe(true);
    }
  });

  it('not when every parameter is typed', () => {
    const json = JSON.stringify({ functions: [fn('number'), fn('string')] });
    expect(patchFunctionsMetadata(json)).toBe(json);
  });

  it('in the production functions.json, whose functions take ranges as any', () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'addin', 'functions.json'), 'utf8')) as {
      allowErrorForDataTypeAny?: boolean;
      functions: { parameters: { type?: string }[] }[];
    };
    expect(metadata.functions.some((f) => f.parameters.some((p) => p.type === 'any'))).toBe(true);
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });
});

describe('ADDIN_URL', () => {
  it('must be a plain https URL; its trailing slash is dropped', () => {
    expect(addinBaseUrl(undefined)).toBe('https://localhost:3000');
    expect(addinBaseUrl('https://addin.example.com/statements/')).toBe('https://addin.example.com/statements');
    expect(() => addinBaseUrl('http://addin.example.com')).toThrow(/must be https/);
    expect(() => addinBaseUrl('https://addin.example.com/?v=1')).toThrow(/plain https base URL/);
    expect(() => addinBaseUrl('addin.example.com')).toThrow(/not a URL/);
  });

  it('moves every URL of the built manifest, which then passes validation for that origin', async () => {
    const base = 'https://addin.example.com/statements';
    const out = tempDir('stmt-addin-');
    const stats = await build(createConfig({ addinUrl: base, outDir: out }));
    expect(stats.hasErrors()).toBe(false);
    const xml = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    expect(xml).toContain(`${base}/taskpane.html`);
    const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    expect(manifestForBaseUrl(source, base)).toBe(xml);
    const report = await validateAddin(out, base, findSchemaDir(schemaDirCandidates(ROOT)), source);
    expect(report.checks.filter((c) => c.problems.length > 0)).toEqual([]);
  });
});

/** A port free on 127.0.0.1 now ('auto' would need an ES module import, which jest refuses here). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('npm run dev-server', () => {
  it('serves the add-in with its hot-reload client and no guard error (over http here: the certificates are a workstation matter)', async () => {
    const config = createConfig({ mode: 'development' });
    const compiler = webpack(config);
    const errors: string[] = [];
    compiler.hooks.done.tap('test', (stats) => errors.push(...(stats.toJson({ all: false, errors: true }).errors ?? []).map((e) => e.message)));
    const port = await freePort();
    const server = new WebpackDevServer({ ...config.devServer, port, server: 'http', host: '127.0.0.1' }, compiler);
    await server.start();
    try {
      const metadata = (await (await fetch(`http://127.0.0.1:${port}/functions.json`)).json()) as { allowErrorForDataTypeAny?: boolean; functions: unknown[] };
      expect(metadata.functions.length).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${port}/taskpane.html`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/manifest.xml`)).status).toBe(200);
      expect(errors).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
