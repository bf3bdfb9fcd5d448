/**
 * exceljs's `lib/utils/iterate-stream`, rewritten (see ./exceljs.ts for why). The original pauses the
 * stream around every `yield`; exceljs's own tracker (exceljs#3064) reports unzipper's streams losing
 * what they had not yet delivered when paused that way, seen as workbook parts dropped at random under
 * load. This one keeps the stream flowing, queues what arrives, and pauses only when the consumer
 * falls far behind (resuming once it catches up): ordinary backpressure, nothing dropped, same order.
 */
const PAUSE_AT = 64;
const RESUME_AT = 16;

type Source = NodeJS.ReadableStream;

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
    ended = true;
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
