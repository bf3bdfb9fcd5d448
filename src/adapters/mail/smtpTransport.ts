import nodemailer from 'nodemailer';
import { mailOptions } from './composeEml';
import { DeliveryError, TransportError, type DeliverOptions, type Delivery, type MailTransport, type OutgoingMessage } from './outgoingMessage';

/** `--smtp smtp://user:pass@host:587` (or smtps://…:465) through nodemailer, for firms not on Microsoft 365. */
export function smtpTransport(url: string): MailTransport {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TransportError({ en: `--smtp ${url}: not a URL (smtp://user:password@host:port)`, fr: `--smtp ${url} : URL incorrecte (smtp://utilisateur:motdepasse@hôte:port)` }, 2);
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new TransportError({ en: `--smtp ${url}: expected smtp:// or smtps://`, fr: `--smtp ${url} : smtp:// ou smtps:// attendu` }, 2);
  const transporter = nodemailer.createTransport(url);
  const mailbox = decodeURIComponent(parsed.username);
  return {
    kind: 'smtp',
    mailbox,
    async deliver(m: OutgoingMessage, d: DeliverOptions): Promise<Delivery> {
      d.handingOver();
      try {
        const info = await transporter.sendMail({ ...mailOptions(m), ...(m.from === '' && mailbox.includes('@') ? { from: mailbox } : {}) });
        return { outcome: 'sent', messageId: String(info.messageId ?? '') };
      } catch (e) {
        const err = e as { code?: string; responseCode?: number; message?: string };
        const why = `${err.responseCode ?? err.code ?? ''} ${err.message ?? String(e)}`.trim();
        // A refused sign-in or an unreachable server fails every message: stop the batch instead of naming each.
        if (err.code === 'EAUTH' || err.code === 'ECONNECTION' || err.code === 'ESOCKET' || err.code === 'EDNS') throw new TransportError({ en: `SMTP: ${why}`, fr: `SMTP : ${why}` });
        throw new DeliveryError({ en: `SMTP refused the message: ${why}`, fr: `SMTP a refusé le message : ${why}` });
      }
    },
    async close(): Promise<void> {
      transporter.close();
    },
  };
}
