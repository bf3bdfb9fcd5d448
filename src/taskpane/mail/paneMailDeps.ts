import { browserTokenProvider } from '../../adapters/auth/browserTokenProvider';
import { SignInError, staticTokenProvider, type TokenProvider } from '../../adapters/auth/tokenProvider';
import { reconciliationCsv, statementPdf, wordStatement } from '../../adapters/documents/browser';
import { driveWordToPdfConverter } from '../../adapters/mail/graph/driveWordToPdf';
import { GRAPH_URL, type PaneMailDeps, type PaneRenderers } from './mailDeps';

/**
 * The e-mail tab's dependencies in the add-in: Microsoft Graph, the browser documents, and the
 * sign-in. A page may set `globalThis.__statementsPaneMail` before the bundle loads to point the pane
 * at another Graph (the e2e's local fake server, the preview) with a fixed token and a shorter
 * "minute"; nothing else reads it. Otherwise the token comes from the person's Microsoft 365 sign-in.
 */
export interface PaneMailOverride {
  readonly graphUrl?: string;
  readonly token?: string;
  readonly mailbox?: string;
  readonly perMinute?: number;
  readonly minuteMs?: number;
  readonly sentItemsLagMs?: number;
}

export const BROWSER_RENDERERS: PaneRenderers = {
  pdf: (doc, settings) => statementPdf(doc, settings),
  word: (doc, settings, template) => wordStatement(template === undefined ? 'default' : { bytes: template, name: 'template.docx' }, doc, settings),
  csv: (doc) => reconciliationCsv(doc),
};

/** No app registration configured: says so, in both languages, when a send is tried. */
const noSignIn: TokenProvider = {
  token: () => Promise.reject(new SignInError(
    'Sign-in to Microsoft 365 is not set up for this add-in: its Microsoft Entra app registration (statements-graph-client-id in taskpane.html) is missing.',
    "La connexion à Microsoft 365 n'est pas configurée pour ce complément : son inscription d'application Microsoft Entra (statements-graph-client-id dans taskpane.html) manque.",
  )),
};

/** The signed-in user's token: nested app authentication, else the Office dialog (adapters/auth/browserTokenProvider). */
function officeSignIn(): TokenProvider {
  const clientId = globalThis.document?.querySelector('meta[name="statements-graph-client-id"]')?.getAttribute('content')?.trim() ?? '';
  if (clientId === '') return noSignIn;
  return browserTokenProvider({ clientId, dialogUrl: new URL('auth.html', globalThis.location.href).href });
}

export function paneMailDeps(override = (globalThis as { __statementsPaneMail?: PaneMailOverride }).__statementsPaneMail): PaneMailDeps {
  const graphUrl = override?.graphUrl ?? GRAPH_URL;
  const tokens = override?.token !== undefined ? staticTokenProvider(override.token) : officeSignIn();
  return {
    graphUrl,
    tokens,
    mailbox: override?.mailbox ?? '',
    // The firm's Word template as PDF: the filled .docx through the user's OneDrive app folder (?format=pdf), then deleted.
    wordToPdf: driveWordToPdfConverter({ tokens, graphUrl }),
    perMinute: override?.perMinute ?? 30,
    minuteMs: override?.minuteMs ?? 60_000,
    sentItemsLagMs: override?.sentItemsLagMs ?? 120_000,
    render: BROWSER_RENDERERS,
  };
}
