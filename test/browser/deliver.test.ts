// offerFile in Chromium: a download where the host allows (no Office platform: a browser, Excel on
// the web); on Excel desktop ('PC') the "blocked" result, and for a PDF the Office dialog fallback,
// played here by an iframe of pdfviewer.html with Office's dialog messages bridged to the page.
import { withAddinPage } from '../helpers/addinPage';
import { buildDocumentsPage, type BuiltPage } from './documentsPage';
import * as fs from 'node:fs';

/** Runs in every frame before office.js: in the viewer frame, Office.context.ui talks to the parent page. */
function bridgeViewerFrame(): void {
  if (!location.pathname.endsWith('/pdfviewer.html')) return;
  type Bridge = { fromChild(message: string): void; toChild?: (arg: { message: string }) => void };
  const bridge = (parent as unknown as { __dialogBridge: Bridge }).__dialogBridge;
  let office: { context: Record<string, unknown> } | undefined;
  Object.defineProperty(window, 'Office', {
    configurable: true,
    get: () => office,
    set: (value: { context: Record<string, unknown> }) => {
      office = value;
      value.context['ui'] = {
        messageParent: (message: string) => bridge.fromChild(message),
        addHandlerAsync: (_type: string, handler: (arg: { message: string }) => void) => {
          bridge.toChild = handler;
        },
      };
      (value as unknown as Record<string, unknown>)['EventType'] = { DialogParentMessageReceived: 'dialogParentMessageReceived' };
    },
  });
}

describe('offerFile', () => {
  let page: BuiltPage;
  beforeAll(async () => {
    page = await buildDocumentsPage();
  }, 300_000);

  it('downloads the bytes under their name where the host allows', async () => {
    await withAddinPage(async (p, addin) => {
      const download = p.waitForEvent('download');
      const status = await p.evaluate(() => {
        const m = (globalThis as unknown as { __documents: { module: { offerFile(n: string, b: Uint8Array, mime: string): { status: string } } } }).__documents.module;
        return m.offerFile('C001 Acme Ltd.csv', new TextEncoder().encode('\ufeffa,b\r\n'), 'text/csv;charset=utf-8').status;
      });
      expect(status).toBe('downloaded');
      const file = await download;
      expect(file.suggestedFilename()).toBe('C001 Acme Ltd.csv');
      expect([...fs.readFileSync(await file.path())]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62, 0x0d, 0x0a]);
      expect(addin.errors).toEqual([]);
    }, { addinDir: page.dir });
  }, 120_000);

  it('on Excel desktop says downloads are blocked, and shows a PDF in the dialog instead', async () => {
    await withAddinPage(async (p, addin) => {
      await p.addInitScript(bridgeViewerFrame);
      const result = await p.evaluate(async () => {
        const g = globalThis as unknown as Record<string, unknown> & { Office: { context: Record<string, unknown>; AsyncResultStatus?: unknown; EventType?: unknown } };
        const m = (g['__documents'] as { module: Record<string, (...a: unknown[]) => unknown> }).module;
        g.Office.context['platform'] = 'PC';
        const csv = m['offerFile']?.('x.csv', new Uint8Array([1]), 'text/csv') as { status: string; message: { en: string; fr: string }; showInDialog?: unknown };
        // Office's dialog API, played by an iframe of pdfviewer.html.
        const received: string[] = [];
        const handlers: Record<string, (arg: { message: string }) => void> = {};
        const bridge: { fromChild(message: string): void; toChild?: (arg: { message: string }) => void } = {
          fromChild: (message) => {
            received.push(JSON.parse(message).kind);
            handlers['dialogMessageReceived']?.({ message });
          },
        };
        g['__dialogBridge'] = bridge;
        g.Office.AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };
        g.Office.EventType = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' };
        let opened = '';
        g.Office.context['ui'] = {
          displayDialogAsync: (url: string, _o: unknown, callback: (r: unknown) => void) => {
            opened = url;
            const frame = document.createElement('iframe');
            frame.id = 'dialog';
            frame.src = url;
            document.body.appendChild(frame);
            callback({
              status: 'succeeded',
              value: {
                messageChild: (message: string) => bridge.toChild?.({ message }),
                addEventHandler: (type: string, handler: (arg: { message: string }) => void) => (handlers[type] = handler),
              },
            });
          },
        };
        const pdfBytes = new TextEncoder().encode('%PDF-1.3\n' + 'x'.repeat(100_000) + '\n%%EOF\n');
        const pdf = m['offerFile']?.('C001 Acme Ltd.pdf', pdfBytes, 'application/pdf', { language: 'fr' }) as { status: string; message: { en: string }; showInDialog?: () => Promise<{ ok: boolean }> };
        const shown = await pdf.showInDialog?.();
        const frame = document.getElementById('dialog') as HTMLIFrameElement;
        const inner = frame.contentDocument?.getElementById('pdf') as HTMLIFrameElement;
        const sent = await (await fetch(inner.src)).arrayBuffer();
        return {
          csv: { status: csv.status, en: csv.message.en, fr: csv.message.fr, dialog: csv.showInDialog !== undefined },
          pdf: { status: pdf.status, en: pdf.message.en },
          shown, opened, received,
          sameBytes: sent.byteLength === pdfBytes.length && new Uint8Array(sent).every((b, i) => b === pdfBytes[i]),
          status: frame.contentDocument?.getElementById('status')?.textContent,
          lang: frame.contentDocument?.documentElement.lang,
        };
      });
      expect(result.csv).toEqual({ status: 'blocked', en: expect.stringMatching(/^Downloads are blocked here/), fr: expect.stringMatching(/^Les téléchargements sont bloqués ici/), dialog: false });
      expect(result.pdf.status).toBe('blocked');
      expect(result.pdf.en).toContain('Open the PDF in a window');
      expect(result.shown).toEqual({ ok: true });
      expect(result.opened).toMatch(/\/pdfviewer\.html$/);
      expect(result.received).toEqual(['ready', 'shown']);
      expect(result.sameBytes).toBe(true); // 100 KB: more than one chunk
      expect(result.status).toBe('C001 Acme Ltd.pdf : imprimez-le ou enregistrez-le avec les boutons de la visionneuse.');
      expect(result.lang).toBe('fr');
      expect(addin.errors).toEqual([]);
    }, { addinDir: page.dir });
  }, 120_000);
});
