/**
 * Issue 12, "Done when": the PDF, the Word document and the statement sheet show the same opening
 * balance, overdue items and totals for the same statement, in both styles, with and without
 * `--from`; the CSV shows the same opening balance and lines. Held here by reading the files the
 * built CLI writes (pdftotext, the DOCX's XML, the xlsx cells, the CSV), never the document model,
 * and comparing them with one another and with `statements compute --json` for the same options.
 *
 * The overdue list (DESIGN.md §4, binding by the issue): in every style, with or without `--from`,
 * the open items at the as-of date whose due date is before it, with their total (the section's
 * overdue amount), shown whenever that amount is not zero. Its items are taken from the open-item
 * JSON without `--from` (whose lines are every open item at the date), its total from each run's JSON.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parseCsv } from '../../src/adapters/csv/parseCsv';
import type { Language } from '../../src/core';
import { readCsvStatement } from '../helpers/rendered/csvStatement';
import { readDocxStatement } from '../helpers/rendered/docxStatement';
import { readPdfStatement } from '../helpers/rendered/pdfStatement';
import { readSheetStatement, readWorkbook, statementSheet } from '../helpers/rendered/sheetStatement';
import type { OverdueItem, SectionView, StatementView } from '../helpers/rendered/view';
import { tempDir } from '../helpers/workbook';

const run = promisify(execFile);
const BIN = path.join(__dirname, '../../bin/statements.js');
const LEDGER = path.join(__dirname, '../fixtures/documents-agree');
const AS_OF = '2026-10-31';
const FROM = '2026-09-15';

const RUNS = [
  { name: 'open-item', args: [] },
  { name: 'open-item --from', args: ['--from', FROM] },
  { name: 'activity --from', args: ['--style', 'activity', '--from', FROM] },
  { name: 'activity (from the first of the month)', args: ['--style', 'activity'] },
] as const;

interface JsonLine {
  readonly date: string;
  readonly documentNo: string;
  readonly dueDate: string;
  readonly open: string;
  readonly balance: string;
}
interface JsonSection {
  readonly currency: string;
  readonly openingBalance: string;
  readonly closingBalance: string;
  readonly overdue: string;
  readonly aging: readonly string[];
  readonly lines: readonly JsonLine[];
}
interface JsonResult {
  readonly from: string | null;
  readonly statements: readonly { customerId: string; status: string; sections: readonly JsonSection[] }[];
}

type Door = 'PDF' | 'Word' | 'sheet' | 'CSV';
interface Rendered {
  readonly json: JsonResult;
  readonly views: Map<string, Record<Door, StatementView>>;
}

const fixture = (name: string) => parseCsv(fs.readFileSync(path.join(LEDGER, name), 'utf8')).rows;
const customerRows = fixture('customers.csv');
const languages = new Map(customerRows.slice(1).map((r) => [r[0] ?? '', (r[customerRows[0]?.indexOf('language') ?? -1] ?? 'en') as Language]));
const entryRows = fixture('entries.csv');
const documents = new Set(entryRows.slice(1).map((r) => r[entryRows[0]?.indexOf('document_no') ?? -1] ?? '').filter((x) => x !== ''));

const isZero = (amount: string) => !/[1-9]/.test(amount);
const sum = (amounts: readonly string[]) => (amounts.reduce((t, x) => t + Math.round(Number(x) * 100), 0) / 100).toFixed(2);
const sorted = (items: readonly OverdueItem[]) => [...items].sort((a, b) => a.documentNo.localeCompare(b.documentNo));
const show = (x: unknown) => JSON.stringify(x);

function fileOf(dir: string, customerId: string): string {
  const name = fs.readdirSync(dir).find((f) => f.startsWith(`${customerId} `));
  if (name === undefined) throw new Error(`no file for ${customerId} in ${dir}`);
  return path.join(dir, name);
}

async function render(args: readonly string[]): Promise<Rendered> {
  const out = tempDir('stmt-agree-');
  const common = ['--ledger', LEDGER, '--as-of', AS_OF, ...args];
  const [json] = await Promise.all([run('node', [BIN, 'compute', ...common, '--json'], { maxBuffer: 1 << 24 }), run('node', [BIN, 'run', ...common, '--pdf', '--docx', '--out', out])]);
  const result = JSON.parse(json.stdout) as JsonResult;
  const workbook = await readWorkbook(path.join(out, 'statements.xlsx'));
  const digits = new Map(result.statements.flatMap((s) => s.sections.map((x) => [x.currency, x.closingBalance.split('.')[1]?.length ?? 0] as const)));
  const views = new Map<string, Record<Door, StatementView>>();
  for (const s of result.statements.filter((x) => x.status === 'ok')) {
    const language = languages.get(s.customerId) ?? 'en';
    const sheet = statementSheet(workbook, s.customerId);
    views.set(s.customerId, {
      PDF: readPdfStatement(fileOf(path.join(out, 'pdf'), s.customerId), language, documents),
      Word: readDocxStatement(fileOf(path.join(out, 'docx'), s.customerId), language, documents),
      sheet: sheet === undefined ? new Map() : readSheetStatement(sheet, language, documents, (c) => digits.get(c) ?? 2),
      CSV: readCsvStatement(fileOf(path.join(out, 'csv'), s.customerId), language),
    });
  }
  fs.rmSync(out, { recursive: true, force: true });
  return { json: result, views };
}

const rendered = new Map<string, Rendered>();

beforeAll(async () => {
  const results = await Promise.all(RUNS.map((r) => render(r.args)));
  RUNS.forEach((r, i) => rendered.set(r.name, results[i] as Rendered));
});

function get(name: string): Rendered {
  const r = rendered.get(name);
  if (r === undefined) throw new Error(`run ${name} missing`);
  return r;
}

/** The open items at the as-of date due before it, per customer and currency (from the open-item JSON). */
function expectedOverdue(customerId: string, currency: string): OverdueItem[] {
  const statement = get('open-item').json.statements.find((s) => s.customerId === customerId);
  const section = statement?.sections.find((s) => s.currency === currency);
  return (section?.lines ?? []).filter((l) => !isZero(l.open) && l.dueDate < AS_OF).map((l) => ({ documentNo: l.documentNo, open: l.open }));
}

