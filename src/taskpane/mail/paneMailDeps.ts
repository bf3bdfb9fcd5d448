import { SignInError, staticTokenProvider, type TokenProvider } from '../../adapters/auth/tokenProvider';
import { reconciliationCsv, statementPdf, wordStatement } from '../../adapters/documents/browser';
import { driveWordToPdfConverter } from '../../adapters/mail/graph/driveWordToPdf';
import { GRAPH_URL, type PaneMailDeps, type PaneRenderers } from './mailDeps';

/**
 * The e-mail tab's dependencies in the add-in: Microsoft Graph, the browser documents, and the
 * sign-in. A page may set `globalThis.__statementsPaneMail` before the bundle loads to point the pane
 * at another Graph (the e2e's local fake server, the preview) with a fixed token and a shorter
 * "minute"; nothing else reads it.
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

/** Until the add-in's Microsoft 365 sign-in is wired in: says so, in both languages, when a send is tried. */
const noSignIn: TokenProvider = {
  token: () => Promise.reject(new SignInError('Sign-in to Microsoft 365 is not available in this version of the add-in.', "La connexion à Microsoft 365 n'est pas disponible dans cette version du complément.")),
};

export function paneMailDeps(override = (globalThis as { __statementsPaneMail?: PaneMailOverride }).__statementsPaneMail): PaneMailDeps {
  const graphUrl = override?.graphUrl ?? GRAPH_URL;
  const tokens = override?.token !== undefined ? staticTokenProvider(override.token) : noSignIn;
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
