/** Where a Graph access token comes from: the environment, a person's sign-in, or the app's own credentials. */
export interface TokenProvider {
  token(): Promise<string>;
  /** Drop a cached token and get a new one (after a 401). */
  refresh?(): Promise<void>;
}

/** A sign-in that cannot happen without a person (no cache, no terminal): exit code 2. */
export class SignInError extends Error {
  constructor(readonly en: string, readonly fr: string) {
    super(en);
  }
}

/** `STATEMENTS_GRAPH_TOKEN`: for automation and tests; used as given. */
export function staticTokenProvider(token: string): TokenProvider {
  return { token: async () => token };
}
