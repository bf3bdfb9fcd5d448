/** exceljs's `lib/utils/parse-sax` with a streaming UTF-8 decoder (see ./exceljs.ts for why). */
import * as path from 'node:path';

const parseSaxFile = require.resolve('exceljs/lib/utils/parse-sax.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SaxesParser } = require(require.resolve('saxes', { paths: [path.dirname(parseSaxFile)] })) as {
  SaxesParser: new () => { on(event: string, f: (value: unknown) => void): void; write(text: string): void };
};

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(iterable: AsyncIterable<Uint8Array | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => (error = e));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error !== undefined) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest !== '') {
    parser.write(rest);
    if (error !== undefined) throw error;
    yield events;
  }
}


export = parseSax;
