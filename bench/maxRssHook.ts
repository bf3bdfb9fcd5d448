/**
 * Preloaded (`node --require`) into a child when /usr/bin/time is missing: on exit, writes the
 * process's peak RSS and CPU times to the file named by BENCH_MAXRSS_FILE. A process the CLI started
 * (huge pages, src/cli/largeLedgerProcess.ts) is preloaded too and ends first: its figures are merged in
 * (peak: the larger; CPU: the sum).
 */
import * as fs from 'node:fs';

const file = process.env['BENCH_MAXRSS_FILE'];
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    const u = process.resourceUsage();
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const prior = (key: string): number => Number(new RegExp(`${key}=([\\d.]+)`).exec(before)?.[1] ?? 0);
    const rss = Math.max(u.maxRSS, prior('maxRssKb'));
    fs.writeFileSync(file, `maxRssKb=${rss}\nuserS=${u.userCPUTime / 1e6 + prior('userS')}\nsystemS=${u.systemCPUTime / 1e6 + prior('systemS')}\n`);
  });
}
