// The pane's e-mail logic without a browser: the "Sent statements" sheet through the Office.js
// adapter on the strict in-memory Excel (written as the batch goes, read back as the log), the
// shared batch (deliverBatch) with an in-memory transport, "Send at…" local time → ISO with offset,
// the schedule form and the preview rows.
import { computeStatements, deliveredIdentities, inDoubtIdentities, DEFAULT_MAIL_SETTINGS, DEFAULT_SETTINGS, planBatch, sha256Hex, type MailItem } from '../../src/core';
import { readSentStatements, SentStatementsLog, SENT_SHEET } from '../../src/adapters/excel';
import { deliverBatch, type SendLogSink } from '../../src/adapters/mail/deliverBatch';
import { DeliveryError, type MailTransport, type OutgoingMessage } from '../../src/adapters/mail/outgoingMessage';
import { loadLedger } from '../../src/cli/loadLedger';
import { localToIso } from '../../src/taskpane/mail/sendAt';
import { scheduleForm, scheduleFromForm } from '../../src/taskpane/mail/scheduleForm';
import { previewRows } from '../../src/taskpane/mail/previewRows';
import { MAIL_TEXTS } from '../../src/taskpane/mail/mailTexts';
import { checkOptions, defaultOptions } from '../../src/taskpane/paneOptions';
import { TEXTS } from '../../src/taskpane/texts';
import { FakeExcel } from '../fakes/excel';
import { mailLedger } from '../cli/mail/fixture';

async function planOf(delivered: ReadonlySet<string> = new Set()) {
  const loaded = await loadLedger(mailLedger(), { defaultCurrency: undefined, dateOrder: undefined, mappingFile: undefined });
  if (!loaded.ok) throw new Error(loaded.error.en);
  // The pane's own options at their defaults, as of 2026-06-30.
  const checked = checkOptions({ ...defaultOptions(0, 'en'), asOf: '2026-06-30' }, TEXTS.en, 'en');
  if (!checked.ok) throw new Error('options');
  const result = computeStatements(loaded.ledger, { ...checked.options, summary: false });
  return planBatch(result, { mail: DEFAULT_MAIL_SETTINGS, documents: DEFAULT_SETTINGS, sender: '', delivered, resend: false });
}

/** A mailbox in memory: refuses one customer's message, accepts the others. */
function memoryTransport(refuse: string): MailTransport & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    kind: 'graph', mailbox: 'firm@example.com', sent,
    async deliver(m, o) {
      if (m.to.includes(refuse)) throw new DeliveryError({ en: 'refused', fr: 'refusé' });
      o.handingOver();
      sent.push(m);
      return { outcome: 'sent', messageId: `id-${sent.length}` };
    },
    async close() {},
  };
}

