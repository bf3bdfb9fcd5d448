/**
 * The OneDrive part of the fake Graph: the app folder (PUT special/approot:/{name}:/content), items
 * (GET, DELETE), /content and /content?format=pdf answered with 302 to a pre-authenticated URL on a
 * second origin, as Graph redirects to its download/transform hosts. That host behaves as Graph
 * documents those URLs: no Authorization (a request carrying one is refused), short-lived, a simple
 * GET answered to any origin (Access-Control-Allow-Origin: *), and no preflight (a page that sends
 * headers there is blocked). The PDF is made from the uploaded .docx by the real LibreOffice.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertToPdf } from '../../../src/adapters/documents/libreoffice';
import { errorBody, type Answer } from './answer';
import { BadRequest } from './validate';

export interface DriveItem {
  readonly id: string;
  readonly mailbox: string;
  name: string;
  bytes: Buffer;
  readonly created: string;
  modified: string;
}

export interface FakeDrive {
  /** The download host's origin (the redirect target). */
  readonly downloadOrigin: string;
  readonly items: Map<string, DriveItem>;
  readonly downloads: { served: number; conversions: number; refused: string[] };
  /** How long a pre-authenticated URL stays valid (Graph: a few minutes). */
  urlLifetimeMs: number;
  /** Answers a drive request (rest: the path after /me or /users/{id}), or undefined when it is not one. */
  route(method: string, rest: string, mailbox: string, q: URLSearchParams, headers: http.IncomingHttpHeaders, raw: Buffer): Answer | undefined;
  close(): Promise<void>;
}

