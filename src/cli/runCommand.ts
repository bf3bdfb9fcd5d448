import type { Command } from 'commander';
import { addComputeOptions } from './computeFlags';
import type { Io } from './io';
import type { RunFlags } from './runAction';

// The action is loaded on use: exceljs, pdfmake, pdf-lib and docxtemplater are half a second of
// start-up that `statements compute` on CSV files never needs.
export function addRunCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  addComputeOptions(program.command('run').description('Write the statements: a workbook (aged receivables, one sheet per customer, issues) and reconciliation CSV files'))
    .requiredOption('--out <dir>', 'output folder (statements.xlsx, csv/, pdf/, docx/...); the files the previous run wrote there are removed first')
    .option('--max-sheets <n>', 'statement sheets in the workbook before a note points to the other outputs', '200')
    .option('--csv-delimiter <char>', 'CSV delimiter: , or ; (default: ; for French customers, , otherwise)')
    .option('--company <name>', 'company name printed on the statements (overrides the settings)')
    .option('--settings <file.json>', 'branding and layout: company block, bank details, logo, paper, message')
    .option('--pdf', 'write DIR/pdf/<customer>.pdf in the standard layout')
    .option('--print-file', 'write DIR/statements-print.pdf: every statement in one PDF for printing')
    .option('--workers <n>', 'threads rendering PDFs (default 2 for large runs, 0 = this thread)')
    .option('--docx', 'write DIR/docx/<customer>.docx from the Word template (the customer\'s template column, else the default)')
    .option('--docx-pdf', 'also convert those Word statements to PDF with LibreOffice (DIR/docx-pdf/)')
    .option('--templates <dir>', 'folder of the firm\'s Word templates')
    .action(async (flags: RunFlags) => setExit(await (await import('./runAction')).runRun(flags, io)));
}
