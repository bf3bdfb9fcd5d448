import { dayFromCivil, type Day } from '../calendar/day';

/** Day number of Excel's serial 0 in the 1900 system (1899-12-30 once the phantom leap day is skipped). */
const EPOCH_1900 = dayFromCivil(1899, 12, 30);
const EPOCH_1904 = dayFromCivil(1904, 1, 1);

export type SerialDate = { ok: true; day: Day } | { ok: false; reason: 'phantom-leap-day' | 'out-of-range' | 'not-whole' };

/**
 * Excel serial → calendar day. The 1900 system counts a 1900-02-29 that never existed (serial 60),
 * so serials 1..59 are one day off from the naive formula; the 1904 system has no such quirk.
 * A fractional part is a time of day and is dropped.
 */
export function excelSerialToDay(serial: number, date1904: boolean): SerialDate {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial > 2958465) return { ok: false, reason: 'out-of-range' };
  const whole = Math.floor(serial + 1e-9);
  if (date1904) return { ok: true, day: EPOCH_1904 + whole };
  if (whole === 60) return { ok: false, reason: 'phantom-leap-day' };
  return { ok: true, day: whole < 60 ? EPOCH_1900 + whole + 1 : EPOCH_1900 + whole };
}

export function dayToExcelSerial(day: Day, date1904: boolean): number {
  if (date1904) return day - EPOCH_1904;
  const serial = day - EPOCH_1900;
  return serial < 61 ? serial - 1 : serial;
}
