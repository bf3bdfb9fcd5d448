import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { parseSendLog, type SendRecord } from '../../../src/core';
import { tempDir } from '../../helpers/workbook';
import { cli, mailLedger } from './fixture';

const pdfText = (bytes: Buffer): string => {
  const file = path.join(tempDir('stmt-mail-pdf-'), 'a.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
};

describe('statements send --outbox', () => {
  const ledger = mailLedger();
  const work = tempDir('stmt-mail-eml-');
  const outbox = path.join(work, 'outbox');
  const log = path.join(work, 'send.jsonl');
  let first: { code: number; out: string; err: string };
  const parsed = new Map<string, ParsedMail>();

  beforeAll(async () => {
    first = await cli('send', '--ledger', ledger, '--as-of', '2026-06-30', '--outbox', outbox, '--log', log, '--company', 'Cabinet Martin');
    for (const f of fs.readdirSync(outbox)) parsed.set(f, await simpleParser(fs.readFileSync(path.join(outbox, f))));
  });

  it('writes one .eml per customer with an address, names the print list and the blocked one, exit 0', () => {
    expect(first.code).toBe(0);
    expect([...parsed.keys()].sort()).toEqual(['ST-202606-A.eml', 'ST-202606-B.eml']);
    expect(first.out).toMatch(/Print\s+C Gamma: no e-mail address/);
    expect(first.out).toMatch(/Blocked\s+Z: /);
    expect(fs.existsSync(path.join(work, 'statements-to-print-2026-06-30.pdf'))).toBe(true);
  });

  it('each message has its recipients, subject, body and the statement PDF, whose text is the statement', () => {
    const a = parsed.get('ST-202606-A.eml')!;
    const to = Array.isArray(a.to) ? a.to : [a.to];
    expect(to.flatMap((x) => x?.value.map((v) => v.address))).toEqual(['a1@alpha.example', 'a2@alpha.example']);
    expect((Array.isArray(a.cc) ? a.cc[0] : a.cc)?.value.map((v) => v.address)).toEqual(['boss@alpha.example']);
    expect(a.subject).toBe('Statement of account ST-202606-A');
    expect(a.text).toContain('Balance: €1,234.56');
    expect(a.headers.get('x-statement-identity')).toMatch(/^stmt1-[0-9a-f]{64}$/);
    expect(a.attachments.map((x) => [x.filename, x.contentType])).toEqual([['ST-202606-A.pdf', 'application/pdf']]);
    const text = pdfText(a.attachments[0]!.content);
    expect(text).toContain('Alpha Ltd');
    expect(text).toContain('1,234.56');
    const b = parsed.get('ST-202606-B.eml')!;
    expect(b.subject).toBe('Relevé de compte ST-202606-B');
    expect(b.text).toContain('Solde : 300,00\u00a0€'); // I2b is posted after the as-of date
    expect(pdfText(b.attachments[0]!.content)).toContain('Bêta SARL');
  });

  it('logs each statement with its attachment digest, and a second run sends nothing', async () => {
    const records = parseSendLog(fs.readFileSync(log, 'utf8')) as SendRecord[];
    expect(records.map((r) => `${r.customerId} ${r.outcome}`)).toEqual(['A sending', 'A sent', 'B sending', 'B sent']);
    const a = parsed.get('ST-202606-A.eml')!;
    expect(records[1]!.attachmentSha256).toBe(createHash('sha256').update(a.attachments[0]!.content).digest('hex'));
    const again = await cli('send', '--ledger', ledger, '--as-of', '2026-06-30', '--outbox', outbox, '--log', log);
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 to send');
    expect(again.out).toMatch(/Skipped\s+A Alpha Ltd: already sent/);
    const resent = await cli('send', '--ledger', ledger, '--as-of', '2026-06-30', '--outbox', outbox, '--log', log, '--resend', '--customer', 'A');
    expect(resent.out).toContain('1 delivered');
  });

  it('--dry-run prints the preview (in French with --lang fr) and sends nothing', async () => {
    const dry = tempDir('stmt-mail-dry-');
    const r = await cli('send', '--ledger', ledger, '--as-of', '2026-06-30', '--outbox', path.join(dry, 'o'), '--log', path.join(dry, 'l.jsonl'), '--dry-run', '--lang', 'fr');
    expect(r.code).toBe(0);
    expect(r.out).toContain("Aperçu de l'envoi — 2026-06-30");
    expect(r.out).toMatch(/Envoi\s+A Alpha Ltd → a1@alpha.example, a2@alpha.example; cc boss@alpha.example \[ST-202606-A.pdf\]/);
    expect(r.out).toMatch(/À imprimer\s+C Gamma : pas d'adresse e-mail/);
    expect(r.out).toContain("2 à envoyer, 1 à imprimer (pas d'adresse utilisable), 1 bloqués, 0 déjà envoyés");
    expect(fs.existsSync(path.join(dry, 'o', 'ST-202606-A.eml'))).toBe(false);
    expect(fs.existsSync(path.join(dry, 'l.jsonl'))).toBe(false);
  });

  it('refuses command-line mistakes with exit 2', async () => {
    const two = await cli('send', '--ledger', ledger, '--as-of', '2026-06-30', '--outbox', outbox, '--smtp', 'smtp://h');
    expect(two.code).toBe(2);
    expect(two.err).toContain('choose one transport');
    expect((await cli('send', '--ledger', ledger, '--as-of', '2026-06-30', '--outbox', outbox, '--at', '2026-07-01T07:00Z')).code).toBe(2);
    const noOffset = await cli('send', '--ledger', ledger, '--as-of', '2026-06-30', '--graph', '--at', '2026-07-01T07:00');
    expect(noOffset.code).toBe(2);
    expect(noOffset.err).toContain('offset');
  });
});

describe('statements send --smtp against a real SMTP server', () => {
  const received: { from: string; to: string[]; raw: Buffer }[] = [];
  let server: SMTPServer;
  let port = 0;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
          done();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('delivers each statement once, to every recipient, with its PDF', async () => {
    const ledger = mailLedger();
    const log = path.join(tempDir('stmt-mail-smtp-'), 'send.jsonl');
    const r = await cli('send', '--ledger', ledger, '--as-of', '2026-06-30', '--smtp', `smtp://127.0.0.1:${port}`, '--log', log);
    expect(r.code).toBe(0);
    expect(received.map((m) => m.to)).toEqual([['a1@alpha.example', 'a2@alpha.example', 'boss@alpha.example'], ['compta@beta.example']]);
    const mail = await simpleParser(received[0]!.raw);
    expect(mail.subject).toBe('Statement of account ST-202606-A');
    expect(pdfText(mail.attachments[0]!.content)).toContain('Alpha Ltd');
    await cli('send', '--ledger', ledger, '--as-of', '2026-06-30', '--smtp', `smtp://127.0.0.1:${port}`, '--log', log);
    expect(received).toHaveLength(2);
  });

  it('names a failed send and exits 1 when the server refuses a recipient', async () => {
    const refusing = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onRcptTo: (a, _s, cb) => (a.address.startsWith('compta') ? cb(new Error('550 5.1.1 mailbox unavailable')) : cb()), onData: (s, _x, done) => { s.resume(); s.on('end', () => done()); } });
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', r));
    const p = (refusing.server.address() as AddressInfo).port;
    const r = await cli('send', '--ledger', mailLedger(), '--as-of', '2026-06-30', '--smtp', `smtp://127.0.0.1:${p}`, '--log', path.join(tempDir('stmt-mail-smtp2-'), 'l.jsonl'));
    await new Promise<void>((res) => refusing.close(() => res()));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Not sent:\n {2}B: SMTP refused the message: .*mailbox unavailable/);
  });
});

