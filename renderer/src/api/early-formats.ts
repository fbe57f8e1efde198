import type { InvoiceList } from '../../../electron/contract';
import { formatLocale } from '../../../electron/contract/i18n/languages';
import { languageShownLast } from '../i18n/shown-language';
import { formatCount, formatMoney } from '../invoices/money';
import { formatPlainDate } from '../invoices/plain-date';
import { formatInstant, formatRelative } from '../lib/relative-time';

/** The currencies of the first rows the window showed last, for the next start's formats (see warmFormats). */
const CURRENCIES_KEY = 'budgetly.firstCurrencies';

/** The locale the workspace will most likely format in: the language shown last (Settings → Language), this computer's locale. */
function likelyLocale(): string {
  return formatLocale(languageShownLast(), navigator.language);
}

function rememberedCurrencies(): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(CURRENCIES_KEY) ?? '[]') as unknown;
    return Array.isArray(saved) ? saved.filter((c): c is string => typeof c === 'string').slice(0, 8) : [];
  } catch {
    return [];
  }
}

/** Makes (and keeps: money.ts, plain-date.ts and relative-time.ts hold them) the formats the first screen is written with. */
function warm(locale: string, currencies: readonly string[]): void {
  for (const currency of currencies) formatMoney(0, currency, locale);
  formatPlainDate('2026-01-01', locale);
  formatCount(0, locale);
  // The top bar's "Synced 5 minutes ago" and its tooltip.
  formatRelative('2026-01-01T00:00:00Z', Date.now(), locale, '');
  formatInstant('2026-01-01T00:00:00Z', locale);
}

/**
 * Issue #19 (cold start): the first `Intl` formats of a page are its dearest (ICU loads the locale's data: ~15 ms
 * apiece on this machine under load), and the workspace's first render with the first rows made them. The page's first
 * module makes them instead while it waits for its answers and its bundle — the currencies of the last start's first
 * rows (else the dollar: the locale's data is the dear part), the date and the count formats — and again with the
 * first window's own currencies as soon as it arrives. The formats are the ones the grid then uses (same locale, same
 * keys); a guess that turns out wrong (another language in Settings) only costs the formats made. Never throws.
 */
export function warmFormatsEarly(): void {
  const run = () => {
    try {
      const currencies = rememberedCurrencies();
      warm(likelyLocale(), currencies.length > 0 ? currencies : ['USD']);
    } catch {
      // a warm-up only
    }
  };
  // After the page's asks have gone out (main.tsx), in the wait for the answers and the start-up bundle.
  setTimeout(run, 0);
}

/** The first window has arrived: its currencies' formats, and remembered for the next start. */
export function warmFormatsFor(list: InvoiceList): void {
  try {
    const currencies = [...new Set(list.invoices.map((row) => row.currency))].slice(0, 8);
    warm(likelyLocale(), currencies);
    localStorage.setItem(CURRENCIES_KEY, JSON.stringify(currencies));
  } catch {
    // a warm-up only
  }
}
