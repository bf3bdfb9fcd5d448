/**
 * DOCX → PDF through LibreOffice headless. Many files per `soffice` run (its start-up costs seconds),
 * a fresh user profile per run (so runs never share or corrupt one, and a LibreOffice the user has
 * open is left alone), a timeout per run that kills the whole process group, and an output folder
 * per run so a PDF is reported converted only if this run wrote it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Localised } from '../../../core';

export type LibreOfficeErrorCode = 'missing' | 'duplicate-name' | 'failed';

export interface FailedConversion {
  readonly file: string;
  readonly reason: Localised;
}

/** LibreOffice cannot be found, or some files were not converted (`converted` lists those that were). */
export class LibreOfficeError extends Error {
  readonly code: LibreOfficeErrorCode;
  readonly localised: Localised;
  readonly converted: readonly string[];
  readonly failed: readonly FailedConversion[];

  constructor(code: LibreOfficeErrorCode, localised: Localised, converted: readonly string[] = [], failed: readonly FailedConversion[] = []) {
    super(localised.en);
    this.name = 'LibreOfficeError';
    this.code = code;
    this.localised = localised;
    this.converted = converted;
    this.failed = failed;
  }
}

/** Where LibreOffice is usually installed, when `soffice` is not on the PATH. */
export function defaultSofficeCandidates(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') {
    return ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'];
  }
  if (platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  return ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/usr/local/bin/soffice', '/snap/bin/libreoffice'];
}

export interface FindSofficeOptions {
  /** The SOFFICE environment variable: the program's own path, tried first (default: this process's). */
  readonly sofficeEnv?: string | undefined;
  /** The PATH to search (default: this process's PATH). */
  readonly pathEnv?: string | undefined;
  /** Install places tried after the PATH (default: defaultSofficeCandidates()). */
  readonly candidates?: readonly string[] | undefined;
  readonly platform?: NodeJS.Platform | undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function sofficeMissing(searched: readonly string[]): LibreOfficeError {
  const where = searched.length === 0 ? '' : ` (looked in: ${searched.join(', ')})`;
  const ou = searched.length === 0 ? '' : ` (cherché dans : ${searched.join(', ')})`;
  return new LibreOfficeError('missing', {
    en: `LibreOffice is needed to turn Word statements into PDF, but "soffice" was not found${where}. Install it (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui; macOS: brew install --cask libreoffice; Windows: winget install TheDocumentFoundation.LibreOffice) or set SOFFICE to its path.`,
    fr: `LibreOffice est nécessaire pour convertir les relevés Word en PDF, mais « soffice » est introuvable${ou}. Installez-le (Debian/Ubuntu : sudo apt-get install libreoffice-writer-nogui ; macOS : brew install --cask libreoffice ; Windows : winget install TheDocumentFoundation.LibreOffice) ou donnez son chemin dans la variable SOFFICE.`,
  });
}

/** The LibreOffice program: `soffice` on the PATH, else the usual install places. Throws LibreOfficeError('missing'). */
export function findSoffice(options: FindSofficeOptions = {}): string {
  const platform = options.platform ?? process.platform;
  const names = platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  const delimiter = platform === 'win32' ? ';' : ':';
  const dirs = (options.pathEnv ?? process.env['PATH'] ?? '').split(delimiter).filter((d) => d.trim() !== '');
  const searched: string[] = [];
  const given = (options.sofficeEnv ?? process.env['SOFFICE'] ?? '').trim();
  if (given !== '') {
    if (isExecutableFile(given)) return given;
    searched.push(`SOFFICE=${given}`);
  }
  for (const dir of dirs) {
    for (const name of names) {
      const file = path.join(dir, name);
      if (isExecutableFile(file)) return file;
    }
  }
  if (dirs.length > 0) searched.push('PATH');
  for (const file of options.candidates ?? defaultSofficeCandidates(platform)) {
    searched.push(file);
    if (isExecutableFile(file)) return file;
  }
  throw sofficeMissing(searched);
}

export interface ConvertOptions {
  /** The soffice program (default: findSoffice()). */
  readonly soffice?: string | undefined;
  /** Files per soffice run (default 200). */
  readonly batchSize?: number | undefined;
  /** soffice runs at the same time (default 1; each takes a few hundred MB). */
  readonly concurrency?: number | undefined;
  /** Time limit of one soffice run in ms (default 60 s + 2 s per file). */
  readonly timeoutMs?: number | undefined;
  /** Called after each soffice run with the files done so far. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

export const DEFAULT_BATCH_SIZE = 200;

interface BatchResult {
  readonly converted: string[];
  readonly failed: FailedConversion[];
}

/**
 * Converts .docx files into `outDir` as PDFs (same stem: a.docx → a.pdf, replacing an older a.pdf).
 * Resolves with the PDFs written, in the input order; throws LibreOfficeError when soffice is missing,
 * when two inputs would give the same PDF name, or when any file failed (with `converted` and
 * `failed` on the error, so the caller can still report what was done).
 */
export async function convertToPdf(docxFiles: readonly string[], outDir: string, options: ConvertOptions = {}): Promise<{ converted: string[] }> {
  if (docxFiles.length === 0) return { converted: [] };
  const soffice = options.soffice ?? findSoffice();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = options.concurrency ?? 1;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a whole number ≥ 1, not ${batchSize}`);
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, not ${concurrency}`);

