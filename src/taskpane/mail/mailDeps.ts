import type { StatementDocument, StatementSettings } from '../../core';
import type { TokenProvider } from '../../adapters/auth/tokenProvider';

/**
 * What the pane's e-mail needs from outside, injected so tests and the preview can stand in for
 * Microsoft: the Graph endpoint, the sign-in (a TokenProvider: NAA with msal-browser in Excel, a stub
 * in the e2e), the Word → PDF converter (OneDrive's ?format=pdf), the sending pace, and the
 * document renderers (the browser's pdfmake and Word filler).
 */
export interface PaneMailDeps {
  /** https://graph.microsoft.com/v1.0, or the local fake Graph server in tests. */
  readonly graphUrl: string;
  readonly tokens: TokenProvider;
  /** Send from this mailbox (a shared one: Mail.Send.Shared); '' = the signed-in user. */
  readonly mailbox: string;
  /** The firm's Word template as PDF; undefined: that attachment is not offered. */
  readonly wordToPdf: ((docx: Uint8Array, name: string) => Promise<Uint8Array>) | undefined;
  /** Exchange's limit: 30 messages a minute per mailbox (tests shorten the minute). */
  readonly perMinute: number;
  readonly minuteMs: number;
  /** How long a message handed over before the pane closed may take to show in Sent Items. */
  readonly sentItemsLagMs: number;
  readonly render: PaneRenderers;
}

export interface PaneRenderers {
  pdf(doc: StatementDocument, settings: StatementSettings): Promise<Uint8Array>;
  /** The filled Word template (.docx); `template` undefined: the shipped one. */
  word(doc: StatementDocument, settings: StatementSettings, template: Uint8Array | undefined): Promise<Uint8Array>;
  csv(doc: StatementDocument): Uint8Array;
}

export const GRAPH_URL = 'https://graph.microsoft.com/v1.0';
