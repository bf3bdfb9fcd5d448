import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  DEFAULT_MAIL_SETTINGS, DEFAULT_SETTINGS, deliveredIdentities, inDoubtIdentities, lastScheduleRun, parseIsoDay, parseMailSettings, parseSendLog, planBatch,
  scheduledGroups, sha256Hex, splitAddresses, statementDocument, statementIdentity, formatIsoDay, type Day, type MailItem, type SendRecord,
} from '../../../src/core';
import { rawTable } from '../../helpers/rawTable';
import { computeFixture, fixtureOptions } from '../../helpers/statements';

const day = (iso: string): Day => parseIsoDay(iso) as Day;

const CUSTOMERS = rawTable('customers', `
customer_id|name|email|cc|language|currency
A|Alpha Ltd|a@alpha.example; b@alpha.example , a@alpha.example|boss@alpha.example|en|EUR
B|Bêta SARL|compta@beta.example|    |fr|EUR
C|Gamma|               |    |en|EUR
D|Delta|not-an-address|    |en|EUR
`);
const ENTRIES = rawTable('entries', `
customer_id|type|document_no|posting_date|due_date|amount
A|invoice|I1|2026-05-01|2026-05-31|1200.50
B|invoice|I2|2026-06-20|2026-07-20|300.00
C|invoice|I3|2026-06-01|2026-06-10|10.00
D|invoice|I4|2026-06-01|2026-06-10|10.00
E|invoice|I5|2026-06-01|2026-06-10|10.00
`);

describe('sha256Hex', () => {
  it('agrees with node:crypto on random bytes, across block boundaries', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => sha256Hex(bytes) === createHash('sha256').update(bytes).digest('hex')), { numRuns: 300 });
  });
});

describe('splitAddresses', () => {
  it('splits on ; and , trims, drops duplicates and blanks', () => {
    expect(splitAddresses(['a@x.example; b@x.example ,a@x.example', '', ' <c@y.example> '])).toEqual(['a@x.example', 'b@x.example', 'c@y.example']);
  });
});

describe('planBatch', () => {
  const result = computeFixture(CUSTOMERS, ENTRIES, fixtureOptions(day('2026-06-30')));
  const options = { mail: DEFAULT_MAIL_SETTINGS, documents: { ...DEFAULT_SETTINGS, company: { ...DEFAULT_SETTINGS.company, name: 'Cabinet Martin' } }, sender: 'me@firm.example', delivered: new Set<string>(), resend: false };

  it('sends to every address, prints those without one, blocks the unknown customer with its reason', () => {
    const plan = planBatch(result, options);
    const by = new Map(plan.map((p) => [p.customerId, p]));
    const a = by.get('A') as MailItem;
    expect(a.kind).toBe('send');
    expect(a.to).toEqual(['a@alpha.example', 'b@alpha.example']);
    expect(a.cc).toEqual(['boss@alpha.example']);
    expect(a.subject).toBe('Statement of account ST-202606-A');
    expect(a.body).toContain('Dear Alpha Ltd,');
    expect(a.body).toContain('Balance: €1,200.50');
    expect(a.body).toContain('Overdue: €1,200.50');
    expect(a.body).toContain('30 Jun 2026');
    expect(a.body.trimEnd().endsWith('Cabinet Martin')).toBe(true);
    expect(a.pdfName).toBe('ST-202606-A.pdf');
    const b = by.get('B') as MailItem;
    expect(b.subject).toBe('Relevé de compte ST-202606-B');
    expect(b.body).toContain('300,00\u00a0€');
    expect(b.body).not.toContain('Échu'); // nothing overdue: the line is left out
    expect(by.get('C')?.kind).toBe('print');
    expect(by.get('D')?.kind).toBe('print');
    expect(by.get('D')?.kind === 'print' && by.get('D')).toMatchObject({ reason: { en: 'not an e-mail address: not-an-address' } });
    expect(by.get('E')?.kind).toBe('blocked');
  });

  it('skips what the log has delivered unless resending; copy to self goes to the sender', () => {
    const first = planBatch(result, options).find((p) => p.customerId === 'A') as MailItem;
    const again = planBatch(result, { ...options, delivered: new Set([first.identity.key]) });
    expect(again.find((p) => p.customerId === 'A')?.kind).toBe('already-sent');
    const resent = planBatch(result, { ...options, delivered: new Set([first.identity.key]), resend: true, mail: { ...DEFAULT_MAIL_SETTINGS, copyToSelf: true } });
    expect((resent.find((p) => p.customerId === 'A') as MailItem).bcc).toEqual(['me@firm.example']);
  });
});