/** Every ok statement's sections of a run, with what each file shows of them. */
function* sectionsOf(name: string): Generator<{ customerId: string; json: JsonSection; views: Record<Door, SectionView | undefined> }> {
  const r = get(name);
  for (const s of r.json.statements.filter((x) => x.status === 'ok')) {
    const files = r.views.get(s.customerId);
    for (const json of s.sections) {
      const pick = (door: Door) => files?.[door].get(json.currency);
      yield { customerId: s.customerId, json, views: { PDF: pick('PDF'), Word: pick('Word'), sheet: pick('sheet'), CSV: pick('CSV') } };
    }
  }
}

const DOCUMENTS: readonly Door[] = ['PDF', 'Word', 'sheet'];

describe('the ledger made for this test', () => {
  it('has what makes the documents differ: an opening balance before --from, overdue items posted before it, unapplied credits, two currencies, both languages', () => {
    const oi = get('open-item').json;
    const withFrom = get('open-item --from').json;
    const lines = oi.statements.flatMap((s) => s.sections.flatMap((x) => x.lines));
    expect(withFrom.statements.some((s) => s.sections.some((x) => !isZero(x.openingBalance)))).toBe(true);
    expect(lines.some((l) => !isZero(l.open) && l.dueDate < AS_OF && l.date < FROM)).toBe(true); // overdue, before --from
    expect(lines.some((l) => l.open.startsWith('-'))).toBe(true); // an unapplied payment
    expect(lines.some((l) => !isZero(l.open) && l.dueDate >= AS_OF)).toBe(true); // not yet due
    expect(oi.statements.some((s) => s.sections.length > 1)).toBe(true);
    expect(oi.statements.flatMap((s) => s.sections).some((x) => isZero(x.overdue))).toBe(true);
    expect(new Set(languages.values())).toEqual(new Set(['en', 'fr']));
    expect(get('activity (from the first of the month)').json.from).toBe('2026-10-01');
    expect(oi.statements.every((s) => s.status === 'ok')).toBe(true);
  });
});

