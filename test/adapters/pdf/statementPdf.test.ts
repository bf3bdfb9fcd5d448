import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { readLogoDataUrl, statementAsPdf, statementsAsPdf } from '../../../src/adapters/documents/pdf/renderPdf';
import { statementAsPdfDefinition, statementsAsPdfDefinition } from '../../../src/adapters/documents/pdf/statementAsPdfDefinition';
import { DEFAULT_SETTINGS, formatCurrencyAmount, parseIsoDay } from '../../../src/core';
import { rawTable as table } from '../../helpers/rawTable';
import { documentsOf, goldenDocument, pdfInfo, pdfText, plainSpaces, SETTINGS, tempDir, writePdf } from './fixture';

jest.setTimeout(120_000);

/** Escapes a literal for a RegExp; runs of spaces in the expectation match any run of layout spaces. */
const loose = (s: string): RegExp => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+'));

describe('statement PDF, English customer (golden ledger)', () => {
  let text: string;
  let file: string;
  beforeAll(async () => {
    file = writePdf(tempDir(), 'C001.pdf', await statementAsPdf(goldenDocument('C001'), SETTINGS));
    text = plainSpaces(pdfText(file));
  });

  it('prints the title, statement date, statement number and customer number', () => {
    expect(text).toMatch(loose('Statement of account'));
    expect(text).toMatch(loose('Statement date: 31 Oct 2026'));
    expect(text).toMatch(loose('Statement no.: ST-202610-C001'));
    expect(text).toMatch(loose('Customer no.: C001'));
    expect(text).not.toMatch(/Period:/);
  });

  it('prints the company block with registration, VAT, contact and bank details', () => {
    for (const s of ['Northwind Supplies SARL', '12 rue de la Paix', '75002 Paris', 'Registration no.: RCS Paris 123 456 789', 'VAT no.: FR12 123456789',
      'credit@northwind.example', 'Phone: +33 1 23 45 67 89', 'Payment details', 'Bank: Banque Populaire Rives de Paris',
      'IBAN: FR76 3000 6000 0112 3456 7890 189', 'BIC: BPPAFRPPXXX']) expect(text).toMatch(loose(s));
  });

  it('prints the customer block', () => {
    for (const s of ['Acme Trading Ltd', '1 High Street', 'EC1A 1BB London', 'United Kingdom', 'Contact: Jane Smith']) expect(text).toMatch(loose(s));
  });

  it('prints every open item with its figures and the running balance', () => {
    expect(text).toMatch(loose('Currency: EUR'));
    expect(text).toMatch(loose('Date Type Document Reference Due date Amount Paid/credited Open Balance Days'));
    expect(text).toMatch(loose('15 Jul 2026 Invoice INV-1001 PO-77 14 Aug 2026 1,234.56 0.00 1,234.56 1,234.56 78'));
    expect(text).toMatch(loose('20 Sep 2026 Invoice INV-1002 PO-78 20 Oct 2026 500.00 200.00 300.00 1,534.56 11'));
    expect(text).toMatch(loose('25 Oct 2026 Credit note CN-3001 RMA-5 25 Oct 2026 -34.56 0.00 -34.56 1,500.00\n'));
    expect(text).toMatch(loose('28 Oct 2026 Invoice INV-1003 PO-80 27 Nov 2026 2,000.00 0.00 2,000.00 3,500.00\n'));
    expect(text).not.toMatch(/PAY-2001/); // fully applied: not an open item
    expect(text).toMatch(loose('Balance due €3,500.00'));
    expect(text).toMatch(loose('Overdue €1,500.00'));
  });

  it('lists the overdue items (due before the statement date) adding up to the Overdue total', () => {
    const overdue = text.slice(text.indexOf('Overdue items (EUR)'), text.indexOf('Aging (EUR)'));
    expect(overdue).toMatch(loose('15 Jul 2026 INV-1001 PO-77 14 Aug 2026 78 1,234.56'));
    expect(overdue).toMatch(loose('20 Sep 2026 INV-1002 PO-78 20 Oct 2026 11 300.00'));
    expect(overdue).toMatch(loose('25 Oct 2026 CN-3001 RMA-5 25 Oct 2026 -34.56'));
    expect(overdue).not.toMatch(/INV-1003/);
    expect(overdue).toMatch(loose('Total €1,500.00'));
  });

  it('prints the aging table with its labels and caption', () => {
    expect(text).toMatch(loose('Aging (EUR)'));
    expect(text).toMatch(loose('Current 1-30 31-60 61-90 Over 90 Total'));
    expect(text).toMatch(loose('€2,000.00 €265.44 €0.00 €1,234.56 €0.00 €3,500.00'));
    expect(text).toMatch(loose('Aged at 31 Oct 2026 by due date; bands of days overdue (30, 60, 90), upper bound included'));
    expect(goldenDocument('C001').agingLabels).toEqual(['Current', '1-30', '31-60', '61-90', 'Over 90']);
  });

  it('has one section per currency, never summed', () => {
    expect(text).toMatch(loose('Currency: USD'));
    expect(text).toMatch(loose('01 Jun 2026 Invoice INV-1004 PO-US1 01 Jul 2026 99.00 0.00 99.00 99.00 122'));
    expect(text).toMatch(loose('Balance due $99.00'));
    expect(text).toMatch(loose('$0.00 $0.00 $0.00 $0.00 $99.00 $99.00'));
    expect(text).not.toMatch(/3,599\.00/);
  });

  it('prints the message and "Page 1 of 1"', () => {
    expect(text).toMatch(loose('Please pay the overdue items by return. Thank you for your business.'));
    expect(text).toMatch(loose('ST-202610-C001 · Acme Trading Ltd Page 1 of 1'));
    expect(pdfInfo(file)['Pages']).toBe('1');
  });

  it('writes a title, the company as author and a fixed creation date in the PDF info', () => {
    const info = pdfInfo(file);
    expect(info['Title']).toBe('Statement of account ST-202610-C001');
    expect(info['Author']).toBe('Northwind Supplies SARL');
    expect(info['CreationDate']).toMatch(/Oct 31 00:00:00 2026/);
  });
});

