import { currencyDecimals } from '../../contract/currency-decimals';

/** Dates and amounts of a statement, by `Intl` in the app's locale (Settings → Language, else the computer's). */
export interface StatementFormat {
  locale: string;
  /** A plain day (YYYY-MM-DD) as the locale writes it; '' for none. */
  date(day: string | null): string;
  money(amount: number | null, currency: string): string;
  number(value: number): string;
}

export function statementFormat(locale: string): StatementFormat {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const moneys = new Map<string, (amount: number) => string>();
  const moneyOf = (currency: string) => {
    let format = moneys.get(currency);
    if (!format) {
      const digits = currencyDecimals(currency);
      try {
        const intl = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
        format = (amount) => intl.format(amount);
      } catch {
        // Not an ISO 4217 code (custom data): the number with the code next to it.
        const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
        format = (amount) => `${plain.format(amount)} ${currency}`;
      }
      moneys.set(currency, format);
    }
    return format;
  };
  return {
    locale,
    date(day) {
      if (!day) return '';
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      return dates.format(new Date(Date.UTC(y, m - 1, d)));
    },
    money: (amount, currency) => (amount === null ? '' : moneyOf(currency)(amount)),
    number: (value) => numbers.format(value),
  };
}