const APPROOT_UPLOAD = /^\/drive\/special\/approot:\/([^/]+):\/content$/;
const ITEM = /^\/drive\/items\/([A-Za-z0-9!]+)(\/content)?$/;
/** Characters OneDrive refuses in a name. */
const BAD_NAME = /["*:<>?/\\|]/;
/** Graph's simple upload limit (larger files take an upload session). */
const SIMPLE_UPLOAD_MAX = 250 * 1024 * 1024;
const PDF_SOURCES = ['csv', 'doc', 'docx', 'odp', 'ods', 'odt', 'pot', 'potm', 'potx', 'pps', 'ppsx', 'ppsxm', 'ppt', 'pptm', 'pptx', 'rtf', 'xls', 'xlsx'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** PDFs by the .docx's SHA-256, for every fake in this process: LibreOffice takes seconds, and tests upload the same files again. */
const pdfs = new Map<string, Buffer>();

const notFound = (): BadRequest => new BadRequest('itemNotFound', 'The resource could not be found.', 404);

export async function startFakeDrive(graphUrl: () => string, cors: () => boolean): Promise<FakeDrive> {
  const items = new Map<string, DriveItem>();
  const grants = new Map<string, { item: string; format: 'pdf' | undefined; expires: number }>();
  const downloads = { served: 0, conversions: 0, refused: [] as string[] };
  let nextId = 1;
  let downloadOrigin = '';

  const itemJson = (i: DriveItem): Record<string, unknown> => ({
    '@odata.context': `${graphUrl()}/v1.0/$metadata#driveItem`,
    id: i.id,
    name: i.name,
    size: i.bytes.length,
    createdDateTime: i.created,
    lastModifiedDateTime: i.modified,
    file: { mimeType: i.name.toLowerCase().endsWith('.docx') ? DOCX_TYPE : 'application/octet-stream' },
    parentReference: { driveType: 'business', driveId: 'b!fake', id: 'APPROOT', path: '/drive/root:/Apps/Customer statements' },
  });
  const grant = (item: DriveItem, format: 'pdf' | undefined): string => {
    const tempauth = randomBytes(16).toString('hex');
    grants.set(tempauth, { item: item.id, format, expires: Date.now() + fake.urlLifetimeMs });
    const where = format === 'pdf' ? 'transform/pdf' : 'download';
    return `${downloadOrigin}/${where}?docid=${encodeURIComponent(item.id)}&tempauth=${tempauth}`;
  };

  function route(method: string, rest: string, mailbox: string, q: URLSearchParams, headers: http.IncomingHttpHeaders, raw: Buffer): Answer | undefined {
    if (!rest.startsWith('/drive')) return undefined;
    const upload = APPROOT_UPLOAD.exec(rest);
    if (upload !== null) {
      if (method !== 'PUT') throw new BadRequest('invalidRequest', `${method} is not supported on an item path's content; use PUT.`, 405);
      for (const k of q.keys()) if (k !== '@microsoft.graph.conflictBehavior') throw new BadRequest('invalidRequest', `Query option '${k}' is not supported here.`);
      const behaviour = q.get('@microsoft.graph.conflictBehavior') ?? 'replace';
      if (!['fail', 'replace', 'rename'].includes(behaviour)) throw new BadRequest('invalidRequest', `Invalid conflict behavior '${behaviour}'.`);
      let name: string;
      try {
        name = decodeURIComponent(upload[1] as string);
      } catch {
        throw new BadRequest('invalidRequest', 'The item path is not correctly encoded.');
      }
      if (name.trim() === '' || BAD_NAME.test(name) || name.endsWith('.') || name.length > 255) throw new BadRequest('invalidRequest', `The name '${name}' contains characters that are not allowed.`);
      if (raw.length > SIMPLE_UPLOAD_MAX) throw new BadRequest('invalidRequest', 'Simple upload is limited to 250 MB; use an upload session.', 413);
      if (headers['content-type'] === undefined) throw new BadRequest('invalidRequest', 'A Content-Type header is required for a file upload.');
      const now = new Date().toISOString();
      const existing = [...items.values()].find((i) => i.mailbox === mailbox && i.name.toLowerCase() === name.toLowerCase());
      if (existing !== undefined && behaviour === 'fail') throw new BadRequest('nameAlreadyExists', 'The specified item name already exists.', 409);
      if (existing !== undefined && behaviour === 'replace') {
        existing.bytes = raw;
        existing.modified = now;
        return { status: 200, body: itemJson(existing) };
      }
      if (existing !== undefined) name = name.replace(/(\.[^.]*)?$/, (ext) => ` 1${ext}`);
      const item: DriveItem = { id: `01FAKE${String(nextId++).padStart(6, '0')}`, mailbox, name, bytes: raw, created: now, modified: now };
      items.set(item.id, item);
      return { status: 201, body: itemJson(item) };
    }
    const one = ITEM.exec(rest);
    if (one === null) throw new BadRequest('BadRequest', `Resource not found for the segment '${rest.split('/').slice(0, 3).join('/')}'.`, 404);
    const item = items.get(one[1] as string);
    if (item === undefined || item.mailbox !== mailbox) throw notFound();
    if (one[2] === undefined) {
      if (raw.length > 0 && method === 'DELETE') throw new BadRequest('invalidRequest', 'DELETE takes no body.');
      for (const k of q.keys()) throw new BadRequest('invalidRequest', `Query option '${k}' is not supported here.`);
      if (method === 'GET') return { status: 200, body: { ...itemJson(item), '@microsoft.graph.downloadUrl': grant(item, undefined) } };
      if (method === 'DELETE') {
        items.delete(item.id);
        return { status: 204 };
      }
      throw new BadRequest('invalidRequest', `${method} is not supported on a driveItem here.`, 405);
    }
    if (method !== 'GET') throw new BadRequest('invalidRequest', `${method} is not supported on /content here; upload with PUT to the item path.`, 405);
    for (const k of q.keys()) if (k !== 'format') throw new BadRequest('invalidRequest', `Query option '${k}' is not supported here.`);
    const format = q.get('format');
    if (format === null) return { status: 302, headers: { location: grant(item, undefined) } };
    if (format !== 'pdf') throw new BadRequest('invalidRequest', `The format '${format}' is not supported.`);
    const ext = /\.([^.]+)$/.exec(item.name)?.[1]?.toLowerCase() ?? '';
    if (!PDF_SOURCES.includes(ext)) throw new BadRequest('notSupported', `Conversion of '.${ext}' to pdf is not supported.`, 406);
    return { status: 302, headers: { location: grant(item, 'pdf') } };
  }

  /** The PDF of an item's content, made once by LibreOffice. */
  async function pdfOf(item: DriveItem): Promise<Buffer> {
    const key = createHash('sha256').update(item.bytes).digest('hex');
    const cached = pdfs.get(key);
    if (cached !== undefined) return cached;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-fake-drive-'));
    try {
      const docx = path.join(dir, 'item.docx');
      fs.writeFileSync(docx, item.bytes);
      const { converted } = await convertToPdf([docx], path.join(dir, 'out'));
      const pdf = fs.readFileSync(converted[0] as string);
      downloads.conversions++;
      pdfs.set(key, pdf);
      return pdf;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const target = new URL(req.url ?? '/', 'http://127.0.0.1');
      const open = cors() && req.headers.origin !== undefined ? { 'access-control-allow-origin': '*' } : {};
      const answer = (status: number, body: Buffer | string, type: string): void => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...open });
        res.end(body);
      };
      const refuse = (status: number, code: string, message: string): void => {
        downloads.refused.push(`${req.method} ${target.pathname}: ${code}`);
        answer(status, JSON.stringify(errorBody(code, message)), 'application/json');
      };
      // Pre-authenticated URLs need no preflight: one means the page sent headers it must not send.
      if (req.method === 'OPTIONS') {
        downloads.refused.push(`OPTIONS ${target.pathname}: preflight`);
        res.writeHead(403);
        return void res.end();
      }
      if (req.method !== 'GET') return refuse(405, 'invalidRequest', 'Only GET is supported.');
      if (req.headers.authorization !== undefined) return refuse(401, 'invalidAuthenticationToken', 'This URL is pre-authenticated: send no Authorization header.');
      const g = grants.get(target.searchParams.get('tempauth') ?? '');
      const wanted = target.pathname === '/transform/pdf' ? 'pdf' : target.pathname === '/download' ? undefined : 'none';
      if (g === undefined || wanted === 'none' || g.format !== wanted || g.item !== target.searchParams.get('docid')) return refuse(401, 'invalidAuthenticationToken', 'The tempauth token is not valid for this URL.');
      if (g.expires < Date.now()) return refuse(401, 'expiredToken', 'The pre-authenticated URL has expired.');
      const item = items.get(g.item);
      if (item === undefined) return refuse(404, 'itemNotFound', 'The item was deleted.');
      if (g.format === undefined) {
        downloads.served++;
        return answer(200, item.bytes, 'application/octet-stream');
      }
      pdfOf(item).then(
        (pdf) => {
          downloads.served++;
          answer(200, pdf, 'application/pdf');
        },
        (e: unknown) => refuse(500, 'generalException', `The file could not be converted: ${e instanceof Error ? e.message : String(e)}`),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  downloadOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeDrive = {
    downloadOrigin,
    items,
    downloads,
    urlLifetimeMs: 5 * 60_000,
    route,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
  return fake;
}
