/**
 * Salesforce `date` fields are plain calendar dates (YYYY-MM-DD), not instants.
 * They are handled here as whole day numbers (days since 1970-01-01) and formatted in UTC,
 * so no time zone can shift them by a day.
 */

import { dayNumber } from '../../../electron/contract/invoice-order';

/** Days since 1970-01-01 for a YYYY-MM-DD string; NaN when it is not one (shared with the core's list order). */
export { dayNumber };

const DAY_MS = 86_400_000;

/** Today's calendar date where the user is (their local time zone), as YYYY-MM-DD. */
export function localTodayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A plain date in the user's locale (e.g. "Jan 1, 2026"), never shifted by the time zone. */
export function formatPlainDate(iso: string | null | undefined, locale?: string): string {
  const day = dayNumber(iso);
  if (Number.isNaN(day)) return '';
  const key = locale ?? '';
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
    dateFormats.set(key, format);
  }
  return format.format(new Date(day * DAY_MS));
}
