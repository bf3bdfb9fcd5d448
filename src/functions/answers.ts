import {
  addMinor, dayToExcelSerial, LABELS, makeAger, mapHeaders,
  type Day, type Language, type Localised, type Minor, type Section,
} from '../core';
import { FunctionProblem } from './functionErrors';
import { agedReceivablesHeaders, statementHeaders, typeLabel } from './functionLabels';
import { computedFor, currenciesOf, customerIds, customerState, ledgerOf, type Computed, type LedgerArguments, type LedgerView, type Question } from './ledgerView';
import { MESSAGES } from './messages';
import { excelAmount } from './money';
import type { Bands } from './functionArguments';
import type { WorkbookSettings } from './workbookSettings';

/** A spilled table: rows of numbers and texts ("" for an empty cell). */
export type Spill = (string | number)[][];

const summaryQuestion = (asOf: Day, bands: Bands, basis: Question['basis']): Question => ({ asOf, style: 'open-item', aging: bands.spec, agingText: bands.text, basis, summary: true });

/** The one section a figure is about: the `currency` asked, else the customer's only one; several without `currency`: #VALUE! naming them. */
function sectionOf(sections: readonly Section[], currency: string | undefined): Section | undefined {
  if (currency !== undefined) return sections.find((s) => s.currency === currency);
  if (sections.length > 1) throw new FunctionProblem(MESSAGES.severalCurrencies(sections.map((s) => s.currency)));
  return sections[0];
}

function okSections(view: LedgerView, computed: Computed, customer: string): readonly Section[] {
  const state = customerState(view, computed, customer);
  if (state.kind === 'blocked') throw new FunctionProblem(state.problem);
  return state.sections;
}

/** STMT.BALANCE: the customer's open-item balance at the date (0 for a customer with no entries). */
export function balanceOf(args: LedgerArguments, customer: string, asOf: Day, settings: WorkbookSettings): number {
  const view = ledgerOf(args, settings);
  const computed = computedFor(view, summaryQuestion(asOf, { spec: { kind: 'bounds', bounds: [30, 60, 90] }, text: '30,60,90' }, 'due'));
  const section = sectionOf(okSections(view, computed, customer), args.currency);
  return section === undefined ? 0 : excelAmount(section.closingBalance, section.currency);
}

/** STMT.AGING: one row of aging columns, for one customer or every customer together ("*"). */
export function agingOf(args: LedgerArguments, customer: string, asOf: Day, bands: Bands, basis: Question['basis'], settings: WorkbookSettings): Spill {
  const view = ledgerOf(args, settings);
  const computed = computedFor(view, summaryQuestion(asOf, bands, basis));
  const size = makeAger(bands.spec, asOf).size;
  if (customer !== '*') {
    const section = sectionOf(okSections(view, computed, customer), args.currency);
    return [section === undefined ? new Array<number>(size).fill(0) : section.aging.map((m) => excelAmount(m, section.currency))];
  }
  // Every customer together: a total never hides a blocked customer.
  const blocked = customerIds(view, computed).filter((id) => customerState(view, computed, id).kind === 'blocked');
  // An error cell on a row that names no customer the reader can tell still keeps the total from being complete.
  if (view.badCells.has('')) blocked.push('?');
  if (blocked.length > 0) throw new FunctionProblem(MESSAGES.blockedInTotal(blocked));
  const totals = new Map<string, Minor[]>();
  for (const s of computed.result.statements) {
    for (const section of s.sections) {
      const t = totals.get(section.currency) ?? new Array<Minor>(size).fill(0);
      section.aging.forEach((m, i) => (t[i] = addMinor(t[i] as Minor, m)));
      totals.set(section.currency, t);
    }
  }
  const currencies = [...totals.keys()].sort();
  const currency = args.currency ?? (currencies.length > 1 ? undefined : currencies[0]);
  if (args.currency === undefined && currencies.length > 1) throw new FunctionProblem(MESSAGES.severalCurrencies(currencies));
  const t = currency === undefined ? undefined : totals.get(currency);
  return [t === undefined || currency === undefined ? new Array<number>(size).fill(0) : t.map((m) => excelAmount(m, currency))];
}

/** STMT.AGINGLABELS / the labels of the aging columns, as the PDF prints them. */
export function agingLabelsOf(asOf: Day, bands: Bands, language: Language): Spill {
  return [makeAger(bands.spec, asOf).labels(language)];
}

/** STMT.BUCKET: the label of the column a due date falls in. */
export function bucketOf(due: Day, asOf: Day, bands: Bands, language: Language): string {
  const ager = makeAger(bands.spec, asOf);
  return ager.labels(language)[ager.bucket(due)] as string;
}

/** The customers whose entries carry a document number (from the rows read, rejected ones too). */
function customersOfDocument(view: LedgerView, document: string): string[] {
  const found = new Set<string>();
  for (const table of view.read.entries) {
    const index = mapHeaders(table).index;
    const d = index['document_no'] ?? -1;
    const c = index['customer_id'] ?? -1;
    if (d < 0) continue;
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows.at(i);
      if (row === undefined || (row[d] ?? '').trim() !== document) continue;
      found.add(c < 0 ? '' : (row[c] ?? '').trim());
    }
  }
  return [...found];
}

