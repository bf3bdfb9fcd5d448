// The browser documents module (src/adapters/documents/browser) run in Debian's Chromium from a
// webpack bundle built with the add-in's rules, against the CLI's own files for the same ledger,
// options and settings: PDF text (pdftotext), Word XML, CSV bytes, zip entries and names.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { computeStatements, statementDocument, type StatementDocument, type StatementSettings } from '../../src/core';
import { loadLedger } from '../../src/cli/loadLedger';
import { main } from '../../src/cli/main';
import { computeOptionsFrom, type ComputeFlags } from '../../src/cli/options';
import { readSettingsFile } from '../../src/cli/settingsFile';
import { nameStatements } from '../../src/cli/statementFiles';
import { ROOT } from '../helpers/addinBuild';
import { withAddinPage } from '../helpers/addinPage';
import { tempDir } from '../helpers/workbook';
import { buildDocumentsPage, callDocuments, portable, type BuiltPage } from './documentsPage';

const WORKBOOK = path.join(ROOT, 'examples', 'sample-ledger.xlsx');
const AS_OF = '2026-10-31';

const pdfText = (bytes: Buffer): string => {
  const file = path.join(tempDir('stmt-pdftext-'), 'x.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};
const entries = async (zipBytes: Buffer) => {
  const zip = await JSZip.loadAsync(zipBytes);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) out.set(name, await file.async('nodebuffer'));
  return out;
};
const documentXml = async (docx: Buffer) => (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string');

describe('statement documents in the browser equal the CLI\'s', () => {
  let page: BuiltPage;
  const out = tempDir('stmt-docs-cli-');
  let docs: StatementDocument[] = [];
  let stems: string[] = [];
  let settings: StatementSettings;

  beforeAll(async () => {
    page = await buildDocumentsPage();
    // The CLI's run, with a logo, the example settings and every document.
    const settingsFile = path.join(out, 'settings.json');
    const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'settings.json'), 'utf8')) as { company: Record<string, unknown> };
    example.company['logo'] = path.join(ROOT, 'assets', 'icon-32.png');
    fs.writeFileSync(settingsFile, JSON.stringify(example));
    const cliOut = path.join(out, 'run');
    const noop = () => undefined;
    await main(['node', 'statements', 'run', '--ledger', WORKBOOK, '--as-of', AS_OF, '--out', cliOut, '--settings', settingsFile, '--pdf', '--print-file', '--docx', '--workers', '0'], { out: noop, err: noop });
    // The same statements as documents, as the pane will hold them.
    const flags = { ledger: WORKBOOK, asOf: AS_OF, style: 'open-item', aging: '', agingBy: 'due', allocate: 'none', lang: 'en' } as ComputeFlags;
    const { options, defaultCurrency, dateOrder } = computeOptionsFrom(flags);
    const loaded = await loadLedger(WORKBOOK, { defaultCurrency, dateOrder, mappingFile: undefined });
    if (!loaded.ok) throw new Error(loaded.error.en);
    const result = computeStatements(loaded.ledger, { ...options, summary: false });
    const named = nameStatements(result);
    docs = named.map((n) => statementDocument(result, n.statement));
    stems = named.map((n) => n.fileStem);
    const fromFile = readSettingsFile(settingsFile);
    const logo = `data:image/png;base64,${fs.readFileSync(path.join(ROOT, 'assets', 'icon-32.png')).toString('base64')}`;
    settings = { ...fromFile, company: { ...fromFile.company, logo } };
  }, 300_000);

  const cliFile = (...p: string[]) => fs.readFileSync(path.join(out, 'run', ...p));

  it('the bundle builds with the add-in\'s rules (no Node module) and ships the font and templates as files', () => {
    expect(page.errors).toEqual([]);
    expect(page.assets.filter((a) => a.startsWith('assets/')).map((a) => a.replace(/\.[0-9a-f]{8}\./, '.')).sort()).toEqual([
      'assets/DejaVuSansCondensed-Bold.ttf', 'assets/DejaVuSansCondensed.ttf', 'assets/statement-fr.docx', 'assets/statement.docx',
    ]);
    expect(docs.length).toBeGreaterThan(30);
    expect(docs.some((d) => d.language === 'fr')).toBe(true);
  });

  it('PDFs, the print file, Word statements, CSVs and the zips', async () => {
    await withAddinPage(async (p, addin) => {
      const fr = docs.findIndex((d) => d.language === 'fr');
      const multi = docs.findIndex((d) => d.sections.length > 1);
      expect(fr).toBeGreaterThan(0);
      for (const i of new Set([0, fr, multi, docs.length - 1].filter((i) => i >= 0))) {
        const doc = docs[i] as StatementDocument;
        const stem = stems[i] as string;
        // PDF: the same text, page for page, as the CLI's pdf/<stem>.pdf (logo included: same layout).
        const pdf = await callDocuments(p, 'statementPdf', portable(doc), settings);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdfText(pdf)).toBe(pdfText(cliFile('pdf', `${stem}.pdf`)));
        // Word: the filled document's XML is the CLI's, tag for tag and figure for figure.
        const docx = await callDocuments(p, 'wordStatement', 'default', portable(doc), settings);
        expect(await documentXml(docx)).toBe(await documentXml(cliFile('docx', `${stem}.docx`)));
        // CSV: byte for byte (BOM, CRLF, delimiter by language, quoting).
        const csv = await callDocuments(p, 'reconciliationCsv', portable(doc), {});
        expect(csv.equals(cliFile('csv', `${stem}.csv`))).toBe(true);
        expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      }
      // A picked template (here the French default, sent as bytes) fills the same way.
      const frTemplate = { bytes: { $bytes: fs.readFileSync(path.join(ROOT, 'assets', 'templates', 'statement-fr.docx')).toString('base64') }, name: 'mine.docx' };
      const picked = await callDocuments(p, 'wordStatement', frTemplate, portable(docs[fr] as StatementDocument), settings);
      expect(await documentXml(picked)).toBe(await documentXml(cliFile('docx', `${stems[fr] as string}.docx`)));

      // The print file: every statement, each numbering its own pages, as --print-file.
      const print = await callDocuments(p, 'printFile', docs.map(portable), settings);
      expect(pdfText(print)).toBe(pdfText(cliFile('statements-print.pdf')));

      // Zips: one file per customer, named as the CLI's folders, each the CLI's file.
      const csvZip = await entries(await callDocuments(p, 'reconciliationCsvZip', docs.map(portable), {}));
      expect([...csvZip.keys()].sort()).toEqual(fs.readdirSync(path.join(out, 'run', 'csv')).sort());
      for (const [name, bytes] of csvZip) expect(bytes.equals(cliFile('csv', name))).toBe(true);
      const some = docs.slice(0, 4);
      const pdfZip = await entries(await callDocuments(p, 'statementsPdfZip', some.map(portable), settings));
      expect([...pdfZip.keys()]).toEqual(stems.slice(0, 4).map((s) => `${s}.pdf`));
      for (const [name, bytes] of pdfZip) expect(pdfText(bytes)).toBe(pdfText(cliFile('pdf', name)));
      const wordZip = await entries(await callDocuments(p, 'wordStatementsZip', 'default', some.map(portable), settings));
      expect([...wordZip.keys()]).toEqual(stems.slice(0, 4).map((s) => `${s}.docx`));
      expect(addin.errors).toEqual([]);
    }, { addinDir: page.dir });
  }, 300_000);

  it('a bad template is a TemplateError naming the tag, in English and French', async () => {
    await withAddinPage(async (p) => {
      const PizZip = (await import('pizzip')).default;
      const zip = new PizZip(fs.readFileSync(path.join(ROOT, 'assets', 'templates', 'statement.docx')));
      const xml = zip.file('word/document.xml')?.asText() ?? '';
      zip.file('word/document.xml', xml.replace('</w:body>', '<w:p><w:r><w:t>{customer.nmae}</w:t></w:r></w:p></w:body>'));
      const bad = { bytes: { $bytes: zip.generate({ type: 'nodebuffer' }).toString('base64') }, name: 'bad.docx' };
      const thrown = await p.evaluate(async ([t, d, s]) => {
        const m = (globalThis as unknown as { __documents: { module: Record<string, (...a: unknown[]) => Promise<unknown>>; revive(v: unknown): unknown } }).__documents;
        try {
          await m.module['wordStatement']?.(...(m.revive([t, d, s]) as unknown[]));
          return null;
        } catch (e) {
          return { name: (e as Error).name, message: (e as Error).message, isTemplateError: e instanceof (m.module['TemplateError'] as unknown as typeof Error) };
        }
      }, [bad, portable(docs[0] as StatementDocument), settings] as const);
      expect(thrown?.isTemplateError).toBe(true);
      expect(thrown?.message).toContain('customer.nmae');
      expect(thrown?.message).toContain('bad.docx');
    }, { addinDir: page.dir });
  });
});
