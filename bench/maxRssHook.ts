/**
 * Preloaded (`node --require`) into a child when /usr/bin/time is missing: on exit, writes the
 * process's peak RSS and CPU times to the file named by BENCH_MAXRSS_FILE.
 */
import * as fs from 'node:fs';

const file = process.env['BENCH_MAXRSS_FILE'];
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(file, `maxRssKb=${u.maxRSS}\nuserS=${u.userCPUTime / 1e6}\nsystemS=${u.systemCPUTime / 1e6}\n`);
  });
}
