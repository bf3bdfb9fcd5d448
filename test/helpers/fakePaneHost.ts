import type { FakeExcel } from '../fakes/excel';
import type { PaneHost } from '../../src/taskpane/host';
import type { PaneMailDeps } from '../../src/taskpane/mail/mailDeps';

const refuse = (what: string) => (): never => {
  throw new Error(`this test sends no mail (${what} was called)`);
};

/** No e-mail in these tests: any use of Graph, the sign-in or a renderer fails the test by name. */
const NO_MAIL: PaneMailDeps = {
  graphUrl: 'http://127.0.0.1:9/unused',
  tokens: { token: refuse('the sign-in') },
  mailbox: '',
  wordToPdf: undefined,
  perMinute: 30,
  minuteMs: 60_000,
  sentItemsLagMs: 0,
  render: { pdf: refuse('render.pdf'), word: refuse('render.word'), csv: refuse('render.csv') },
};

/** The pane's host over the in-memory Excel, English, day 0, for tests of reading and running. */
export function fakePaneHost(fake: FakeExcel): PaneHost {
  return { run: fake.run, isSetSupported: (v) => fake.isSetSupported('ExcelApi', v), language: 'en', today: () => 0, mail: NO_MAIL };
}
