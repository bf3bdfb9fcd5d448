import cliProgress from 'cli-progress';
import type { Io } from './io';

/** A progress bar on a terminal; silent when output goes to a file or a test. `stop` may be called more than once. */
export interface Progress {
  phase(label: string, total: number): void;
  tick(value: number): void;
  stop(): void;
}

const SILENT: Progress = { phase: () => undefined, tick: () => undefined, stop: () => undefined };

export function progressFor(io: Io): Progress {
  if (io.interactive !== true) return SILENT;
  const bar = new cliProgress.SingleBar({ format: '{label} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
  let running = false;
  return {
    phase(label, total) {
      if (running) bar.stop();
      bar.start(total, 0, { label });
      running = true;
    },
    tick(value) {
      if (running) bar.update(value);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