describe('statement PDF, French customer', () => {
  let raw: string;
  let text: string;
  beforeAll(async () => {
    const file = writePdf(tempDir(), 'C002.pdf', await statementAsPdf(goldenDocument('C002'), SETTINGS));
    raw = pdfText(file);
    text = plainSpaces(raw);
  });

  it('formats French money with a narrow no-break space and a no-break space before €', () => {
    expect(formatCurrencyAmount(123456, 'EUR', 'fr')).toBe('1\u202f234,56\u00a0€');
  });

  it('is in French: title, labels, dd/mm/yyyy dates, "1 234,56 €" amounts', () => {
    expect(text).toMatch(loose('Relevé de compte'));
    expect(text).toMatch(loose('Date du relevé : 31/10/2026'));
    expect(text).toMatch(loose('N° de relevé : ST-202610-C002'));
    expect(text).toMatch(loose('N° client : C002'));
    expect(text).toMatch(loose("N° d'immatriculation : RCS Paris 123 456 789"));
    expect(text).toMatch(loose('Coordonnées bancaires'));
    expect(text).toMatch(loose('Banque : Banque Populaire Rives de Paris'));
    expect(text).toMatch(loose("Société d'Œuvres « Éclair »"));
    expect(text).toMatch(loose('Contact : Mme Françoise Lefèvre'));
    expect(text).toMatch(loose('Devise : EUR'));
    expect(text).toMatch(loose('Date Type Pièce Référence Échéance Montant Réglé/avoir Restant dû Solde Jours'));
    expect(text).toMatch(loose('01/09/2026 Facture FAC-1 BC-Œuvre 01/10/2026 1 234,56 234,56 1 000,00 1 000,00 30'));
    expect(text).toMatch(loose('15/10/2026 Facture FAC-2 BC-Ça 14/11/2026 234,56 0,00 234,56 1 234,56'));
    expect(text).toMatch(loose('Solde dû 1 234,56 €'));
    expect(text).toMatch(loose('Échu 1 000,00 €'));
    expect(text).not.toMatch(/1,234\.56|€1/);
  });

  it('keeps the thousands group together: "1 234,56" is never split over two layout columns', () => {
    // The group separator is U+202F (pdftotext may print it as U+202F or as a space), never a gap of several spaces.
    expect(raw).toMatch(/1[\u202f ]234,56[\u00a0 ]€/);
    expect(raw).not.toMatch(/1 {2,}234,56/);
  });

  it('prints the aging labels and caption in French, and "Page 1 sur 1"', () => {
    expect(text).toMatch(loose('Antériorité (EUR)'));
    expect(text).toMatch(loose('Non échu 1-30 31-60 61-90 Plus de 90 Total'));
    expect(text).toMatch(loose('234,56 € 1 000,00 € 0,00 € 0,00 € 0,00 € 1 234,56 €'));
    expect(text).toMatch(loose("Antériorité au 31/10/2026 selon la date d'échéance"));
    expect(text).toMatch(loose('Pièces échues (EUR)'));
    expect(text).toMatch(loose('Merci de régler les pièces échues dès réception. « Œuvre » et cætera.'));
    expect(text).toMatch(loose('Page 1 sur 1'));
  });
});

