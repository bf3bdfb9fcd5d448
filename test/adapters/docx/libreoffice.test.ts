import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fillTemplate, statementTemplateData } from '../../../src/adapters/documents/docx';
import { convertToPdf, findSoffice, LibreOfficeError, planBatches } from '../../../src/adapters/documents/libreoffice';
import { doc, SETTINGS } from './fixture';
import { plainSpaces, tempDir, template } from './helpers';

async function conversionError(promise: Promise<unknown>): Promise<LibreOfficeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LibreOfficeError) return error;
    throw error;
  }
  throw new Error('no LibreOfficeError');
}

/** A stand-in soffice (a shell script) that records its arguments, then runs `body`. */
function fakeSoffice(dir: string, body: string): { program: string; log: string } {
  const program = path.join(dir, 'soffice');
  const log = path.join(dir, 'calls.log');
  fs.writeFileSync(program, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\n${body}\n`, { mode: 0o755 });
  return { program, log };
}

const pdfText = (file: string) => plainSpaces(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));

describe('findSoffice', () => {
  it('finds LibreOffice on this machine', () => {
    expect(fs.existsSync(findSoffice())).toBe(true);
  });

  it('finds soffice on the PATH given', () => {
    const dir = tempDir('path');
    const { program } = fakeSoffice(dir, 'exit 0');
    expect(findSoffice({ pathEnv: `/nonexistent:${dir}`, candidates: [] })).toBe(program);
    fs.rmSync(dir, { recursive: true });
  });

  it('takes the SOFFICE variable first, and names it when it points at nothing', () => {
    const dir = tempDir('soffice-env');
    const { program } = fakeSoffice(dir, 'exit 0');
    expect(findSoffice({ sofficeEnv: program, pathEnv: '', candidates: [] })).toBe(program);
    expect(() => findSoffice({ sofficeEnv: path.join(dir, 'nope'), pathEnv: '', candidates: [] })).toThrow(`SOFFICE=${path.join(dir, 'nope')}`);
    fs.rmSync(dir, { recursive: true });
  });

  it('missing: a clear message in English and French, with how to install it', () => {
    const empty = tempDir('empty-path');
    let error: unknown;
    try {
      findSoffice({ pathEnv: empty, candidates: [path.join(empty, 'soffice')] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LibreOfficeError);
    const e = error as LibreOfficeError;
    expect(e.code).toBe('missing');
    expect(e.message).toMatch(/^LibreOffice is needed to turn Word statements into PDF, but "soffice" was not found/);
    expect(e.message).toContain('apt-get install libreoffice-writer-nogui');
    expect(e.message).toContain('or set SOFFICE to its path');
    expect(e.message).toContain(path.join(empty, 'soffice'));
    expect(e.localised.fr).toMatch(/^LibreOffice est nécessaire pour convertir les relevés Word en PDF, mais « soffice » est introuvable/);
    expect(() => findSoffice({ pathEnv: '', candidates: [] })).toThrow(LibreOfficeError);
    fs.rmSync(empty, { recursive: true });
  });

  it('a soffice path that does not exist gives the same message when converting', async () => {
    const dir = tempDir('missing');
    fs.writeFileSync(path.join(dir, 'a.docx'), 'x');
    const e = await conversionError(convertToPdf([path.join(dir, 'a.docx')], dir, { soffice: path.join(dir, 'no-soffice') }));
    expect(e.code).toBe('missing');
    fs.rmSync(dir, { recursive: true });
  });
});

describe('convertToPdf', () => {
  it('converts several filled statements (en and fr) in one soffice run; the PDFs show the figures', async () => {
    const dir = tempDir('convert');
    const out = path.join(dir, 'pdf');
    const a = path.join(dir, 'Alpha Ltd.docx');
    const f = path.join(dir, 'Société Générale.docx');
    const a2 = path.join(dir, '-starts with a dash.docx');
    fs.writeFileSync(a, fillTemplate(template('statement.docx'), 'statement.docx', statementTemplateData(doc('A'), SETTINGS)));
    fs.writeFileSync(f, fillTemplate(template('statement-fr.docx'), 'statement-fr.docx', statementTemplateData(doc('F'), SETTINGS)));
    fs.copyFileSync(a, a2);
    // Count the soffice runs through a wrapper around the real one.
    const { program, log } = fakeSoffice(dir, `exec '${findSoffice()}' "$@"`);
    const progress: [number, number][] = [];
    const result = await convertToPdf([a, f, a2], out, { soffice: program, onProgress: (d, t) => progress.push([d, t]) });
    expect(result.converted).toEqual([path.join(out, 'Alpha Ltd.pdf'), path.join(out, 'Société Générale.pdf'), path.join(out, '-starts with a dash.pdf')]);
    expect(fs.readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(progress).toEqual([[3, 3]]);
    expect(fs.readdirSync(out).sort()).toEqual(['-starts with a dash.pdf', 'Alpha Ltd.pdf', 'Société Générale.pdf']); // no work folders left

    const en = pdfText(path.join(out, 'Alpha Ltd.pdf'));
    expect(en).toContain('Statement of account');
    expect(en).toContain('ST-202610-A');
    expect(en).toMatch(/15 Jun 2026\s+Invoice\s+A1\s+PO-77\s+15 Jul 2026\s+1,234.56\s+34.56\s+1,200.00\s+1,200.00\s+108/);
    expect(en).toContain('Balance due: €1,550.00');
    expect(en).toMatch(/Over 90\s+€1,200.00/);
    expect(en).not.toMatch(/undefined|\{/);
    const fr = pdfText(path.join(out, 'Société Générale.pdf'));
    expect(fr).toContain('Relevé de compte');
    expect(fr).toMatch(/01\/07\/2026\s+Facture\s+F1\s+BC-12\s+31\/07\/2026\s+1 999,99\s+0,00\s+1 999,99\s+1 999,99\s+92/);
    expect(fr).toContain('Solde dû : 2 900,00 €');
    expect(fr).toMatch(/Plus de 90\s+1 999,99 €/);
    expect(fr).toContain('Page 1 sur 1');
    fs.rmSync(dir, { recursive: true });
  }, 180_000);

  it('files that soffice does not convert are reported, with what was converted', async () => {
    const dir = tempDir('fail');
    const { program } = fakeSoffice(dir, 'echo "Error: source file could not be loaded" >&2\nexit 1');
    fs.writeFileSync(path.join(dir, 'a.docx'), 'x');
    const e = await conversionError(convertToPdf([path.join(dir, 'a.docx')], path.join(dir, 'out'), { soffice: program }));
    expect(e.code).toBe('failed');
    expect(e.failed.map((x) => path.basename(x.file))).toEqual(['a.docx']);
    expect(e.message).toContain('LibreOffice did not convert 1 of 1 file(s) to PDF');
    expect(e.message).toContain('exit code 1: Error: source file could not be loaded');
    expect(e.localised.fr).toContain("LibreOffice n'a pas converti 1 fichier(s) sur 1 en PDF");
    expect(e.converted).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  });

  it('a soffice run that hangs is stopped at the time limit', async () => {
    const dir = tempDir('hang');
    const { program } = fakeSoffice(dir, 'sleep 30');
    fs.writeFileSync(path.join(dir, 'a.docx'), 'x');
    const started = Date.now();
    const e = await conversionError(convertToPdf([path.join(dir, 'a.docx')], dir, { soffice: program, timeoutMs: 500 }));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(e.failed[0]?.reason.en).toContain('did not finish within 1 s and was stopped');
    fs.rmSync(dir, { recursive: true });
  });

  it('two files that would give the same PDF name are refused before running', async () => {
    const dir = tempDir('dup');
    const e = await conversionError(convertToPdf(['/x/a.docx', '/y/A.docx'], dir, { soffice: '/bin/false' }));
    expect(e.code).toBe('duplicate-name');
    expect(e.localised.fr).toContain('donneraient tous deux');
    fs.rmSync(dir, { recursive: true });
  });

  it('batches: at most batchSize files per run, split for concurrency', () => {
    const files = Array.from({ length: 450 }, (_, i) => i);
    expect(planBatches(files, 200, 1).map((b) => b.length)).toEqual([150, 150, 150]);
    expect(planBatches(files.slice(0, 100), 200, 1).map((b) => b.length)).toEqual([100]);
    expect(planBatches(files.slice(0, 100), 200, 4).map((b) => b.length)).toEqual([25, 25, 25, 25]);
    expect(planBatches(files.slice(0, 15), 200, 4).map((b) => b.length)).toEqual([8, 7]);
    expect(planBatches(files, 200, 2).flat()).toEqual(files);
  });
});
