import type { Attachment } from '../../adapters/mail/outgoingMessage';
import { bytesToBase64 } from '../../adapters/mail/base64';

/**
 * Attachment bytes for the Graph transport from the browser. `Attachment.content` is typed as Node's
 * Buffer and the transport base64s it with `content.toString('base64')` (asked of its owner: take a
 * Uint8Array and base64.ts). Until then the pane hands over a Uint8Array that answers exactly what
 * the transport uses of a Buffer: `toString('base64')`, `length` and `subarray` (a subarray is of this
 * class too). Nothing else of Buffer is relied on, and webpack bundles no Buffer polyfill.
 */
class AttachmentBytes extends Uint8Array {
  override toString(encoding?: string): string {
    return encoding === 'base64' ? bytesToBase64(this) : super.toString();
  }
}

export function attachmentBytes(u: Uint8Array): Attachment['content'] {
  return new AttachmentBytes(u) as unknown as Attachment['content'];
}