describe('the "Sent statements" sheet and the shared batch', () => {
  it('logs one row per statement (sending, then its outcome), and reads back as the log that stops a second send', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Sheet1', rows: [] }] });
    const plan = await planOf();
    const items = plan.filter((p): p is MailItem => p.kind === 'send');
    expect(items.map((i) => i.customerId)).toEqual(['A', 'B']);
    const log = new SentStatementsLog(fake.run, 'en');
    const seen: string[] = [];
    // The sheet says "sending" before the hand-over: record what it holds at that moment.
    const spy: SendLogSink = { synchronous: false, append: async (r) => { seen.push(`${r.customerId}:${r.outcome}`); await log.append(r); } };
    const transport = memoryTransport('compta@beta.example');
    const pdf = new TextEncoder().encode('%PDF-1.4 fake');
    const report = await deliverBatch(plan, transport, spy, { sendAt: undefined, inDoubt: new Set(), render: async (item) => ({ ok: true, attachments: [{ name: item.pdfName, contentType: 'application/pdf', content: pdf as never }] }) });
    expect(seen).toEqual(['A:sending', 'A:sent', 'B:sending', 'B:failed']);
    expect(report.delivered).toBe(1);
    expect(report.failures.map((f) => f.customerId)).toEqual(['B']);

    const values = fake.sheet(SENT_SHEET).values;
    expect(values.length).toBe(3); // header + one row per statement
    expect(values[0]?.slice(0, 3)).toEqual(['Time (UTC)', 'Customer', 'As of']);
    const records = await readSentStatements(fake.run);
    expect(records.map((r) => [r.customerId, r.outcome, r.to, r.cc, r.messageId, r.transport, r.mailbox])).toEqual([
      ['A', 'sent', ['a1@alpha.example', 'a2@alpha.example'], ['boss@alpha.example'], 'id-1', 'graph', 'firm@example.com'],
      ['B', 'failed', ['compta@beta.example'], [], '', 'graph', 'firm@example.com'],
    ]);
    expect(records[0]?.attachmentSha256).toBe(sha256Hex(pdf));
    expect(records[0]?.asOf).toBe('2026-06-30');
    expect(records[0]?.identity).toBe(items[0]?.identity.key);
    expect(records[1]?.reason).toBe('refused');

    // The next plan reads the sheet: A is already sent, B (failed) goes again; a pane closed mid-send leaves "sending": in doubt.
    const again = await planOf(deliveredIdentities(records));
    expect(again.map((p) => `${p.customerId}:${p.kind}`)).toEqual(['A:already-sent', 'B:send', 'C:print', 'Z:blocked']);
    await new SentStatementsLog(fake.run, 'en').append({ ...(records[1] as NonNullable<typeof records[1]>), outcome: 'sending' });
    const later = await readSentStatements(fake.run);
    expect(later.length).toBe(3); // a later batch adds its rows below
    expect([...inDoubtIdentities(later)]).toEqual([items[1]?.identity.key]);
  });

  it('a statement whose attachment cannot be made is named, logged failed, and the batch goes on', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Sheet1', rows: [] }] });
    const transport = memoryTransport('nobody');
    const report = await deliverBatch(await planOf(), transport, new SentStatementsLog(fake.run, 'fr'), {
      sendAt: undefined, inDoubt: new Set(),
      render: async (item) => (item.customerId === 'A' ? { ok: false, reason: { en: 'template tag {x} unknown', fr: 'balise {x} inconnue' } } : { ok: true, attachments: [] }),
    });
    expect(report.failures).toEqual([{ customerId: 'A', reason: { en: 'template tag {x} unknown', fr: 'balise {x} inconnue' } }]);
    expect(transport.sent.map((m) => m.to)).toEqual([['compta@beta.example']]);
    expect(fake.sheet(SENT_SHEET).values[0]?.[1]).toBe('Client');
  });
});

describe('"Send at…"', () => {
  const paris = (d: Date) => (d.getMonth() >= 3 && d.getMonth() <= 9 ? -120 : -60); // CEST / CET, as getTimezoneOffset says
  const now = Date.parse('2026-11-01T00:00:00Z');
  it('gives the instant with the local offset of that date', () => {
    expect(localToIso('2026-12-01T07:00', paris, now)).toEqual({ ok: true, iso: '2026-12-01T07:00:00+01:00' });
    expect(localToIso('2027-06-01T07:30', paris, now)).toEqual({ ok: true, iso: '2027-06-01T07:30:00+02:00' });
    expect(localToIso('2026-12-01T07:00', () => 300, now)).toEqual({ ok: true, iso: '2026-12-01T07:00:00-05:00' });
  });
  it('refuses the past, a missing time and a date that does not exist', () => {
    expect(localToIso('2026-10-01T07:00', paris, now)).toMatchObject({ ok: false, error: { en: 'Choose a time in the future' } });
    expect(localToIso('2026-12-01', paris, now)).toMatchObject({ ok: false });
    expect(localToIso('2027-02-30T07:00', paris, now)).toMatchObject({ ok: false, error: { fr: "2027-02-30T07:00 : cette date n'existe pas" } });
  });
});

describe('the schedule form and the preview rows', () => {
  it('gives the schedule back, and names a bad day', () => {
    const schedule = { dayOfMonth: 5, style: 'open-item' as const, frequency: 'monthly' as const, customers: { B: 'quarterly' as const, 'X.9': 'never' as const } };
    expect(scheduleFromForm(scheduleForm(schedule))).toEqual({ ok: true, schedule });
    expect(scheduleFromForm({ ...scheduleForm(schedule), dayOfMonth: '32' })).toEqual({ ok: false, field: 'dayOfMonth' });
  });
  it('say who gets what, and why the others are skipped, in the pane\'s language', async () => {
    const rows = previewRows(await planOf(), MAIL_TEXTS.fr, 'fr', 'pdf');
    expect(rows.map((r) => [r.customerId, r.kind, r.to, r.cc, r.files])).toEqual([
      ['A', 'send', 'a1@alpha.example, a2@alpha.example', 'boss@alpha.example', 'ST-202606-A.pdf'],
      ['B', 'send', 'compta@beta.example', '', 'ST-202606-B.pdf'],
      ['C', 'print', '', '', ''],
      ['Z', 'blocked', '', '', ''],
    ]);
    expect(rows[2]?.status).toBe("À imprimer : pas d'adresse e-mail");
    expect(rows[3]?.status).toMatch(/^Bloqué : /);
  });
});
