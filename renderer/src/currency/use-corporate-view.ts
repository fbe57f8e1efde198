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
  asOf: string;
}

/**
 * The "Show in" choice of a connection (remembered per connection) and, in the corporate currency, the rows
 * converted once per copy, rates, basis and as-of date. The sums over the rows shown: useCorporateFigures.
 */
export function useCorporateView({ connectionId, prepared, asOf }: Input) {
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
  const flagged = useMemo(() => [...new Set(table?.issues.map((issue) => issue.isoCode) ?? [])].sort(), [table]);
  return {
    view,
    change,
    state: rates?.state ?? null,
    corporate: table?.corporate ?? null,
    table,
    converted,
    flagged,
  };
}

export type CorporateView = ReturnType<typeof useCorporateView>;

/**
 * The corporate card's sums over the rows shown, once per change of them: count, total and balance over `members`,
 * the aging over `agingSet` (see useInvoiceView) — null unless the view is in the corporate currency.
 */
export function useCorporateFigures(
  converted: CorporateView['converted'],
  prepared: PreparedInvoices,
  members: ArrayLike<number>,
  agingSet: ArrayLike<number>,
  asOfDay: number,
  agingBasis: AgingBasis,
) {
  const figures = useMemo(() => (converted ? corporateFigures(converted, prepared, members) : null), [converted, prepared, members]);
  const aging = useMemo(
    () => (converted ? corporateAging(converted, agingSet, (i) => agingBucketOf(prepared, i, asOfDay, agingBasis)) : null),
    [converted, agingSet, prepared, asOfDay, agingBasis],
  );
  return { figures, aging };
}

export type CorporateFigures = ReturnType<typeof useCorporateFigures>;
