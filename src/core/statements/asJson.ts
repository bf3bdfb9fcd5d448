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

export function computeResultAsJson(r: ComputeResult, language: Language = 'en') {
  return {
    asOf: formatIsoDay(r.asOf),
    from: r.from === undefined ? null : formatIsoDay(r.from),
    style: r.style,
    aging: { basis: r.agingBasis, buckets: makeAger(r.aging, r.asOf).labels('en') },
    statements: r.statements.map((s) => ({
      customerId: s.customerId,
      name: s.customer?.name ?? null,
      status: s.status,
      sections: s.sections.map((x) => sectionAsJson(x, !r.summary)),
      ...(s.status === 'blocked' ? { issues: s.issues.filter((i) => i.severity === 'error').map((i) => issueAsJson(i, language)) } : {}),
    })),
    excluded: r.excluded.map((e) => ({ customerId: e.customerId, reason: e.reason })),
    issues: r.issues.map((i) => issueAsJson(i, language)),
  };
}
