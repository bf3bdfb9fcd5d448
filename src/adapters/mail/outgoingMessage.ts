import type { Localised, TransportKind } from '../../core';

/** A message ready for any transport: addresses, texts and attachment bytes. */
export interface OutgoingMessage {
  /** The statement identity key (core `statementIdentity`), carried by the message itself. */
  readonly identity: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly replyTo: string;
  readonly subject: string;
  readonly body: string;
  readonly attachments: readonly Attachment[];
  /** Delivery held until then (Graph only): ISO time with offset. */
  readonly sendAt?: string;
  /** A file name stem for transports that write files (.eml). */
  readonly fileStem: string;
}

export interface Attachment {
  readonly name: string;
  readonly contentType: string;
  /** Bytes (a Node Buffer is one): the pane hands plain Uint8Arrays, with no Buffer in the browser. */
  readonly content: Uint8Array;
}

export type DeliveryOutcome = 'sent' | 'scheduled' | 'drafted' | 'already-delivered';

export interface Delivery {
  readonly outcome: DeliveryOutcome;
  readonly messageId: string;
}

export interface DeliverOptions {
  /** The log has "sending" for this statement and no outcome: it may already be in the mailbox (Graph waits for Sent Items). */
  readonly inDoubt: boolean;
  /** Called just before the step that cannot be taken back (SMTP DATA, Graph /send), so the log can say "sending" first. */
  readonly handingOver: () => void;
}

/** One way out: an .eml folder, an SMTP server, or a Microsoft 365 mailbox through Graph. */
export interface MailTransport {
  readonly kind: TransportKind;
  /** The sending mailbox as the log records it ('' when none applies). */
  readonly mailbox: string;
  deliver(message: OutgoingMessage, o: DeliverOptions): Promise<Delivery>;
  close(): Promise<void>;
}

/** A send that failed for this message only: the batch goes on and the CLI names it with the reason. */
export class DeliveryError extends Error {
  constructor(readonly localised: Localised) {
    super(localised.en);
  }
}

/** A failure that stops the whole batch: the token expired or was refused, the server is unreachable. */
export class TransportError extends Error {
  constructor(readonly localised: Localised, readonly exitCode: 1 | 2 = 1) {
    super(localised.en);
  }
}
