import * as fs from 'node:fs';
import * as path from 'node:path';
import PizZip from 'pizzip';
import { statementTemplateData } from '../../../src/adapters/documents/docx';
import { buildTemplate } from '../../../scripts/buildTemplates';
import { doc, SETTINGS } from './fixture';
import { template } from './helpers';

const DOCS = fs.readFileSync(path.join(__dirname, '../../../docs/templates.md'), 'utf8');

/** The tags written in a template, as "name", "#name", "/name", "^name". */
function tagsOf(docx: Buffer): Set<string> {
  const zip = new PizZip(docx);
  const tags = new Set<string>();
  for (const name of Object.keys(zip.files).filter((n) => /^word\/(document|footer\d*|header\d*)\.xml$/.test(n))) {
    const text = (zip.file(name)?.asText() ?? '').replace(/<[^>]*>/g, '');
    for (const m of text.matchAll(/\{([^{}]*)\}/g)) tags.add(m[1] ?? '');
  }
  return tags;
}

describe('the shipped templates', () => {
  it.each([['en', 'statement.docx'], ['fr', 'statement-fr.docx']] as const)('%s: assets/templates/%s is what scripts/buildTemplates.ts builds', (language, file) => {
    expect(buildTemplate(language).equals(template(file))).toBe(true);
  });

  it('use the loops and the parts the brief asks for', () => {
    for (const file of ['statement.docx', 'statement-fr.docx']) {
      const tags = tagsOf(template(file));
      for (const t of ['company.name', 'company.address', 'customer.name', 'customer.address', 'title', 'statementDate', 'statementNumber', 'period', '#sections', '#lines', '#aging', '#totals', '#overdueLines', 'agingCaption', 'message', 'company.iban', 'company.vatNumber', 'balanceDue']) {
        expect([file, tags.has(t)]).toEqual([file, true]);
      }
    }
  });

  it('English and French templates have the same tags', () => {
    expect([...tagsOf(template('statement-fr.docx'))].sort()).toEqual([...tagsOf(template('statement.docx'))].sort());
  });
});

describe('docs/templates.md documents every tag', () => {
  const data = statementTemplateData(doc('A'), SETTINGS);

  it('every value of the data model has its row', () => {
    const missing: string[] = [];
    const need = (tag: string) => {
      if (!DOCS.includes(tag)) missing.push(tag);
    };
    const walk = (value: unknown, prefix: string) => {
      for (const [key, v] of Object.entries(value as object)) {
        if (/^aging(Label)?\d+$/.test(key)) continue; // documented as {aging1} … {agingN}
        if (Array.isArray(v)) {
          need(`{#${prefix}${key}}`);
          if (typeof v[0] === 'object' && v[0] !== null) walk(v[0], '');
        } else if (typeof v === 'object' && v !== null) walk(v, `${prefix}${key}.`);
        else need(`{${prefix}${key}}`);
      }
    };
    walk(data, '');
    for (const t of ['{aging1}', '{agingN}', '{agingLabel1}', '{agingLabelN}']) need(t);
    expect(missing).toEqual([]);
  });

  it('and every tag of the shipped templates', () => {
    const missing = [...tagsOf(template('statement.docx'))]
      .filter((t) => !t.startsWith('/'))
      .filter((t) => !DOCS.includes(`{${t}}`) && !DOCS.includes(`{${t.replace(/^[#^]/, '')}}`));
    expect(missing).toEqual([]);
  });
});
