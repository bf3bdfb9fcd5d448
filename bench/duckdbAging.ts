/**
 * The same aged-receivables view in DuckDB: load the CSVs with explicit column types, then settle
 * (explicit applications, applies_to, matching codes oldest first) and age at the as-of date in SQL.
 * Amounts become integer minor units inside the query, so totals compare to the cent.
 */
import { DuckDBInstance, version as duckdbVersion, type DuckDBConnection } from '@duckdb/node-api';
import * as path from 'node:path';
import { currencyExponent } from '../src/core';
import { APPLICATION_HEADERS, CUSTOMER_HEADERS, ENTRY_HEADERS } from './generateLedger';

export { duckdbVersion };

/** Explicit SQL types; every other column is VARCHAR. */
const TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  customers: {},
  entries: { posting_date: 'DATE', due_date: 'DATE', amount: 'DECIMAL(18,3)' },
  applications: { amount: 'DECIMAL(18,3)', date: 'DATE' },
};
const HEADERS: Readonly<Record<string, readonly string[]>> = { customers: CUSTOMER_HEADERS, entries: ENTRY_HEADERS, applications: APPLICATION_HEADERS };

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

function readCsvSql(table: string, file: string): string {
  const types = TYPES[table] ?? {};
  const columns = (HEADERS[table] ?? []).map((h) => `${sqlString(h)}: ${sqlString(types[h] ?? 'VARCHAR')}`).join(', ');
  return `CREATE TABLE ${table} AS SELECT * FROM read_csv(${sqlString(file)}, header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, columns = {${columns}})`;
}

export interface Loaded {
  readonly instance: DuckDBInstance;
  readonly connection: DuckDBConnection;
}

/** A fresh in-memory instance with the three tables loaded. */
export async function loadLedger(dir: string): Promise<Loaded> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const table of ['customers', 'entries', 'applications']) await connection.run(readCsvSql(table, path.join(dir, `${table}.csv`)));
  return { instance, connection };
}

export function close(l: Loaded): void {
  l.connection.closeSync();
  l.instance.closeSync();
}

/** Rows per table, to check the load read everything. */
export async function tableCounts(c: DuckDBConnection): Promise<Record<string, number>> {
  const r = await c.runAndReadAll('SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM entries), (SELECT count(*) FROM applications)');
  const [row] = r.getRows();
  const [customers, entries, applications] = (row ?? []).map((v) => Number(v));
  return { customers: customers ?? 0, entries: entries ?? 0, applications: applications ?? 0 };
}

const NO = ['no', 'n', 'false', '0', 'non', 'faux'];

/**
 * CTEs down to `shown`: one row per (customer, currency) section that our open-item summary prints:
 * balance ≠ 0 or an open item (items that cancel out still show) of a customer with a balance
 * somewhere (the default selection), customer not opted out. Buckets: Current (d ≤ 0), 1–30, 31–60, 61–90, over 90, d = as-of − due.
 */
