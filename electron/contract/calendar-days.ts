/**
 * The proleptic Gregorian calendar in small integers (no Date): which YYYY-MM-DD are days, and their day numbers. One place
 * for the contract's check of a plain day (iso-date.ts), the ledger's local days (core/invoices/read/local-day.ts) and the
 * export's day serials (core/export/xlsx-day-text.ts).
 */

/** Days of each month in a common year. */
export const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a year has a 29 February. */
const leapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Whether month 1–12 and day name a day on the calendar of that year (no 30 February, no month 13). */
export function onCalendar(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leapYear(year) ? 29 : MONTH_DAYS[month - 1]!);
}

/**
 * Days from 1970-01-01 to a day (month 1–12; a day past the month's end carried as Date.UTC carries it), by H. Hinnant's
 * days_from_civil: small integers only, no heap number per call.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}
