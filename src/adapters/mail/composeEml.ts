import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMessage } from './outgoingMessage';

/** Header carrying the statement identity in .eml and SMTP messages (the Graph route uses an extended property). */
export const IDENTITY_HEADER = 'X-Statement-Identity';

/** Nodemailer's options for a message: the same fields for the .eml writer and the SMTP transport. */
export function mailOptions(m: OutgoingMessage): ConstructorParameters<typeof MailComposer>[0] {
  return {
    ...(m.from !== '' ? { from: m.from } : {}),
    to: [...m.to],
    ...(m.cc.length > 0 ? { cc: [...m.cc] } : {}),
    ...(m.bcc.length > 0 ? { bcc: [...m.bcc] } : {}),
    ...(m.replyTo !== '' ? { replyTo: m.replyTo } : {}),
    subject: m.subject,
    text: m.body,
    headers: { [IDENTITY_HEADER]: m.identity },
    attachments: m.attachments.map((a) => ({ filename: a.name, contentType: a.contentType, content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength) })),
  };
}

/** The message as RFC 5322 bytes (MIME multipart with base64 attachments). Bcc is kept: an .eml is a draft for the firm's own client. */
export async function composeEml(m: OutgoingMessage): Promise<Buffer> {
  const composer = new MailComposer(mailOptions(m));
  const node = composer.compile();
  node.keepBcc = true;
  return node.build();
}