describe('statement PDF options', () => {
  it('activity statement: period, opening balance row, running balance from it, closing balance', async () => {
    const doc = goldenDocument('C001', { style: 'activity', from: parseIsoDay('2026-10-01') as number });
    const text = plainSpaces(pdfText(writePdf(tempDir(), 'act.pdf', await statementAsPdf(doc, SETTINGS))));
    expect(text).toMatch(loose('Statement of activity'));
    expect(text).toMatch(loose('Period: 01 Oct 2026 – 31 Oct 2026'));
    expect(text).toMatch(loose('01 Oct 2026 Opening balance 1,734.56'));
    expect(text).toMatch(loose('05 Oct 2026 Payment PAY-2001 05 Oct 2026 -200.00 -200.00 0.00 1,534.56'));
    expect(text).toMatch(loose('28 Oct 2026 Invoice INV-1003 PO-80 27 Nov 2026 2,000.00 0.00 2,000.00 3,500.00'));
    expect(text).toMatch(loose('Closing balance €3,500.00'));
    // The overdue list is the open items at the statement date, also INV-1001 posted before the period.
    const overdue = text.slice(text.indexOf('Overdue items (EUR)'), text.indexOf('Aging (EUR)'));
    expect(overdue).toMatch(loose('15 Jul 2026 INV-1001 PO-77 14 Aug 2026 78 1,234.56'));
    expect(overdue).toMatch(loose('20 Sep 2026 INV-1002 PO-78 20 Oct 2026 11 300.00'));
    expect(overdue).toMatch(loose('25 Oct 2026 CN-3001 RMA-5 25 Oct 2026 -34.56'));
    expect(overdue).not.toMatch(/PAY-2001|INV-1003/);
    expect(overdue).toMatch(loose('Total €1,500.00'));
  });

  it('open items with --from: the older open items brought forward in an opening row, and still in the overdue list', async () => {
    const doc = goldenDocument('C001', { from: parseIsoDay('2026-10-01') as number });
    const text = plainSpaces(pdfText(writePdf(tempDir(), 'from.pdf', await statementAsPdf(doc, SETTINGS))));
    expect(text).toMatch(loose('Period: 01 Oct 2026 – 31 Oct 2026'));
    expect(text).toMatch(loose('01 Oct 2026 Opening balance 1,534.56'));
    expect(text).not.toMatch(/15 Jul 2026 Invoice INV-1001/);
    expect(text).toMatch(loose('Balance due €3,500.00'));
    const overdue = text.slice(text.indexOf('Overdue items (EUR)'), text.indexOf('Aging (EUR)'));
    expect(overdue).toMatch(loose('15 Jul 2026 INV-1001 PO-77 14 Aug 2026 78 1,234.56'));
    expect(overdue).toMatch(loose('Total €1,500.00'));
  });

  it('showOverdueSection: false leaves the overdue list out but keeps the Overdue total', async () => {
    const text = plainSpaces(pdfText(writePdf(tempDir(), 'no-overdue.pdf', await statementAsPdf(goldenDocument('C001'), { ...SETTINGS, showOverdueSection: false }))));
    expect(text).not.toMatch(/Overdue items/);
    expect(text).toMatch(loose('Overdue €1,500.00'));
  });

  it('renders with the default settings (no company details, no message)', async () => {
    const text = plainSpaces(pdfText(writePdf(tempDir(), 'defaults.pdf', await statementAsPdf(goldenDocument('C001'), DEFAULT_SETTINGS))));
    expect(text).toMatch(loose('Statement of account'));
    expect(text).toMatch(loose('Statement no.: ST-202610-C001'));
    expect(text).toMatch(loose('Balance due €3,500.00'));
    expect(text).not.toMatch(/Payment details|Registration|Phone/);
    expect(text).toMatch(loose('Page 1 of 1'));
  });

  it('A4 or US Letter from settings.paper', async () => {
    const dir = tempDir();
    const a4 = writePdf(dir, 'a4.pdf', await statementAsPdf(goldenDocument('C001'), { ...SETTINGS, paper: 'A4' }));
    const letter = writePdf(dir, 'letter.pdf', await statementAsPdf(goldenDocument('C001'), { ...SETTINGS, paper: 'Letter' }));
    expect(pdfInfo(a4)['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)$/);
    expect(pdfInfo(letter)['Page size']).toBe('612 x 792 pts (letter)');
    expect(plainSpaces(pdfText(letter))).toMatch(loose('Balance due €3,500.00'));
  });

  it('embeds the logo from settings.company.logo (PNG), read as a data URL', async () => {
    const dir = tempDir();
    const png = new PNG({ width: 120, height: 40 });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([200, 30, 40, 255], i);
    const logo = path.join(dir, 'logo.png');
    writeFileSync(logo, PNG.sync.write(png));
    const file = writePdf(dir, 'logo.pdf', await statementAsPdf(goldenDocument('C001'), { ...SETTINGS, company: { ...SETTINGS.company, logo } }));
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2).filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l));
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/\s120\s+40\s/);
    const read = readLogoDataUrl(logo);
    expect(read.ok && read.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('a logo that is not a PNG/JPEG, or missing, is reported in en and fr', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'logo.gif');
    writeFileSync(bad, 'GIF89a....');
    expect(readLogoDataUrl(bad)).toEqual({ ok: false, message: { en: `logo ${bad}: not a PNG or JPEG image`, fr: `logo ${bad} : ce n'est pas une image PNG ou JPEG` } });
    expect(readLogoDataUrl(path.join(dir, 'none.png'))).toMatchObject({ ok: false, message: { en: expect.stringContaining('ENOENT') } });
    await expect(statementAsPdf(goldenDocument('C001'), { ...SETTINGS, company: { ...SETTINGS.company, logo: bad } })).rejects.toThrow('not a PNG or JPEG');
  });

  it('is deterministic: the same statement gives the same bytes', async () => {
    const a = await statementAsPdf(goldenDocument('C002'), SETTINGS);
    const b = await statementAsPdf(goldenDocument('C002'), SETTINGS);
    expect(a.equals(b)).toBe(true);
    const c = await statementAsPdf(goldenDocument('C002'), SETTINGS, { creationDate: new Date('2026-11-02T08:00:00Z') });
    expect(c.equals(a)).toBe(false);
  });

  it('the document definition is plain data plus callbacks (usable by pdfmake in a browser)', () => {
    const definition = statementAsPdfDefinition(goldenDocument('C001'), SETTINGS);
    expect(definition.pageSize).toBe('A4');
    expect(definition.defaultStyle).toMatchObject({ font: 'DejaVuSansCondensed' });
    expect(typeof definition.footer).toBe('function');
    expect(JSON.stringify(definition.content)).toContain('INV-1001');
    expect(() => statementsAsPdfDefinition([], SETTINGS)).toThrow(RangeError);
  });
});

