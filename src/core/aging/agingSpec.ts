import { addMonths, civilFromDay, dayFromCivil, formatDayForPeople, formatIsoDay, MONTH_NAMES, startOfMonth, type Day } from '../calendar/day';
import { calcDate, negateFirstTerm, parseDateFormula, type DateFormula } from '../calendar/dateFormula';
import type { Language, Localised } from '../i18n/language';

export type AgingBasis = 'due' | 'posting';

/** How the aging columns are cut (DESIGN.md §4). */
export type AgingSpec =
  | { readonly kind: 'bounds'; readonly bounds: readonly number[] }
  | { readonly kind: 'months' }
  | { readonly kind: 'period'; readonly formula: DateFormula };

export type AgingSpecParse = { ok: true; spec: AgingSpec } | { ok: false; error: Localised };

export const DEFAULT_AGING: AgingSpec = { kind: 'bounds', bounds: [30, 60, 90] };

/** "30,60,90" | "months" | a Business Central period length such as "30D" or "1M+CM". */
export function parseAgingSpec(text: string): AgingSpecParse {
  const t = text.trim();
  if (/^(months|mois)$/i.test(t)) return { ok: true, spec: { kind: 'months' } };
  if (/^\d+(\s*[,;]\s*\d+)*$/.test(t)) {
    const bounds = t.split(/[,;]/).map((x) => Number(x.trim()));
    const increasing = bounds.every((b, i) => b > 0 && (i === 0 || b > (bounds[i - 1] as number)));
    if (!increasing) {
      return { ok: false, error: { en: `aging bands "${text}" must be increasing positive day counts such as 30,60,90`, fr: `les tranches « ${text} » doivent être des nombres de jours croissants et positifs, par exemple 30,60,90` } };
    }
    return { ok: true, spec: { kind: 'bounds', bounds } };
  }
  const f = parseDateFormula(t);
  if (!f.ok) return { ok: false, error: { en: `aging "${text}": ${f.error.en}; use bands like 30,60,90, "months" or a period such as 30D or 1M+CM`, fr: `échéancier « ${text} » : ${f.error.fr} ; utilisez des tranches comme 30,60,90, « months » ou une période comme 30D ou 1M+CM` } };
  // The period must walk back in time from every date, or the columns would overlap or be empty:
  // `CM` or `CQ` stand still on a month or quarter end, `CM+1D` moves forward from the 1st. Probe every day of
  // five years (a leap year and its neighbours), or of 28 when weeks meet months: then weekdays and dates both matter.
  const back = negateFirstTerm(f.formula);
  const weeksAndMonths = back.terms.some((x) => x.unit === 'W') && back.terms.some((x) => x.unit !== 'W' && x.unit !== 'D');
  let stalls = false;
  for (let probe = dayFromCivil(weeksAndMonths ? 2001 : 2024, 1, 1); probe < dayFromCivil(2029, 1, 1) && !stalls; probe++) stalls = calcDate(back, probe) >= probe;
  if (stalls) {
    return { ok: false, error: { en: `aging period "${text}" must be a positive length such as 30D or 1M+CM`, fr: `la période « ${text} » doit être une durée positive comme 30D ou 1M+CM` } };
  }
  return { ok: true, spec: { kind: 'period', formula: f.formula } };
}

/** Aging columns fixed for one statement date: a bucket for any date, and the column labels. */
export interface Ager {
  readonly size: number;
  bucket(date: Day): number;
  labels(language: Language): string[];
}

const CURRENT: Localised = { en: 'Current', fr: 'Non échu' };

export function makeAger(spec: AgingSpec, asOf: Day): Ager {
  switch (spec.kind) {
    case 'bounds': {
      const b = spec.bounds;
      const last = b[b.length - 1] as number;
      return {
        size: b.length + 2,
        bucket(date) {
          const d = asOf - date;
          if (d <= 0) return 0;
          for (let i = 0; i < b.length; i++) if (d <= (b[i] as number)) return i + 1;
          return b.length + 1;
        },
        labels: (lang) => [CURRENT[lang], ...b.map((x, i) => `${i === 0 ? 1 : (b[i - 1] as number) + 1}-${x}`), lang === 'fr' ? `Plus de ${last}` : `Over ${last}`],
      };
    }
    case 'months': {
      const { year, month } = civilFromDay(asOf);
      const asOfMonth = year * 12 + month;
      return {
        size: 6,
        bucket(date) {
          if (asOf - date <= 0) return 0;
          const c = civilFromDay(date);
          const k = asOfMonth - (c.year * 12 + c.month);
          return k <= 3 ? 1 + k : 5;
        },
        labels: (lang) => [
          CURRENT[lang],
          ...[0, 1, 2, 3].map((k) => {
            const c = civilFromDay(addMonths(startOfMonth(asOf), -k));
            return `${MONTH_NAMES[lang][c.month - 1]} ${c.year}`;
          }),
          lang === 'fr' ? 'Plus ancien' : 'Older',
        ],
      };
    }
    case 'period': {
      const back = negateFirstTerm(spec.formula);
      const edges: Day[] = [asOf]; // edges[0] = E5, edges[4] = E1
      for (let i = 0; i < 4; i++) edges.push(calcDate(back, edges[i] as Day));
      const [e5, e4, e3, e2, e1] = edges as [Day, Day, Day, Day, Day];
      const range = (lang: Language, from: Day | undefined, to: Day) => {
        const f = (d: Day) => (lang === 'fr' ? formatDayForPeople(d, 'fr') : formatIsoDay(d));
        return `${from === undefined ? '' : f(from)}..${f(to)}`;
      };
      return {
        size: 6,
        bucket(date) {
          if (asOf - date <= 0) return 0;
          if (date > e4) return 1;
          if (date > e3) return 2;
          if (date > e2) return 3;
          if (date > e1) return 4;
          return 5;
        },
        labels: (lang) => [CURRENT[lang], range(lang, e4 + 1, e5), range(lang, e3 + 1, e4), range(lang, e2 + 1, e3), range(lang, e1 + 1, e2), range(lang, undefined, e1)],
      };
    }
  }
}

/** The convention printed under every aging table. */
export function agingCaption(spec: AgingSpec, basis: AgingBasis, asOf: Day, language: Language): string {
  const date = formatDayForPeople(asOf, language);
  if (language === 'fr') {
    const by = basis === 'due' ? "date d'échéance" : 'date comptable';
    const how = spec.kind === 'bounds' ? `tranches en jours de retard (${spec.bounds.join(', ')}), borne incluse` : spec.kind === 'months' ? 'mois civils' : `période ${spec.formula.text}`;
    return `Antériorité au ${date} selon la ${by} ; ${how} ; « Non échu » = pas encore exigible (jours de retard ≤ 0).`;
  }
  const by = basis === 'due' ? 'due date' : 'posting date';
  const how = spec.kind === 'bounds' ? `bands of days overdue (${spec.bounds.join(', ')}), upper bound included` : spec.kind === 'months' ? 'calendar months' : `period ${spec.formula.text}`;
  return `Aged at ${date} by ${by}; ${how}; "Current" = not yet due (days overdue ≤ 0).`;
}
