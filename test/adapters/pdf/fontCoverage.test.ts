import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { PDF_FONT_FILES } from '../../../src/adapters/documents/pdf/fonts';
import { defaultFontDirectory, renderPdfDefinition, statementAsPdf } from '../../../src/adapters/documents/pdf/renderPdf';
import { statementAsPdfDefinition } from '../../../src/adapters/documents/pdf/statementAsPdfDefinition';
import { documentsOf, pdfText, SETTINGS, tempDir, writePdf } from './fixture';
import { rawTable } from '../../helpers/rawTable';

jest.setTimeout(120_000);

/** Every character French needs, including the two no-break spaces of French typography. */
const FRENCH = 'àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ€«»’…–—°\u00a0\u202f';
const SAMPLE = 'Œuvre « spéciale » : ça coûte 1 234 € — déjà payé à Noël, cœur, Ÿvelines';

const table = rawTable;

describe('the bundled font covers French', () => {
  it.each([PDF_FONT_FILES.normal, PDF_FONT_FILES.bold])('%s has a glyph for every French character', (name) => {
    const font = fontkit.openSync(path.join(defaultFontDirectory(), name));
    expect(font.familyName).toBe('DejaVu Sans Condensed');
    const missing = [...FRENCH].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0) as number));
    expect(missing).toEqual([]);
  });

  it('ships with its licence', () => {
    const licence = readFileSync(path.join(defaultFontDirectory(), 'LICENSE'), 'utf8');
    expect(licence).toMatch(/Bitstream Vera/);
    expect(licence).toMatch(/DejaVu/);
  });

  it('French text round-trips through a real PDF and pdftotext', async () => {
    const customers = table('customers', `customer_id|name|language|currency|address1|city\nF1|${SAMPLE}|fr|EUR|Impasse de l'Œillet|Besançon`);
    const entries = table('entries', 'customer_id|type|document_no|posting_date|due_date|amount|currency|reference\nF1|invoice|FAC-É1|2026-10-01|2026-10-31|1234.56|EUR|réf. « Ÿ » ç');
    const [doc] = documentsOf(customers, entries);
    if (doc === undefined) throw new Error('no statement');
    const file = writePdf(tempDir(), 'french.pdf', await statementAsPdf(doc, { ...SETTINGS, message: { fr: `${FRENCH} ${SAMPLE}` } }));
    const text = pdfText(file).replace(/[\u00a0\u202f]/g, ' ');
    for (const s of [SAMPLE, "Impasse de l'Œillet", 'Besançon', 'FAC-É1', 'réf. « Ÿ » ç', 'Échéance', 'Relevé de compte', 'àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ€«»’…–—°']) {
      expect(text).toContain(s);
    }
    // Only the bundled font is embedded (subset), nothing falls back to a standard 14 font.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSansCondensed', 'DejaVuSansCondensed-Bold']);
    expect(fonts.every((l) => /\byes\s+yes\s+yes\b/.test(l))).toBe(true);
  });

  it('the narrow no-break space is typeset as its own glyph (U+202F in the ToUnicode map), not replaced', async () => {
    const [doc] = documentsOf(
      table('customers', 'customer_id|name|language|currency\nF1|Client|fr|EUR'),
      table('entries', 'customer_id|type|document_no|posting_date|amount|currency\nF1|invoice|1|2026-10-01|1234.56|EUR'),
    );
    if (doc === undefined) throw new Error('no statement');
    const bytes = await renderPdfDefinition({ ...statementAsPdfDefinition(doc, SETTINGS), compress: false });
    const pdf = bytes.toString('latin1');
    expect(pdf).toMatch(/<202f>/);
    expect(pdf).toMatch(/<00a0>/);
  });
});
