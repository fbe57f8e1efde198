/**
 * The calendar day of a Salesforce `date` or `datetime` value as the user counts days (issue 13, reviewC): the day on the
 * computer's clock — the time zone "today", the "Aging as of" date and a statement's period are in (the renderer's
 * localTodayIso, the same computer) — not UTC's. A payment applied on Nov 30 at 17:30 in Los Angeles is stored by
 * Salesforce as the instant Dec 1 01:30 UTC; it was applied on Nov 30, so a statement for November counts it and its days
 * to pay end on Nov 30. A `date` field (YYYY-MM-DD: Billing's payment date, a credit note's date) is a plain calendar day
 * and stays its own day, never shifted.
 */

import { daysFromCivil, onCalendar } from '../../../contract/calendar-days';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const MINUTES_A_DAY = 1440;

/**
 * The computer's UTC offset in minutes per UTC hour (hours since 1970), asked of Date once per hour of instants; NaN for
 * an hour in which the offset changes (a daylight-saving switch off the hour: each of its instants asked alone).
 */
const offsets = new Map<number, number>();

function offsetOfHour(hour: number): number {
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const first = -new Date(start).getTimezoneOffset();
    offset = first === -new Date(start + HOUR_MS - 1).getTimezoneOffset() ? first : NaN;
    // Bounded: a copy's instants span a few years (~20,000 hours); a long session asking far more starts afresh.
    if (offsets.size >= 200_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

const DAY_START = /^\d{4}-\d{2}-\d{2}/;
const digit = (value: string, at: number) => value.charCodeAt(at) - 48;
const twoDigits = (value: string, at: number) => {
  const a = digit(value, at);
  const b = digit(value, at + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/** "…Z", "…+0000" or "…+00:00": an instant in UTC, as Salesforce gives every datetime (REST "+0000", Bulk CSV "Z"). */
function inUtc(value: string): boolean {
  const last = value.charCodeAt(value.length - 1);
  if (last === 90 /* Z */) return true;
  return value.endsWith('+0000') || value.endsWith('+00:00');
}

/** YYYY-MM-DD of a day number (days since 1970-01-01). */
export const isoDayOf = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

/** The day on the computer's clock of an instant Date can read; null when it cannot. */
function slowLocalDay(value: string): string | null {
  let ms = Date.parse(value);
  // "…-0800": an offset without its colon, which Date.parse does not promise to read.
  if (Number.isNaN(ms)) ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(ms)) return null;
  const at = new Date(ms);
  return `${String(at.getFullYear()).padStart(4, '0')}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/**
 * The day of a `date` (its own) or of an instant (on the computer's clock) that starts YYYY-MM-DD; null for anything else.
 * An instant Date cannot read keeps the day it is written with (as before: never a guess of another day).
 */
export function localDay(value: unknown): string | null {
  if (typeof value !== 'string' || !DAY_START.test(value)) return null;
  if (value.length === 10) return value;
  // YYYY-MM-DDTHH:MM… in UTC (every instant Salesforce sends): its UTC day moved by the computer's offset at that hour.
  const hours = twoDigits(value, 11);
  const minutes = twoDigits(value, 14);
  if (value.charCodeAt(10) === 84 /* T */ && hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60 && inUtc(value)) {
    const utcDay = Date.UTC(twoDigits(value, 0) * 100 + twoDigits(value, 2), twoDigits(value, 5) - 1, twoDigits(value, 8)) / DAY_MS;
    const offset = offsetOfHour(utcDay * 24 + hours);
    if (!Number.isNaN(offset)) {
      const local = hours * 60 + minutes + offset;
      if (local >= 0 && local < MINUTES_A_DAY) return value.slice(0, 10);
      return isoDayOf(utcDay + Math.floor(local / MINUTES_A_DAY));
    }
  }
  return slowLocalDay(value) ?? value.slice(0, 10);
}

/**
 * The day number (days since 1970-01-01) of the YYYY-MM-DD a value starts with, from its digits (proleptic Gregorian, as
 * Date counts); NaN when it is no such day (a month 13, a 30 February) or its year is below 100 (which Date.UTC reads as
 * 19xx: localDay's own path answers those).
 */
function civilDayAt(value: string): number {
  const century = twoDigits(value, 0);
  const yy = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  if (century < 1 || yy < 0 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return NaN;
  const year = century * 100 + yy;
  return onCalendar(year, month, day) ? daysFromCivil(year, month, day) : NaN;
}

/**
 * localDay's answer as a day number (isoDayOf gives its text) where it is decided by the value's digits and the computer's
 * offset for that hour — a `date`, an instant in UTC — without a Date or a string made per value (the ledger's index reads
 * ~170k application days per copy); NaN for everything else (no day, a day that does not exist, an hour in which the offset
 * changes, another offset than UTC's): ask localDay then.
 */
export function localDayNumber(value: unknown): number {
  if (typeof value !== 'string' || value.length < 10) return NaN;
  const civil = civilDayAt(value);
  if (value.length === 10 || Number.isNaN(civil)) return civil;
  const hours = twoDigits(value, 11);
  const minutes = twoDigits(value, 14);
  if (value.charCodeAt(10) !== 84 /* T */ || hours < 0 || hours >= 24 || minutes < 0 || minutes >= 60 || !inUtc(value)) return NaN;
  const offset = offsetOfHour(civil * 24 + hours);
  return Number.isNaN(offset) ? NaN : civil + Math.floor((hours * 60 + minutes + offset) / MINUTES_A_DAY);
}
