import PizZip from 'pizzip';
import { fillTemplate, statementTemplateData, TemplateError } from '../../../src/adapters/documents/docx';
import { parseIsoDay } from '../../../src/core';
import { docxPackage, para, run } from '../../../scripts/buildTemplates';
import { doc, SETTINGS } from './fixture';
import { docxWith, paragraphs, part, plainSpaces, rows, template, textOf } from './helpers';

const dataA = () => statementTemplateData(doc('A'), SETTINGS);
const dataF = () => statementTemplateData(doc('F'), SETTINGS);

function fillError(bytes: Buffer, name: string, data: Record<string, unknown> = dataA()): TemplateError {
  try {
    fillTemplate(bytes, name, data);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('fillTemplate did not throw');
}

/** Every part a template fills (body, footers), unzipped. */
const allXml = (docx: Buffer) => Object.keys(new PizZip(docx).files).filter((n) => n.endsWith('.xml')).map((n) => part(docx, n)).join('\n');

describe('fillTemplate with the shipped templates', () => {
  it('English: header, customer, every line as a table row, totals, aging, message, footer', () => {
    const out = fillTemplate(template('statement.docx'), 'statement.docx', dataA());
    const xml = part(out);
    const text = paragraphs(xml);
    expect(text).toEqual(expect.arrayContaining(['Northwind Accounting SARL', 'Statement of account', '31 Oct 2026', 'ST-202610-A', 'Alpha Ltd', 'Currency: EUR', 'Currency: USD', 'Balance due: €1,550.00', 'Balance due: $50.00', 'Overdue: €1,300.00', 'Overdue: $50.00', 'Overdue items (EUR)']));
    expect(text).toContain('12 rue de la Paix\n75002 Paris');
    expect(text).toContain('Contact: Jane Smith');
    expect(text).toContain('Thank you for your business.\nPlease pay overdue items now.');
    expect(text.some((p) => /^Aged at 31 Oct 2026 by due date/.test(p))).toBe(true);
    expect(text).not.toContain('Period:');

    const lines = rows(xml).filter((r) => r.length === 10 && /^\d\d [A-Z][a-z]{2} \d{4}$/.test(r[0] ?? ''));
    expect(lines).toEqual([
      ['15 Jun 2026', 'Invoice', 'A1', 'PO-77\nOctober services', '15 Jul 2026', '1,234.56', '34.56', '1,200.00', '1,200.00', '108'],
      ['10 Sep 2026', 'Invoice', 'A2', '', '10 Oct 2026', '100.00', '0.00', '100.00', '1,300.00', '21'],
      ['20 Oct 2026', 'Invoice', 'A3', '', '19 Nov 2026', '250.00', '0.00', '250.00', '1,550.00', ''],
      ['01 Aug 2026', 'Invoice', 'A4', '', '31 Aug 2026', '50.00', '0.00', '50.00', '50.00', '61'],
    ]);
    const all = rows(xml);
    expect(all).toContainEqual(['Total', '1,584.56', '34.56', '1,550.00', '1,550.00', '']);
    expect(all).toContainEqual(['EUR', '€1,550.00', '€1,300.00']);
    expect(all).toContainEqual(['USD', '$50.00', '$50.00']);
    // The overdue list as the PDF lays it out: date, document, reference, due date, days, open; its total with the symbol.
    expect(all).toContainEqual(['15 Jun 2026', 'A1', 'PO-77', '15 Jul 2026', '108', '1,200.00']);
    expect(all).toContainEqual(['10 Sep 2026', 'A2', '', '10 Oct 2026', '21', '100.00']);
    expect(all).toContainEqual(['Total', '€1,300.00']);
    expect(all.filter((r) => r[0] === 'Over 90')).toEqual([['Over 90', '€1,200.00'], ['Over 90', '$0.00']]);
    expect(all).toContainEqual(['Current', '€250.00']);
    expect(all).toContainEqual(['61-90', '$50.00']);
    expect(all.some((r) => r[0]?.startsWith('Opening balance'))).toBe(false);

    const footer = paragraphs(part(out, 'word/footer1.xml'));
    expect(footer[0]).toBe('Northwind Accounting SARL · Registration no. RCS Paris 123 456 789 · VAT no. FR12345678901');
    expect(footer[1]).toMatch(/^ST-202610-A · Page 1 of 1$/);
    expect(paragraphs(allXml(out)).join('\n')).toContain('Bank: Banque Exemple');
  });

  it('French: French texts, "1 234,56 €", 31/10/2026, names escaped as XML', () => {
    const out = fillTemplate(template('statement-fr.docx'), 'statement-fr.docx', dataF());
    const xml = part(out);
    expect(xml).toContain('Société Générale &amp; Fils &lt;Paris&gt;');
    const text = paragraphs(xml).map(plainSpaces);
    expect(text).toEqual(expect.arrayContaining(['Relevé de compte', '31/10/2026', 'ST-202610-F', 'Société Générale & Fils <Paris>', 'Devise : EUR', 'Solde dû : 2 900,00 €', 'Échu : 1 900,00 €', 'Merci de votre confiance.\nMerci de régler les pièces échues.']));
    expect(text).not.toContain('Contact :'); // no contact: the paragraph is gone
    const lines = rows(xml).map((r) => r.map(plainSpaces)).filter((r) => r.length === 10 && /^\d\d\/\d\d\/\d{4}$/.test(r[0] ?? ''));
    expect(lines).toEqual([
      ['01/07/2026', 'Facture', 'F1', 'BC-12\nPrestations juillet', '31/07/2026', '1 999,99', '0,00', '1 999,99', '1 999,99', '92'],
      ['01/10/2026', 'Avoir', 'F2', '', '01/10/2026', '-99,99', '0,00', '-99,99', '1 900,00', ''],
      ['05/10/2026', 'Facture', 'F3', '', '04/11/2026', '1 000,00', '0,00', '1 000,00', '2 900,00', ''],
    ]);
    const all = rows(xml).map((r) => r.map(plainSpaces));
    expect(all).toContainEqual(['Non échu', '1 000,00 €']);
    expect(all).toContainEqual(['Plus de 90', '1 999,99 €']);
    expect(all).toContainEqual(['1-30', '-99,99 €']);
    expect(all).toContainEqual(['Total', '2 900,00 €']);
    expect(paragraphs(xml).some((p) => p.startsWith('Antériorité au 31/10/2026'))).toBe(true);
    expect(paragraphs(part(out, 'word/footer1.xml'))[1]).toBe('ST-202610-F · Page 1 sur 1');
  });

  it('activity statement: the period row and the opening balance row appear', () => {
    const data = statementTemplateData(doc('A', { style: 'activity', from: parseIsoDay('2026-10-01') as number }), SETTINGS);
    const xml = part(fillTemplate(template('statement.docx'), 'statement.docx', data));
    const all = rows(xml);
    expect(all).toContainEqual(['Period:', '01 Oct 2026 – 31 Oct 2026']);
    expect(all).toContainEqual(['01 Oct 2026', 'Opening balance', '1,300.00', '']);
    expect(paragraphs(xml)).toEqual(expect.arrayContaining(['Statement of activity', 'Closing balance: €1,550.00', 'Overdue: €1,300.00', 'Overdue items (EUR)']));
    // The open items at the date, not the period's movements: A1 and A2 were posted before it.
    expect(all).toContainEqual(['15 Jun 2026', 'A1', 'PO-77', '15 Jul 2026', '108', '1,200.00']);
    expect(all).toContainEqual(['Total', '€1,300.00']);
  });

  it('no "undefined", no leftover tag, no loop-tag paragraph in any filled part, en and fr, full and empty settings', () => {
    for (const [file, data] of [['statement.docx', dataA()], ['statement-fr.docx', dataF()], ['statement.docx', statementTemplateData(doc('A'), { ...SETTINGS, company: { ...SETTINGS.company, phone: '', bank: { name: '', iban: '', bic: '' } }, message: {} })]] as const) {
      const xml = allXml(fillTemplate(template(file), file, data));
      const text = textOf(xml);
      expect(text).not.toMatch(/undefined|NaN|\[object/);
      expect(text).not.toMatch(/[{}]/);
    }
  });

  it('the template is not changed and can be filled again (statement after statement)', () => {
    const bytes = template('statement.docx');
    const copy = Buffer.from(bytes);
    const a = part(fillTemplate(bytes, 'statement.docx', dataA()));
    const f = part(fillTemplate(bytes, 'statement.docx', dataF()));
    expect(bytes.equals(copy)).toBe(true);
    expect(a).toContain('Alpha Ltd');
    expect(f).toContain('Société Générale');
    expect(f).not.toContain('Alpha Ltd');
  });
});

describe('fillTemplate: loops, line breaks, and what a firm writes in Word', () => {
  it('loops over sections and lines, "." for the current item, conditions, line breaks', () => {
    const out = fillTemplate(
      docxWith('{#sections}{currency}:{#lines} [{document} {amount}]{/lines}{/sections}', '{#company.addressLines}<{.}>{/company.addressLines}', '{#customer.hasContact}Attn {customer.contact}{/customer.hasContact}', '{^hasPeriod}no period{/hasPeriod}', '{company.address}'),
      'mine.docx',
      dataA(),
    );
    const xml = part(out);
    expect(paragraphs(xml)).toEqual(['EUR: [A1 1,234.56] [A2 100.00] [A3 250.00]USD: [A4 50.00]', '<12 rue de la Paix><75002 Paris>', 'Attn Jane Smith', 'no period', '12 rue de la Paix\n75002 Paris']);
    expect(xml).toContain('<w:br/>');
  });

  it('lines loop in a table row repeats the row, once per line', () => {
    const body = `<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc>${para(run('{#lines}{document}'))}</w:tc><w:tc>${para(run('{open}{/lines}'))}</w:tc></w:tr></w:tbl>${para('')}`;
    const out = fillTemplate(docxPackage(`${para(run('{#sections}'))}${body}${para(run('{/sections}'))}`), 'rows.docx', dataA());
    expect(rows(part(out))).toEqual([['A1', '1,200.00'], ['A2', '100.00'], ['A3', '250.00'], ['A4', '50.00']]);
  });

  it('a .dotx template gives a .docx document', () => {
    const zip = new PizZip(docxWith('{customer.name}'));
    const types = zip.file('[Content_Types].xml')?.asText() ?? '';
    zip.file('[Content_Types].xml', types.replace('document.main+xml', 'template.main+xml'));
    const out = fillTemplate(zip.generate({ type: 'nodebuffer' }), 'firm.dotx', dataA());
    expect(part(out, '[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
    expect(part(out, '[Content_Types].xml')).not.toContain('template.main+xml');
  });
});

describe('fillTemplate: errors name the tag and the template, in English and French', () => {
  it('a misspelt tag', () => {
    const e = fillError(docxWith('Dear {customer.nmae},', 'Total {sections}'), 'acme.docx');
    expect(e.templateName).toBe('acme.docx');
    expect(e.tags).toEqual(['customer.nmae', 'sections']);
    expect(e.problems.map((p) => p.code)).toEqual(['unknown-tag', 'not-printable']);
    expect(e.message).toContain('Word template "acme.docx" cannot be used (2 problems)');
    expect(e.message).toContain('unknown tag {customer.nmae}');
    expect(e.message).toContain('tag {sections} is a list');
    expect(e.localised.fr).toContain('Le modèle Word « acme.docx » est inutilisable (2 problèmes)');
    expect(e.localised.fr).toContain('balise inconnue {customer.nmae}');
  });

  it('misspelt tags inside loops, loop names and footers, each reported once', () => {
    const zip = new PizZip(template('statement.docx'));
    const doc = zip.file('word/document.xml')?.asText() ?? '';
    const footer = zip.file('word/footer1.xml')?.asText() ?? '';
    zip.file('word/document.xml', doc.replace('{dueDate}', '{duedate}').replace('{#aging}', '{#agin}').replace('{/aging}', '{/agin}'));
    zip.file('word/footer1.xml', footer.replace('{company.vatNumber}{/company.vatNumber}', '{company.vat}{/company.vatNumber}'));
    const e = fillError(zip.generate({ type: 'nodebuffer' }), 'firm.docx');
    expect([...e.tags].sort()).toEqual(['#agin', 'company.vat', 'duedate']);
    expect(e.message).toContain('"firm.docx"');
    expect(e.message).toContain('unknown tag {duedate}');
    expect(e.message).toContain('unknown tag {#agin}');
    expect(e.message).toContain('unknown tag {company.vat}');
  });

  it('a misspelt loop never silently drops its content', () => {
    const e = fillError(docxWith('{#line}{document}{/line}'), 'x.docx');
    expect(e.tags).toContain('#line');
  });

  it('an unclosed tag, an unopened tag, an unclosed loop, mismatched loop ends', () => {
    const cases: [string[], string, RegExp][] = [
      [['Hello {customer.name'], 'unclosed', /tag \{customer\.name is never closed/],
      [['Hello customer.name}'], 'unopened', /closes a tag that was never opened/],
      [['{#sections}{currency}'], 'loop', /loop \{#sections\} is never closed: add \{\/sections\}/],
      [['{#sections}{currency}{/lines}'], 'mismatch', /loop \{#sections\} is closed by \{\/lines\}/],
    ];
    for (const [paras, name, expected] of cases) {
      const e = fillError(docxWith(...paras), `${name}.docx`);
      expect(e.problems.map((p) => p.code)).toContain('syntax');
      expect(e.message).toMatch(expected);
      expect(e.message).toContain(`"${name}.docx"`);
      expect(e.localised.fr).toContain(`« ${name}.docx »`);
      expect(e.localised.fr).not.toBe(e.localised.en);
    }
  });

  it('a file that is not a zip, a zip that is not a Word document, a macro-enabled one', () => {
    const notZip = fillError(Buffer.from('This is not a Word document at all.'), 'notes.docx');
    expect(notZip.message).toMatch(/"notes\.docx".*\n.*not a Word document \(\.docx\): it is not a zip archive/);
    expect(notZip.localised.fr).toContain("n'est pas un document Word");
    const truncated = fillError(template('statement.docx').subarray(0, 2000), 'cut.docx');
    expect(truncated.problems[0]?.code).toBe('not-a-template');
    const zip = new PizZip();
    zip.file('hello.txt', 'hi');
    const otherZip = fillError(zip.generate({ type: 'nodebuffer' }), 'archive.docx');
    expect(otherZip.message).toContain('word/document.xml is missing');
    const m = new PizZip(docxWith('{customer.name}'));
    m.file('word/vbaProject.bin', 'x');
    expect(fillError(m.generate({ type: 'nodebuffer' }), 'macro.docm').message).toContain('macro-enabled');
  });

  it('damaged XML', () => {
    const zip = new PizZip(docxWith('{customer.name}'));
    zip.file('word/document.xml', (zip.file('word/document.xml')?.asText() ?? '').replace('<w:t xml:space="preserve">', '<w:t xml:space="preserve"'));
    const e = fillError(zip.generate({ type: 'nodebuffer' }), 'broken.docx');
    expect(e.problems.map((p) => p.code)).toEqual(['not-a-template']);
    expect(e.message).toContain('"broken.docx"');
    expect(e.message).toContain("the document's XML is damaged");
    expect(e.localised.fr).toContain('le XML du document est endommagé');
  });
});

describe('the safe parser: a template cannot run code or reach prototypes', () => {
  it.each([
    '{constructor.constructor}',
    '{__proto__}',
    '{a.constructor}',
    '{company.name.constructor}',
    '{company.__proto__.polluted}',
    '{sections.prototype}',
    "{constructor.constructor('return process')()}",
    '{company["name"]}',
    '{company[0]}',
    '{a+b}',
    '{company.name | upper}',
    '{@company.name}',
  ])('%s is refused with a clear error', (tag) => {
    const e = fillError(docxWith(`x ${tag} y`), 'evil.docx');
    expect(e.problems.map((p) => p.code)).toContain('forbidden-tag');
    for (const p of e.problems) expect(p.code).toMatch(/^(forbidden-tag|syntax)$/);
    expect(e.message).toContain('"evil.docx"');
    expect(e.message).toMatch(/not allowed|refused/);
  });

  it('inherited names are not data: {toString}, {company.hasOwnProperty}, {customer.name.length.toFixed}, {this.company}', () => {
    const e = fillError(docxWith('{toString}', '{company.hasOwnProperty}', '{customer.name.length.toFixed}', '{this.company}', '{valueOf}'), 'x.docx');
    expect(e.problems.map((p) => p.code)).toEqual(['unknown-tag', 'unknown-tag', 'unknown-tag', 'unknown-tag', 'unknown-tag']);
  });

  it('getters, functions and class instances in the data are never run or read', () => {
    let ran = false;
    const data: Record<string, unknown> = {
      get secret() {
        ran = true;
        return 'leak';
      },
      fn: () => {
        ran = true;
        return 'called';
      },
      instance: new (class {
        name = 'inside';
      })(),
    };
    const e = fillError(docxWith('{secret}', '{fn}', '{instance.name}'), 'x.docx', data);
    expect(ran).toBe(false);
    expect(e.tags).toEqual(['secret', 'fn', 'instance.name']);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('nothing is polluted by a template that tries', () => {
    fillError(docxWith('{#__proto__}{polluted}{/__proto__}', '{#constructor}{#prototype}x{/prototype}{/constructor}'), 'x.docx');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
