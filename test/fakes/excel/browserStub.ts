// office.js for the task pane's e2e tests: Office and Excel over the in-memory Excel, bundled for
// the browser (test/helpers/paneStub.ts builds it; test/helpers/addinPage.ts routes office.js's CDN
// URL to it). The workbook comes from the test as JSON (the fake's .xlsx loader runs in Node):
//   window.__stmtSettings = { displayLanguage: 'fr-FR', workbook: FakeWorkbookInit, apiVersion?: '1.13', syncDelayMs?: 50, holdSyncs?: true,
//                             mail?: { graphUrl, token, perMinute, minuteMs } (the e-mail tab's Graph: the local fake server) }
// The test reads the workbook back through window.__fake (sheet values, selection, stats); with
// holdSyncs every context.sync() waits until the test sets window.__stmtHold = false.
import { FakeExcel, type FakeWorkbookInit } from './index';

interface StubSettings {
  readonly displayLanguage?: string;
  readonly workbook?: FakeWorkbookInit;
  readonly apiVersion?: string;
  /** Each context.sync() waits this long first, as Excel's round trips do (for progress and cancel). */
  readonly syncDelayMs?: number;
  /** Every context.sync() waits while window.__stmtHold is true (it starts so): a run held mid-way. */
  readonly holdSyncs?: boolean;
  /** The pane's e-mail pointed at the local fake Graph server (src/taskpane/mail/paneMailDeps.ts reads it). */
  readonly mail?: Record<string, unknown>;
}

const g = globalThis as unknown as Record<string, unknown>;
const settings = (g['__stmtSettings'] ?? {}) as StubSettings;
const fake = new FakeExcel(settings.workbook ?? { sheets: [{ name: 'Sheet1', rows: [] }] }, settings.apiVersion === undefined ? {} : { apiVersion: settings.apiVersion });
g['__fake'] = fake;
if (settings.mail !== undefined) g['__statementsPaneMail'] = settings.mail;

const delay = settings.syncDelayMs ?? 0;
g['__stmtHold'] = settings.holdSyncs === true;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Batch<T> = (context: Excel.RequestContext) => Promise<T>;
const run = <T>(batch: Batch<T>): Promise<T> =>
  fake.run((context) => {
    if (delay <= 0 && g['__stmtHold'] !== true) return batch(context);
    const slow = new Proxy(context, {
      get(target, key, receiver) {
        if (key === 'sync') return async () => {
          if (delay > 0) await pause(delay);
          while (g['__stmtHold'] === true) await pause(20);
          return target.sync();
        };
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    return batch(slow);
  });

const language = settings.displayLanguage ?? 'en-US';
const info = { host: 'Excel', platform: 'OfficeOnline' };
const associated: Record<string, unknown> = {};
g['Office'] = {
  HostType: { Excel: 'Excel' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
  context: { displayLanguage: language, contentLanguage: language, requirements: { isSetSupported: fake.isSetSupported } },
  onReady: (callback?: (i: typeof info) => void) => Promise.resolve().then(() => {
    callback?.(info);
    return info;
  }),
  actions: { associate: (id: string, fn: unknown) => (associated[id] = fn) },
  addin: { showAsTaskpane: () => Promise.resolve(), hide: () => Promise.resolve() },
};
g['CustomFunctions'] = { associate: (id: string, fn: unknown) => (associated[id] = fn), Error: Error, ErrorCode: {} };
g['Excel'] = { run };
