import { daysFromCivil, MONTH_DAYS } from '../../contract/calendar-days';
import { DAY_MS, daySerial, LEAP_DAY_AFTER, UNIX_EPOCH_SERIAL } from './excel-serial';

/**
 * Calendar days and instants read from their text for the invoices sheet (xlsx-sheet-rows.ts), in small integers: no
 * Date and no heap number per cell. A day gives its serial; an instant its whole days and milliseconds (the serial is
 * written from them: SheetBytes.instantSerial).
 */

/** An instant read by `readInstant`: whole days since 1970-01-01 and milliseconds into the day. */
export interface InstantParts {
  days: number;
  ms: number;
}

/** text[from, from + n) as a decimal number, or -1 when one of them is not an ASCII digit. */
function digitsAt(text: string, from: number, n: number): number {
  let value = 0;
  for (let k = from; k < from + n; k++) {
    const digit = text.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}


/** A calendar day's serial read from YYYY-MM-DD (dateSerial's answer, Date.UTC's rules), or NaN when the text is not one or is before 1900. */
export function daySerialOf(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return Number.NaN;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return Number.NaN;
  // Date.UTC reads years 0–99 as 1900–1999 and carries months past 12: left to it.
  if (year < 100 || month < 1 || month > 12) return daySerial(Date.UTC(year, month - 1, day) / DAY_MS);
  const days = daysFromCivil(year, month, day);
  // Every day since 1900-03-01 (the day count from 1899-12-30) without a call; the rest by excel-serial.ts.
  return days >= LEAP_DAY_AFTER ? UNIX_EPOCH_SERIAL + days : daySerial(days);
}

/**
 * A valid instant in the copy's form, YYYY-MM-DDTHH:MM:SS.sssZ (year 100 on), in text[from, to), read into
 * `into` (true): Date.parse's answer for it. Anything else (another form, an offset, a day or time
 * out of range) is left to Date.parse (false).
 */
export function readInstant(text: string, from: number, to: number, into: InstantParts): boolean {
  if (
    to - from !== 24 ||
    text.charCodeAt(from + 4) !== 0x2d ||
    text.charCodeAt(from + 7) !== 0x2d ||
    text.charCodeAt(from + 10) !== 0x54 ||
    text.charCodeAt(from + 13) !== 0x3a ||
    text.charCodeAt(from + 16) !== 0x3a ||
    text.charCodeAt(from + 19) !== 0x2e ||
    text.charCodeAt(from + 23) !== 0x5a
  ) {
    return false;
  }
  const year = digitsAt(text, from, 4);
  const month = digitsAt(text, from + 5, 2);
  const day = digitsAt(text, from + 8, 2);
  const hour = digitsAt(text, from + 11, 2);
  const minute = digitsAt(text, from + 14, 2);
  const second = digitsAt(text, from + 17, 2);
  const milli = digitsAt(text, from + 20, 3);
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0) return false;
  // February's 29th in a leap year, worked out for every instant (no call, no branch taken only in February): code
  // the optimizer compiled before the first February day would otherwise be thrown away and compiled again there.
  const leap = (year % 4 === 0 ? 1 : 0) - (year % 100 === 0 ? 1 : 0) + (year % 400 === 0 ? 1 : 0);
  if (day > MONTH_DAYS[month - 1]! + (month === 2 ? leap : 0)) return false;
  into.days = daysFromCivil(year, month, day);
  into.ms = ((hour * 60 + minute) * 60 + second) * 1000 + milli;
  return true;
}