describe.each(RUNS.map((r) => r.name))('%s', (name) => {
  it('the PDF, the Word document and the sheet show the same opening balance, overdue items and totals', () => {
    const problems: string[] = [];
    for (const { customerId, json, views } of sectionsOf(name)) {
      const shown = (v: SectionView | undefined) => ({
        opening: v?.opening,
        closing: [...new Set(v?.closing)],
        overdue: [...new Set(v?.overdue)],
        overdueItems: v?.overdueItems === undefined ? undefined : { items: v.overdueItems.items, total: v.overdueItems.total },
        aging: v?.aging,
        agingTotal: v?.agingTotal,
      });
      const pdf = shown(views.PDF);
      for (const door of ['Word', 'sheet'] as const) {
        const other = shown(views[door]);
        for (const key of Object.keys(pdf) as (keyof typeof pdf)[]) {
          if (show(other[key]) !== show(pdf[key])) problems.push(`${customerId} ${json.currency} ${key}: ${door} ${show(other[key])}, PDF ${show(pdf[key])}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the opening balance is the computed one in every file that shows it (CSV included), and shown whenever it is not zero', () => {
    const problems: string[] = [];
    for (const { customerId, json, views } of sectionsOf(name)) {
      for (const door of [...DOCUMENTS, 'CSV'] as const) {
        const opening = views[door]?.opening;
        if (opening === undefined ? !isZero(json.openingBalance) : opening !== json.openingBalance) {
          problems.push(`${door} ${customerId} ${json.currency}: opening balance ${opening ?? 'not shown'}, computed ${json.openingBalance}`);
        }
      }
      const showing = [...DOCUMENTS, 'CSV'].filter((d) => views[d as Door]?.opening !== undefined);
      if (showing.length !== 0 && showing.length !== 4) problems.push(`${customerId} ${json.currency}: opening balance shown only by ${showing.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('the balance due and the overdue amount are the computed ones wherever they are printed', () => {
    const problems: string[] = [];
    for (const { customerId, json, views } of sectionsOf(name)) {
      for (const door of DOCUMENTS) {
        const v = views[door];
        if (v === undefined || v.closing.length === 0) problems.push(`${door} ${customerId} ${json.currency}: no balance due found`);
        for (const x of v?.closing ?? []) if (x !== json.closingBalance) problems.push(`${door} ${customerId} ${json.currency}: balance ${x}, computed ${json.closingBalance}`);
        if (v === undefined || v.overdue.length === 0) problems.push(`${door} ${customerId} ${json.currency}: no overdue amount found`);
        for (const x of v?.overdue ?? []) if (x !== json.overdue) problems.push(`${door} ${customerId} ${json.currency}: overdue ${x}, computed ${json.overdue}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the overdue list holds the open items due before the as-of date, with their total, whenever the overdue amount is not zero (DESIGN.md §4)', () => {
    const problems: string[] = [];
    for (const { customerId, json, views } of sectionsOf(name)) {
      const expected = expectedOverdue(customerId, json.currency);
      // The list the rule gives adds up to the section's overdue amount of this run.
      expect(`${customerId} ${json.currency} ${sum(expected.map((x) => x.open))}`).toBe(`${customerId} ${json.currency} ${json.overdue}`);
      for (const door of DOCUMENTS) {
        const list = views[door]?.overdueItems;
        const where = `${door} ${customerId} ${json.currency}`;
        if (list === undefined) {
          if (!isZero(json.overdue)) problems.push(`${where}: no overdue list, overdue ${json.overdue}`);
          continue;
        }
        if (show(sorted(list.items)) !== show(sorted(expected))) problems.push(`${where}: overdue items ${show(list.items)}, expected ${show(expected)}`);
        if (list.total !== json.overdue) problems.push(`${where}: overdue list total ${list.total ?? 'not shown'}, computed ${json.overdue}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the aging is the computed one, and its total is the balance', () => {
    const problems: string[] = [];
    for (const { customerId, json, views } of sectionsOf(name)) {
      for (const door of DOCUMENTS) {
        const v = views[door];
        const where = `${door} ${customerId} ${json.currency}`;
        if (show(v?.aging) !== show(json.aging)) problems.push(`${where}: aging ${show(v?.aging)}, computed ${show(json.aging)}`);
        if (v?.agingTotal !== json.closingBalance) problems.push(`${where}: aging total ${v?.agingTotal ?? 'not shown'}, balance ${json.closingBalance}`);
      }
      expect(sum(json.aging)).toBe(json.closingBalance);
    }
    expect(problems).toEqual([]);
  });

  it('the CSV and the documents show the computed lines: document, open amount, running balance', () => {
    const problems: string[] = [];
    for (const { customerId, json, views } of sectionsOf(name)) {
      const expected = json.lines.map((l) => ({ documentNo: l.documentNo, open: l.open, balance: l.balance }));
      expect(expected.length).toBeGreaterThan(0);
      for (const door of [...DOCUMENTS, 'CSV'] as const) {
        const lines = views[door]?.lines ?? [];
        if (show(lines) !== show(expected)) problems.push(`${door} ${customerId} ${json.currency}: lines ${show(lines)}, computed ${show(expected)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
