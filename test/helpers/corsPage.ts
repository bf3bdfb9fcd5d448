// A page in Debian's Chromium on its own 127.0.0.1 origin, with NO request interception: Playwright
// answers intercepted CORS preflights itself (permissively), which would hide exactly the failures a
// CORS test is there to catch. Nothing leaves the machine: every host name but 127.0.0.1 resolves to
// nothing (--host-resolver-rules), so no route is needed to keep the page offline.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, serveFolder } from './addinPage';

export interface CorsPage {
  readonly origin: string;
  /** Page errors and console messages, in order (Chromium logs each CORS refusal). */
  readonly console: string[];
}

/** Serves `dir` (index.html first) on one origin and runs `use` with the loaded page. */
export async function withCorsPage<T>(dir: string, use: (page: Page, at: CorsPage) => Promise<T>): Promise<T> {
  const server = await serveFolder(dir);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-cors-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const at: CorsPage = { origin: server.origin, console: [] };
    page.on('pageerror', (e) => at.console.push(`pageerror: ${e.message}`));
    page.on('console', (m) => at.console.push(`${m.type()}: ${m.text()}`));
    await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' });
    return await use(page, at);
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
