// A test page's script: driveWordsToPdf as the task pane would run it, callable from Playwright with
// the fake Graph's URL, a token and the .docx files as base64; PDFs come back as base64.
import { staticTokenProvider } from '../../src/adapters/auth/tokenProvider';
import { driveWordsToPdf } from '../../src/adapters/mail/graph/driveWordToPdf';
import { fromBase64, toBase64 } from '../../src/adapters/documents/browser/pdfViewerProtocol';

async function convert(graphUrl: string, token: string, files: { name: string; base64: string }[]) {
  const r = await driveWordsToPdf(
    files.map((f) => ({ name: f.name, bytes: fromBase64(f.base64) })),
    { tokens: staticTokenProvider(token), graphUrl },
  );
  return {
    results: r.results.map((x) => ('pdf' in x ? { name: x.name, pdf: toBase64(x.pdf) } : { name: x.name, error: x.error.localised })),
    leftInDrive: r.leftInDrive,
    roundTrips: r.roundTrips,
  };
}

Object.assign(globalThis, { __drive: { convert } });
