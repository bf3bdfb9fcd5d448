import * as path from 'node:path';
import { statementAsPdf } from '../../../src/adapters/documents/pdf/renderPdf';
import { statementsAsSeparatePdfs, writeStatementPdfs } from '../../../src/adapters/documents/pdf/renderMany';
import { buildLedger, computeStatements, DEFAULT_AGING, DEFAULT_SELECTION } from '../../../src/core';
import { AS_OF, CUSTOMERS, ENTRIES, goldenDocument, longDocument, pdfInfo, pdfText, SETTINGS, tempDir, writePdf } from './fixture';

jest.setTimeout(180_000);

/** Everything a reader sees, page by page. */
function pagesOf(file: string): string[] {
  const n = Number(pdfInfo(file)['Pages']);
  return Array.from({ length: n }, (_, i) => pdfText(file, i + 1));
}

describe('rendering many statements at once (combined, then cut apart)', () => {
  it('gives each statement exactly the pages it has on its own', async () => {
    const docs = [goldenDocument('C001'), longDocument(120), goldenDocument('C002')];
    const dir = tempDir();
    const split = await statementsAsSeparatePdfs(docs, SETTINGS);
    expect(split).toHaveLength(3);
    for (const [k, doc] of docs.entries()) {
      const alone = writePdf(dir, `alone-${k}.pdf`, await statementAsPdf(doc, SETTINGS));
      const cut = writePdf(dir, `cut-${k}.pdf`, split[k] as Buffer);
      expect(pagesOf(cut)).toEqual(pagesOf(alone));
      expect(pdfInfo(cut)['Title']).toBe(pdfInfo(alone)['Title']);
    }
    expect(pagesOf(path.join(dir, 'cut-1.pdf')).length).toBeGreaterThan(3);
  });

  it('writes the files of a whole run, in batches', async () => {
    const dir = tempDir();
    const result = computeStatements(buildLedger({ customers: CUSTOMERS, entries: ENTRIES }), { asOf: AS_OF, style: 'open-item', aging: DEFAULT_AGING, agingBasis: 'due', allocate: 'none', selection: DEFAULT_SELECTION, summary: false });
    const jobs = result.statements.map((s, i) => ({ customerId: s.customerId, file: path.join(dir, `s${i}.pdf`) }));
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    let progress = 0;
    await writeStatementPdfs(result, jobs, SETTINGS, { workers: 0, onProgress: (n) => (progress = n) });
    expect(progress).toBe(jobs.length);
    for (const j of jobs) expect(pdfText(j.file)).toContain(j.customerId);
  });
});
