/**
 * Properties of another system's open amounts (issue 16; `open_amount`, the export date X):
 *  (g) a ledger whose links (applications, applies_to, matching codes) are replaced by the open
 *      amount each entry has left at X gives, at any D ≥ X, the statements of the linked ledger,
 *      whatever the allocation (FIFO leaves entries with an open amount alone);
 *  (h) at D < X each customer either gets the linked ledger's statement (nothing it has was settled
 *      by the export's word) or is refused (`before-export`), never a guess;
 *  both keep Σ aging = balance and opening + movements = closing (the sections are the linked ones').
 */
import fc from 'fast-check';
import {
  buildLedger, computeResultAsJson, computeStatements, currencyExponent, formatMinor, mapHeaders, settle,
  type ComputeOptions, type Day, type RawTable,
} from '../../src/core';
import { genAgingSpec, genLedger, pick, randFromGen, toRawTables, type GenLedger, type LedgerRaw, type Rand } from './ledgerGen';

const RUNS = { numRuns: 300, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true };

/** The latest date the ledger's links and postings reach: the export is taken on or after it. */
function latestDate(g: GenLedger): Day {
  let x = -Infinity;
  for (const e of g.entries) x = Math.max(x, e.posting);
  for (const a of g.applications) if (a.date !== undefined) x = Math.max(x, a.date);
  return x;
}

/** The ledger as another system exports it on day x: every entry with its open amount then, and no link. */
function exportAt(raw: LedgerRaw, x: Day): LedgerRaw {
  const ledger = buildLedger(raw);
  const remaining = settle(ledger, 'none', x).remaining;
  const s = ledger.entries;
  const open = new Map<number, string>();
  for (let i = 0; i < s.length; i++) {
    const sign = (s.amount[i] as number) < 0 ? -1 : 1;
    open.set(s.rowIndex[i] as number, formatMinor(sign * (remaining[i] as number), currencyExponent(s.currencyOf(i)) as number));
  }
  const ix = mapHeaders(raw.entries).index;
  const unlinked = new Set([ix['applies_to'], ix['matching_code']].filter((i): i is number => i !== undefined && i >= 0));
  const rows = raw.entries.rows as readonly (readonly string[])[];
  const entries: RawTable = {
    ...raw.entries,
    headers: [...raw.entries.headers, 'Remaining Amount'],
    rows: rows.map((r, k) => [...r.map((c, j) => (unlinked.has(j) ? '' : c)), open.get(k) ?? '']),
  };
  return { customers: raw.customers, entries };
}

function options(r: Rand, asOf: Day, o: Partial<ComputeOptions> = {}): ComputeOptions {
  return {
    asOf, style: pick(r, ['open-item', 'activity'] as const), from: asOf - r.int(0, 120), aging: genAgingSpec(r), agingBasis: pick(r, ['due', 'posting'] as const),
    allocate: 'none', selection: { include: 'either', excludeCredit: false, overdueOnly: false, honourOptOut: false }, summary: false, ...o,
  };
}

type Json = ReturnType<typeof computeResultAsJson>;
const sectionsOf = (j: Json) => new Map(j.statements.map((s) => [s.customerId, { status: s.status, sections: s.sections }]));

describe('an export that carries open amounts instead of links', () => {
  it('(g) at or after the export date: the statements of the linked ledger, with allocate none or fifo', () => {
    fc.assert(
      fc.property(fc.gen(), (gv) => {
        const r = randFromGen(gv);
        const g = genLedger(r);
        const raw = toRawTables(g);
        const x = latestDate(g) + r.int(0, 20);
        const asOf = x + r.int(0, 90);
        const o = options(r, asOf);
        const linked = computeResultAsJson(computeStatements(buildLedger(raw), o));
        const exported = computeResultAsJson(computeStatements(buildLedger(exportAt(raw, x)), { ...o, exported: x, allocate: pick(r, ['none', 'fifo'] as const) }));
        expect(exported.issues.filter((i) => i.severity !== 'info')).toEqual(linked.issues.filter((i) => i.severity !== 'info' && !['application-date-defaulted'].includes(i.code)));
        expect(sectionsOf(exported)).toEqual(sectionsOf(linked));
        expect(exported.excluded).toEqual(linked.excluded);
      }),
      RUNS,
    );
  });

  it('(h) before the export date: the linked statement, or refused with before-export; never another figure', () => {
    fc.assert(
      fc.property(fc.gen(), (gv) => {
        const r = randFromGen(gv);
        const g = genLedger(r);
        const raw = toRawTables(g);
        const x = latestDate(g) + r.int(0, 20);
        const asOf = x - r.int(1, 200);
        const o = options(r, asOf);
        const linked = sectionsOf(computeResultAsJson(computeStatements(buildLedger(raw), o)));
        const exported = computeResultAsJson(computeStatements(buildLedger(exportAt(raw, x)), { ...o, exported: x }));
        for (const s of exported.statements) {
          if (s.status === 'blocked') {
            expect(s.issues?.map((i) => i.code)).toContain('before-export');
            continue;
          }
          expect({ id: s.customerId, sections: s.sections }).toEqual({ id: s.customerId, sections: linked.get(s.customerId)?.sections });
        }
      }),
      RUNS,
    );
  });
});