describe('statementIdentity', () => {
  it('changes with the as-of date, the period and the content, not with the run', () => {
    const id = (asOf: string, from?: string, entries = ENTRIES) => {
      const r = computeFixture(CUSTOMERS, entries, fixtureOptions(day(asOf), from === undefined ? {} : { from: day(from) }));
      return statementIdentity(statementDocument(r, r.statements[0]!)).key;
    };
    expect(id('2026-06-30')).toBe(id('2026-06-30'));
    expect(id('2026-06-15')).not.toBe(id('2026-06-30'));
    expect(id('2026-06-30', '2026-06-01')).not.toBe(id('2026-06-30'));
    const more = rawTable('entries', 'customer_id|type|document_no|posting_date|due_date|amount\nA|invoice|I1|2026-05-01|2026-05-31|1200.51');
    expect(id('2026-06-30', undefined, more)).not.toBe(id('2026-06-30'));
  });
});

describe('parseMailSettings', () => {
  it('refuses unknown keys and placeholders, in both languages', () => {
    const r = parseMailSettings({ subjet: 'x', body: { en: 'Hello {Customer}' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.en).join('\n')).toMatch(/unknown key "mail.subjet"[\s\S]*unknown placeholder \{Customer\}/);
      expect(r.errors[0]?.fr).toContain('clé inconnue');
    }
  });
  it('keeps the default of a language not given', () => {
    const r = parseMailSettings({ subject: { fr: 'Relevé {number} de {firm}' }, schedule: { dayOfMonth: 5, customers: { A: 'quarterly' } } });
    expect(r.ok && r.settings.templates.subject).toEqual({ en: 'Statement of account {number}', fr: 'Relevé {number} de {firm}' });
    expect(r.ok && r.settings.schedule).toEqual({ dayOfMonth: 5, style: 'activity', frequency: 'monthly', customers: { A: 'quarterly' } });
  });
});

describe('scheduledGroups', () => {
  const schedule = { dayOfMonth: 31, style: 'activity' as const, frequency: 'monthly' as const, customers: { Q: 'quarterly' as const, N: 'never' as const } };
  it('catches up missed runs, each once, with the period R(k−1)..R(k)−1 and quarterly customers every third month', () => {
    const groups = scheduledGroups(schedule, day('2026-01-31'), day('2026-04-30'), ['M', 'Q', 'N']);
    const shown = groups.map((g) => `${formatIsoDay(g.run.runDate)} ${g.frequency} ${formatIsoDay(g.from)}..${formatIsoDay(g.asOf)} ${g.customerIds.join(',')}`);
    expect(shown).toEqual([
      '2026-02-28 monthly 2026-01-31..2026-02-27 M',
      '2026-03-31 monthly 2026-02-28..2026-03-30 M',
      '2026-04-30 monthly 2026-03-31..2026-04-29 M',
      '2026-04-30 quarterly 2026-01-31..2026-04-29 Q',
    ]);
    expect(scheduledGroups(schedule, day('2026-04-30'), day('2026-04-30'), ['M'])).toEqual([]);
  });
});

describe('send log', () => {
  const rec = (identity: string, outcome: SendRecord['outcome']): string => JSON.stringify({ v: 1, kind: 'statement', identity, outcome });
  it('reads the last outcome per identity and ignores a torn line', () => {
    const text = [rec('x', 'sending'), rec('x', 'sent'), rec('y', 'sending'), rec('z', 'drafted'), JSON.stringify({ v: 1, kind: 'schedule-run', runDate: '2026-05-01' }), '{"v":1,"kind":"stat'].join('\n');
    const records = parseSendLog(text);
    expect([...deliveredIdentities(records)]).toEqual(['x']);
    expect([...inDoubtIdentities(records)]).toEqual(['y']);
    expect(lastScheduleRun(records)).toBe('2026-05-01');
  });
});
