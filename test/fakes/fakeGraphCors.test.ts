// The fake Graph answers a browser page on another origin as Graph does (preflight, echoed origin,
// exposed Location/Retry-After), and refuses it when CORS is off or a header is not allowed: real
// Chromium, no request interception (test/helpers/corsPage.ts says why).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withCorsPage } from '../helpers/corsPage';
import { tempDir } from '../helpers/workbook';
import { startFakeGraph, type FakeGraph } from './graph/fakeGraphServer';

let fake: FakeGraph;
let pageDir: string;
beforeAll(() => {
  pageDir = tempDir('stmt-cors-page-');
  fs.writeFileSync(path.join(pageDir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>cors</title></head><body></body></html>');
});
beforeEach(async () => {
  fake = await startFakeGraph();
});
afterEach(async () => {
  await fake.close();
});

type Outcome = { ok: true; status: number; retryAfter: string | null; body: string } | { ok: false; error: string };

/** A fetch from the page: the answer as the page can read it, or the browser's refusal. */
const fetchFromPage = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) =>
  async (page: import('playwright-core').Page): Promise<Outcome> =>
    page.evaluate(async ([u, i]) => {
      try {
        const r = await fetch(u as string, i as RequestInit);
        return { ok: true as const, status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.text() };
      } catch (e) {
        return { ok: false as const, error: String(e) };
      }
    }, [url, init] as const);

describe('the fake Graph and CORS, from a Chromium page on another origin', () => {
  it('answers the preflight and lets the page read the answer and its Retry-After', async () => {
    await withCorsPage(pageDir, async (page, at) => {
      expect(new URL(at.origin).port).not.toBe(new URL(fake.url).port);
      const list = await fetchFromPage(`${fake.url}/v1.0/me/mailFolders/drafts/messages?$select=id`, { method: 'GET', headers: { authorization: 'Bearer test-token' } })(page);
      expect(list).toMatchObject({ ok: true, status: 200 });
      expect(JSON.parse((list as { body: string }).body).value).toEqual([]);
      expect(fake.counts.preflights).toBe(1);
      fake.faults.throttle = { probability: 1, retryAfter: 7 };
      const throttled = await fetchFromPage(`${fake.url}/v1.0/me/mailFolders/drafts/messages`, { method: 'GET', headers: { authorization: 'Bearer test-token' } })(page);
      expect(throttled).toMatchObject({ ok: true, status: 429, retryAfter: '7' });
    });
  });

  it('refuses the page when CORS is off, and a header Graph does not allow', async () => {
    await withCorsPage(pageDir, async (page, at) => {
      fake.faults.cors = false;
      const off = await fetchFromPage(`${fake.url}/v1.0/me/mailFolders/drafts/messages`, { method: 'GET', headers: { authorization: 'Bearer test-token' } })(page);
      expect(off).toEqual({ ok: false, error: 'TypeError: Failed to fetch' });
      fake.faults.cors = true;
      const odd = await fetchFromPage(`${fake.url}/v1.0/me/mailFolders/drafts/messages`, { method: 'GET', headers: { authorization: 'Bearer test-token', 'x-not-allowed': '1' } })(page);
      expect(odd).toEqual({ ok: false, error: 'TypeError: Failed to fetch' });
      expect(at.console.filter((l) => l.includes('blocked by CORS policy')).length).toBe(2);
      // Neither reached the route: the browser stopped at the preflight.
      expect(fake.counts.requests).toBe(0);
    });
  });
});
