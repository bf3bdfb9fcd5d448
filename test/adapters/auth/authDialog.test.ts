// The auth page's work (src/adapters/auth/dialog/authDialog.ts) with an injected msal client: first
// load → redirect to sign in, parameters kept; back from the redirect → the token to the pane;
// errors and a missing or non-https authority → an error message, never a token.
import { parseDialogMessage } from '../../../src/adapters/auth/authDialogProtocol';
import { runAuthDialog, type AuthDialogDeps, type RedirectClient } from '../../../src/adapters/auth/dialog/authDialog';

function page(search: string, client: Partial<RedirectClient>, storage = new Map<string, string>()) {
  const sent: string[] = [];
  const configs: unknown[] = [];
  const redirects: string[][] = [];
  const deps: AuthDialogDeps = {
    location: { search, origin: 'https://addin.example', pathname: '/auth.html' },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
    createClient: async (c) => {
      configs.push(c);
      return {
        handleRedirectPromise: client.handleRedirectPromise ?? (async () => null),
        acquireTokenRedirect: client.acquireTokenRedirect ?? (async (r) => void redirects.push(r.scopes)),
      };
    },
    messageParent: (t) => void sent.push(t),
  };
  return { deps, sent, configs, redirects, storage };
}

const QUERY = '?clientId=app-id&authority=https%3A%2F%2Flogin.microsoftonline.com%2Fcommon&scopes=https%3A%2F%2Fgraph.microsoft.com%2FMail.Send+https%3A%2F%2Fgraph.microsoft.com%2FFiles.ReadWrite';

describe('the auth dialog page', () => {
  it('first load: redirects to sign in with the scopes, this page as redirect URI; back: sends the token and forgets the request', async () => {
    const first = page(QUERY, {});
    expect(await runAuthDialog(first.deps)).toBe('redirecting');
    expect(first.redirects).toEqual([['https://graph.microsoft.com/Mail.Send', 'https://graph.microsoft.com/Files.ReadWrite']]);
    expect(first.configs).toEqual([{ auth: { clientId: 'app-id', authority: 'https://login.microsoftonline.com/common', redirectUri: 'https://addin.example/auth.html' }, cache: { cacheLocation: 'sessionStorage' } }]);
    expect(first.sent).toEqual([]);
    const expires = new Date('2026-12-06T12:00:00Z');
    const back = page('', { handleRedirectPromise: async () => ({ accessToken: 'tok', expiresOn: expires }) }, first.storage);
    expect(await runAuthDialog(back.deps)).toBe('sent');
    expect(back.sent.map(parseDialogMessage)).toEqual([{ type: 'token', accessToken: 'tok', expiresOn: expires.getTime() }]);
    expect(back.storage.size).toBe(0);
  });

  it('an msal error, no parameters, or an authority that is not https: an error message to the pane', async () => {
    const failing = page(QUERY, { handleRedirectPromise: async () => Promise.reject(Object.assign(new Error('AADSTS50011: redirect URI mismatch'), { errorCode: 'invalid_request' })) });
    await runAuthDialog(failing.deps);
    expect(failing.sent.map(parseDialogMessage)).toEqual([{ type: 'error', code: 'invalid_request', message: 'AADSTS50011: redirect URI mismatch' }]);
    const bare = page('', {});
    await runAuthDialog(bare.deps);
    expect(bare.sent.map(parseDialogMessage)).toEqual([{ type: 'error', code: 'bad_request', message: 'the sign-in page was opened without its parameters' }]);
    const plain = page(QUERY.replace('https%3A', 'http%3A'), {});
    await runAuthDialog(plain.deps);
    expect(parseDialogMessage(plain.sent[0]!)).toEqual({ type: 'error', code: 'bad_request', message: 'authority must be an https URL, not http://login.microsoftonline.com/common' });
    expect(plain.configs).toEqual([]);
  });
});
