import { staticTokenProvider } from '../../../src/adapters/auth/tokenProvider';
import { graphTransport, type GraphTransportOptions } from '../../../src/adapters/mail/graph/graphTransport';
import type { OutgoingMessage } from '../../../src/adapters/mail/outgoingMessage';
import type { FakeGraph } from '../../fakes/graph/fakeGraphServer';

export function message(identity: string, over: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    identity,
    from: '',
    to: [`${identity.slice(0, 8)}@customer.example`],
    cc: ['boss@customer.example'],
    bcc: [],
    replyTo: 'accounts@firm.example',
    subject: `Statement ${identity}`,
    body: 'Dear customer,\n\nPlease find attached your statement.\n',
    attachments: [{ name: `${identity}.pdf`, contentType: 'application/pdf', content: Buffer.from(`%PDF-1.4 ${identity}`) }],
    fileStem: identity,
    ...over,
  };
}

/** A transport on the fake server, fast: a "minute" of 600 ms and a short Sent Items wait. */
export function transportOn(fake: FakeGraph, over: Partial<GraphTransportOptions> = {}) {
  return graphTransport({ baseUrl: `${fake.url}/v1.0`, tokens: staticTokenProvider('test-token'), mailbox: '', perMinute: 1000, minuteMs: 60_000, sentItemsLagMs: 1500, lagPollMs: 50, ...over });
}

export const noLog = { inDoubt: false, handingOver: () => undefined };
