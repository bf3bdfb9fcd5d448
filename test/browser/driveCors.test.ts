// The proof asked before building on Word → PDF through Graph in the add-in: from a page in real
// Chromium on one 127.0.0.1 origin, driveWordsToPdf (bundled with the add-in's rules) works against
// the fake Graph on a second origin whose ?format=pdf redirects to a download host on a third. No
// request interception (test/helpers/corsPage.ts says why): each preflight is the fake's to answer.
// And the same page is refused where CORS is not handled, so the proof can fail.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { fillTemplate, statementTemplateData } from '../../src/adapters/documents/docx';
import { startFakeGraph, type FakeGraph } from '../fakes/graph/fakeGraphServer';
import { withCorsPage } from '../helpers/corsPage';
import { tempDir } from '../helpers/workbook';
import { doc, SETTINGS } from '../adapters/docx/fixture';
import { plainSpaces, template } from '../adapters/docx/helpers';
import { buildDrivePage } from './drivePage';

const files = [
  { name: 'Alpha Ltd.docx', bytes: fillTemplate(template('statement.docx'), 'statement.docx', statementTemplateData(doc('A'), SETTINGS)) },
  { name: 'Société Générale.docx', bytes: fillTemplate(template('statement-fr.docx'), 'statement-fr.docx', statementTemplateData(doc('F'), SETTINGS)) },
];
const pdfText = (base64: string): string => {
  const file = path.join(tempDir('stmt-drive-cors-'), 'x.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return plainSpaces(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
};

type Converted = { results: ({ name: string; pdf: string } | { name: string; error: { en: string; fr: string } })[]; leftInDrive: unknown[]; roundTrips: number };
const convert = (page: Page, graphUrl: string): Promise<Converted> =>
  page.evaluate(
    ([url, list]) => (globalThis as unknown as { __drive: { convert(u: string, t: string, f: unknown): Promise<Converted> } }).__drive.convert(url as string, 'test-token', list),
    [graphUrl, files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }))] as const,
  );
/** A fetch from the page: its status, or the browser's refusal. */
const pageFetch = (page: Page, url: string, headers: Record<string, string>): Promise<string> =>
  page.evaluate(async ([u, h]) => {
    try {
      const r = await fetch(u as string, { headers: h as Record<string, string> });
      return `${r.status} ${r.headers.get('content-type') ?? ''}`;
    } catch (e) {
      return String(e);
    }
  }, [url, headers] as const);

let dir: string;
let fake: FakeGraph;
beforeAll(async () => {
  const built = await buildDrivePage();
  expect(built.errors).toEqual([]);
  dir = built.dir;
});
beforeEach(async () => {
  fake = await startFakeGraph();
});
afterEach(async () => {
  await fake.close();
});

describe('Word to PDF through OneDrive from a browser page on another origin', () => {
  it('brings the PDFs back (pdftotext shows the statements) and deletes the uploads', async () => {
    await withCorsPage(dir, async (page, at) => {
      const origins = new Set([at.origin, new URL(fake.url).origin, fake.drive.downloadOrigin]);
      expect(origins.size).toBe(3);
      const r = await convert(page, `${fake.url}/v1.0`);
      expect(r.results.map((x) => ('error' in x ? x.error.en : x.name))).toEqual(['Alpha Ltd.docx', 'Société Générale.docx']);
      const [en, fr] = r.results.map((x) => pdfText((x as { pdf: string }).pdf));
      expect(en).toContain('Statement of account');
      expect(en).toContain('Balance due: €1,550.00');
      expect(fr).toContain('Relevé de compte');
      expect(fr).toContain('Solde dû : 2 900,00 €');
      expect(r.leftInDrive).toEqual([]);
      expect(fake.drive.items.size).toBe(0);
      expect(r.roundTrips).toBe(6);
      // The browser asked Graph's permission (Authorization is not a simple header); the download host was asked none.
      expect(fake.counts.preflights).toBeGreaterThan(0);
      expect(fake.drive.downloads.refused).toEqual([]);
      expect(fake.drive.downloads.served).toBe(2);
      expect(at.console.filter((l) => /CORS|pageerror/.test(l))).toEqual([]);
    });
  });

  it('is refused where CORS is not handled: Graph without CORS, and the download URL fetched with the token', async () => {
    await withCorsPage(dir, async (page, at) => {
      fake.faults.cors = false;
      const off = await convert(page, `${fake.url}/v1.0`);
      expect(off.results.map((x) => ('error' in x ? x.error.en : 'pdf'))).toEqual([
        'Alpha Ltd.docx could not be uploaded to your OneDrive app folder to make its PDF: Failed to fetch',
        'Société Générale.docx could not be uploaded to your OneDrive app folder to make its PDF: Failed to fetch',
      ]);
      expect(fake.drive.items.size).toBe(0);
      fake.faults.cors = true;
      // A page that sends the Graph token on to the pre-authenticated URL: the download host takes no preflight.
      const put = await fetch(`${fake.url}/v1.0/me/drive/special/approot:/a.docx:/content`, { method: 'PUT', headers: { authorization: 'Bearer test-token', 'content-type': 'application/octet-stream' }, body: new Uint8Array(files[0]!.bytes) });
      const id = ((await put.json()) as { id: string }).id;
      const redirect = await fetch(`${fake.url}/v1.0/me/drive/items/${id}/content?format=pdf`, { headers: { authorization: 'Bearer test-token' }, redirect: 'manual' });
      const location = redirect.headers.get('location') as string;
      expect(await pageFetch(page, location, { authorization: 'Bearer test-token' })).toBe('TypeError: Failed to fetch');
      expect(fake.drive.downloads.refused).toEqual(['OPTIONS /transform/pdf: preflight']);
      expect(at.console.filter((l) => l.includes('blocked by CORS policy')).length).toBeGreaterThanOrEqual(3);
      // The same URL with no header is what driveWordsToPdf fetches: it works.
      expect(await pageFetch(page, location, {})).toBe('200 application/pdf');
    });
  });
});
