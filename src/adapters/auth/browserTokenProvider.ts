/**
 * The task pane's Graph token (browser-safe). Nested app authentication (@azure/msal-browser's
 * createNestablePublicClientApplication: Office signs in with the account it already has) where the
 * host supports NestedAppAuth 1.1: silent first, then a popup. Elsewhere the Office dialog API
 * opens auth.html (./authDialogPage.ts), which signs in with an msal-browser redirect and sends the
 * token back with messageParent. A token is kept until shortly before it expires; concurrent
 * callers share one sign-in (never two dialogs).
 */
import type { Language, Localised } from '../../core';
import { SignInError, type TokenProvider } from './tokenProvider';
import { parseDialogMessage } from './authDialogProtocol';

export const GRAPH_SCOPES = ['https://graph.microsoft.com/Mail.Send', 'https://graph.microsoft.com/Mail.ReadWrite', 'https://graph.microsoft.com/Files.ReadWrite'];
export const GRAPH_SCOPES_SHARED = [...GRAPH_SCOPES, 'https://graph.microsoft.com/Mail.Send.Shared'];

/** What is used of an msal-browser application (the NAA one), so a test can inject its own. */
export interface NaaClient {
  acquireTokenSilent(request: { scopes: string[] }): Promise<{ accessToken: string; expiresOn: Date | null }>;
  acquireTokenPopup(request: { scopes: string[] }): Promise<{ accessToken: string; expiresOn: Date | null }>;
}

/** What is used of Office.js: the requirement set check and the dialog API. */
export interface OfficeAuthHost {
  readonly context: {
    readonly requirements: { isSetSupported(name: string, version?: string): boolean };
    readonly ui: {
      displayDialogAsync(url: string, options: { height: number; width: number; promptBeforeOpen?: boolean }, callback: (result: DialogOpened) => void): void;
    };
  };
  readonly EventType: { readonly DialogMessageReceived: string; readonly DialogEventReceived: string };
}

export type DialogOpened =
  | { status: 'succeeded'; value: OfficeDialog; error?: undefined }
  | { status: 'failed'; value?: undefined; error: { code: number; message: string } };

export interface OfficeDialog {
  addEventHandler(type: string, handler: (arg: { message?: string; origin?: string; error?: number }) => void): void;
  close(): void;
}

export interface BrowserTokenOptions {
  /** The add-in's app registration (its redirect URIs: brk-multihub://<add-in domain> for NAA, the auth page for the dialog). */
  readonly clientId: string;
  /** Default https://login.microsoftonline.com/common (organizations and personal accounts). */
  readonly authority?: string;
  /** Sending from a shared mailbox adds Mail.Send.Shared. */
  readonly sharedMailbox?: boolean;
  /** The auth page's absolute URL, on the add-in's own domain (https://…/auth.html). */
  readonly dialogUrl: string;
  /** Default: Office from the page. */
  readonly office?: OfficeAuthHost;
  /** Default: msal-browser's createNestablePublicClientApplication. */
  readonly createNaaClient?: (config: { auth: { clientId: string; authority: string } }) => Promise<NaaClient>;
  readonly now?: () => number;
}

/** A token is renewed this long before it expires, so a request never carries one that dies on the way. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
/** When the answer gives no expiry: Entra's shortest usual lifetime. */
const DEFAULT_LIFETIME_MS = 60 * 60_000;

export function signInMessages(kind: 'closed' | 'blocked' | 'busy' | 'failed', detail = ''): Localised {
  const d = detail === '' ? '' : ` (${detail})`;
  switch (kind) {
    case 'closed':
      return { en: 'The Microsoft 365 sign-in window was closed before sign-in finished. Nothing was sent. Click the button again to sign in.', fr: "La fenêtre de connexion Microsoft 365 a été fermée avant la fin de la connexion. Rien n'a été envoyé. Cliquez de nouveau sur le bouton pour vous connecter." };
    case 'blocked':
      return { en: `The Microsoft 365 sign-in window could not open${d}. Allow pop-ups for this add-in, then try again.`, fr: `La fenêtre de connexion Microsoft 365 n'a pas pu s'ouvrir${d}. Autorisez les fenêtres surgissantes pour ce complément, puis réessayez.` };
    case 'busy':
      return { en: 'Another Office dialog is open: close it, then sign in again.', fr: 'Une autre boîte de dialogue Office est ouverte : fermez-la, puis reconnectez-vous.' };
    case 'failed':
      return { en: `Microsoft 365 sign-in failed${d}.`, fr: `La connexion Microsoft 365 a échoué${d}.` };
  }
}

const signInError = (m: Localised): SignInError => new SignInError(m.en, m.fr);

/** msal-browser's codes for a person who closed or cancelled the popup. */
const CANCELLED = new Set(['user_cancelled', 'popup_window_error', 'empty_window_error']);

function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { errorCode?: unknown }).errorCode === 'string' ? (e as { errorCode: string }).errorCode : '';
}

