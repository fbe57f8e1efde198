import type { CurrencyRate, CurrencyRates, DatedRate } from '../../../contract';
import type { RelatedRecord } from '../related/related-copy';
import type { Snapshot } from '../snapshot/snapshot';
import { rowTableOf } from '../snapshot/row-table';
import { text } from './applied-ledger';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const day = (value: unknown): string | null => (typeof value === 'string' && DAY.test(value.slice(0, 10)) ? value.slice(0, 10) : null);

function currencyOf(record: RelatedRecord): CurrencyRate | null {
  const isoCode = text(record.iso);
  if (!isoCode) return null;
  const decimals = num(record.decimals);
  return {
    isoCode,
    rate: num(record.rate),
    decimals: decimals !== null && Number.isInteger(decimals) && decimals >= 0 && decimals <= 10 ? decimals : null,
    // IsActive hidden from the user: taken as active (Salesforce lists inactive ones too; the flag is what says so).
    active: record.active !== false,
    corporate: record.corporate === true,
  };
}

function periodOf(record: RelatedRecord): DatedRate | null {
  const isoCode = text(record.iso);
  const start = day(record.start);
  if (!isoCode || !start) return null;
  return { isoCode, rate: num(record.rate), start, next: day(record.next) };
}

/**
 * `invoices.rates`: the currencies and dated rates of the offline copy as they are (a rate of 0, an
 * inactive currency, overlapping periods are passed on: the conversion says what it makes of them), and
 * whether there are any to convert with. Records a field is missing from are left out.
 */
export function currencyRates(snapshot: Snapshot | null): CurrencyRates {
  const copy = snapshot?.related ?? null;
  const records = (role: 'currency' | 'datedRate') => copy?.objects.filter((o) => o.role === role).flatMap((o) => o.records) ?? [];
  const currencies = records('currency').flatMap((r) => currencyOf(r) ?? []);
  const dated = records('datedRate').flatMap((r) => periodOf(r) ?? []);
  dated.sort((a, b) => (a.isoCode === b.isoCode ? (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) : a.isoCode < b.isoCode ? -1 : 1));
  const corporate = currencies.find((c) => c.corporate)?.isoCode ?? null;
  const syncedAt = snapshot?.syncedAt ?? null;
  // Unreadable wins over currencies that were read: the org dates its rates and the user cannot read the periods.
  if (currencies.length > 0 && !copy?.ratesUnreadable) return { state: 'available', corporate, currencies, dated, syncedAt };
  const state = copy?.ratesUnreadable ? 'unreadable' : !snapshot || severalCurrencies(snapshot) ? 'notSynced' : 'singleCurrency';
  return { state, corporate: null, currencies: [], dated: [], syncedAt };
}

function severalCurrencies(snapshot: Snapshot): boolean {
  const table = rowTableOf(snapshot);
  for (let i = 1; i < table.length; i++) if (table.currency(i) !== table.currency(0)) return true;
  return false;
}
