// The production build's auth.html (the Office dialog's sign-in page where NAA is not supported) in
// Chromium: office.js answered by a stub that records messageParent, every other outside request
// refused and recorded. Opened as the pane opens it, the page hands msal-browser the pane's request
// and goes to Microsoft's authorize endpoint with that client id, those scopes, PKCE, and itself as
// redirect URI; opened without its parameters, it tells the pane so. Nothing reaches Microsoft.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureAddinBuilt } from '../helpers/addinBuild';
import { CHROMIUM, CHROMIUM_FLAGS, OFFICE_JS_URL, serveFolder } from '../helpers/addinPage';

const OFFICE_STUB = `window.__messages = [];
window.Office = { onReady: function (cb) { return Promise.resolve().then(function () { var info = { host: null, platform: null }; if (cb) cb(info); return info; }); },
  context: { ui: { messageParent: function (m) { window.__messages.push(m); } } } };`;

async function openAuthPage(query: string): Promise<{ outside: string[]; messages: string[] }> {
  const dir = ensureAddinBuilt();
  expect(fs.existsSync(path.join(dir, 'auth.html'))).toBe(true);
  const server = await serveFolder(dir);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-auth-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  const outside: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS_URL) return route.fulfill({ body: OFFICE_STUB, contentType: 'application/javascript' });
      if (url.startsWith(`${server.origin}/`)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(`${server.origin}/auth.html${query}`, { waitUntil: 'load' }).catch(() => undefined);
    // Either a message to the pane or a navigation to the sign-in page: wait for one.
    for (let i = 0; i < 100 && outside.length === 0; i++) {
      const messages = await page.evaluate(() => (globalThis as unknown as { __messages?: string[] }).__messages ?? []).catch(() => []);
      if (messages.length > 0) return { outside, messages };
      await new Promise((r) => setTimeout(r, 100));
    }
    return { outside, messages: [] };
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

describe('auth.html in the add-in build', () => {
  it("goes to Microsoft's authorize endpoint with the pane's client id and scopes, PKCE, and itself as redirect URI", async () => {
    const scopes = 'https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/Files.ReadWrite';
    const q = `?clientId=11111111-2222-3333-4444-555555555555&authority=${encodeURIComponent('https://login.microsoftonline.com/common')}&scopes=${encodeURIComponent(scopes)}`;
    const { outside, messages } = await openAuthPage(q);
    expect(messages).toEqual([]);
    const authorize = outside.map((u) => new URL(u)).find((u) => u.pathname === '/common/oauth2/v2.0/authorize');
    expect(authorize).toBeDefined();
    const p = authorize!.searchParams;
    expect(authorize!.origin).toBe('https://login.microsoftonline.com');
    expect(p.get('client_id')).toBe('11111111-2222-3333-4444-555555555555');
    expect(p.get('scope')?.split(' ')).toEqual(expect.arrayContaining(scopes.split(' ')));
    expect(p.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth\.html$/);
    expect(p.get('response_type')).toBe('code');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('opened without its parameters: tells the pane, and goes nowhere', async () => {
    const { outside, messages } = await openAuthPage('');
    expect(outside).toEqual([]);
    expect(messages.map((m) => JSON.parse(m))).toEqual([{ type: 'error', code: 'bad_request', message: 'the sign-in page was opened without its parameters' }]);
  });
});
