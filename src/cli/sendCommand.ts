import type { Command } from 'commander';
import { addComputeOptions } from './computeFlags';
import type { Io } from './io';
import { addTransportOptions } from './mailTransportFlags';
import type { SendFlags } from './sendAction';

/** Options of the message and its attachment, shared by `send` and `schedule run`. */
export function addMessageOptions(cmd: Command): Command {
  return addTransportOptions(cmd)
    .option('--settings <file.json>', 'branding, and the "mail" block: subject and body templates (en, fr), reply-to, copy to self, attachment, schedule')
    .option('--company <name>', 'the firm\'s name on the statements and in {firm} (overrides the settings)')
    .option('--templates <dir>', 'folder of the firm\'s Word templates (mail.attachment "word-pdf")')
    .option('--csv-delimiter <char>', 'delimiter of the attached reconciliation CSV (mail.attachCsv): , or ;')
    .option('--log <file>', 'send log, JSON lines (default: beside the ledger, <ledger>.send-log.jsonl)')
    .option('--print-file <file.pdf>', 'statements of the customers without an e-mail address (default: beside the log)')
    .option('--dry-run', 'print the batch preview (who gets what, at which address, who is skipped and why) and send nothing');
}

export function addSendCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  addMessageOptions(addComputeOptions(program.command('send').description('E-mail each customer their statement (.eml files, SMTP, or Microsoft 365 through Graph), once')))
    .option('--at <iso-time>', 'Graph: hold the messages in the Outbox until this time (ISO with offset: 2026-12-01T07:00+01:00)')
    .option('--resend', 'send again statements the log records as sent')
    .option('--cancel', 'Graph: remove these statements, held by --at, from the Outbox before they go')
    .action(async (flags: SendFlags) => setExit(await (await import('./sendAction')).runSend(flags, io)));
}
