/**
 * "5 minutes ago", "yesterday" … These are words in a sentence of the app's (English) text, so
 * they are English whatever the locale; numbers, money and dates do follow the user's locale.
 */
export function formatRelative(iso: string, now: number, _locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return format.format(0, 'second') === 'now' ? 'just now' : format.format(0, 'second');
  if (abs < 45 * 60) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86400), 'day');
}

/** Full date and time of an instant, for tooltips. */
export function formatInstant(iso: string, locale?: string): string {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(then);
}
