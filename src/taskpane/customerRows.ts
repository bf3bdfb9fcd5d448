import { EXCLUSION_LABELS, type ComputeResult, type Language, type Minor } from '../core';

/** One line of the pane's customer list: a customer (and currency, when it has several). */
export interface CustomerRow {
  readonly key: string;
  readonly customerId: string;
  readonly name: string;
  readonly currency: string | undefined;
  readonly balance: Minor | undefined;
  readonly overdue: Minor | undefined;
  readonly status: 'ok' | 'blocked' | 'excluded';
  /** Why it is blocked (its first error) or left out. */
  readonly reason: string | undefined;
}

/** The run's customers in the engine's order: ok ones by currency section, blocked with their first error, left-out ones with the reason. */
export function customerRows(result: ComputeResult, language: Language): CustomerRow[] {
  const rows: CustomerRow[] = [];
  for (const s of result.statements) {
    const name = s.customer?.name ?? '';
    if (s.status === 'blocked') {
      const first = s.issues.find((i) => i.severity === 'error') ?? s.issues[0];
      rows.push({ key: s.customerId, customerId: s.customerId, name, currency: undefined, balance: undefined, overdue: undefined, status: 'blocked', reason: first?.message[language] });
      continue;
    }
    if (s.sections.length === 0) rows.push({ key: s.customerId, customerId: s.customerId, name, currency: undefined, balance: undefined, overdue: undefined, status: 'ok', reason: undefined });
    for (const section of s.sections) {
      rows.push({ key: `${s.customerId}\u0000${section.currency}`, customerId: s.customerId, name, currency: section.currency, balance: section.closingBalance, overdue: section.overdue, status: 'ok', reason: undefined });
    }
  }
  for (const x of result.excluded) {
    rows.push({ key: `excluded\u0000${x.customerId}`, customerId: x.customerId, name: x.customer?.name ?? '', currency: undefined, balance: undefined, overdue: undefined, status: 'excluded', reason: EXCLUSION_LABELS[x.reason][language] });
  }
  return rows;
}

/** Rows whose id or name holds every word of `query` (case and accents ignored). */
export function searchRows(rows: readonly CustomerRow[], query: string): CustomerRow[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const hay = fold(`${r.customerId} ${r.name}`);
    return words.every((w) => hay.includes(w));
  });
}
