import type { Localised } from '../../core';

/**
 * "Send at…": the user types a local date and time (an <input type="datetime-local"> value,
 * 2026-12-01T07:00); Graph is given the instant with the user's own UTC offset at that date
 * (2026-12-01T07:00:00+01:00), as `statements send --at` takes it. `offsetMinutes` is what
 * Date#getTimezoneOffset answers for that local time (minutes behind UTC), passed in for tests.
 */
export type SendAtParse = { readonly ok: true; readonly iso: string } | { readonly ok: false; readonly error: Localised };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const two = (n: number): string => String(n).padStart(2, '0');

export function localToIso(local: string, offsetMinutes: (d: Date) => number = (d) => d.getTimezoneOffset(), now: number = Date.now()): SendAtParse {
  const m = LOCAL.exec(local.trim());
  if (m === null) return { ok: false, error: { en: 'Enter a date and time, e.g. 2026-12-01 07:00', fr: 'Indiquez une date et une heure, par exemple 2026-12-01 07:00' } };
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const asLocal = new Date(year, month - 1, day, hour, minute, second);
  if (asLocal.getMonth() !== month - 1 || asLocal.getDate() !== day) return { ok: false, error: { en: `${local}: no such date`, fr: `${local} : cette date n'existe pas` } };
  const east = -offsetMinutes(asLocal); // getTimezoneOffset is positive west of UTC
  const sign = east >= 0 ? '+' : '-';
  const iso = `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}${sign}${two(Math.floor(Math.abs(east) / 60))}:${two(Math.abs(east) % 60)}`;
  if (Date.parse(iso) <= now) return { ok: false, error: { en: 'Choose a time in the future', fr: 'Choisissez une heure à venir' } };
  return { ok: true, iso };
}
