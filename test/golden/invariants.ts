import type { ComputeJson } from './markdown';

/** Decimal string of the contract → minor units, exactly ("-0.05" → -5, "1200" → 1200). */
export function minor(text: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a contract amount: ${text}`);
  return Number(text.replace('.', ''));
}
export const sum = (xs: readonly string[]): number => xs.reduce((s, x) => s + minor(x), 0);

/** What holds whatever the figures are (DESIGN.md §4, §6): Σ aging = balance, opening + movements = closing, open = amount − applied. */
export function expectContractInvariants(json: ComputeJson, exitCode: number): void {
  expect(exitCode).toBe(json.issues.some((i) => i.severity === 'error') ? 1 : 0);
  for (const s of json.statements) {
    if (s.status === 'blocked') {
      expect(s.sections).toEqual([]);
      continue;
    }
    for (const sec of s.sections) {
      expect(sec.aging).toHaveLength(json.aging.buckets.length);
      // Σ buckets = balance due = closing balance (for activity: = open-item total at `to`).
      expect(sum(sec.aging)).toBe(minor(sec.closingBalance));
      if (!('lines' in sec)) continue;
      for (const l of sec.lines) expect(minor(l.amount) - minor(l.applied)).toBe(minor(l.open));
      const moves = sec.lines.map((l) => (json.style === 'activity' ? l.amount : l.open));
      expect(minor(sec.openingBalance) + sum(moves)).toBe(minor(sec.closingBalance));
      const last = sec.lines[sec.lines.length - 1];
      if (last !== undefined) expect(last.balance).toBe(sec.closingBalance);
      const overdue = sec.lines.filter((l) => l.dueDate < json.asOf).map((l) => l.open);
      if (json.from === null) expect(sum(overdue)).toBe(minor(sec.overdue));
      for (const l of sec.lines) {
        expect(l.date <= json.asOf).toBe(true);
        if (json.from !== null) expect(l.date >= json.from).toBe(true);
      }
    }
  }
}
