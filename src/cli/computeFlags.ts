import { Option, type Command } from 'commander';

/** The options `compute` and `run` share (DESIGN.md §6). */
export function addComputeOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--ledger <path>', 'an .xlsx workbook, a .csv export, or a folder with customers.csv, entries.csv and optional applications.csv (without entries.csv: every .csv in it, read as an export)')
    .requiredOption('--as-of <date>', 'statement date, YYYY-MM-DD')
    .option('--from <date>', 'start of the period (activity statements; open-item: lines from this date)')
    .addOption(new Option('--style <style>', 'open-item or activity').default('open-item'))
    .option('--aging <bands>', 'aging columns: upper bounds "30,60,90", "months", or a period such as 30D or 1M+CM', '30,60,90')
    .option('--aging-by <basis>', 'age by due or posting date', 'due')
    .option('--customer <ids...>', 'only these customers')
    .option('--allocate <mode>', 'unapplied credits: none (leave unapplied) or fifo (oldest open invoice first)', 'none')
    .option('--currency <code>', 'currency for rows and customers that name none')
    .option('--lang <language>', 'language of messages and summaries: en or fr', 'en')
    .option('--include <which>', 'customers with a balance, with activity in the period, or either (balance|activity|either)')
    .option('--exclude-credit', 'leave out customers whose balance is a credit')
    .option('--min-balance <amount>', 'leave out customers whose balance is below this amount')
    .option('--overdue-only', 'only customers with something overdue')
    .option('--ignore-opt-out', 'include customers whose send_statements is "no"')
    .option('--group <groups...>', 'only customers of these groups')
    .option('--date-order <order>', 'dates typed as text (CSV files, text cells): dmy (day first) or mdy (month first); default: mdy for a workbook whose date formats are US English, else dmy')
    .option('--exported <date>', "the date the export was taken (another system's export with open amounts); default: its latest posting date")
    .option('--account <accounts...>', "the receivable account(s) of a journal items export (Odoo): codes (411 takes 411000, 411100) or names; default: accounts of receivable type, or whose code or name says so (411…, Receivable, Clients)")
    .option('--mapping <file.json>', 'your own header names: {"Header": "column"} or {"entries": {"Header": "column"}}');
}