describe('several statements in one PDF for printing', () => {
  it('each statement starts on a new page and numbers its own pages', async () => {
    const docs = [goldenDocument('C001'), goldenDocument('C002'), goldenDocument('C001', { asOf: parseIsoDay('2026-09-30') as number })];
    const file = writePdf(tempDir(), 'all.pdf', await statementsAsPdf(docs, SETTINGS));
    expect(pdfInfo(file)['Pages']).toBe('3');
    const pages = [1, 2, 3].map((n) => plainSpaces(pdfText(file, n)));
    expect(pages[0]).toMatch(loose('Statement no.: ST-202610-C001'));
    expect(pages[0]).toMatch(loose('Page 1 of 1'));
    expect(pages[1]).toMatch(loose('N° de relevé : ST-202610-C002'));
    expect(pages[1]).toMatch(loose('Page 1 sur 1'));
    expect(pages[2]).toMatch(loose('Statement no.: ST-202609-C001'));
    expect(pages[2]).toMatch(loose('Statement date: 30 Sep 2026'));
    expect(pages[2]).toMatch(loose('Page 1 of 1'));
  });
});

describe('visual regression', () => {
  const reference = path.join(__dirname, 'reference', 'statement-en-p1.png');

  async function pageOne(settings: typeof SETTINGS): Promise<Buffer> {
    const dir = tempDir();
    const file = writePdf(dir, 'visual.pdf', await statementAsPdf(goldenDocument('C001'), settings));
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'page')]);
    return readFileSync(path.join(dir, 'page.png'));
  }

  /** Fraction of pixels where some channel differs by more than the threshold (anti-aliasing noise stays below it). */
  function differingFraction(a: PNG, b: PNG, threshold = 48): number {
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    let differing = 0;
    for (let i = 0; i < a.data.length; i += 4) {
      for (let c = 0; c < 3; c++) {
        if (Math.abs((a.data[i + c] as number) - (b.data[i + c] as number)) > threshold) {
          differing++;
          break;
        }
      }
    }
    return differing / (a.width * a.height);
  }

  it('page 1 of the golden English statement looks like the committed reference (50 dpi, < 1% of pixels differ)', async () => {
    const actualBytes = await pageOne(SETTINGS);
    if (process.env['UPDATE_REFERENCE'] === '1') {
      writeFileSync(reference, actualBytes);
      return;
    }
    const fraction = differingFraction(PNG.sync.read(actualBytes), PNG.sync.read(readFileSync(reference)));
    if (fraction >= 0.01) {
      const actual = path.join(tempDir(), 'statement-en-p1.actual.png');
      writeFileSync(actual, actualBytes);
      throw new Error(`page 1 differs from ${reference} in ${(fraction * 100).toFixed(2)}% of its pixels; this run's page is ${actual} (UPDATE_REFERENCE=1 accepts it)`);
    }
  });

  it('the comparison has teeth: the same page without its overdue section differs by more than 1%', async () => {
    const changed = PNG.sync.read(await pageOne({ ...SETTINGS, showOverdueSection: false }));
    expect(differingFraction(changed, PNG.sync.read(readFileSync(reference)))).toBeGreaterThan(0.01);
  });
});

