/**
 * Bad-input fuzz (DESIGN.md §2 "a bad row never silently changes a balance"): 10,000+ malformed entry
 * rows, seeded and deterministic, mixed among valid rows of "clean" customers that never get a bad row,
 * written as real CSV files and read through the CSV adapter, the engine and the CLI.
 *
 * Asserted: nothing throws; every bad row is reported by an issue at its table, physical line and
 * column; every customer with a bad row is blocked; every clean customer's statement is exactly the
 * one computed from a ledger holding only the clean rows; the CLI exits with 1.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  buildLedger, computeResultAsJson, computeStatements, currencyExponent, DEFAULT_AGING, EntryRowParser, formatIsoDay, formatMinor, mapHeaders, newPreparsedEntries, parseIsoDay,
  type ComputeOptions, type ComputeResult, type Day, type Issue, type RawTable, type SelectionOptions,
} from '../../src/core';
import { readLedgerFolder } from '../../src/adapters/csv/readLedgerFolder';
import { CHUNK_BOARD_HEAD, CHUNK_DONE, ChunkedRows, newChunkBoard, RELEASED } from '../../src/adapters/csv/chunkedRows';
import { main } from '../../src/cli/main';
import {
  chance, CURRENCIES, genLedger, pick, seededRand, WINDOW_DAYS, WINDOW_START,
  type GenCustomer, type GenEntry, type GenLedger, type Rand,
} from '../properties/ledgerGen';

const SEED = 20260630;
const BAD_ROWS = 10_500;
const AS_OF = '2026-06-30';

// ---------------------------------------------------------------- a small RFC 4180 writer

function csvField(v: string, r: Rand): string {
  // Quote what must be quoted; sometimes quote what need not be (both are valid RFC 4180).
  if (/[",\r\n]/.test(v) || (v !== '' && chance(r, 5))) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

/** Line breaks as an editor counts them: CRLF, LF or a lone CR. */
function lineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

class CsvWriter {
  private readonly parts: string[] = [];
  /** Physical line the next row starts on. */
  line = 1;
  constructor(private readonly r: Rand) {}
  /** Writes a row and returns the line it starts on. */
  row(cells: readonly string[]): number {
    const start = this.line;
    const text = cells.map((c) => csvField(c, this.r)).join(',');
    const end = pick(this.r, ['\r\n', '\r\n', '\r\n', '\n', '\n', '\r']);
    this.parts.push(text, end);
    this.line += lineBreaks(text) + 1;
    return start;
  }
  blankLine(): void {
    this.parts.push('\r\n');
    this.line++;
  }
  text(): string {
    return this.parts.join('');
  }
}

// ---------------------------------------------------------------- the ledger

const ENTRY_COLUMNS = ['customer_id', 'type', 'document_no', 'posting_date', 'due_date', 'amount', 'currency', 'description', 'reference', 'matching_code', 'applies_to', 'status'];
const ENTRY_HEADERS = ['N° client', 'Type', 'Document No.', 'Posting Date', 'Échéance', 'Montant', 'Devise', 'Libellé', 'Référence', 'Lettrage', 'Applies-to Doc. No.', 'Statut'];
const CUSTOMER_COLUMNS = ['customer_id', 'name', 'currency', 'language', 'send_statements', 'group', 'email'];
const APPLICATION_COLUMNS = ['from_document', 'to_document', 'amount', 'date'];
const cellsOf = (columns: readonly string[], cells: Readonly<Record<string, string>>): string[] => columns.map((c) => cells[c] ?? '');
const col = (name: string): number => ENTRY_COLUMNS.indexOf(name);

interface Expectation {
  readonly table: 'entries' | 'applications';
  readonly line: number;
  readonly kind: string;
  /** Any of these columns is the bad cell (a short row misses several). */
  readonly columns: readonly string[];
  /** The customer the row belongs to (trimmed id as written), if any. */
  readonly customer: string | undefined;
}

interface Fuzzed {
  readonly dir: string;
  readonly cleanDir: string;
  readonly clean: Set<string>;
  readonly expectations: Expectation[];
  readonly kinds: Map<string, number>;
}

