// `npm run preview`: serves the production add-in (dist/addin) and the preview page (dist/preview)
// on 127.0.0.1 and prints the URL. taskpane.html is served as built, but for its office.js, which
// points at the preview's stand-in instead of Microsoft's CDN (the pane then runs against the
// in-memory Excel the preview page holds). Nothing is fetched from outside.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8', '.png': 'image/png', '.map': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves addinDir at / and previewDir at /preview/ (the page is /preview/index.html). */
export async function startPreview(addinDir: string, previewDir: string, port = 0): Promise<PreviewServer> {
  const roots = { addin: path.resolve(addinDir), preview: path.resolve(previewDir) };
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    if (rel === '' || rel === 'preview' || rel === 'preview/') {
      res.writeHead(302, { Location: '/preview/index.html' }).end();
      return;
    }
    const underPreview = rel.startsWith('preview/');
    const base = underPreview ? roots.preview : roots.addin;
    if (underPreview) rel = rel.slice('preview/'.length);
    const file = path.resolve(base, rel);
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (!underPreview && rel === 'taskpane.html') {
      const html = fs.readFileSync(file, 'utf8');
      if (!html.includes(OFFICE_JS_URL)) {
        res.writeHead(500).end('taskpane.html does not load office.js from the CDN');
        return;
      }
      res.writeHead(200, headers).end(html.split(OFFICE_JS_URL).join('/preview/office-stub.js'));
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/preview/index.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const addin = path.join(root, 'dist', 'addin');
  const preview = path.join(root, 'dist', 'preview');
  for (const [dir, build] of [[addin, 'npm run build:addin'], [preview, 'webpack --config webpack.preview.config.js']] as const) {
    if (!fs.existsSync(path.join(dir, dir === addin ? 'taskpane.html' : 'index.html'))) throw new Error(`${dir} is missing: run ${build}`);
  }
  const port = Number(process.env['PORT'] ?? 3100);
  const server = await startPreview(addin, preview, port);
  process.stdout.write(`Preview of the task pane without Excel: ${server.url}\n(Ctrl+C to stop)\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