describe('statement PDF with amounts in the millions', () => {
  it('keeps every figure on one line: the lines up to -12,345,678.90 and the bold totals with their symbol, in en and fr', async () => {
    const customers = table('customers', 'customer_id|name|language|currency\nB|Big Spender Ltd|en|EUR\nG|Grands Comptes SA|fr|EUR');
    const entries = table('entries', 'customer_id|type|document_no|posting_date|due_date|amount|currency\nB|invoice|B-1|2026-09-01|2026-10-01|12345678.90|EUR\nB|invoice|B-2|2026-09-02|2026-10-02|1234567.89|EUR\nG|invoice|G-1|2026-09-01|2026-10-01|12345678.90|EUR\nG|invoice|G-2|2026-09-02|2026-10-02|1234567.89|EUR');
    const dir = tempDir();
    for (const doc of documentsOf(customers, entries)) {
      const text = plainSpaces(pdfText(writePdf(dir, `${doc.customer.id}.pdf`, await statementAsPdf(doc, SETTINGS))));
      if (doc.language === 'en') {
        expect(text).toMatch(loose('01 Sep 2026 Invoice B-1 01 Oct 2026 12,345,678.90 0.00 12,345,678.90 12,345,678.90 30'));
        expect(text).toMatch(loose('Balance due €13,580,246.79'));
        expect(text).toMatch(loose('Overdue €13,580,246.79'));
      } else {
        expect(text).toMatch(loose('01/09/2026 Facture G-1 01/10/2026 12 345 678,90 0,00 12 345 678,90 12 345 678,90 30'));
        expect(text).toMatch(loose('Solde dû 13 580 246,79 €'));
      }
    }
  });
});
