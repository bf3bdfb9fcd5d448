import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinTemplatesDir, checkTemplateName, resolveTemplate, TemplateError } from '../../../src/adapters/documents/docx';
import { tempDir, TEMPLATES_DIR } from './helpers';

function refused(name: string, dir: string): TemplateError {
  try {
    resolveTemplate(name, dir, 'en');
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

describe('resolveTemplate: the customers table\'s template column, looked up in the templates folder', () => {
  const dir = tempDir('templates');
  const outside = tempDir('outside');
  beforeAll(() => {
    for (const f of ['acme.docx', 'acme-fr.docx', 'Plain Name.docx', 'firm.dotx']) fs.writeFileSync(path.join(dir, f), 'x');
    fs.writeFileSync(path.join(outside, 'secret.docx'), 'x');
    fs.mkdirSync(path.join(dir, 'folder.docx'));
    fs.symlinkSync(path.join(outside, 'secret.docx'), path.join(dir, 'link.docx'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('a named template without a templates folder is not looked for in the current folder', () => {
    const cwd = process.cwd();
    try {
      process.chdir(dir); // acme.docx is right here
      const e = refused('acme', '');
      expect(e.message).toContain('no templates folder was given (--templates DIR)');
    } finally {
      process.chdir(cwd);
    }
  });

  it('blank: the shipped default in the customer\'s language, or the firm\'s own default when the folder has one', () => {
    expect(builtinTemplatesDir()).toBe(path.resolve(TEMPLATES_DIR));
    expect(resolveTemplate('', dir, 'en')).toBe(path.join(TEMPLATES_DIR, 'statement.docx'));
    expect(resolveTemplate('  ', dir, 'fr')).toBe(path.join(TEMPLATES_DIR, 'statement-fr.docx'));
    expect(resolveTemplate('', '', 'fr')).toBe(path.join(TEMPLATES_DIR, 'statement-fr.docx'));
    const own = tempDir('own');
    fs.writeFileSync(path.join(own, 'statement.docx'), 'x');
    expect(resolveTemplate('', own, 'en')).toBe(path.join(own, 'statement.docx'));
    expect(resolveTemplate('', own, 'fr')).toBe(path.join(own, 'statement.docx')); // the firm's English default beats a shipped French one
    fs.rmSync(own, { recursive: true });
  });

  it('a name, with or without .docx, preferring the language variant', () => {
    expect(resolveTemplate('acme.docx', dir, 'en')).toBe(path.join(dir, 'acme.docx'));
    expect(resolveTemplate('acme', dir, 'en')).toBe(path.join(dir, 'acme.docx'));
    expect(resolveTemplate('acme.docx', dir, 'fr')).toBe(path.join(dir, 'acme-fr.docx'));
    expect(resolveTemplate(' Plain Name ', dir, 'fr')).toBe(path.join(dir, 'Plain Name.docx'));
    expect(resolveTemplate('firm.dotx', dir, 'en')).toBe(path.join(dir, 'firm.dotx'));
  });

  it.each([
    ['../x.docx', /without folders/],
    ['..\\x.docx', /without folders/],
    ['sub/acme.docx', /without folders/],
    ['/etc/passwd', /not by an absolute path/],
    ['C:\\Windows\\x.docx', /not by an absolute path/],
    ['c:x.docx', /not by an absolute path/],
    ['\\\\server\\share\\x.docx', /not by an absolute path/],
    ['..', /cannot start with "\."/],
    ['.hidden.docx', /cannot start with "\."/],
    ['acme.exe', /a template is a Word file \(\.docx or \.dotx\), not "\.exe"/],
    ['ac\u0000me.docx', /control characters/],
  ])('refuses %j', (name, message) => {
    const e = refused(name, dir);
    expect(e.problems[0]?.code).toBe('bad-name');
    expect(e.message).toMatch(message);
    expect(e.localised.fr).not.toBe(e.localised.en);
  });

  it('refuses a link that leads out of the folder', () => {
    const e = refused('link.docx', dir);
    expect(e.message).toContain('points outside the templates folder');
    expect(e.localised.fr).toContain('pointe hors du dossier des modèles');
  });

  it('a missing template (or a folder with its name) is a clear error naming what was looked for', () => {
    const e = refused('nope.docx', dir);
    expect(e.problems[0]?.code).toBe('not-found');
    expect(e.templateName).toBe('nope.docx');
    expect(e.message).toContain(path.join(dir, 'nope-en.docx'));
    expect(e.message).toContain(path.join(dir, 'nope.docx'));
    expect(e.localised.fr).toContain('modèle introuvable');
    expect(refused('folder.docx', dir).problems[0]?.code).toBe('not-found');
  });

  it('checkTemplateName adds .docx and keeps safe names', () => {
    expect(checkTemplateName('acme')).toBe('acme.docx');
    expect(checkTemplateName('Relevé Client.DOCX')).toBe('Relevé Client.DOCX');
    expect(checkTemplateName('Acme v2.1')).toBe('Acme v2.1.docx');
    expect(checkTemplateName('Acme Inc.')).toBe('Acme Inc..docx');
    expect(() => checkTemplateName('acme.pdf')).toThrow(/not "\.pdf"/);
  });
});
