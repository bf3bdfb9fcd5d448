import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSendLog, type LogRecord } from '../../core';

/** The send log beside the ledger (a folder's parent, not the current folder), so a cron job finds the same log. */
export function defaultLogPath(ledger: string): string {
  const resolved = path.resolve(ledger);
  const isDir = fs.existsSync(resolved) && fs.statSync(resolved).isDirectory();
  const base = isDir ? path.basename(resolved) : path.basename(resolved, path.extname(resolved));
  return path.join(path.dirname(resolved), `${base}.send-log.jsonl`);
}

export function readSendLog(file: string): LogRecord[] {
  if (!fs.existsSync(file)) return [];
  return parseSendLog(fs.readFileSync(file, 'utf8'));
}

/** Appends records one line each, on disk before it returns (fsync): the log is what stops a second send. */
export class SendLogFile {
  /** A record is on disk when append returns (see SendLogSink). */
  readonly synchronous = true;
  private readonly fd: number;
  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.fd = fs.openSync(file, 'a');
    // A line torn by an earlier crash would glue itself to the next one: start on a fresh line.
    const size = fs.fstatSync(this.fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      const r = fs.openSync(file, 'r');
      try {
        fs.readSync(r, last, 0, 1, size - 1);
      } finally {
        fs.closeSync(r);
      }
      if (last[0] !== 0x0a) fs.writeSync(this.fd, '\n');
    }
  }

  append(record: LogRecord): void {
    fs.writeSync(this.fd, `${JSON.stringify(record)}\n`);
    fs.fsyncSync(this.fd);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
