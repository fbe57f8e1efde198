/**
 * How a locale writes a date by hand — the order of day, month and year and the mark between them
 * (de-DE 24.12.2026, fr-FR 24/12/2026, en-US 12/24/2026) — read from `Intl`, so a date field can show and
 * accept the app's chosen locale instead of the browser's start-up one (a native `<input type=date>` follows
 * the latter and cannot change at run time). Dates are plain calendar days, 'YYYY-MM-DD', no time zone.
 */
export type DatePart = 'day' | 'month' | 'year';

export interface DatePattern {
  /** The parts in the locale's order. */
  order: readonly [DatePart, DatePart, DatePart];
  /** The mark between them ('.', '/', '-'). */
  separator: string;
}

const patterns = new Map<string, DatePattern>();

/** The first year of Salesforce's date range (1700-01-01 … 4000-12-31). */
const FIRST_YEAR = 1700;

export function datePattern(locale: string): DatePattern {
  let pattern = patterns.get(locale);
  if (!pattern) {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(Date.UTC(2026, 11, 24));
    const order = parts.filter((part) => part.type === 'day' || part.type === 'month' || part.type === 'year').map((part) => part.type as DatePart);
    const separator = parts.find((part) => part.type === 'literal')?.value.trim() || '/';
    pattern = { order: order.length === 3 ? (order as unknown as DatePattern['order']) : ['year', 'month', 'day'], separator };
    patterns.set(locale, pattern);
  }
  return pattern;
}

/** The pattern as the user reads it, with the language's letters for day, month and year (TT.MM.JJJJ, jj/mm/aaaa). */
export function patternText(pattern: DatePattern, letters: Record<DatePart, string>): string {
  return pattern.order.map((part) => letters[part]).join(pattern.separator);
}

/** 'YYYY-MM-DD' as the locale writes it by hand (two-digit day and month, four-digit year); '' for none. */
export function formatDate(iso: string | null, pattern: DatePattern): string {
  const parts = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!parts) return '';
  const values: Record<DatePart, string> = { year: parts[1]!, month: parts[2]!, day: parts[3]! };
  return pattern.order.map((part) => values[part]).join(pattern.separator);
}

/**
 * What the user typed as 'YYYY-MM-DD': three groups of digits in the locale's order with any marks between
 * them (24.12.2026, 24/12/2026, 24 12 2026, 1.2.2026), or an ISO date (2026-12-24, as pasted from a file).
 * Null when it is not a day of the calendar (31.02.2026), the year has not four digits or is before 1700, or it is not a date at all.
 */
export function parseDate(text: string, pattern: DatePattern): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const groups = iso ? null : /^(\d{1,4})\D+(\d{1,4})\D+(\d{1,4})$/.exec(trimmed);
  if (!iso && !groups) return null;
  const values: Partial<Record<DatePart, string>> = {};
  if (iso) Object.assign(values, { year: iso[1], month: iso[2], day: iso[3] });
  else pattern.order.forEach((part, i) => (values[part] = groups![i + 1]));
  const { year, month, day } = values as Record<DatePart, string>;
  if (year.length !== 4 || month.length > 2 || day.length > 2) return null;
  const y = Number(year);
  // Salesforce's dates start in 1700: an earlier year is a typo (0202 for 2020) that would silently widen a filter.
  if (y < FIRST_YEAR) return null;
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The day before or after (ArrowDown / ArrowUp in a date field). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
