import * as fs from 'node:fs';
import * as path from 'node:path';
import { composeEml } from './composeEml';
import type { DeliverOptions, Delivery, MailTransport, OutgoingMessage } from './outgoingMessage';

/** `--outbox DIR`: one .eml per customer, written whole (temporary name, then renamed) so a crash leaves no half file. */
export function emlTransport(dir: string): MailTransport {
  fs.mkdirSync(dir, { recursive: true });
  return {
    kind: 'eml',
    mailbox: '',
    async deliver(m: OutgoingMessage, o: DeliverOptions): Promise<Delivery> {
      const bytes = await composeEml(m);
      const file = path.join(dir, `${m.fileStem}.eml`);
      const temp = `${file}.${process.pid}.tmp`;
      o.handingOver();
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, file);
      return { outcome: 'sent', messageId: path.basename(file) };
    },
    async close(): Promise<void> {},
  };
}
