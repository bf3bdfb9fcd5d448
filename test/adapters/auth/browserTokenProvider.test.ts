// The pane's sign-in without Microsoft: a strict Office stub (test/fakes/officeAuthStub.ts) and an
// injected msal client. NAA where NestedAppAuth 1.1 is supported (silent, then popup), else the
// Office dialog; its messages (token, error, closed by the person) in English and French; a token
// kept until shortly before it expires; one sign-in for concurrent callers.
import { browserTokenProvider, GRAPH_SCOPES, GRAPH_SCOPES_SHARED, signInText, type NaaClient } from '../../../src/adapters/auth/browserTokenProvider';
import { errorMessage, tokenMessage } from '../../../src/adapters/auth/authDialogProtocol';
import { SignInError } from '../../../src/adapters/auth/tokenProvider';
import { officeAuthStub } from '../../fakes/officeAuthStub';

const DIALOG = 'https://addin.example/auth.html';
const HOUR = 3_600_000;

/** An msal client that answers from scripts and records the calls. */
function naaClient(silent: (() => Promise<string>) | 'interaction-required', popup: () => Promise<string>, lifetimeMs = HOUR, clock = () => Date.now()) {
  const calls: string[] = [];
  const answer = (token: string) => ({ accessToken: token, expiresOn: new Date(clock() + lifetimeMs) });
  const client: NaaClient = {
    acquireTokenSilent: async (r) => {
      calls.push(`silent ${r.scopes.join(' ')}`);
      if (silent === 'interaction-required') throw Object.assign(new Error('AADSTS65001: consent required'), { errorCode: 'consent_required' });
      return answer(await silent());
    },
    acquireTokenPopup: async (r) => {
      calls.push(`popup ${r.scopes.join(' ')}`);
      return answer(await popup());
    },
  };
  return { client, calls };
}

const settle = () => new Promise((r) => setImmediate(r));
async function rejection(p: Promise<unknown>): Promise<SignInError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof SignInError)) throw new Error(`expected a SignInError, got ${String(e)}`);
  return e;
}

describe('NAA or the dialog', () => {
  it('uses nested app authentication where NestedAppAuth 1.1 is supported: silent first, with the mail and files scopes', async () => {
    const stub = officeAuthStub({ NestedAppAuth: '1.1' });
    const { client, calls } = naaClient(async () => 'naa-silent', async () => 'never');
    const configs: unknown[] = [];
    const p = browserTokenProvider({ clientId: 'app-id', dialogUrl: DIALOG, office: stub.office, createNaaClient: async (c) => (configs.push(c), client) });
    expect(p.method()).toBe('naa');
    expect(await p.token()).toBe('naa-silent');
    expect(calls).toEqual([`silent ${GRAPH_SCOPES.join(' ')}`]);
    expect(GRAPH_SCOPES.map((s) => s.split('/').pop())).toEqual(['Mail.Send', 'Mail.ReadWrite', 'Files.ReadWrite']);
    expect(configs).toEqual([{ auth: { clientId: 'app-id', authority: 'https://login.microsoftonline.com/common' } }]);
    expect(stub.requirementChecks).toEqual(['NestedAppAuth 1.1', 'NestedAppAuth 1.1']);
    expect(stub.dialogs).toEqual([]);
  });

  it('NAA: a popup when the silent call needs interaction; Mail.Send.Shared for a shared mailbox; a closed popup says so in both languages', async () => {
    const stub = officeAuthStub({ NestedAppAuth: '1.1' });
    const { client, calls } = naaClient('interaction-required', async () => 'naa-popup');
    const p = browserTokenProvider({ clientId: 'app-id', dialogUrl: DIALOG, sharedMailbox: true, office: stub.office, createNaaClient: async () => client });
    expect(await p.token()).toBe('naa-popup');
    expect(calls).toEqual([`silent ${GRAPH_SCOPES_SHARED.join(' ')}`, `popup ${GRAPH_SCOPES_SHARED.join(' ')}`]);
    expect(GRAPH_SCOPES_SHARED.at(-1)).toBe('https://graph.microsoft.com/Mail.Send.Shared');

    const cancelled = naaClient('interaction-required', async () => Promise.reject(Object.assign(new Error('user cancelled'), { errorCode: 'user_cancelled' })));
    const q = browserTokenProvider({ clientId: 'app-id', dialogUrl: DIALOG, office: stub.office, createNaaClient: async () => cancelled.client });
    const e = await rejection(q.token());
    expect(signInText(e, 'en')).toBe('The Microsoft 365 sign-in window was closed before sign-in finished. Nothing was sent. Click the button again to sign in.');
    expect(signInText(e, 'fr')).toBe("La fenêtre de connexion Microsoft 365 a été fermée avant la fin de la connexion. Rien n'a été envoyé. Cliquez de nouveau sur le bouton pour vous connecter.");
  });

  it('falls back to the Office dialog where NAA is not supported: auth.html with the client id, authority and scopes; the token it sends back', async () => {
    const stub = officeAuthStub({});
    const p = browserTokenProvider({ clientId: 'app-id', dialogUrl: DIALOG, office: stub.office, createNaaClient: async () => Promise.reject(new Error('NAA must not be used')) });
    expect(p.method()).toBe('dialog');
    const token = p.token();
    await settle();
    expect(stub.dialogs).toHaveLength(1);
    const d = stub.dialogs[0]!;
    expect(`${d.url.origin}${d.url.pathname}`).toBe(DIALOG);
    expect(Object.fromEntries(d.url.searchParams)).toEqual({ clientId: 'app-id', authority: 'https://login.microsoftonline.com/common', scopes: GRAPH_SCOPES.join(' ') });
    d.message(tokenMessage('dialog-token', new Date(Date.now() + HOUR)));
    expect(await token).toBe('dialog-token');
    expect(d.closed).toBe(true);
  });
});

