import { useMemo, useState } from 'react';
import type { CurrencyRates } from '../../../electron/contract';
import { buildRateTable } from '../../../electron/contract/conversion/rate-table';
import { agingBucketOf, type AgingBasis } from '../invoices/aging';
import type { PreparedInvoices } from '../invoices/prepared';
import { convertPrepared, corporateAging, corporateFigures } from './corporate-figures';
import { loadCurrencyView, saveCurrencyView, type CurrencyView } from './currency-view';
import { useRates } from './use-rates';

export type RatesState = CurrencyRates['state'];

interface Input {
  connectionId: string;
  prepared: PreparedInvoices;
  /** The rows the totals are over, and the rows the aging chart is over (see useInvoiceView). */
  members: ArrayLike<number>;
  agingSet: ArrayLike<number>;
  asOf: string;
  asOfDay: number;
  agingBasis: AgingBasis;
}

/**
 * The "Show in" choice of a connection (remembered per connection) and, in the corporate currency, the
 * converted figures: rows converted once per copy, rates, basis and as-of date; sums per change of the rows shown.
 */
export function useCorporateView({ connectionId, prepared, members, agingSet, asOf, asOfDay, agingBasis }: Input) {
  const rates = useRates(connectionId);
  const [chosen, setChosen] = useState<{ for: string; view: CurrencyView }>(() => ({ for: connectionId, view: loadCurrencyView(connectionId) }));
  const view = chosen.for === connectionId ? chosen.view : loadCurrencyView(connectionId);
  const change = (next: CurrencyView) => {
    saveCurrencyView(connectionId, next);
    setChosen({ for: connectionId, view: next });
  };
  const table = useMemo(() => (rates ? buildRateTable(rates) : null), [rates]);
  const on = view.showIn === 'corporate' && table !== null && prepared.rows.length > 0;
  // The invoice-date basis does not depend on the as-of date: changing it does not convert again.
  const rateDay = view.basis === 'asOf' ? asOf : '';
  const converted = useMemo(() => (on ? convertPrepared(prepared, table, view.basis, rateDay) : null), [on, prepared, table, view.basis, rateDay]);
  const figures = useMemo(() => (converted ? corporateFigures(converted, prepared, members) : null), [converted, prepared, members]);
  const aging = useMemo(
    () => (converted ? corporateAging(converted, agingSet, (i) => agingBucketOf(prepared, i, asOfDay, agingBasis)) : null),
    [converted, agingSet, prepared, asOfDay, agingBasis],
  );
  const flagged = useMemo(() => [...new Set(table?.issues.map((issue) => issue.isoCode) ?? [])].sort(), [table]);
  return {
    view,
    change,
    state: rates?.state ?? null,
    corporate: table?.corporate ?? null,
    table,
    converted,
    figures,
    aging,
    flagged,
  };
}

export type CorporateView = ReturnType<typeof useCorporateView>;
