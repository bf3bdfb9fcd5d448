/**
 * `npm run demo`: the main job on the bundled sample workbook, offline. Runs `statements run` into
 * ./out/ (workbook, CSV, a PDF and a Word statement per customer, one print file), then prints
 * the aged-receivables table and where every file is. The sample has one bad
 * row on purpose, so exit code 1 (input problems, reported) is the expected outcome here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../src/cli/main';

const root = path.join(__dirname, '../..');
const ledger = path.join(root, 'examples/sample-ledger.xlsx');
const out = path.join(root, 'out');

async function demo(): Promise<number> {
  const common = ['--ledger', ledger, '--as-of', '2026-10-31'];
  process.stdout.write(`statements run ${common.join(' ')} --out ${out}\n\n`);
  await main(['node', 'statements', 'compute', ...common, '--summary']);
  const settings = path.join(root, 'examples/settings.json');
  const code = await main(['node', 'statements', 'run', ...common, '--out', out, '--settings', settings, '--pdf', '--print-file', '--docx']);
  if (code === 2) return 2;
  const files = fs.readdirSync(out, { recursive: true, withFileTypes: false }) as string[];
  process.stdout.write(`\n${files.length} files under ${out}${path.sep}: statements.xlsx, statements-print.pdf, csv${path.sep}, pdf${path.sep}, docx${path.sep}\n`);
  if (code === 1) process.stdout.write('The sample ledger has one bad row on purpose: its customer is blocked and the problem is listed, the others are done.\n');
  return 0;
}

demo().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  },
);
