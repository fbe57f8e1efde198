const decimalsByCurrency = new Map<string, number>();

/**
 * Decimals of a currency per ISO 4217 (JPY 0, USD 2, BHD 3); 2 for codes Intl does not know. Asked once per
 * currency (an Intl.NumberFormat costs ~20 µs: per row, 2 s at 100k).
 */
export function currencyDecimals(currency: string): number {
  let decimals = decimalsByCurrency.get(currency);
  if (decimals === undefined) {
    try {
      decimals = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      decimals = 2;
    }
    // Bounded by the currencies seen (a few; custom data could bring more, each a short string).
    if (decimalsByCurrency.size < 1000) decimalsByCurrency.set(currency, decimals);
  }
  return decimals;
}
