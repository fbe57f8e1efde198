/** Money, always in the record's own currency, in the user's locale. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencySign: 'accounting' });
    } catch {
      // Not an ISO 4217 code (custom data): show the number with the code next to it.
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(key, format);
  }
  return format;
}

/** e.g. "$1,234.50", "($12.00)" for negatives, "¥1,235" for JPY. Empty for null. */
export function formatMoney(amount: number | null | undefined, currency: string, locale?: string): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  const format = formatterFor(currency, locale);
  const text = format.format(amount);
  return format.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
}

/** Decimal places the currency uses (JPY 0, USD 2 …). */
export function currencyDecimals(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
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
