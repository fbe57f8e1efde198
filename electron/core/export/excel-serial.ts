/**
 * Excel serials of days and instants (the 1900 date system every workbook here uses). Excel counts 1900-01-01 as 1 and
 * keeps Lotus 1-2-3's day 60, a 1900-02-29 that never was: from 1900-03-01 (61) on, a serial is the day count from
 * 1899-12-30; before it, one less (1900-01-01 is 1, 1900-02-28 is 59). A day before 1900-01-01 has no serial (Excel shows
 * none: 0 is "1900-01-00", below it "#####"): such a cell is written as its text.
 */

/** 1970-01-01 as an Excel serial, and a day in milliseconds. */
export const UNIX_EPOCH_SERIAL = 25569;
export const DAY_MS = 86_400_000;
/** 1900-01-01 and 1900-03-01 as days from 1970-01-01. */
export const FIRST_DAY = -25_567;
export const LEAP_DAY_AFTER = -25_508;
/** 1900-01-01 and 1900-03-01 as milliseconds from 1970-01-01 UTC. */
const FIRST_MS = FIRST_DAY * DAY_MS;
const LEAP_MS_AFTER = LEAP_DAY_AFTER * DAY_MS;

/** The serial of a day `days` whole days from 1970-01-01, or NaN before 1900-01-01 (or when `days` is not a number). */
export function daySerial(days: number): number {
  if (!(days >= FIRST_DAY)) return Number.NaN;
  return days < LEAP_DAY_AFTER ? UNIX_EPOCH_SERIAL - 1 + days : UNIX_EPOCH_SERIAL + days;
}

/**
 * The serial of an instant `ms` milliseconds from 1970-01-01 UTC (time as the fraction of a UTC day), or NaN before
 * 1900-01-01: the epoch's serial plus ms ÷ 86,400,000, as the writers have always computed it.
 */
export function instantSerial(ms: number): number {
  if (!(ms >= FIRST_MS)) return Number.NaN;
  return (ms < LEAP_MS_AFTER ? UNIX_EPOCH_SERIAL - 1 : UNIX_EPOCH_SERIAL) + ms / DAY_MS;
}
