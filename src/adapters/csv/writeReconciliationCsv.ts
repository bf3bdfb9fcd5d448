import { civilFromDay, currencyExponent, formatIsoDay, formatMinor, type Day, type Language, type Minor, type StatementDocument } from '../../core';

export type CsvDelimiter = ',' | ';';

export interface ReconciliationCsvOptions {
  /** Default: ";" for French (the decimal comma takes ","), "," for English. */
  readonly delimiter?: CsvDelimiter | undefined;
}

const BOM = '\ufeff';
const EOL = '\r\n';

/**
 * One customer's statement as CSV, for reconciling with the customer's own books: a header row, then
 * one block of rows per currency (each row carries its currency), starting with the document's
 * opening-balance row when it has one. Amounts are unsigned in the debit or credit column; balance
 * and open amount are signed. An open-item statement also has the paid/credited column after the
 * credit, signed like the amount, so every row adds up: debit − credit − paid/credited = open (an
 * invoice of 468.06 half paid: 468.06, blank, 234.03, open 234.03). The activity statement's rows are
 * movements, whose open amount is not what they add up to: its columns stay as they are.
 * UTF-8 with BOM (so Excel reads the accents), CRLF line ends and RFC 4180 quoting. fr: ";"
 * delimiter, decimal comma, dd/mm/yyyy dates; en: ",", decimal point, ISO dates. Numbers have no
 * thousands separator, so they read back as numbers.
 */
export function reconciliationCsv(doc: StatementDocument, options: ReconciliationCsvOptions = {}): string {
  const language = doc.language;
  const delimiter = options.delimiter ?? (language === 'fr' ? ';' : ',');
  const L = doc.labels;
  const withApplied = doc.style === 'open-item';
  /** The columns after Credit: Paid/credited (open items only), Balance, Open, Matching. */
  const tail = (applied: string, balance: string, open: string, matching: string): string[] => (withApplied ? [applied, balance, open, matching] : [balance, open, matching]);
  const rows: string[][] = [[L.currency, L.date, L.type, L.document, L.reference, L.dueDate, L.debit, L.credit, ...tail(L.applied, L.balance, L.open, L.matchingCode)]];
  for (const section of doc.sections) {
    const exponent = currencyExponent(section.currency) ?? 2;
    const num = (minor: Minor) => decimal(minor, exponent, language);
    if (section.opening !== undefined) {
      rows.push([section.currency, day(section.opening.date, language), L.openingBalance, '', '', '', '', '', ...tail('', num(section.opening.balance), '', '')]);
    }
    for (const l of section.lines) {
      rows.push([
        section.currency,
        day(l.date, language),
        l.typeLabel,
        l.documentNo,
        l.reference,
        day(l.dueDate, language),
        l.amount >= 0 ? num(l.amount) : '',
        l.amount < 0 ? num(-l.amount) : '',
        ...tail(num(l.applied), num(l.balance), num(l.open), l.matchingCode),
      ]);
    }
  }
  return BOM + rows.map((r) => r.map((cell) => csvField(cell, delimiter)).join(delimiter)).join(EOL) + EOL;
}

function decimal(minor: Minor, exponent: number, language: Language): string {
  const s = formatMinor(minor, exponent);
  return language === 'fr' ? s.replace('.', ',') : s;
}

function day(d: Day, language: Language): string {
  if (language !== 'fr') return formatIsoDay(d);
  const { year, month, day: dd } = civilFromDay(d);
  return `${String(dd).padStart(2, '0')}/${String(month).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
}

/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - @, tab
 * or CR as a formula, so such a cell is prefixed with a single quote. Also neutralised: the same
 * characters after leading white space, and their full-width forms (＝ ＋ － ＠), which some
 * spreadsheets normalise.
 *
 * Negative numbers are data, not formulas: OWASP's concern is cells a spreadsheet would evaluate,
 * and a cell that is exactly a plain number (/^-?\d+([.,]\d+)?$/: optional minus, digits, optional
 * decimal part, nothing else) is parsed as a number by every spreadsheet, never as an expression.
 * Such cells are written as they are, so "-12.50" stays a number a reconciliation can add up; the
 * money columns that can be negative (paid/credited, balance, open amount) produce only this shape, and debit and
 * credit are unsigned. Anything else starting with "-", such as "-2+3" or "-A1", is text and quoted.
 */
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;
const DANGEROUS_START = /^[\s\u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/u;

export function neutraliseFormula(cell: string): string {
  if (PLAIN_NUMBER.test(cell)) return cell;
  return DANGEROUS_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quote a field holding the delimiter, a quote, CR or LF (and tab, for tools that sniff it), doubling inner quotes. */
export function csvField(cell: string, delimiter: CsvDelimiter): string {
  const safe = neutraliseFormula(cell);
  return safe.includes(delimiter) || /["\r\n\t]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