describe('statements send with the settings file\'s mail block', () => {
  it('uses its subject template, reply-to, copy to self and the reconciliation CSV; refuses an unknown placeholder', async () => {
    const work = tempDir('stmt-mail-settings-');
    const settings = path.join(work, 'settings.json');
    fs.writeFileSync(settings, JSON.stringify({
      company: { name: 'Cabinet Martin', email: 'compta@cabinet.example' },
      mail: { replyTo: 'relances@cabinet.example', copyToSelf: true, attachCsv: true, subject: { en: '{firm}: statement {number} ({balance})' } },
    }));
    const outbox = path.join(work, 'out');
    const r = await cli('send', '--ledger', mailLedger(), '--as-of', '2026-06-30', '--outbox', outbox, '--log', path.join(work, 'l.jsonl'), '--settings', settings, '--customer', 'A');
    expect(r.code).toBe(0);
    const a = await simpleParser(fs.readFileSync(path.join(outbox, 'ST-202606-A.eml')));
    expect(a.subject).toBe('Cabinet Martin: statement ST-202606-A (€1,234.56)');
    expect(a.replyTo?.value.map((v) => v.address)).toEqual(['relances@cabinet.example']);
    expect((Array.isArray(a.bcc) ? a.bcc[0] : a.bcc)?.value.map((v) => v.address)).toEqual(['compta@cabinet.example']);
    expect(a.attachments.map((x) => x.filename)).toEqual(['ST-202606-A.pdf', 'ST-202606-A.csv']);
    expect(a.attachments[1]!.content.toString('utf8')).toContain('I1');
    fs.writeFileSync(settings, JSON.stringify({ mail: { body: { fr: 'Bonjour {client}' } } }));
    const bad = await cli('send', '--ledger', mailLedger(), '--as-of', '2026-06-30', '--outbox', outbox, '--settings', settings, '--lang', 'fr');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('champ inconnu {client}');
  });
});
