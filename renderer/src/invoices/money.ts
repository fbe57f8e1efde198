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

function compactFormat(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = compactFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    }
    compactFormats.set(key, format);
  }
  return format;
}

/**
 * A short label for a chart ("$563.8K", "1,5 Mio. €"). Some locales do not shorten thousands
 * (German gives "563.771,7 €"); when the locale's form is too long for a bar, the widely
 * understood K/M form is used instead. The exact amount is always in the bar's name.
 */
export function compactMoney(amount: number, currency: string, locale?: string): string {
  const text = compactFormat(currency, locale).format(amount);
  return text.replace(/\s/g, '').length <= 8 ? text : compactFormat(currency, 'en-US').format(amount);
}
