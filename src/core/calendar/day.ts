/**
 * Calendar days as integers (days since 1970-01-01), so date arithmetic is integer arithmetic.
 * Civil conversions follow Howard Hinnant's days_from_civil algorithm (proleptic Gregorian).
 */
export type Day = number;

export interface YearMonthDay {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(d: Day): YearMonthDay {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isValidCivil(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/** Strict "YYYY-MM-DD" → Day, or undefined for anything else (including 2026-02-30). */
export function parseIsoDay(text: string): Day | undefined {
  const s = text.length === 10 ? text : text.trim();
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const month = digit(s, 5) * 10 + digit(s, 6);
  const day = digit(s, 8) * 10 + digit(s, 9);
  if (!isValidCivil(year, month, day)) return undefined;
  return dayFromCivil(year, month, day);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function formatIsoDay(d: Day): string {
  const { year, month, day } = civilFromDay(d);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Localised short date: en "Oct 31, 2026"-style is ambiguous abroad, so en uses ISO-like "31 Oct 2026"; fr "31/10/2026". */
export function formatDayForPeople(d: Day, language: 'en' | 'fr'): string {
  const { year, month, day } = civilFromDay(d);
  if (language === 'fr') return `${pad2(day)}/${pad2(month)}/${year}`;
  return `${pad2(day)} ${MONTH_SHORT_EN[month - 1]} ${year}`;
}

const MONTH_SHORT_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const MONTH_NAMES: Readonly<Record<'en' | 'fr', readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1M = Feb 28/29). */
export function addMonths(d: Day, months: number): Day {
  const { year, month, day } = civilFromDay(d);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

export function startOfMonth(d: Day): Day {
  const { year, month } = civilFromDay(d);
  return dayFromCivil(year, month, 1);
}

export function endOfMonth(d: Day): Day {
  const { year, month } = civilFromDay(d);
  return dayFromCivil(year, month, daysInMonth(year, month));
}

/** ISO weekday, Monday = 1 .. Sunday = 7 (1970-01-01 was a Thursday). */
export function isoWeekday(d: Day): number {
  return ((((d + 3) % 7) + 7) % 7) + 1;
}
