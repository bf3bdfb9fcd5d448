// Builds test/browser/documentsEntry.ts with the add-in's webpack rules (NodeModuleGuard included)
// into a folder with a taskpane.html that loads office.js (the stub, in the harness) and the bundle.
import * as fs from 'node:fs';
import * as path from 'node:path';
import webpack from 'webpack';
import type { Page } from 'playwright-core';
import type { StatementDocument } from '../../src/core';
import { ROOT } from '../helpers/addinBuild';
import { tempDir } from '../helpers/workbook';

/* eslint-disable @typescript-eslint/no-require-imports -- the build's own CommonJS module */
const { createConfig } = require(path.join(ROOT, 'webpack.config.js')) as {
  createConfig(o: { mode?: string; outDir?: string; entry?: Record<string, string>; addin?: boolean }): webpack.Configuration;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const VIEWER_DIR = path.join(ROOT, 'src', 'adapters', 'documents', 'browser', 'pdfViewer');
const VIEWER_ENTRY = path.join(VIEWER_DIR, 'pdfViewerPage.ts');

export interface BuiltPage {
  readonly dir: string;
  readonly errors: string[];
  readonly assets: string[];
}

export async function buildDocumentsPage(): Promise<BuiltPage> {
  const dir = path.join(tempDir('stmt-docs-page-'), 'out');
  const config = createConfig({ addin: false, mode: 'development', entry: { documents: path.join(ROOT, 'test', 'browser', 'documentsEntry.ts'), pdfviewer: VIEWER_ENTRY }, outDir: dir });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack({ ...config, devtool: false }, (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s))));
  const json = stats.toJson({ all: false, errors: true, assets: true });
  fs.writeFileSync(
    path.join(dir, 'taskpane.html'),
    '<!doctype html><html><head><meta charset="utf-8"><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script src="documents.js"></script></head><body></body></html>',
  );
  // The PDF viewer dialog's page, as HtmlWebpackPlugin makes it in the add-in build.
  const viewer = fs.readFileSync(path.join(VIEWER_DIR, 'pdfViewer.html'), 'utf8').replace('</head>', '<script defer src="pdfviewer.js"></script></head>');
  fs.writeFileSync(path.join(dir, 'pdfviewer.html'), viewer);
  return { dir, errors: json.errors?.map((e) => e.message) ?? [], assets: json.assets?.map((a) => a.name) ?? [] };
}

/** A statement document as it can cross to the page: its labels (functions inside) named by language. */
export const portable = (doc: StatementDocument): unknown => ({ ...doc, labels: { $labels: doc.language } });

/** Calls an export of the browser documents module in the page; Uint8Array results come back as Buffers. */
export async function callDocuments<T = Buffer>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  const result = await page.evaluate(
    ([n, a]) => (globalThis as unknown as { __documents: { call(n: string, a: unknown[]): Promise<unknown> } }).__documents.call(n as string, a as unknown[]),
    [name, args] as const,
  );
  if (result !== null && typeof result === 'object' && 'base64' in result) return Buffer.from((result as { base64: string }).base64, 'base64') as T;
  return result as T;
}
