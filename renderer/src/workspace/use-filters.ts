import { useState } from 'react';
import type { AgingBucketKey } from '../invoices/aging';
import { noFilters, type InvoiceFilters } from '../invoices/filters';

/**
 * The workspace's filters (search, status, currency, aging bucket …). `onChange` runs on every change (the
 * workspace moves the keyboard's row back to the top).
 */
export function useFilters(onChange: () => void) {
  const [filters, setFilters] = useState<InvoiceFilters>(noFilters);
  const change = (next: InvoiceFilters) => {
    setFilters(next);
    onChange();
  };
  /** A bucket of a currency's aging bars: filters to it, or clears it when it is the filter already. */
  const pickBucket = (currency: string, bucket: AgingBucketKey) => {
    const same = filters.aging === bucket && filters.currencies.length === 1 && filters.currencies[0] === currency;
    change(same ? { ...filters, aging: null, currencies: [] } : { ...filters, aging: bucket, currencies: [currency] });
  };
  /** A bucket of the corporate-currency chart (every currency): filters to it, or clears it when it is the filter already. */
  const pickAnyBucket = (bucket: AgingBucketKey) => {
    const same = filters.aging === bucket && filters.currencies.length === 0;
    change({ ...filters, aging: same ? null : bucket, currencies: [] });
  };
  /** The bucket the filters stand for (one currency, one bucket), if any: shown as picked in the summary. */
  const pickedBucket = filters.aging && filters.currencies.length === 1 ? { currency: filters.currencies[0]!, bucket: filters.aging } : null;
  return { filters, change, pickBucket, pickAnyBucket, pickedBucket };
}
