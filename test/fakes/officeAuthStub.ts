/**
 * A strict stand-in for what the pane's sign-in uses of Office.js: context.requirements.isSetSupported
 * and context.ui.displayDialogAsync, with a scripted dialog. Anything else read from it throws (a
 * Proxy), as does a second dialog while one is open (Office's 12007), a handler of an unknown event
 * type, or a message after the dialog was closed.
 */
import type { DialogOpened, OfficeAuthHost, OfficeDialog } from '../../src/adapters/auth/browserTokenProvider';

type Handler = (arg: { message?: string; origin?: string; error?: number }) => void;

export interface StubDialog {
  readonly url: URL;
  readonly options: { height: number; width: number; promptBeforeOpen?: boolean };
  /** The page sends a message with messageParent (origin: the page's, as Office reports it). */
  message(text: string, origin?: string): void;
  /** An event: 12006 when the person closes the dialog. */
  event(error: number): void;
  closed: boolean;
}

export interface OfficeAuthStub {
  readonly office: OfficeAuthHost;
  readonly requirementChecks: string[];
  readonly dialogs: StubDialog[];
  /** What the next displayDialogAsync answers: opened, or failed with an Office error code. */
  nextOpen: 'open' | { code: number; message: string };
}

function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === 'symbol' || key === 'then') return Reflect.get(t, key);
      if (!(key in t)) throw new Error(`office stub: ${name}.${key} is not available in this stub`);
      return Reflect.get(t, key);
    },
  });
}

export function officeAuthStub(supported: { NestedAppAuth?: string } = {}): OfficeAuthStub {
  const EventType = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' };
  const stub: OfficeAuthStub = {
    requirementChecks: [],
    dialogs: [],
    nextOpen: 'open',
    office: undefined as unknown as OfficeAuthHost,
  };
  const isSetSupported = (name: string, version?: string): boolean => {
    stub.requirementChecks.push(`${name} ${version ?? ''}`.trim());
    if (name !== 'NestedAppAuth') throw new Error(`office stub: requirement set ${name} is not expected here`);
    const have = supported.NestedAppAuth;
    return have !== undefined && (version === undefined || Number(have) >= Number(version));
  };
  const displayDialogAsync = (url: string, options: StubDialog['options'], callback: (r: DialogOpened) => void): void => {
    if (!url.startsWith('https://')) throw new Error(`office stub: dialogs need https, not ${url}`);
    if (stub.dialogs.some((d) => !d.closed)) return callback({ status: 'failed', error: { code: 12007, message: 'A dialog box is already opened from this host window.' } });
    const next = stub.nextOpen;
    stub.nextOpen = 'open';
    if (next !== 'open') return callback({ status: 'failed', error: next });
    const handlers = new Map<string, Handler>();
    const d: StubDialog = {
      url: new URL(url),
      options,
      closed: false,
      message(text, origin = new URL(url).origin) {
        if (d.closed) throw new Error('office stub: message after the dialog was closed');
        handlers.get(EventType.DialogMessageReceived)?.({ message: text, origin });
      },
      event(error) {
        if (error === 12006) d.closed = true;
        handlers.get(EventType.DialogEventReceived)?.({ error });
      },
    };
    const dialog: OfficeDialog = {
      addEventHandler(type, handler) {
        if (!Object.values(EventType).includes(type)) throw new Error(`office stub: unknown dialog event ${type}`);
        handlers.set(type, handler);
      },
      close() {
        d.closed = true;
      },
    };
    stub.dialogs.push(d);
    callback({ status: 'succeeded', value: strict('dialog', dialog) });
  };
  (stub as { office: OfficeAuthHost }).office = strict('Office', {
    EventType: strict('Office.EventType', EventType),
    context: strict('Office.context', {
      requirements: strict('Office.context.requirements', { isSetSupported }),
      ui: strict('Office.context.ui', { displayDialogAsync }),
    }),
  });
  return stub;
}
