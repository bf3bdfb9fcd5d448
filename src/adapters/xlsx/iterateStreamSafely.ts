/**
 * exceljs's `lib/utils/iterate-stream`, rewritten (see ./exceljs.ts for why). The original stops at
 * the first 'end' event. unzipper's zip parser emits 'end' by hand as soon as its *input* is written
 * ('finish'), while entries may still be waiting to be parsed from its buffer; whether the reader is
 * then between two entries is a matter of timing, so parts of the workbook (workbook.xml, the shared
 * strings) were dropped at random under load (exceljs#3064; here, an intermittent test failure). This
 * one takes an 'end' as the end only once the stream says its readable side has really ended, keeps
 * the stream flowing, and pauses only when the consumer falls far behind.
 */
const PAUSE_AT = 64;
const RESUME_AT = 16;

type Source = NodeJS.ReadableStream;

/** Node's readable streams set `endEmitted` just before their own 'end'; a stream without that state is taken at its word. */
function reallyEnded(stream: Source): boolean {
  const state = (stream as { _readableState?: { endEmitted?: boolean } })._readableState;
  return state === undefined || state.endEmitted === true;
}

async function* iterateStreamSafely(stream: Source): AsyncGenerator<unknown> {
  const queue: unknown[] = [];
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const signal = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  stream.on('data', (chunk: unknown) => {
    queue.push(chunk);
    if (queue.length >= PAUSE_AT) stream.pause();
    signal();
  });
  stream.on('end', () => {
    if (!reallyEnded(stream)) return; // unzipper's early, hand-made 'end': more entries are coming
    ended = true;
    signal();
  });
  stream.on('close', () => {
    // Destroyed before its real end: what is missing must not pass for the whole (unzipper's hand-made 'close' is not a destroy).
    if (ended || failure !== undefined || (stream as { destroyed?: boolean }).destroyed !== true) return;
    failure = { error: new Error('the stream was closed before its end') };
    signal();
  });
  stream.on('error', (error: unknown) => {
    failure = { error };
    signal();
  });
  stream.resume();
  for (;;) {
    if (queue.length > 0) {
      const chunk = queue.shift();
      if (queue.length <= RESUME_AT && stream.isPaused()) stream.resume();
      yield chunk;
    } else if (failure !== undefined) {
      throw failure.error;
    } else if (ended) {
      return;
    } else {
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
}

export = iterateStreamSafely;
