/** Money, always in the record's own currency, in the user's locale. */

/** A money format, and the currency code to append when the format could not show the currency itself. */
interface MoneyFormat {
  format: Intl.NumberFormat;
  suffix: string;
}

const moneyFormats = new Map<string, MoneyFormat>();

function formatterFor(currency: string, locale?: string): MoneyFormat {
  const key = `${locale ?? ''}|${currency}`;
  let entry = moneyFormats.get(key);
  if (!entry) {
    try {
      entry = { format: new Intl.NumberFormat(locale, { style: 'currency', currency, currencySign: 'accounting' }), suffix: '' };
    } catch {
      // Not an ISO 4217 code (custom data): show the number with the code next to it.
      entry = { format: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }), suffix: ` ${currency}` };
    }
    moneyFormats.set(key, entry);
  }
  return entry;
}

/**
 * e.g. "$1,234.50", "($12.00)" for negatives, "¥1,235" for JPY. Empty for null.
 * (Called for every money cell the grid shows: which kind of format it is is decided once, not
 * asked of `resolvedOptions()` per call, which costs ten times the formatting itself.)
 */
export function formatMoney(amount: number | null | undefined, currency: string, locale?: string): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  const { format, suffix } = formatterFor(currency, locale);
  return format.format(amount) + suffix;
}

const countFormats = new Map<string, Intl.NumberFormat>();

export function formatCount(value: number, locale?: string): string {
  const key = locale ?? '';
  let format = countFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    countFormats.set(key, format);
  }
  return format.format(value);
}

const compactFormats = new Map<string, Intl.NumberFormat>();

function cachedFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = compactFormats.get(key);
  if (!format) {
    format = make();
    compactFormats.set(key, format);
  }
  return format;
}

function currencyFormat(currency: string, locale: string | undefined, options: Intl.NumberFormatOptions, key: string): Intl.NumberFormat {
  return cachedFormat(`${key}|${locale ?? ''}|${currency}`, () => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 1, ...options });
    } catch {
      // Not an ISO 4217 code (custom data): the number alone.
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, ...options });
    }
  });
}

/**
 * A short label for a chart, in the locale's own compact notation ("$563.8K", "563,8 k €", "563,8 mil €",
 * "1,4 Mio. €"). Where the locale has no short form for thousands (German writes "563.771,7 €" in CLDR),
 * the amount is shown in thousands with the locale's word for them (`thousands`: "Tsd." in German):
 * "563,8 Tsd. €". Never another locale's form next to this one's. The exact amount is always in the bar's name.
 * Spaces between number, unit and currency may break, so a narrow bar wraps its label instead of running into the next.
 */
export function compactMoney(amount: number, currency: string, locale: string | undefined, thousands: string): string {
  const compact = currencyFormat(currency, locale, { notation: 'compact' }, 'compact');
  const parts = compact.formatToParts(amount);
  const shortened = Math.abs(amount) < 1000 || parts.some((part) => part.type === 'compact');
  const text = shortened ? parts.map((p) => p.value).join('') : inThousands(amount / 1000, currency, locale, thousands);
  return text.replace(/\u00a0/g, ' ');
}

function inThousands(value: number, currency: string, locale: string | undefined, unit: string): string {
  const parts = currencyFormat(currency, locale, { minimumFractionDigits: 0 }, 'plain').formatToParts(value);
  const lastDigit = parts.map((part) => part.type).lastIndexOf(parts.some((p) => p.type === 'fraction') ? 'fraction' : 'integer');
  return [...parts.slice(0, lastDigit + 1).map((p) => p.value), ` ${unit}`, ...parts.slice(lastDigit + 1).map((p) => p.value)].join('');
}
