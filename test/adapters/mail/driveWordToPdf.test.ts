// Word → PDF through OneDrive (src/adapters/mail/graph/driveWordToPdf.ts) against the strict fake
// Graph, whose download host makes the PDF with the real LibreOffice: the PDF's text, the uploads
// deleted whatever happened, the round trips, 429s inside a batch, an expired sign-in.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { staticTokenProvider, type TokenProvider } from '../../../src/adapters/auth/tokenProvider';
import { fillTemplate, statementTemplateData } from '../../../src/adapters/documents/docx';
import { driveWordsToPdf, driveWordToPdf, DriveConversionError, type DriveWordToPdfOptions } from '../../../src/adapters/mail/graph/driveWordToPdf';
import { startFakeGraph, type FakeGraph } from '../../fakes/graph/fakeGraphServer';
import { tempDir } from '../../helpers/workbook';
import { doc, SETTINGS } from '../docx/fixture';
import { plainSpaces, template } from '../docx/helpers';

const alpha = { name: 'Alpha Ltd.docx', bytes: fillTemplate(template('statement.docx'), 'statement.docx', statementTemplateData(doc('A'), SETTINGS)) };
const societe = { name: 'Société Générale & Fils <Paris>.docx', bytes: fillTemplate(template('statement-fr.docx'), 'statement-fr.docx', statementTemplateData(doc('F'), SETTINGS)) };

const pdfText = (bytes: Uint8Array): string => {
  const file = path.join(tempDir('stmt-drive-pdf-'), 'x.pdf');
  fs.writeFileSync(file, bytes);
  return plainSpaces(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
};

let fake: FakeGraph;
beforeEach(async () => {
  fake = await startFakeGraph();
});
afterEach(async () => {
  await fake.close();
});

const on = (f: FakeGraph, over: Partial<DriveWordToPdfOptions> = {}): DriveWordToPdfOptions => ({ tokens: staticTokenProvider('test-token'), graphUrl: `${f.url}/v1.0`, sleep: async () => undefined, ...over });

describe('driveWordsToPdf against the fake Graph', () => {
  it('gives each statement its PDF (LibreOffice made it from the uploaded .docx), in six round trips, and leaves the app folder empty', async () => {
    const r = await driveWordsToPdf([alpha, societe], on(fake));
    expect(r.results.map((x) => ('pdf' in x ? 'pdf' : x.error.message))).toEqual(['pdf', 'pdf']);
    const [a, f] = r.results.map((x) => pdfText((x as { pdf: Uint8Array }).pdf));
    expect(a).toContain('Statement of account');
    expect(a).toContain('Balance due: €1,550.00');
    expect(f).toContain('Relevé de compte');
    expect(f).toContain('Solde dû : 2 900,00 €');
    expect(r.leftInDrive).toEqual([]);
    expect(fake.drive.items.size).toBe(0);
    // 2 uploads, 1 batch of conversions, 2 downloads, 1 batch of deletes.
    expect(r.roundTrips).toBe(6);
    expect(fake.counts.batches).toBe(2);
    expect(fake.counts.badRequests).toEqual([]);
  });

  it('deletes the uploads when the downloads fail (expired pre-authenticated URLs), and says why in English and French', async () => {
    fake.drive.urlLifetimeMs = -1;
    const r = await driveWordsToPdf([alpha], on(fake));
    const only = r.results[0]!;
    expect('error' in only).toBe(true);
    const e = (only as { error: DriveConversionError }).error;
    expect(e.localised.en).toBe('OneDrive did not give the PDF of Alpha Ltd.docx: 401 expiredToken: The pre-authenticated URL has expired.');
    expect(e.localised.fr).toBe("OneDrive n'a pas donné le PDF de Alpha Ltd.docx : 401 expiredToken: The pre-authenticated URL has expired.");
    expect(fake.drive.items.size).toBe(0);
    expect(fake.drive.downloads.refused).toEqual(['GET /transform/pdf: expiredToken']);
  });

  it('a file LibreOffice cannot read fails alone; the other converts; both uploads are deleted', async () => {
    const broken = { name: 'broken.docx', bytes: Buffer.from('PK\u0003\u0004 not really a zip') };
    const r = await driveWordsToPdf([broken, alpha], on(fake));
    expect((r.results[0] as { error: DriveConversionError }).error.localised.en).toMatch(/^OneDrive did not give the PDF of broken\.docx: 500 generalException: The file could not be converted/);
    expect(pdfText((r.results[1] as { pdf: Uint8Array }).pdf)).toContain('Statement of account');
    expect(fake.drive.items.size).toBe(0);
  });

  it('429s on the requests inside a batch and on the uploads: retried after Retry-After, nothing lost, nothing left', async () => {
    fake.faults.throttle = { probability: 0.5, retryAfter: 3 };
    const waits: number[] = [];
    const r = await driveWordsToPdf([alpha, societe, alpha], on(fake, { maxAttempts: 40, sleep: async (ms) => void waits.push(ms) }));
    expect(r.results.every((x) => 'pdf' in x)).toBe(true);
    expect(fake.counts.throttled).toBeGreaterThan(0);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((w) => w === 3000)).toBe(true);
    expect(fake.drive.items.size).toBe(0);
    expect(r.leftInDrive).toEqual([]);
  });

  it('an expired token: one fresh token is tried, then a clear message in English and French, nothing uploaded', async () => {
    fake.tokens.expired.add('old');
    let refreshed = 0;
    const tokens: TokenProvider = { token: async () => 'old', refresh: async () => void refreshed++ };
    const e = await driveWordToPdf(alpha, on(fake, { tokens })).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(DriveConversionError);
    expect((e as DriveConversionError).localised).toEqual({
      en: 'Microsoft 365 refused the sign-in (401 InvalidAuthenticationToken): the token has expired or lacks Files.ReadWrite. Sign in again.',
      fr: "Microsoft 365 a refusé la connexion (401 InvalidAuthenticationToken) : le jeton a expiré ou n'a pas Files.ReadWrite. Reconnectez-vous.",
    });
    expect(refreshed).toBe(1);
    expect(fake.drive.items.size).toBe(0);
  });
});
