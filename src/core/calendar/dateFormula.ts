import { addMonths, civilFromDay, dayFromCivil, daysInMonth, isoWeekday, type Day } from './day';

/**
 * Business Central date formulas: a sum of terms such as `30D`, `1M+CM`, `-1Y`, `CQ`, `2W`, `CM+1D`.
 * Units D (day), W (week), M (month), Q (quarter), Y (year); `C` means "current": CM is the end of the
 * current month and -CM its start. French letters are accepted too (J, S, T, A).
 */
export type DateUnit = 'D' | 'W' | 'M' | 'Q' | 'Y';

export interface DateTerm {
  readonly sign: 1 | -1;
  /** Undefined for a "current" term (CM, -CQ...). */
  readonly count: number | undefined;
  readonly unit: DateUnit;
}

export interface DateFormula {
  readonly text: string;
  readonly terms: readonly DateTerm[];
}

export type FormulaParse = { ok: true; formula: DateFormula } | { ok: false; error: { en: string; fr: string } };

const UNITS: Readonly<Record<string, DateUnit>> = { D: 'D', W: 'W', M: 'M', Q: 'Q', Y: 'Y', J: 'D', S: 'W', T: 'Q', A: 'Y' };

function fail(en: string, fr: string): FormulaParse {
  return { ok: false, error: { en, fr } };
}

export function parseDateFormula(input: string): FormulaParse {
  const text = input.trim().replace(/^<(.*)>$/, '$1').replace(/\s+/g, '').toUpperCase();
  if (text === '') return fail('empty date formula', 'formule de date vide');
  const terms: DateTerm[] = [];
  let i = 0;
  while (i < text.length) {
    let sign: 1 | -1 = 1;
    const ch = text[i];
    if (ch === '+' || ch === '-') {
      sign = ch === '-' ? -1 : 1;
      i++;
    } else if (terms.length > 0) {
      return fail(`"${input}": expected + or - before "${text.slice(i)}"`, `« ${input} » : + ou - attendu avant « ${text.slice(i)} »`);
    }
    let digits = '';
    while (i < text.length && /[0-9]/.test(text[i] ?? '')) digits += text[i++];
    let current = false;
    if (digits === '' && text[i] === 'C') {
      current = true;
      i++;
    }
    const letter = text[i];
    const unit = letter === undefined ? undefined : UNITS[letter];
    if (unit === undefined) {
      const what = letter === undefined ? 'a unit (D, W, M, Q, Y)' : `"${letter}" is not a unit (D, W, M, Q, Y)`;
      const quoi = letter === undefined ? 'une unité (D, W, M, Q, Y)' : `« ${letter} » n'est pas une unité (D, W, M, Q, Y)`;
      return fail(`"${input}": expected ${what}`, `« ${input} » : attendu ${quoi}`);
    }
    if (!current && digits === '') return fail(`"${input}": a number or C must come before ${letter}`, `« ${input} » : un nombre ou C doit précéder ${letter}`);
    i++;
    const count = current ? undefined : Number(digits);
    if (count !== undefined && count > 9999) return fail(`"${input}": ${digits} is too large`, `« ${input} » : ${digits} est trop grand`);
    terms.push({ sign, count, unit });
  }
  return { ok: true, formula: { text, terms } };
}

function applyCurrent(d: Day, unit: DateUnit, toEnd: boolean): Day {
  const { year, month } = civilFromDay(d);
  switch (unit) {
    case 'D':
      return d;
    case 'W':
      return toEnd ? d + (7 - isoWeekday(d)) : d - (isoWeekday(d) - 1);
    case 'M':
      return dayFromCivil(year, month, toEnd ? daysInMonth(year, month) : 1);
    case 'Q': {
      const first = month - ((month - 1) % 3);
      return toEnd ? dayFromCivil(year, first + 2, daysInMonth(year, first + 2)) : dayFromCivil(year, first, 1);
    }
    case 'Y':
      return toEnd ? dayFromCivil(year, 12, 31) : dayFromCivil(year, 1, 1);
  }
}

/** CALCDATE: applies the terms left to right. */
export function calcDate(formula: DateFormula, start: Day): Day {
  let d = start;
  for (const t of formula.terms) {
    if (t.count === undefined) {
      d = applyCurrent(d, t.unit, t.sign === 1);
      continue;
    }
    const n = t.sign * t.count;
    if (t.unit === 'D') d += n;
    else if (t.unit === 'W') d += 7 * n;
    else d = addMonths(d, t.unit === 'M' ? n : t.unit === 'Q' ? 3 * n : 12 * n);
  }
  return d;
}

/** The formula walked backwards as DESIGN.md §4 defines it: the minus applies to the first term only (`1M+CM` → `-1M+CM`). */
export function negateFirstTerm(formula: DateFormula): DateFormula {
  const [first, ...rest] = formula.terms;
  if (first === undefined) return formula;
  const flipped: DateTerm = { ...first, sign: first.sign === 1 ? -1 : 1 };
  return { text: `-(${formula.text})`, terms: [flipped, ...rest] };
}
