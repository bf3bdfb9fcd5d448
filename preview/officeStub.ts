// office.js for the task pane inside the preview (the preview server puts this script where
// taskpane.html asks for Microsoft's CDN). Office and CustomFunctions just enough for the pane,
// the functions and the ribbon to start; Excel.run is the in-memory Excel the preview page holds,
// which redraws its grid after every run.
import type { FakeExcel } from '../test/fakes/excel';

interface PreviewHost {
  readonly excel: () => FakeExcel;
  readonly displayLanguage: () => string;
  readonly afterRun: () => void;
}

const host = (window.parent as unknown as { __preview?: PreviewHost }).__preview;
if (host === undefined) throw new Error('The preview stub runs only inside the preview page.');

const displayLanguage = host.displayLanguage();
const info = { host: 'Excel', platform: 'OfficeOnline' };
const noop = (): void => undefined;

Object.assign(window, {
  Office: {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      displayLanguage,
      contentLanguage: displayLanguage,
      platform: 'OfficeOnline',
      diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: 'preview' },
      requirements: { isSetSupported: (name: string, version?: string) => (name === 'ExcelApi' ? host.excel().isSetSupported(name, version) : true) },
    },
    onReady: (callback?: (i: typeof info) => void) => Promise.resolve().then(() => {
      callback?.(info);
      return info;
    }),
    actions: { associate: noop },
    addin: { showAsTaskpane: () => Promise.resolve(), hide: () => Promise.resolve() },
  },
  CustomFunctions: {
    associate: noop,
    Error: class extends Error {},
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!' },
  },
  Excel: {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => host.excel().run(batch).finally(() => host.afterRun()),
  },
});
