import type { TFunction } from 'i18next';
import { describeSlot, type NoRateReason, type RateTable } from '../../../electron/contract/conversion/rate-table';
import { formatPlainDate } from '../invoices/plain-date';

type T = TFunction<'currency'>;

const rateFormat = new Map<string, Intl.NumberFormat>();
function formatRate(rate: number, locale: string): string {
  let format = rateFormat.get(locale);
  if (!format) rateFormat.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 })));
  return format.format(rate);
}

/** Why a row has no rate, in the user's words. */
export function reasonWords(t: T, reason: NoRateReason): string {
  return {
    unknownCurrency: t('reasonUnknownCurrency'),
    inactive: t('reasonInactive'),
    notPositive: t('reasonNotPositive'),
    beforeFirst: t('reasonBeforeFirst'),
    gap: t('reasonGap'),
    noDate: t('reasonNoDate'),
  }[reason];
}

/** "1 EUR = 1.05 USD · dated rate from 15/04/2025 to 01/07/2025", or why there is no rate. */
export function slotWords(t: T, table: RateTable, slot: number, locale: string): string {
  const used = describeSlot(table, slot);
  if (typeof used === 'string') return t('noRate', { reason: reasonWords(t, used) });
  const rate = t('rateOne', { corporate: table.corporate, rate: formatRate(used.rate, locale), currency: used.isoCode });
  if (!used.dated || !used.start) return used.isoCode === table.corporate ? rate : `${rate} · ${t('plainRate')}`;
  const start = formatPlainDate(used.start, locale);
  const period = used.next ? t('periodFromTo', { start, end: formatPlainDate(used.next, locale) }) : t('periodFrom', { start });
  return `${rate} · ${period}`;
}

/** What rates a sum over several rows used: the one rate (as-of basis, or one period) or how many periods. */
export function slotsWords(t: T, table: RateTable, slots: ReadonlySet<number>, locale: string): string {
  const usable = [...slots].filter((s) => s >= 0);
  if (usable.length === 1) return slotWords(t, table, usable[0]!, locale);
  return t('atInvoiceDates', { count: usable.length });
}
