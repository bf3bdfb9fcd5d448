/** What a function should answer, read from `statements compute --json` (the contract), never from the functions' own code. */
import { currencyExponent, ENTRY_TYPES, type EntryType } from '../../src/core';
import { excelErrorOf } from './customFunctionsStub';
import { amount, isoSerial, sumAmounts, type ComputeJson } from './excelGrids';

type Statement = ComputeJson['statements'][number];
type Section = Statement['sections'][number];

export const digits = (currency: string): number => currencyExponent(currency) ?? 2;

/** A blocked customer's #VALUE!: names it, its first bad cell by row (row counted in the range, header = row 1) and how many more. */
export async function expectBlocked(s: Statement, answer: Promise<unknown>): Promise<void> {
  const error = await excelErrorOf(answer);
  expect(error.code).toBe('#VALUE!');
  const problems = (s.issues ?? []).filter((i) => i.severity === 'error').map((i, k) => ({ i, k })).sort((a, b) => (a.i.row ?? Infinity) - (b.i.row ?? Infinity) || a.k - b.k);
  const first = problems[0]?.i;
  if (first === undefined) throw new Error(`blocked without an error: ${s.customerId}`);
  expect(error.message).toContain(`customer ${s.customerId}`);
  if (first.row !== undefined) expect(error.message).toContain(`row ${first.row}`);
  // The CLI names the cell Entries!D3 (posting_date); the function, without the range's address, row 3, column posting_date: the problem's words are the same.
  const words = first.message.slice(first.message.indexOf(': ') + 2).slice(0, 40);
  expect(error.message).toContain(words);
  if (problems.length > 1) expect(error.message).toContain(`and ${problems.length - 1} more problem`);
  else expect(error.message).not.toContain('more problem');
}

/** The section a one-currency figure is about, or the #VALUE! naming the currencies. */
export function sectionFor(s: Statement | undefined, currency: string | undefined): { section: Section | undefined } | { several: string[] } {
  const sections = s?.sections ?? [];
  if (currency !== undefined) return { section: sections.find((x) => x.currency === currency) };
  if (sections.length > 1) return { several: sections.map((x) => x.currency) };
  return { section: sections[0] };
}

export async function expectSeveral(currencies: readonly string[], answer: Promise<unknown>): Promise<void> {
  const error = await excelErrorOf(answer);
  expect(error.code).toBe('#VALUE!');
  expect(error.message).toContain(`several currencies (${currencies.join(', ')})`);
}

export function agingTotals(json: ComputeJson, currency: string): number[] | undefined {
  const sections = json.statements.flatMap((s) => s.sections.filter((x) => x.currency === currency));
  if (sections.length === 0) return undefined;
  return json.aging.buckets.map((_, b) => sumAmounts(sections.map((x) => x.aging[b] as string), digits(currency)));
}

const typeLabel = (type: string): string => ENTRY_TYPES[type as EntryType].label.en;

/** The rows STMT.STATEMENT spills for a section of the contract (English headers). */
export function statementRows(json: ComputeJson, section: Section | undefined, style: 'open-item' | 'activity', asOf: string): (string | number)[][] {
  const lines = section?.lines ?? [];
  const zero = 0;
  if (style === 'activity') {
    return [
      ['Date', 'Type', 'Document', 'Due date', 'Debit', 'Credit', 'Balance'],
      [isoSerial(json.from as string), 'Opening balance', '', '', '', '', section === undefined ? zero : amount(section.openingBalance)],
      ...lines.map((l) => [isoSerial(l.date), typeLabel(l.type), l.documentNo, isoSerial(l.dueDate), amount(l.amount) > 0 ? amount(l.amount) : '', amount(l.amount) < 0 ? -amount(l.amount) : '', amount(l.balance)]),
      [isoSerial(asOf), 'Closing balance', '', '', '', '', section === undefined ? zero : amount(section.closingBalance)],
    ];
  }
  return [
    ['Date', 'Type', 'Document', 'Due date', 'Amount', 'Applied', 'Open', 'Balance', 'Days overdue'],
    ...(json.from !== null ? [[isoSerial(json.from), 'Opening balance', '', '', '', '', '', section === undefined ? zero : amount(section.openingBalance), '']] : []),
    ...lines.map((l) => [isoSerial(l.date), typeLabel(l.type), l.documentNo, isoSerial(l.dueDate), amount(l.amount), amount(l.applied), amount(l.open), amount(l.balance), l.daysOverdue]),
  ];
}
