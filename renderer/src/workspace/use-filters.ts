import { useCallback, useMemo, useState } from 'react';
import type { AgingBucketKey } from '../invoices/aging';
import { noFilters, type InvoiceFilters } from '../invoices/filters';

/** Whether two filters differ only in their search (or not at all). */
function sameOutsideSearch(a: InvoiceFilters, b: InvoiceFilters): boolean {
  for (const key of Object.keys(a) as (keyof InvoiceFilters)[]) if (key !== 'search' && a[key] !== b[key]) return false;
  return true;
}

/**
 * The workspace's filters (search, status, currency, aging bucket …). `onChange` runs on every change (the
 * workspace moves the keyboard's row back to the top); give a stable function and `others`' setters are stable too.
 *
 * The search is kept apart from the rest: a keystroke changes `filters` (what the rows are filtered by) but not
 * `others` (every filter but the search, with an empty search), so the filters panel — given `others` and
 * `changeOthers` — does not render again on every keystroke.
 */
export function useFilters(onChange: () => void) {
  const [others, setOthers] = useState<InvoiceFilters>(noFilters);
  const [search, setSearch] = useState('');
  const filters = useMemo(() => (search === '' ? others : { ...others, search }), [others, search]);
  const keepOthers = useCallback((next: InvoiceFilters) => setOthers((prev) => (sameOutsideSearch(prev, next) ? prev : { ...next, search: '' })), []);
  const change = (next: InvoiceFilters) => {
    keepOthers(next);
    setSearch(next.search);
    onChange();
  };
  /** Every filter but the search (the filters panel's: its changes leave the search box as it is). */
  const changeOthers = useCallback(
    (next: InvoiceFilters) => {
      keepOthers(next);
      onChange();
    },
    [keepOthers, onChange],
  );
  /** A bucket of a currency's aging bars: filters to it, or clears it when it is the filter already. */
  const pickBucket = useCallback(
    (currency: string, bucket: AgingBucketKey) => {
      setOthers((prev) => {
        const same = prev.aging === bucket && prev.currencies.length === 1 && prev.currencies[0] === currency;
        return same ? { ...prev, aging: null, currencies: [] } : { ...prev, aging: bucket, currencies: [currency] };
      });
      onChange();
    },
    [onChange],
  );
  /** A bucket of the corporate-currency chart (every currency): filters to it, or clears it when it is the filter already. */
  const pickAnyBucket = useCallback(
    (bucket: AgingBucketKey) => {
      setOthers((prev) => ({ ...prev, aging: prev.aging === bucket && prev.currencies.length === 0 ? null : bucket, currencies: [] }));
      onChange();
    },
    [onChange],
  );
  /** The bucket the filters stand for (one currency, one bucket), if any: shown as picked in the summary. */
  const { aging, currencies } = others;
  const pickedBucket = useMemo(() => (aging && currencies.length === 1 ? { currency: currencies[0]!, bucket: aging } : null), [aging, currencies]);
  return { filters, others, change, changeOthers, pickBucket, pickAnyBucket, pickedBucket };
}
