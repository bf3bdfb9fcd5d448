// Runs the production add-in (dist/addin) in Debian's Chromium, as Excel's webview would, without
// Excel: a static server on 127.0.0.1 serves the build, office.js's CDN URL is answered by
// test/fakes/office-stub.js (which captures CustomFunctions.associate into window.__stmt), every
// other outside request is refused, and SharedArrayBuffer and Atomics are deleted before any script
// runs (Office webviews are not cross-origin isolated).
//
//   await withAddinPage(async (page, addin) => {
//     const r = await callFunction(page, 'BALANCE', [rows, 'C001', 46022, null, null]);
//     expect(addin.errors).toEqual([]);
//   });
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { ensureAddinBuilt, ROOT } from './addinBuild';

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const OFFICE_STUB = path.join(ROOT, 'test', 'fakes', 'office-stub.js');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export interface AddinPageOptions {
  /** The built add-in (default: dist/addin, built first if absent). */
  addinDir?: string;
  /** Office's display language as the stub reports it (default en-US). */
  displayLanguage?: string;
  /** What the stub's Excel.run answers for the workbook's date system (default false). */
  date1904?: boolean;
  /** The culture's short date pattern the stub answers (default M/d/yyyy for en-US, else dd/MM/yyyy). */
  shortDatePattern?: string;
  /** Delete SharedArrayBuffer and Atomics before any script (default true). */
  deleteSharedMemory?: boolean;
  /** What answers office.js's URL (default test/fakes/office-stub.js; the pane's tests: the in-memory Excel stub). */
  officeStub?: string;
  /** More settings for the stub, merged into window.__stmtSettings (the pane's stub: workbook, syncDelayMs). */
  stubSettings?: Record<string, unknown>;
  /** The window's size (default Chromium's 1280×720); a task pane is ~350 px wide. */
  viewport?: { width: number; height: number };
  /**
   * Origins the page reaches over the network as it is, not intercepted (the local fake Graph
   * server): Playwright answers an intercepted CORS preflight itself, which would hide a CORS fault.
   */
  passThrough?: readonly string[];
}

export interface AddinPage {
  /** Page errors and console errors, in order. */
  errors: string[];
  /** The page's origin (http://127.0.0.1:port). */
  origin: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8', '.png': 'image/png', '.map': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8',
};

/** Serves a folder on 127.0.0.1 (an ephemeral port), never a file outside it. */
export async function serveFolder(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const rootDir = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'taskpane.html';
    const file = path.resolve(rootDir, rel);
    if (!file.startsWith(rootDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Opens taskpane.html of the built add-in in a fresh headless Chromium (fresh profile) and runs
 * `use` with the page once the bundle has loaded and Office.onReady has resolved; closes all after.
 */
export async function withAddinPage<T>(use: (page: Page, addin: AddinPage) => Promise<T>, options: AddinPageOptions = {}): Promise<T> {
  const addinDir = options.addinDir ?? ensureAddinBuilt();
  const server = await serveFolder(addinDir);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    offline: false,
    ...(options.viewport === undefined ? {} : { viewport: options.viewport }),
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const addin: AddinPage = { errors: [], origin: server.origin };
    page.on('pageerror', (e) => addin.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') addin.errors.push(`console: ${m.text()}`);
    });
    const passThrough = options.passThrough ?? [];
    await page.route((url) => !passThrough.some((o) => url.href.startsWith(`${o}/`)), (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS_URL) return route.fulfill({ path: options.officeStub ?? OFFICE_STUB, contentType: 'application/javascript' });
      if (url.startsWith(`${server.origin}/`)) return route.continue();
      addin.errors.push(`blocked request: ${url}`);
      return route.abort();
    });
    const settings = {
      displayLanguage: options.displayLanguage ?? 'en-US',
      date1904: options.date1904 ?? false,
      ...(options.shortDatePattern !== undefined ? { shortDatePattern: options.shortDatePattern } : {}),
      ...options.stubSettings,
    };
    await page.addInitScript(
      ({ settings: s, deleteSharedMemory }) => {
        const g = globalThis as Record<string, unknown>;
        g['__stmtSettings'] = s;
        if (deleteSharedMemory) {
          delete g['SharedArrayBuffer'];
          delete g['Atomics'];
        }
      },
      { settings, deleteSharedMemory: options.deleteSharedMemory ?? true },
    );
    await page.goto(`${server.origin}/taskpane.html`, { waitUntil: 'load' });
    // Office.onReady callbacks run in a microtask after load: let them.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    return await use(page, addin);
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** A value the page already holds in a global (set with setPageGlobal), to pass without copying it again. */
export interface PageGlobal {
  $global: string;
}
export const pageGlobal = (name: string): PageGlobal => ({ $global: name });

/** Puts a value (a big ledger range, say) into the page once, as globalThis[name]. */
export async function setPageGlobal(page: Page, name: string, value: unknown): Promise<void> {
  await page.evaluate(([n, v]) => {
    (globalThis as Record<string, unknown>)[n as string] = v;
  }, [name, value] as const);
}

/** A function's answer as Excel would show it: a value, or an error code with its message. */
export type CallResult =
  | { value: unknown }
  | { error: { code: string; message: string }; thrown: boolean };

/**
 * Calls the function associated as `id` with `args`, as Excel would: omitted optional arguments are
 * null; a PageGlobal argument is read from the page; `invocation` (what Excel passes last to a
 * function marked @requiresAddress or @requiresParameterAddresses: { address, parameterAddresses })
 * is appended when given. A CustomFunctions.Error returned or thrown comes
 * back as { error }, any other exception as #VALUE! (what Excel shows) with thrown: true; errors
 * inside a returned matrix come back as { code, message } cells.
 */
export async function callFunction(page: Page, id: string, args: unknown[], invocation?: Record<string, unknown>): Promise<CallResult> {
  return page.evaluate(
    async ({ id: fnId, args: fnArgs, invocation: inv }) => {
      const g = globalThis as unknown as {
        __stmt: { functions: Record<string, (...a: unknown[]) => unknown> };
        CustomFunctions: { Error: new (...a: unknown[]) => Error & { code: string } };
      };
      const fn = g.__stmt.functions[fnId];
      if (!fn) throw new Error(`No function associated as ${fnId} (associated: ${Object.keys(g.__stmt.functions).join(', ')})`);
      const CfError = g.CustomFunctions.Error;
      const cell = (v: unknown): unknown => (v instanceof CfError ? { code: v.code, message: v.message } : v);
      const resolved = fnArgs.map((a) =>
        a !== null && typeof a === 'object' && '$global' in (a as object) ? (globalThis as Record<string, unknown>)[(a as { $global: string }).$global] : a,
      );
      if (inv) resolved.push(inv);
      try {
        const v = await fn(...resolved);
        if (v instanceof CfError) return { error: { code: v.code, message: v.message }, thrown: false };
        return { value: Array.isArray(v) ? v.map((row: unknown) => (Array.isArray(row) ? row.map(cell) : cell(row))) : v };
      } catch (e) {
        if (e instanceof CfError) return { error: { code: e.code, message: e.message }, thrown: true };
        return { error: { code: '#VALUE!', message: String(e) }, thrown: true };
      }
    },
    { id, args, invocation: invocation ?? null },
  );
}

/** The ids the bundle associated, sorted. */
export async function associatedFunctions(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys((globalThis as unknown as { __stmt: { functions: object } }).__stmt.functions).sort());
}