describe('the dialog, message by message', () => {
  const dialogProvider = () => {
    const stub = officeAuthStub({ NestedAppAuth: '1.0' });
    return { stub, p: browserTokenProvider({ clientId: 'app-id', dialogUrl: DIALOG, office: stub.office }) };
  };

  it('closed by the person (12006): a clear message in English and French, and the next call opens a new dialog', async () => {
    const { stub, p } = dialogProvider();
    const first = p.token();
    await settle();
    stub.dialogs[0]!.event(12006);
    const e = await rejection(first);
    expect(e.en).toBe('The Microsoft 365 sign-in window was closed before sign-in finished. Nothing was sent. Click the button again to sign in.');
    expect(e.fr).toMatch(/^La fenêtre de connexion Microsoft 365 a été fermée/);
    const second = p.token();
    await settle();
    expect(stub.dialogs).toHaveLength(2);
    stub.dialogs[1]!.message(tokenMessage('t2', null));
    expect(await second).toBe('t2');
  });

  it('an error from the sign-in page, an unreadable message, a message from another origin: refused with the reason', async () => {
    const { stub, p } = dialogProvider();
    const cases: [(d: (typeof stub.dialogs)[number]) => void, string][] = [
      [(d) => d.message(errorMessage('access_denied', 'AADSTS65004: User declined to consent')), 'Microsoft 365 sign-in failed (access_denied: AADSTS65004: User declined to consent).'],
      [(d) => d.message('{"type":"token","accessToken":""}'), 'Microsoft 365 sign-in failed (an unreadable answer).'],
      [(d) => d.message(tokenMessage('stolen', null), 'https://login.microsoftonline.com'), 'Microsoft 365 sign-in failed (a message from https://login.microsoftonline.com).'],
      [(d) => d.event(12002), 'Microsoft 365 sign-in failed (Office dialog 12002).'],
    ];
    for (const [act, en] of cases) {
      const t = p.token();
      await settle();
      act(stub.dialogs.at(-1)!);
      const e = await rejection(t);
      expect(e.en).toBe(en);
      expect(e.fr).toMatch(/^La connexion Microsoft 365 a échoué \(/);
      expect(stub.dialogs.at(-1)!.closed).toBe(true);
    }
  });

  it('a dialog that cannot open: blocked (12009) or another one open (12007), each said in both languages', async () => {
    const { stub, p } = dialogProvider();
    stub.nextOpen = { code: 12009, message: 'The user chose to ignore the dialog box.' };
    const blocked = await rejection(p.token());
    expect(blocked.en).toBe('The Microsoft 365 sign-in window could not open (12009). Allow pop-ups for this add-in, then try again.');
    expect(blocked.fr).toBe("La fenêtre de connexion Microsoft 365 n'a pas pu s'ouvrir (12009). Autorisez les fenêtres surgissantes pour ce complément, puis réessayez.");
    stub.nextOpen = { code: 12007, message: 'A dialog box is already opened from this host window.' };
    const busy = await rejection(p.token());
    expect([busy.en, busy.fr]).toEqual(['Another Office dialog is open: close it, then sign in again.', 'Une autre boîte de dialogue Office est ouverte : fermez-la, puis reconnectez-vous.']);
  });
});

describe('caching', () => {
  it('keeps the token until five minutes before it expires, then signs in again; refresh() drops it; concurrent callers share one sign-in', async () => {
    let now = 1_000_000;
    const stub = officeAuthStub({ NestedAppAuth: '1.1' });
    let n = 0;
    const { client, calls } = naaClient(async () => `t${++n}`, async () => 'never', HOUR, () => now);
    const p = browserTokenProvider({ clientId: 'app-id', dialogUrl: DIALOG, office: stub.office, createNaaClient: async () => client, now: () => now });
    expect(await Promise.all([p.token(), p.token(), p.token()])).toEqual(['t1', 't1', 't1']);
    expect(calls).toHaveLength(1);
    now += HOUR - 5 * 60_000 - 1;
    expect(await p.token()).toBe('t1');
    now += 2;
    expect(await p.token()).toBe('t2');
    await p.refresh!();
    expect(await p.token()).toBe('t3');
    expect(calls).toHaveLength(3);
  });

  it('the dialog: one dialog for concurrent callers, and its token reused', async () => {
    const stub = officeAuthStub({});
    const p = browserTokenProvider({ clientId: 'app-id', dialogUrl: DIALOG, office: stub.office });
    const both = Promise.all([p.token(), p.token()]);
    await settle();
    expect(stub.dialogs).toHaveLength(1);
    stub.dialogs[0]!.message(tokenMessage('shared', new Date(Date.now() + HOUR)));
    expect(await both).toEqual(['shared', 'shared']);
    expect(await p.token()).toBe('shared');
    expect(stub.dialogs).toHaveLength(1);
  });
});
