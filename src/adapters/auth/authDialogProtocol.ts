/** What the auth dialog page sends the task pane with messageParent (JSON text), and how the pane reads it strictly. */
export type DialogMessage =
  | { readonly type: 'token'; readonly accessToken: string; readonly expiresOn: number | null }
  | { readonly type: 'error'; readonly code: string; readonly message: string }
  | { readonly type: 'unreadable' };

export function tokenMessage(accessToken: string, expiresOn: Date | null): string {
  return JSON.stringify({ type: 'token', accessToken, expiresOn: expiresOn === null ? null : expiresOn.getTime() });
}

export function errorMessage(code: string, message: string): string {
  return JSON.stringify({ type: 'error', code, message });
}

/** Anything that is not exactly one of the two shapes is unreadable (never a token by accident). */
export function parseDialogMessage(text: string): DialogMessage {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return { type: 'unreadable' };
  }
  if (typeof x !== 'object' || x === null) return { type: 'unreadable' };
  const m = x as Record<string, unknown>;
  if (m['type'] === 'token' && typeof m['accessToken'] === 'string' && m['accessToken'] !== '' && (m['expiresOn'] === null || (typeof m['expiresOn'] === 'number' && Number.isFinite(m['expiresOn'])))) {
    return { type: 'token', accessToken: m['accessToken'], expiresOn: m['expiresOn'] as number | null };
  }
  if (m['type'] === 'error' && typeof m['code'] === 'string' && typeof m['message'] === 'string') return { type: 'error', code: m['code'], message: m['message'] };
  return { type: 'unreadable' };
}