/** A non-whitespace control character (trim() keeps these, so the cell stays bad). */
const CONTROL = [...Array.from({ length: 9 }, (_, i) => String.fromCharCode(i)), ...Array.from({ length: 18 }, (_, i) => String.fromCharCode(14 + i)), '\u007f'];
// (A CSV date typed 05/01/2026, 2026-1-5 or 2026-01-05T00:00 is read, day first: not bad.)
const BAD_DATES = ['2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2025-02-29', '0000-01-01', '31/02/2026', '2026/01/05', '20260105', 'yesterday', '=TODAY()', '2026-02-3O'];
const BAD_AMOUNTS = ['abc', '12..3', '--5', '1e5', '0x10', '€12', '12 34', '1,234.56', 'NaN', 'Infinity', '- 5', '12-', '.', '+', '١٢', '1/2', '(12.00)', '12,00,00'];
const FORMULAS = ['=1+1', '=SUM(A1:A3)', '@SUM(A1)', '=HYPERLINK("http://x","y")', '+1+1', '-1+1'];
const UNKNOWN_CURRENCIES = ['XYZ', 'EURO', '€', 'US$', '123', 'E U R', 'EU', 'ZZZ'];

function fuzz(): Fuzzed {
  const r = seededRand(SEED);
  const cleanLedgers: GenLedger[] = [];
  const dirtyLedgers: GenLedger[] = [];
  for (let i = 0; i < 220; i++) cleanLedgers.push(genLedger(r, { prefix: `K${i}-`, maxCustomers: 3, oddIds: true, oddTexts: true }));
  for (let i = 0; i < 150; i++) dirtyLedgers.push(genLedger(r, { prefix: `X${i}-`, maxCustomers: 3, oddIds: true, oddTexts: true }));
  const clean = new Set(cleanLedgers.flatMap((g) => g.customers.map((c) => c.id)));
  const dirtyCustomers = dirtyLedgers.flatMap((g) => g.customers);
  const allCustomers = [...cleanLedgers, ...dirtyLedgers].flatMap((g) => g.customers);

  // customers.csv
  const customersCsv = new CsvWriter(r);
  customersCsv.row(CUSTOMER_COLUMNS);
  for (const c of shuffle(r, allCustomers)) customersCsv.row(cellsOf(CUSTOMER_COLUMNS, c.cells));

  // entries.csv: clean rows, dirty customers' valid rows and bad rows, interleaved.
  const entries = new CsvWriter(r);
  const cleanOnly = new CsvWriter(r);
  entries.row(ENTRY_HEADERS);
  cleanOnly.row(ENTRY_HEADERS);
  const cleanQueue = shuffle(r, cleanLedgers.flatMap((g) => g.entries));
  const dirtyQueue = shuffle(r, dirtyLedgers.flatMap((g) => g.entries));
  const emittedDirty: GenEntry[] = [];
  const expectations: Expectation[] = [];
  const kinds = new Map<string, number>();
  let badLeft = BAD_ROWS;
  let seq = 0;
  const validRow = (e: GenEntry): string[] => {
    const row = cellsOf(ENTRY_COLUMNS, e.cells);
    // Valid rows may leave trailing blank cells out, or add blank cells past the header.
    if (chance(r, 10)) while (row.length > 1 && row[row.length - 1] === '') row.pop();
    else if (chance(r, 3)) row.push('', ' ');
    return row;
  };
  while (cleanQueue.length > 0 || dirtyQueue.length > 0 || badLeft > 0) {
    const roll = r.int(0, 99);
    if (roll < 2) {
      entries.blankLine();
    } else if (roll < 20 && cleanQueue.length > 0) {
      const e = cleanQueue.pop() as GenEntry;
      const row = validRow(e);
      entries.row(row);
      cleanOnly.row(row);
    } else if (roll < 35 && dirtyQueue.length > 0) {
      const e = dirtyQueue.pop() as GenEntry;
      entries.row(validRow(e));
      if (e.posted) emittedDirty.push(e);
    } else if (badLeft > 0) {
      badLeft--;
      const bad = badRow(r, pick(r, dirtyCustomers), emittedDirty, ++seq);
      const line = entries.row(bad.cells);
      expectations.push({ table: 'entries', line, kind: bad.kind, columns: bad.columns, customer: bad.customer });
      kinds.set(bad.kind, (kinds.get(bad.kind) ?? 0) + 1);
    }
  }

  // applications.csv: every valid application, plus some broken ones on dirty customers' documents.
  const applications = new CsvWriter(r);
  const cleanApplications = new CsvWriter(r);
  applications.row(APPLICATION_COLUMNS);
  cleanApplications.row(APPLICATION_COLUMNS);
  const cleanApps = cleanLedgers.flatMap((g) => g.applications);
  const dirtyApps = dirtyLedgers.flatMap((g) => g.applications);
  for (const a of shuffle(r, [...cleanApps, ...dirtyApps])) {
    const row = cellsOf(APPLICATION_COLUMNS, a.cells);
    applications.row(row);
    if (cleanApps.includes(a)) cleanApplications.row(row);
  }
  const dirtyDocs = emittedDirty.filter((e) => e.posted);
  for (let i = 0; i < 400; i++) {
    const from = pick(r, dirtyDocs);
    const to = pick(r, dirtyDocs);
    const cells: Record<string, string> = { from_document: from.documentNo, to_document: to.documentNo, amount: '1', date: formatIsoDay(Math.max(from.posting, to.posting) + 5) };
    const kind = pick(r, ['bad-date', 'missing-amount', 'unknown-to', 'missing-to', 'extra-cells'] as const);
    let column: string;
    let extra: string[] = [];
    switch (kind) {
      case 'bad-date': cells['date'] = pick(r, BAD_DATES); column = 'date'; break;
      case 'missing-amount': cells['amount'] = pick(r, ['', '  ']); column = 'amount'; break;
      case 'unknown-to': cells['to_document'] = `NOPE-${i}`; column = 'to_document'; break;
      case 'missing-to': cells['to_document'] = ''; column = 'to_document'; break;
      case 'extra-cells': extra = [pick(r, ['x', '=1+1', '12.00'])]; column = String(APPLICATION_COLUMNS.length + 1); break;
    }
    const line = applications.row([...cellsOf(APPLICATION_COLUMNS, cells), ...extra]);
    expectations.push({ table: 'applications', line, kind: `application ${kind}`, columns: [column], customer: from.customerId });
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-fuzz-'));
  const cleanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-fuzz-clean-'));
  fs.writeFileSync(path.join(dir, 'customers.csv'), customersCsv.text());
  fs.writeFileSync(path.join(dir, 'entries.csv'), entries.text());
  fs.writeFileSync(path.join(dir, 'applications.csv'), applications.text());
  fs.writeFileSync(path.join(cleanDir, 'customers.csv'), customersCsv.text());
  fs.writeFileSync(path.join(cleanDir, 'entries.csv'), cleanOnly.text());
  fs.writeFileSync(path.join(cleanDir, 'applications.csv'), cleanApplications.text());
  return { dir, cleanDir, clean, expectations, kinds };
}

function shuffle<T>(r: Rand, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const randomDay = (r: Rand): Day => WINDOW_START + r.int(0, WINDOW_DAYS);
const amountIn = (r: Rand, currency: string): string => formatMinor(r.int(1, 100_000), currencyExponent(currency) as number);
const junk = (r: Rand, n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + r.int(0, 25))).join('');

/** One malformed row: exactly one defect, and where it is. */
function badRow(r: Rand, c: GenCustomer, emitted: readonly GenEntry[], n: number): { cells: string[]; kind: string; columns: string[]; customer: string | undefined } {
  const currency = c.currency ?? pick(r, CURRENCIES);
  const base: Record<string, string> = {
    customer_id: c.id, type: 'invoice', document_no: `XB-${n}`, posting_date: formatIsoDay(randomDay(r)), due_date: '',
    amount: amountIn(r, currency), currency, description: 'bad row', reference: '', matching_code: '', applies_to: '', status: '',
  };
  const one = (kind: string, column: string, value: string) => {
    base[column] = value;
    return { cells: cellsOf(ENTRY_COLUMNS, base), kind, columns: [column], customer: base['customer_id']?.trim() || undefined };
  };
  const kind = r.int(0, 16);
  switch (kind) {
    case 0: return one('impossible posting date', 'posting_date', pick(r, BAD_DATES));
    case 1: return one('impossible due date', 'due_date', pick(r, BAD_DATES));
    case 2: return one('garbage amount', 'amount', chance(r, 50) ? pick(r, BAD_AMOUNTS) : `${r.int(0, 99)}${junk(r, r.int(1, 4))}`);
    case 3: {
      const e = currencyExponent(currency) as number;
      return one('too many decimals', 'amount', e === 0 ? `${r.int(0, 999)}.${r.int(1, 9)}` : `${formatMinor(r.int(0, 99_999), e)}${r.int(1, 9)}`);
    }
    case 4: return one('unknown type', 'type', pick(r, ['bogus', 'zz9', 'invoice2', 'factur', 'bill of lading', `t${junk(r, 5)}`]));
    case 5: return one('unknown customer', 'customer_id', pick(r, [`UNK-${n}`, `${c.id}-old`, `${c.id}\u0001`, '=1+1']));
    case 6: {
      const column = pick(r, ['customer_id', 'type', 'document_no', 'posting_date', 'amount']);
      return one('missing required cell', column, pick(r, ['', '   ', '\t']));
    }
    case 7: {
      if (c.currency !== undefined || chance(r, 30)) return one('unknown currency', 'currency', pick(r, UNKNOWN_CURRENCIES));
      return one('missing currency', 'currency', '');
    }
    case 8: {
      // A duplicate document number: an exact copy of an earlier valid row, or the same number in another currency/type.
      const earlier = emitted.length > 0 ? pick(r, emitted) : undefined;
      if (earlier === undefined) return one('unknown type', 'type', 'bogus');
      const cells = { ...earlier.cells };
      const variant = r.int(0, 2);
      if (variant === 1) {
        cells['currency'] = pick(r, CURRENCIES.filter((k) => k !== earlier.currency));
        cells['amount'] = earlier.amount < 0 ? '-5' : earlier.amount > 0 ? '5' : '0';
        cells['due_date'] = formatIsoDay(earlier.posting + 200); // an instalment but for its currency
      } else if (variant === 2) {
        cells['type'] = earlier.type === 'invoice' ? 'finance_charge' : 'invoice';
        cells['amount'] = '5';
      }
      return { cells: cellsOf(ENTRY_COLUMNS, cells), kind: ['duplicate document', 'duplicate document, other currency', 'duplicate document, other type'][variant] as string, columns: ['document_no'], customer: earlier.customerId };
    }
    case 9: {
      const debit = chance(r, 50);
      base['type'] = debit ? pick(r, ['invoice', 'finance_charge', 'refund', 'facture']) : pick(r, ['payment', 'credit_note', 'avoir', 'règlement']);
      return one('wrong sign', 'amount', `${debit ? '-' : ''}${amountIn(r, currency)}`);
    }
    case 10: return one('formula-like text', pick(r, ['amount', 'posting_date', 'type', 'currency']), pick(r, FORMULAS));
    case 11: {
      const column = pick(r, ['amount', 'posting_date', 'type', 'currency', 'customer_id', 'due_date']);
      const size = chance(r, 30) ? r.int(10_000, 60_000) : r.int(300, 3000);
      const value = column === 'amount' && chance(r, 50) ? '9'.repeat(size) : 'x'.repeat(size);
      return one('huge string', column, value);
    }
    case 12: {
      const column = pick(r, ['amount', 'posting_date', 'due_date', 'currency', 'customer_id']);
      const value = base[column] === '' ? formatIsoDay(randomDay(r)) : (base[column] as string);
      const at = r.int(0, value.length);
      return one('control character', column, `${value.slice(0, at)}${pick(r, CONTROL)}${value.slice(at)}`);
    }
    case 13: {
      // Cut at or before the amount: any required cell cut off is a bad one (the currency too, if the customer has none).
      const k = r.int(1, col('amount'));
      const missing = ['type', 'document_no', 'posting_date', 'amount', 'currency'].filter((m) => col(m) >= k);
      return { cells: cellsOf(ENTRY_COLUMNS, base).slice(0, k), kind: 'short row', columns: missing, customer: c.id };
    }
    case 14: {
      const extra = [pick(r, ['extra', '=1+1', ' posted', '12.00', 'INV-1']), ...(chance(r, 50) ? ['', junk(r, 3)] : [])];
      return { cells: [...cellsOf(ENTRY_COLUMNS, base), ...extra], kind: 'extra cells', columns: [String(ENTRY_COLUMNS.length + 1)], customer: c.id };
    }
    case 15: return one('unknown status', 'status', pick(r, ['maybe', 'postedd', '=1+1', 'pending', 'vo1d']));
    default: {
      // Impossible dates that look right.
      const y = r.int(2025, 2027);
      const m = r.int(1, 12);
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return one('day past the month end', pick(r, ['posting_date', 'due_date']), `${y}-${String(m).padStart(2, '0')}-${last + r.int(1, 5)}`);
    }
  }
}

// ---------------------------------------------------------------- running it

const SELECT_ALL: SelectionOptions = { include: 'either', excludeCredit: false, overdueOnly: false, honourOptOut: false };
const asOf = parseIsoDay(AS_OF) as Day;
const OPTION_SETS: { name: string; options: ComputeOptions }[] = [
  { name: 'open-item, all customers', options: { asOf, style: 'open-item', aging: DEFAULT_AGING, agingBasis: 'due', allocate: 'none', selection: SELECT_ALL, summary: false } },
  { name: 'activity from January, fifo, months', options: { asOf, from: parseIsoDay('2026-01-01') as Day, style: 'activity', aging: { kind: 'months' }, agingBasis: 'posting', allocate: 'fifo', selection: SELECT_ALL, summary: false } },
  { name: 'CLI defaults', options: { asOf, style: 'open-item', aging: DEFAULT_AGING, agingBasis: 'due', allocate: 'none', selection: { include: 'balance', excludeCredit: false, overdueOnly: false, honourOptOut: true }, summary: false } },
];

function computeFolder(dir: string, options: ComputeOptions): ComputeResult {
  const folder = readLedgerFolder(dir);
  if (!folder.ok) throw new Error(folder.error.en);
  return computeStatements(buildLedger(folder.tables, { dateOrder: 'dmy' }), options);
}

describe('fuzz: malformed rows among clean ones', () => {
  let f: Fuzzed;
  beforeAll(() => {
    f = fuzz();
  });
  afterAll(() => {
    for (const d of [f.dir, f.cleanDir]) fs.rmSync(d, { recursive: true, force: true });
  });

  it('generates enough of every kind of bad row', () => {
    expect(f.expectations.filter((e) => e.table === 'entries').length).toBeGreaterThanOrEqual(10_000);
    for (const [kind, n] of f.kinds) expect({ kind, enough: n >= 100 }).toEqual({ kind, enough: true });
    expect(f.kinds.size).toBeGreaterThanOrEqual(17);
    expect(f.clean.size).toBeGreaterThan(300);
  });

  it('reports every bad row at its table, line and column, and blocks its customer', () => {
    const folder = readLedgerFolder(f.dir);
    if (!folder.ok) throw new Error(folder.error.en);
    expect(folder.issues).toEqual([]);
    const result = computeStatements(buildLedger(folder.tables), OPTION_SETS[0]?.options as ComputeOptions);
    const at = new Map<string, Issue[]>();
    for (const i of result.issues) {
      const key = `${i.table}:${i.row ?? '-'}`;
      at.set(key, [...(at.get(key) ?? []), i]);
    }
    const status = new Map(result.statements.map((s) => [s.customerId, s.status]));
    const unreported: string[] = [];
    const unblocked = new Set<string>();
    for (const e of f.expectations) {
      const issues = at.get(`${e.table}:${e.line}`) ?? [];
      if (!issues.some((i) => i.severity === 'error' && i.column !== undefined && e.columns.includes(i.column))) {
        unreported.push(`${e.kind} at ${e.table} line ${e.line} (${e.columns.join('|')}): got ${JSON.stringify(issues.map((i) => `${i.code}@${i.column}`))}`);
      }
      if (e.customer !== undefined && status.get(e.customer) !== 'blocked') unblocked.add(`${JSON.stringify(e.customer.slice(0, 40))} (${e.kind}): ${status.get(e.customer) ?? 'no statement'}`);
      if (e.customer !== undefined) expect(f.clean.has(e.customer)).toBe(false);
    }
    expect(unreported.slice(0, 20)).toEqual([]);
    expect([...unblocked].slice(0, 20)).toEqual([]);
    // And nothing is reported on the clean customers.
    expect(result.issues.filter((i) => i.customerId !== undefined && f.clean.has(i.customerId) && i.severity === 'error')).toEqual([]);
  });

  it('the byte fast path and the general reader make the same ledger: same entries, same issues, row for row', () => {
    const folder = readLedgerFolder(f.dir);
    if (!folder.ok) throw new Error(folder.error.en);
    const general = (t: RawTable | readonly RawTable[] | undefined): RawTable | undefined => {
      if (t === undefined || !('rows' in t)) return undefined;
      const { bytes, ...rest } = t;
      expect(bytes).toBeDefined(); // the CSV adapter hands the bytes over, so the fast path ran
      return rest;
    };
    const fast = buildLedger(folder.tables, { dateOrder: 'dmy' });
    const slow = buildLedger({ customers: folder.tables.customers, entries: general(folder.tables.entries) as RawTable, applications: general(folder.tables.applications) }, { dateOrder: 'dmy' });
    expect(fast.entries.length).toBeGreaterThan(1000);
    expect(fast.entries.toArray()).toEqual(slow.entries.toArray());
    expect(fast.issues).toEqual(slow.issues);
    for (const options of OPTION_SETS.map((o) => o.options)) expect(computeResultAsJson(computeStatements(fast, options))).toEqual(computeResultAsJson(computeStatements(slow, options)));
  });

  it('the same ledger when its rows are read ahead by chunks as they are stored: some by another party beforehand, one given up by it, the rest on demand', () => {
    const folder = readLedgerFolder(f.dir);
    if (!folder.ok) throw new Error(folder.error.en);
    const entries = folder.tables.entries as RawTable;
    const source = entries.bytes;
    if (source === undefined) throw new Error('no bytes');
    const rows = entries.rows.length;
    const columns = mapHeaders(entries).index;
    const out = newPreparsedEntries(rows, columns, (bytes) => new SharedArrayBuffer(bytes)); // as the CSV adapter's worker makes them
    const chunkRows = 500;
    const board = newChunkBoard(rows, chunkRows);
    const chunks = board.length - CHUNK_BOARD_HEAD;
    expect(chunks).toBeGreaterThan(10);
    const parser = () => new EntryRowParser(source.bytes, source.rowStart, source.delimiter, columns, entries.headers.length);
    const other = parser();
    // The other party has claimed the first four chunks: it read chunks 1 and 3, gave up on chunk 2, and is still on chunk 0.
    board[0] = 4;
    for (const k of [1, 3]) {
      for (let i = k * chunkRows; i < (k + 1) * chunkRows; i++) other.parse(i, out, i);
      board[CHUNK_BOARD_HEAD + k] = CHUNK_DONE;
    }
    board[CHUNK_BOARD_HEAD + 2] = RELEASED;
    const mine = parser();
    let read = 0;
    const chunked = new ChunkedRows(board, rows, (from, to) => {
      read += to - from;
      for (let i = from; i < to; i++) mine.parse(i, out, i);
    });
    // Chunk 0 finishes "on the other thread" once the storing thread has read everything else it could.
    const ready = chunked.ready.bind(chunked);
    let first = true;
    const viaChunks = {
      ready: (i: number): number => {
        if (first) {
          first = false;
          for (let i = 0; i < chunkRows; i++) other.parse(i, out, i);
          board[CHUNK_BOARD_HEAD] = CHUNK_DONE;
        }
        return ready(i);
      },
    };
    const fast = buildLedger({ ...folder.tables, entries: { ...entries, bytes: { ...source, preparsed: { ...out, readAhead: viaChunks } } } }, { dateOrder: 'dmy' });
    const plain = buildLedger(folder.tables, { dateOrder: 'dmy' });
    expect(read).toBe(rows - 3 * chunkRows); // chunk 2 (released) and every chunk after the fourth, here
    expect(fast.entries.toArray()).toEqual(plain.entries.toArray());
    expect(fast.issues).toEqual(plain.issues);
    // Every row was read ahead, as one parser reading them all reads them (a row left unread would go to the general reader unnoticed above).
    const whole = newPreparsedEntries(rows, columns);
    const one = parser();
    for (let i = 0; i < rows; i++) one.parse(i, whole, i);
    expect(whole.ok.reduce((a, b) => a + b, 0)).toBeGreaterThan(rows / 4);
    expect(Buffer.from(out.ok).equals(Buffer.from(whole.ok))).toBe(true);
    expect(Buffer.from(out.cells.buffer).equals(Buffer.from(whole.cells.buffer))).toBe(true);
  });

  it.each(OPTION_SETS.map((o) => [o.name, o.options] as const))('clean customers get exactly the statements of the clean-only ledger (%s)', (_name, options) => {
    const full = computeResultAsJson(computeFolder(f.dir, options));
    const cleanOnly = computeResultAsJson(computeFolder(f.cleanDir, options));
    const mine = (j: typeof full) => ({
      statements: j.statements.filter((s) => f.clean.has(s.customerId)),
      excluded: j.excluded.filter((e) => f.clean.has(e.customerId)),
    });
    const a = mine(full);
    const b = mine(cleanOnly);
    expect(b.statements.length + b.excluded.length).toBe(f.clean.size);
    expect(a.statements.every((s) => s.status === 'ok')).toBe(true);
    expect(a).toEqual(b);
    // Not a vacuous comparison: the clean customers have real balances and lines.
    expect(a.statements.filter((s) => s.sections.length > 0).length).toBeGreaterThan(100);
  });

  it('the CLI reads the folder, prints the same JSON as the engine and exits with 1', async () => {
    let out = '';
    let err = '';
    const code = await main(['node', 'statements', 'compute', '--ledger', f.dir, '--as-of', AS_OF, '--json'], { out: (t) => (out += t), err: (t) => (err += t) });
    expect(err).toBe('');
    expect(code).toBe(1);
    const json = JSON.parse(out) as ReturnType<typeof computeResultAsJson>;
    const engine = computeResultAsJson(computeFolder(f.dir, OPTION_SETS[2]?.options as ComputeOptions));
    expect(json.statements).toEqual(engine.statements);
    expect(json.excluded).toEqual(engine.excluded);
    expect(json.issues.length).toBe(engine.issues.length);
    const blocked = new Set(json.statements.filter((s) => s.status === 'blocked').map((s) => s.customerId));
    for (const e of f.expectations) if (e.customer !== undefined) expect(blocked.has(e.customer)).toBe(true);
  });
});

describe('fuzz: a hostile CSV file does not crash and is reported', () => {
  it('BOM, CRLF/LF/CR mixes, NUL bytes and an unterminated quote', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-hostile-'));
    try {
      fs.writeFileSync(path.join(dir, 'customers.csv'), '\ufeffcustomer_id,name,currency\r\nA,Alpha,EUR\nB,"Be\r\nta",EUR\r');
      fs.writeFileSync(
        path.join(dir, 'entries.csv'),
        [
          '\ufeffcustomer_id,type,document_no,posting_date,amount,description\r\n',
          'A,invoice,A1,2026-01-10,100.00,"multi\nline"\r\n', // line 2 (and 3)
          'A,invoice,A2,2026-01-11,1\u000000.00,nul in amount\n', // line 4
          'B,invoice,B1,2026-01-12,50.00,ok\r', // line 5
          'B,invoice,B2,2026-02-3\u0000,5.00,nul in date\r\n', // line 6
          'A,invoice,A3,2026-01-13,7.00,"never closed\n', // line 7: the quote swallows the rest
          'B,invoice,B3,2026-01-14,9.00,lost\r\n',
        ].join(''),
      );
      const folder = readLedgerFolder(dir);
      if (!folder.ok) throw new Error(folder.error.en);
      expect(folder.issues.map((i) => `${i.code}@${i.table}:${i.row}`)).toEqual(['unterminated-quote@entries:7']);
      expect(folder.issues[0]?.message.en).toContain('line 7');
      const ledger = buildLedger(folder.tables);
      const where = ledger.issues.filter((i) => i.severity === 'error').map((i) => `${i.code}@${i.table}:${i.row}/${i.column}#${i.customerId}`);
      expect(where).toEqual(['bad-amount@entries:4/amount#A', 'bad-date@entries:6/posting_date#B']);
      expect(ledger.customers.map((c) => [c.id, c.name])).toEqual([['A', 'Alpha'], ['B', 'Be\r\nta']]);

      let out = '';
      let err = '';
      const code = await main(['node', 'statements', 'compute', '--ledger', dir, '--as-of', AS_OF, '--json'], { out: (t) => (out += t), err: (t) => (err += t) });
      expect(code).toBe(1);
      const json = JSON.parse(out) as ReturnType<typeof computeResultAsJson>;
      expect(err).toBe('');
      expect(json.issues.map((i) => i.code)).toContain('unterminated-quote');
      expect(json.statements.map((s) => [s.customerId, s.status])).toEqual([['A', 'blocked'], ['B', 'blocked']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('regressions found by the fuzz', () => {
  const table = (t: 'customers' | 'entries' | 'applications', rows: string[][]) => ({ table: t, source: `${t}.csv`, headers: rows[0] ?? [], rows: rows.slice(1) });
  const customers = table('customers', [['customer_id', 'currency'], ['A', 'EUR']]);
  const head = ['customer_id', 'type', 'document_no', 'posting_date', 'due_date', 'amount', 'currency'];

  it('instalments in two currencies are a duplicate document (a EUR payment used to settle the USD instalment)', () => {
    const entries = table('entries', [head, ['A', 'invoice', 'I1', '2026-01-01', '2026-02-01', '10.00', 'EUR'], ['A', 'invoice', 'I1', '2026-01-01', '2026-03-01', '60.00', 'USD'], ['A', 'payment', 'P1', '2026-01-05', '', '-50.00', 'EUR']]);
    const applications = table('applications', [['from_document', 'to_document', 'amount', 'date'], ['P1', 'I1', '50.00', '2026-01-10']]);
    const result = computeStatements(buildLedger({ customers, entries, applications }), OPTION_SETS[0]?.options as ComputeOptions);
    // The USD row is refused, so the EUR invoice has only 10.00 left for the 50.00 application.
    expect(result.issues.map((i) => `${i.code}@${i.row}/${i.column}`)).toEqual(['duplicate-document@3/document_no', 'over-application@2/amount']);
    expect(result.statements[0]?.status).toBe('blocked');
  });

  it('a non-blank cell right of the last header is an error on that row (it used to be dropped silently)', () => {
    const entries = table('entries', [head, ['A', 'invoice', 'I1', '2026-01-01', '', '10.00', 'EUR', '', ''], ['A', 'invoice', 'I2', '2026-01-01', '', '10.00', 'EUR', 'posted']]);
    const result = computeStatements(buildLedger({ customers, entries }), OPTION_SETS[0]?.options as ComputeOptions);
    expect(result.issues.map((i) => `${i.code}@${i.row}/${i.column}:${i.value}`)).toEqual(['extra-cells@3/8:posted']);
    expect(result.statements[0]?.status).toBe('blocked');
  });

  it('a lone CR inside a quoted cell counts as a line, as it does outside quotes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-cr-'));
    try {
      fs.writeFileSync(path.join(dir, 'customers.csv'), 'customer_id,currency\nA,EUR\n');
      fs.writeFileSync(path.join(dir, 'entries.csv'), 'customer_id,type,document_no,posting_date,amount,description\nA,invoice,I1,2026-01-01,1.00,"a\rb"\nA,invoice,I2,2026-01-01,x,bad\n');
      const folder = readLedgerFolder(dir);
      if (!folder.ok) throw new Error(folder.error.en);
      expect(buildLedger(folder.tables).issues.map((i) => `${i.code}@${i.row}`)).toEqual(['bad-amount@4']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