/** The pane's TokenProvider: NAA where supported, else the Office dialog. */
export function browserTokenProvider(o: BrowserTokenOptions): TokenProvider & { readonly method: () => 'naa' | 'dialog' } {
  const now = o.now ?? Date.now;
  const scopes = o.sharedMailbox === true ? GRAPH_SCOPES_SHARED : GRAPH_SCOPES;
  const authority = o.authority ?? 'https://login.microsoftonline.com/common';
  const office = (): OfficeAuthHost => {
    const host = o.office ?? (globalThis as unknown as { Office?: OfficeAuthHost }).Office;
    if (host === undefined) throw signInError(signInMessages('failed', 'Office.js is not loaded'));
    return host;
  };
  const method = (): 'naa' | 'dialog' => (office().context.requirements.isSetSupported('NestedAppAuth', '1.1') ? 'naa' : 'dialog');
  let cached: { token: string; expires: number } | undefined;
  let inFlight: Promise<string> | undefined;
  let naa: Promise<NaaClient> | undefined;

  const remember = (token: string, expiresOn: number | null): string => {
    cached = { token, expires: (expiresOn ?? now() + DEFAULT_LIFETIME_MS) - EXPIRY_MARGIN_MS };
    return token;
  };

  const viaNaa = async (): Promise<string> => {
    naa ??= (o.createNaaClient ?? defaultNaaClient)({ auth: { clientId: o.clientId, authority } });
    const client = await naa;
    try {
      const r = await client.acquireTokenSilent({ scopes });
      return remember(r.accessToken, r.expiresOn?.getTime() ?? null);
    } catch {
      // Consent or a fresh sign-in is needed (InteractionRequiredAuthError, or none cached): a popup.
    }
    try {
      const r = await client.acquireTokenPopup({ scopes });
      return remember(r.accessToken, r.expiresOn?.getTime() ?? null);
    } catch (e) {
      if (CANCELLED.has(errorCode(e))) throw signInError(signInMessages('closed'));
      throw signInError(signInMessages('failed', e instanceof Error ? e.message : String(e)));
    }
  };

  const viaDialog = (): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const host = office();
      const url = new URL(o.dialogUrl);
      url.searchParams.set('clientId', o.clientId);
      url.searchParams.set('authority', authority);
      url.searchParams.set('scopes', scopes.join(' '));
      host.context.ui.displayDialogAsync(url.toString(), { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
        if (opened.status !== 'succeeded') {
          const code = opened.error.code;
          // 12007: a dialog is already open; 12009/12011: the person or the browser blocked it.
          if (code === 12007) return reject(signInError(signInMessages('busy')));
          if (code === 12009 || code === 12011) return reject(signInError(signInMessages('blocked', `${code}`)));
          return reject(signInError(signInMessages('failed', `${code} ${opened.error.message}`)));
        }
        const dialog = opened.value;
        let settled = false;
        const finish = (f: () => void): void => {
          if (settled) return;
          settled = true;
          try {
            dialog.close();
          } catch {
            // Already closed by the person: nothing to close.
          }
          f();
        };
        dialog.addEventHandler(host.EventType.DialogMessageReceived, (arg) => {
          // A message from any page but ours (the dialog navigates to Microsoft's sign-in) is not a token.
          if (arg.origin !== undefined && arg.origin !== url.origin) return finish(() => reject(signInError(signInMessages('failed', `a message from ${arg.origin}`))));
          const m = parseDialogMessage(arg.message ?? '');
          if (m.type === 'token') return finish(() => resolve(remember(m.accessToken, m.expiresOn)));
          finish(() => reject(signInError(signInMessages('failed', m.type === 'error' ? `${m.code}: ${m.message}` : 'an unreadable answer'))));
        });
        dialog.addEventHandler(host.EventType.DialogEventReceived, (arg) => {
          // 12006: closed by the person; 12002/12003: the page could not be shown.
          finish(() => reject(signInError(arg.error === 12006 ? signInMessages('closed') : signInMessages('failed', `Office dialog ${arg.error ?? ''}`.trim()))));
        });
      });
    });

  const acquire = (): Promise<string> => {
    inFlight ??= (method() === 'naa' ? viaNaa() : viaDialog()).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    method,
    token: async () => (cached !== undefined && cached.expires > now() ? cached.token : acquire()),
    refresh: async () => {
      cached = undefined;
    },
  };
}

async function defaultNaaClient(config: { auth: { clientId: string; authority: string } }): Promise<NaaClient> {
  const { createNestablePublicClientApplication } = await import('@azure/msal-browser');
  return createNestablePublicClientApplication({ auth: config.auth });
}

/** A SignInError's text in the pane's language. */
export function signInText(e: unknown, language: Language): string {
  if (e instanceof SignInError) return language === 'fr' ? e.fr : e.en;
  return e instanceof Error ? e.message : String(e);
}
