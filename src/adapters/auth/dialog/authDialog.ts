/**
 * The auth dialog's work (auth.html, opened by the pane with Office's dialog API where nested app
 * authentication is not supported): sign in with an msal-browser redirect, then send the token to
 * the pane with messageParent. The pane's parameters (client id, authority, scopes) come in the
 * first URL and are kept in sessionStorage across the redirect to Microsoft's sign-in and back.
 */
import { errorMessage, tokenMessage } from '../authDialogProtocol';

export interface RedirectClient {
  handleRedirectPromise(): Promise<{ accessToken: string; expiresOn: Date | null } | null>;
  acquireTokenRedirect(request: { scopes: string[] }): Promise<void>;
}

export interface AuthDialogDeps {
  readonly location: { readonly search: string; readonly origin: string; readonly pathname: string };
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly createClient: (config: { auth: { clientId: string; authority: string; redirectUri: string }; cache: { cacheLocation: 'sessionStorage' } }) => Promise<RedirectClient>;
  readonly messageParent: (text: string) => void;
}

const KEY = 'statements.auth.request';

interface AuthRequest {
  clientId: string;
  authority: string;
  scopes: string[];
}

function requestOf(deps: AuthDialogDeps): AuthRequest | undefined {
  const q = new URLSearchParams(deps.location.search);
  const clientId = q.get('clientId');
  const authority = q.get('authority');
  const scopes = q.get('scopes');
  if (clientId !== null && authority !== null && scopes !== null) {
    const r = { clientId, authority, scopes: scopes.split(' ').filter((s) => s !== '') };
    deps.storage.setItem(KEY, JSON.stringify(r));
    return r;
  }
  const kept = deps.storage.getItem(KEY);
  return kept === null ? undefined : (JSON.parse(kept) as AuthRequest);
}

/** 'sent': the token or an error went to the pane; 'redirecting': off to Microsoft's sign-in page. */
export async function runAuthDialog(deps: AuthDialogDeps): Promise<'sent' | 'redirecting'> {
  try {
    const r = requestOf(deps);
    if (r === undefined || r.scopes.length === 0) {
      deps.messageParent(errorMessage('bad_request', 'the sign-in page was opened without its parameters'));
      return 'sent';
    }
    // Only https: the authority is where the person types a password.
    if (!/^https:\/\/[^/]+\//.test(r.authority)) {
      deps.messageParent(errorMessage('bad_request', `authority must be an https URL, not ${r.authority}`));
      return 'sent';
    }
    const client = await deps.createClient({ auth: { clientId: r.clientId, authority: r.authority, redirectUri: `${deps.location.origin}${deps.location.pathname}` }, cache: { cacheLocation: 'sessionStorage' } });
    const result = await client.handleRedirectPromise();
    if (result !== null) {
      deps.storage.removeItem(KEY);
      deps.messageParent(tokenMessage(result.accessToken, result.expiresOn));
      return 'sent';
    }
    await client.acquireTokenRedirect({ scopes: r.scopes });
    return 'redirecting';
  } catch (e) {
    const code = typeof e === 'object' && e !== null && typeof (e as { errorCode?: unknown }).errorCode === 'string' ? (e as { errorCode: string }).errorCode : 'sign_in_failed';
    deps.storage.removeItem(KEY);
    deps.messageParent(errorMessage(code, e instanceof Error ? e.message : String(e)));
    return 'sent';
  }
}