function sectionsSql(asOf: string, currencies: readonly string[]): string {
  const d = `DATE ${sqlString(asOf)}`;
  const fx = currencies.map((c) => `(${sqlString(c)}, ${10 ** (currencyExponent(c) ?? 2)})`).join(', ');
  return `
WITH fx(currency, scale) AS (VALUES ${fx}),
e AS (
  SELECT x.customer_id AS cust, x.document_no AS doc, x.posting_date AS posting, coalesce(x.due_date, x.posting_date) AS due,
         fx.currency AS cur, CAST(x.amount * fx.scale AS BIGINT) AS amt,
         coalesce(x.matching_code, '') AS mc, coalesce(x.applies_to, '') AS link
  FROM entries x
  LEFT JOIN customers k ON k.customer_id = x.customer_id
  JOIN fx ON fx.currency = coalesce(upper(x.currency), upper(k.currency))
  WHERE coalesce(lower(x.status), '') IN ('', 'posted')
),
explicit AS (
  SELECT a.from_document AS credit, a.to_document AS debit, CAST(a.amount * fx.scale AS BIGINT) AS amt, a.date AS d
  FROM applications a JOIN e f ON f.doc = a.from_document JOIN fx ON fx.currency = f.cur
),
linked AS (
  SELECT CASE WHEN l.amt < 0 THEN l.doc ELSE t.doc END AS credit, CASE WHEN l.amt < 0 THEN t.doc ELSE l.doc END AS debit,
         least(abs(l.amt), abs(t.amt)) AS amt, greatest(l.posting, t.posting) AS d
  FROM e l JOIN e t ON t.doc = l.link AND t.cust = l.cust AND t.cur = l.cur
  WHERE l.link <> ''
),
m AS (
  SELECT cust, cur, mc, doc, posting, amt < 0 AS is_credit, abs(amt) AS size,
         sum(abs(amt)) OVER (PARTITION BY cust, cur, mc, amt < 0 ORDER BY posting, due, doc ROWS UNBOUNDED PRECEDING) AS hi
  FROM e WHERE mc <> ''
),
matched AS (
  SELECT c.doc AS credit, b.doc AS debit, CAST(least(c.hi, b.hi) - greatest(c.hi - c.size, b.hi - b.size) AS BIGINT) AS amt,
         greatest(c.posting, b.posting) AS d
  FROM m c JOIN m b ON b.cust = c.cust AND b.cur = c.cur AND b.mc = c.mc AND c.is_credit AND NOT b.is_credit
  WHERE least(c.hi, b.hi) > greatest(c.hi - c.size, b.hi - b.size)
),
alloc AS (
  SELECT * FROM explicit UNION ALL SELECT * FROM linked UNION ALL SELECT * FROM matched
),
applied AS (
  SELECT doc, sum(amt) AS applied FROM (
    SELECT credit AS doc, amt FROM alloc WHERE d <= ${d}
    UNION ALL
    SELECT debit AS doc, amt FROM alloc WHERE d <= ${d}
  ) GROUP BY doc
),
items AS (
  SELECT e.cust, e.cur, ${d} - e.due AS days, e.amt - sign(e.amt) * coalesce(p.applied, 0) AS open
  FROM e LEFT JOIN applied p ON p.doc = e.doc
  WHERE e.posting <= ${d}
),
sections AS (
  SELECT cust, cur, sum(open) AS balance,
         coalesce(sum(open) FILTER (WHERE days <= 0), 0) AS b0,
         coalesce(sum(open) FILTER (WHERE days BETWEEN 1 AND 30), 0) AS b1,
         coalesce(sum(open) FILTER (WHERE days BETWEEN 31 AND 60), 0) AS b2,
         coalesce(sum(open) FILTER (WHERE days BETWEEN 61 AND 90), 0) AS b3,
         coalesce(sum(open) FILTER (WHERE days > 90), 0) AS b4,
         coalesce(sum(open) FILTER (WHERE days > 0), 0) AS overdue,
         count(*) FILTER (WHERE open <> 0) AS open_items
  FROM items GROUP BY cust, cur
),
owing AS (
  SELECT DISTINCT cust FROM sections WHERE balance <> 0
),
shown AS (
  SELECT s.* FROM sections s JOIN customers k ON k.customer_id = s.cust JOIN owing o ON o.cust = s.cust
  WHERE (s.balance <> 0 OR s.open_items > 0) AND coalesce(lower(trim(k.send_statements)), '') NOT IN (${NO.map(sqlString).join(', ')})
)`;
}

/** Per-currency totals in minor units, in the order Current, 1–30, 31–60, 61–90, Over 90. */
export interface Totals {
  sections: number;
  customers: number;
  balance: number;
  overdue: number;
  aging: number[];
}

const toNumber = (v: unknown): number => {
  const n = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : NaN;
  if (!Number.isSafeInteger(n)) throw new Error(`DuckDB returned ${String(v)} where a safe integer was expected`);
  return n;
};

/** The timed query: aged receivables by currency. */
export async function agingTotals(c: DuckDBConnection, asOf: string, currencies: readonly string[]): Promise<Map<string, Totals>> {
  const sql = `${sectionsSql(asOf, currencies)}
SELECT cur, count(*), count(DISTINCT cust), sum(balance)::BIGINT, sum(overdue)::BIGINT,
       sum(b0)::BIGINT, sum(b1)::BIGINT, sum(b2)::BIGINT, sum(b3)::BIGINT, sum(b4)::BIGINT
FROM shown GROUP BY cur ORDER BY cur`;
  const r = await c.runAndReadAll(sql);
  const out = new Map<string, Totals>();
  for (const row of r.getRows()) {
    const [cur, sections, customers, balance, overdue, ...aging] = row;
    out.set(String(cur), { sections: toNumber(sections), customers: toNumber(customers), balance: toNumber(balance), overdue: toNumber(overdue), aging: aging.map(toNumber) });
  }
  return out;
}

export interface SectionRow {
  customerId: string;
  currency: string;
  balance: number;
  overdue: number;
  aging: number[];
}

/** Every shown section, for a finer check than totals (not timed). */
export async function agingSections(c: DuckDBConnection, asOf: string, currencies: readonly string[]): Promise<SectionRow[]> {
  const sql = `${sectionsSql(asOf, currencies)}
SELECT cust, cur, balance::BIGINT, overdue::BIGINT, b0::BIGINT, b1::BIGINT, b2::BIGINT, b3::BIGINT, b4::BIGINT FROM shown`;
  const r = await c.runAndReadAll(sql);
  return r.getRows().map(([cust, cur, balance, overdue, ...aging]) => ({
    customerId: String(cust),
    currency: String(cur),
    balance: toNumber(balance),
    overdue: toNumber(overdue),
    aging: aging.map(toNumber),
  }));
}

/** DuckDB's own thread setting, for the report. */
export async function threads(c: DuckDBConnection): Promise<number> {
  const r = await c.runAndReadAll("SELECT current_setting('threads')");
  return toNumber(r.getRows()[0]?.[0]);
}
