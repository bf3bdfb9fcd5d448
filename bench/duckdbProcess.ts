/**
 * DuckDB's load + query as a fresh process runs them: node started, the native module loaded, a new
 * database, the CSV files read and the aging query run, then exit. The same footing as the CLI's
 * run (cold code and fresh memory on both sides). Prints the totals per currency as JSON, so the
 * bench can check the process did the work. Usage: node duckdbProcess.js <ledger folder> <as-of> <EUR,USD,...>
 */
import * as duck from './duckdbAging';

async function main(): Promise<void> {
  const [dir, asOf, currencies] = process.argv.slice(2);
  if (dir === undefined || asOf === undefined || currencies === undefined) throw new Error('usage: duckdbProcess <ledger folder> <as-of> <currencies>');
  const loaded = await duck.loadLedger(dir);
  const totals = await duck.agingTotals(loaded.connection, asOf, currencies.split(','));
  duck.close(loaded);
  process.stdout.write(JSON.stringify([...totals]));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