  // Absolute paths: a file named "-x.docx" must never read as an option.
  const inputs = docxFiles.map((f) => path.resolve(f));
  const byPdf = new Map<string, string>();
  for (const file of inputs) {
    const pdf = pdfName(file);
    const key = pdf.toLowerCase();
    const other = byPdf.get(key);
    if (other !== undefined) {
      throw new LibreOfficeError('duplicate-name', {
        en: `${other} and ${file} would both become ${pdf}: give the Word files different names`,
        fr: `${other} et ${file} donneraient tous deux ${pdf} : donnez des noms différents aux fichiers Word`,
      });
    }
    byPdf.set(key, file);
  }
  await fs.promises.mkdir(outDir, { recursive: true });

  const batches = planBatches(inputs, batchSize, concurrency);
  const results: BatchResult[] = new Array<BatchResult>(batches.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < batches.length) {
      const i = next++;
      const batch = batches[i] as string[];
      results[i] = await convertBatch(soffice, batch, outDir, options.timeoutMs ?? 60_000 + 2_000 * batch.length);
      done += batch.length;
      options.onProgress?.(done, inputs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));

  const converted = results.flatMap((r) => r.converted);
  const failed = results.flatMap((r) => r.failed);
  if (failed.length > 0) {
    const list = (language: 'en' | 'fr') => failed.slice(0, 10).map((f) => `  - ${path.basename(f.file)}: ${f.reason[language]}`).join('\n');
    throw new LibreOfficeError(
      'failed',
      {
        en: `LibreOffice did not convert ${failed.length} of ${inputs.length} file(s) to PDF:\n${list('en')}`,
        fr: `LibreOffice n'a pas converti ${failed.length} fichier(s) sur ${inputs.length} en PDF :\n${list('fr')}`,
      },
      converted,
      failed,
    );
  }
  return { converted };
}

/** The PDF name soffice gives a file: its name with the last extension replaced by .pdf. */
function pdfName(file: string): string {
  const base = path.basename(file);
  const ext = path.extname(base);
  return `${ext === '' ? base : base.slice(0, -ext.length)}.pdf`;
}

/** Batches of at most `batchSize`, split further so `concurrency` runs have work (not below 10 files each). */
export function planBatches<T>(files: readonly T[], batchSize: number, concurrency: number): T[][] {
  const minPerRun = 10;
  const runs = Math.max(Math.ceil(files.length / batchSize), Math.min(concurrency, Math.ceil(files.length / minPerRun)));
  const size = Math.ceil(files.length / Math.max(1, runs));
  const out: T[][] = [];
  for (let i = 0; i < files.length; i += size) out.push(files.slice(i, i + size));
  return out;
}

const tail = (text: string) => text.trim().split('\n').slice(-3).join(' / ').slice(0, 400);

async function convertBatch(soffice: string, files: readonly string[], outDir: string, timeoutMs: number): Promise<BatchResult> {
  const unique = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const profile = path.join(os.tmpdir(), `lo-${unique}`);
  const work = await fs.promises.mkdtemp(path.join(outDir, '.lo-out-'));
  try {
    const args = [
      '--headless', '--norestore', '--nologo', '--nodefault', '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--convert-to', 'pdf:writer_pdf_Export',
      '--outdir', work,
      ...files,
    ];
    const run = await runProcess(soffice, args, timeoutMs);
    const converted: string[] = [];
    const failed: FailedConversion[] = [];
    for (const file of files) {
      const produced = path.join(work, pdfName(file));
      let size = 0;
      try {
        size = (await fs.promises.stat(produced)).size;
      } catch {
        size = 0;
      }
      if (size > 0) {
        const target = path.join(outDir, pdfName(file));
        await fs.promises.rename(produced, target);
        converted.push(target);
        continue;
      }
      const reason: Localised =
        run.kind === 'missing'
          ? sofficeMissing([soffice]).localised
          : run.kind === 'timeout'
            ? { en: `soffice did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`, fr: `soffice n'a pas fini en ${Math.round(timeoutMs / 1000)} s et a été arrêté` }
            : {
                en: `no PDF produced (soffice exit code ${run.code ?? run.signal ?? '?'}${run.stderr === '' ? '' : `: ${tail(run.stderr)}`})`,
                fr: `aucun PDF produit (code de sortie de soffice ${run.code ?? run.signal ?? '?'}${run.stderr === '' ? '' : ` : ${tail(run.stderr)}`})`,
              };
      failed.push({ file, reason });
    }
    if (run.kind === 'missing' && converted.length === 0) throw sofficeMissing([soffice]);
    return { converted, failed };
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
    await fs.promises.rm(profile, { recursive: true, force: true });
  }
}

type ProcessRun =
  | { readonly kind: 'exited'; readonly code: number | null; readonly signal: string | null; readonly stderr: string }
  | { readonly kind: 'timeout'; readonly stderr: string }
  | { readonly kind: 'missing'; readonly stderr: string };

/** Runs soffice in its own process group, so a timeout stops oosplash and soffice.bin alike. */
function runProcess(program: string, args: readonly string[], timeoutMs: number): Promise<ProcessRun> {
  return new Promise((resolve) => {
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const finish = (r: ProcessRun) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const child = spawn(program, args, { detached: process.platform !== 'win32', stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    const kill = () => {
      if (child.pid === undefined) return;
      try {
        if (process.platform === 'win32') child.kill('SIGKILL');
        else process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 64_000) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(error.code === 'ENOENT' || error.code === 'EACCES' ? { kind: 'missing', stderr } : { kind: 'exited', code: null, signal: null, stderr: `${stderr}${error.message}` });
    });
    child.on('close', (code, signal) => {
      if (timedOut) finish({ kind: 'timeout', stderr });
      else finish({ kind: 'exited', code, signal, stderr });
    });
  });
}
