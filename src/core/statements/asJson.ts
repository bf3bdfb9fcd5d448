import { formatIsoDay } from '../calendar/day';
import type { Language } from '../i18n/language';
import type { Issue } from '../issues/issue';
import { currencyExponent } from '../money/currencies';
import { formatMinor } from '../money/money';
import type { ComputeResult, Section } from './model';
import { makeAger } from '../aging/agingSpec';

/** The JSON contract of `statements compute --json` (DESIGN.md §6). Money as decimal strings. */
export interface JsonIssue {
  severity: Issue['severity'];
  code: string;
  message: string;
  table: string;
  row?: number;
  column?: string;
  cell?: string;
}

function issueAsJson(i: Issue, language: Language): JsonIssue {
  return {
    severity: i.severity,
    code: i.code,
    message: i.message[language],
    table: i.table,
    ...(i.row !== undefined ? { row: i.row } : {}),
    ...(i.column !== undefined ? { column: i.column } : {}),
    ...(i.cell !== undefined ? { cell: i.cell } : {}),
  };
}

function sectionAsJson(s: Section, withLines: boolean) {
  const exponent = currencyExponent(s.currency) ?? 2;
  const m = (x: number) => formatMinor(x, exponent);
  const base = {
    currency: s.currency,
    openingBalance: m(s.openingBalance),
    closingBalance: m(s.closingBalance),
    overdue: m(s.overdue),
    aging: s.aging.map(m),
  };
  if (!withLines) return base;
  return {
    ...base,
    lines: s.lines.map((l) => ({
      date: formatIsoDay(l.entry.posting),
      type: l.entry.type,
      documentNo: l.entry.documentNo,
      ...(l.entry.reference !== '' ? { reference: l.entry.reference } : {}),
      dueDate: formatIsoDay(l.entry.due),
      amount: m(l.entry.amount),
      applied: m(l.applied),
      open: m(l.open),
      balance: m(l.balance),
      daysOverdue: l.daysOverdue,
    })),
  };
}

function statementAsJson(s: ComputeResult['statements'][number], summary: boolean, language: Language) {
  return {
    customerId: s.customerId,
    name: s.customer?.name ?? null,
    status: s.status,
    sections: s.sections.map((x) => sectionAsJson(x, !summary)),
    ...(s.status === 'blocked' ? { issues: s.issues.filter((i) => i.severity === 'error').map((i) => issueAsJson(i, language)) } : {}),
  };
}

/**
 * JSON.stringify(statementAsJson(s, true, language)) of a statement with no issues to list, written
 * straight (fifty thousand objects made only to be stringified cost a third of the writing). Money
 * texts and currency codes need no escaping; names and ids go through JSON.stringify.
 */
function okSummaryText(s: ComputeResult['statements'][number]): string {
  let sections = '';
  for (let i = 0; i < s.sections.length; i++) {
    const x = s.sections[i] as Section;
    const exponent = currencyExponent(x.currency) ?? 2;
    let aging = '';
    for (let b = 0; b < x.aging.length; b++) aging += `${b === 0 ? '' : ','}"${formatMinor(x.aging[b] as number, exponent)}"`;
    sections += `${i === 0 ? '' : ','}{"currency":${JSON.stringify(x.currency)},"openingBalance":"${formatMinor(x.openingBalance, exponent)}","closingBalance":"${formatMinor(x.closingBalance, exponent)}","overdue":"${formatMinor(x.overdue, exponent)}","aging":[${aging}]}`;
  }
  return `{"customerId":${JSON.stringify(s.customerId)},"name":${s.customer === undefined ? 'null' : JSON.stringify(s.customer.name)},"status":"ok","sections":[${sections}]}`;
}

/** The contract's top level; `statements` built by `statements`. */
function resultAsJson<T>(r: ComputeResult, language: Language, statements: T) {
  return {
    asOf: formatIsoDay(r.asOf),
    from: r.from === undefined ? null : formatIsoDay(r.from),
    style: r.style,
    aging: { basis: r.agingBasis, buckets: makeAger(r.aging, r.asOf).labels('en') },
    statements,
    excluded: r.excluded.map((e) => ({ customerId: e.customerId, reason: e.reason })),
    issues: r.issues.map((i) => issueAsJson(i, language)),
  };
}

export function computeResultAsJson(r: ComputeResult, language: Language = 'en') {
  return resultAsJson(r, language, r.statements.map((s) => statementAsJson(s, r.summary, language)));
}

/**
 * `computeResultAsJson(r)` as text, one statement (and one left-out customer, one issue) per line,
 * handed to `write` in pieces of about `chunk` characters. Fifty thousand statements never exist at
 * once as objects, nor as one string of many megabytes; a line per customer reads and diffs well,
 * and is less than half the size of the document indented throughout.
 */
export function writeComputeResultJson(r: ComputeResult, language: Language, write: (text: string) => void, chunk = 1 << 16): void {
  let buffer = '';
  const put = (text: string): void => {
    buffer += text;
    if (buffer.length >= chunk) {
      write(buffer);
      buffer = '';
    }
  };
  const top = resultAsJson(r, language, [] as unknown[]);
  const keys = Object.keys(top) as (keyof typeof top)[];
  /** Each item of a list as JSON text. */
  const items = (key: keyof typeof top): { length: number; at: (i: number) => string } | undefined => {
    if (key === 'statements') {
      return {
        length: r.statements.length,
        at: (i) => {
          const s = r.statements[i] as ComputeResult['statements'][number];
          return r.summary && s.status === 'ok' ? okSummaryText(s) : JSON.stringify(statementAsJson(s, r.summary, language));
        },
      };
    }
    const value = top[key];
    return Array.isArray(value) ? { length: value.length, at: (i) => JSON.stringify(value[i]) } : undefined;
  };
  put('{');
  keys.forEach((key, k) => {
    put(`${k === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `);
    const list = items(key);
    if (list === undefined || list.length === 0) {
      put(JSON.stringify(top[key]));
      return;
    }
    put('[');
    for (let i = 0; i < list.length; i++) put(`${i === 0 ? '' : ','}\n    ${list.at(i)}`);
    put('\n  ]');
  });
  put('\n}');
  if (buffer !== '') write(buffer);
}
