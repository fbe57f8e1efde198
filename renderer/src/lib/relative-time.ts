/**
 * "5 minutes ago", "vor 5 Minuten", "yesterday" … in the locale's own words (`Intl.RelativeTimeFormat`); under
 * 45 seconds, or ahead of this clock, the caller's word for it (the catalogue's "just now": Intl's own is a bare "now").
 */
/** One format per locale, made once: making one is the dear part (the first of a page loads the locale's data from ICU). */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const instantFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(formats: Map<string, F>, locale: string | undefined, make: () => F): F {
  let format = formats.get(locale ?? '');
  if (!format) formats.set(locale ?? '', (format = make()));
  return format;
}

export function formatRelative(iso: string, now: number, locale: string | undefined, justNow: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const format = cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  // Every use is a moment that has passed (a sync, a change): one "in the future" is another clock running ahead
  // (Salesforce's, a computer's), and reads "just now", never "in 15 minutes".
  if (seconds > -45) return justNow;
  const abs = Math.abs(seconds);
  if (abs < 45 * 60) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86400), 'day');
}

/** Full date and time of an instant, for tooltips. */
export function formatInstant(iso: string, locale?: string): string {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? '' : cached(instantFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(then);
}