/** STMT.OPEN: what is still open of a document at the date, all its instalments together. */
export function openOf(args: LedgerArguments, document: string, asOf: Day, settings: WorkbookSettings): number {
  const view = ledgerOf(args, settings);
  const customers = customersOfDocument(view, document);
  if (customers.length === 0) throw new FunctionProblem(MESSAGES.documentNotFound(document), 'notAvailable');
  if (customers.length > 1) throw new FunctionProblem(MESSAGES.documentOfSeveral(document, customers));
  const computed = computedFor(view, { asOf, style: 'open-item', aging: { kind: 'bounds', bounds: [30, 60, 90] }, agingText: '30,60,90', basis: 'due', summary: false });
  const sections = okSections(view, computed, customers[0] as string);
  let open = 0;
  let currency = 'EUR';
  for (const s of sections) {
    for (const line of s.lines) {
      if (line.entry.documentNo !== document) continue;
      open = addMinor(open, line.open);
      currency = s.currency;
    }
  }
  return excelAmount(open, currency);
}

/** STMT.STATEMENT: the customer's statement, a header row first. */
export function statementOf(args: LedgerArguments, customer: string, asOf: Day, style: Question['style'], from: Day | undefined, settings: WorkbookSettings, language: Language): Spill {
  const view = ledgerOf(args, settings);
  const computed = computedFor(view, { asOf, style, from, aging: { kind: 'bounds', bounds: [30, 60, 90] }, agingText: '30,60,90', basis: 'due', summary: false });
  const section = sectionOf(okSections(view, computed, customer), args.currency);
  const serial = (d: Day): number => dayToExcelSerial(d, settings.date1904);
  const start = computed.result.from;
  const rows: Spill = [statementHeaders(language, style)];
  const l = LABELS[language];
  const money = (m: Minor): number => excelAmount(m, section?.currency ?? args.currency ?? 'EUR');
  if (style === 'activity') {
    rows.push([start === undefined ? '' : serial(start), l.openingBalance, '', '', '', '', money(section?.openingBalance ?? 0)]);
    for (const line of section?.lines ?? []) {
      const a = line.entry.amount;
      rows.push([serial(line.entry.posting), typeLabel(line.entry.type, language), line.entry.documentNo, serial(line.entry.due), a > 0 ? money(a) : '', a < 0 ? money(-a) : '', money(line.balance)]);
    }
    rows.push([serial(asOf), l.closingBalance, '', '', '', '', money(section?.closingBalance ?? 0)]);
    return rows;
  }
  if (start !== undefined) rows.push([serial(start), l.openingBalance, '', '', '', '', '', money(section?.openingBalance ?? 0), '']);
  for (const line of section?.lines ?? []) {
    rows.push([serial(line.entry.posting), typeLabel(line.entry.type, language), line.entry.documentNo, serial(line.entry.due), money(line.entry.amount), money(line.applied), money(line.open), money(line.balance), line.daysOverdue]);
  }
  return rows;
}

interface AgedRow {
  readonly id: string;
  readonly cells: (string | number)[];
}

/**
 * STMT.AGEDRECEIVABLES: per currency (alphabetical), a row per customer with a balance in it
 * (ordered by customer), a blocked customer's row with blank amounts and its reason, then the
 * currency's Total, whose Status says how many blocked customers it leaves out. Never a total across currencies.
 */
export function agedReceivablesOf(args: LedgerArguments, asOf: Day, bands: Bands, basis: Question['basis'], settings: WorkbookSettings, language: Language): Spill {
  const view = ledgerOf(args, settings);
  const computed = computedFor(view, summaryQuestion(asOf, bands, basis));
  const labels = makeAger(bands.spec, asOf).labels(language);
  const l = LABELS[language];
  const names = new Map(view.read.ledger.customers.map((c) => [c.id, c.name]));
  const byCurrency = new Map<string, { rows: AgedRow[]; balance: Minor; aging: Minor[]; blocked: number }>();
  const group = (currency: string) => {
    let g = byCurrency.get(currency);
    if (g === undefined) byCurrency.set(currency, (g = { rows: [], balance: 0, aging: labels.map(() => 0), blocked: 0 }));
    return g;
  };
  const blanks = (): string[] => new Array<string>(1 + labels.length).fill('');
  for (const id of customerIds(view, computed)) {
    const state = customerState(view, computed, id);
    const name = names.get(id) ?? '';
    if (state.kind === 'blocked') {
      const reason = `${l.blocked}${language === 'fr' ? ' : ' : ': '}${(state.problem as Localised)[language]}`;
      const currencies = currenciesOf(view, id);
      for (const c of currencies.length > 0 ? currencies : ['']) {
        const g = group(c);
        g.blocked++;
        g.rows.push({ id, cells: [id, name, c, ...blanks(), reason] });
      }
      continue;
    }
    for (const s of state.sections) {
      if (s.closingBalance === 0) continue;
      const g = group(s.currency);
      g.balance = addMinor(g.balance, s.closingBalance);
      s.aging.forEach((m, i) => (g.aging[i] = addMinor(g.aging[i] as Minor, m)));
      g.rows.push({ id, cells: [id, name, s.currency, excelAmount(s.closingBalance, s.currency), ...s.aging.map((m) => excelAmount(m, s.currency)), l.ok] });
    }
  }
  const out: Spill = [agedReceivablesHeaders(language, labels)];
  const currencies = [...byCurrency.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  for (const c of currencies) {
    const g = byCurrency.get(c) as { rows: AgedRow[]; balance: Minor; aging: Minor[]; blocked: number };
    g.rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const r of g.rows) out.push(r.cells);
    if (c !== '') out.push([l.total, '', c, excelAmount(g.balance, c), ...g.aging.map((m) => excelAmount(m, c)), MESSAGES.totalLeavesOut(g.blocked)[language]]);
  }
  return out;
}
