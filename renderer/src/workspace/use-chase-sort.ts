import type { SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import type { InvoiceFilters } from '../invoices/filters';

const MOST_OVERDUE_FIRST: SortingState = [{ id: 'daysOverdue', desc: true }];
const isChasing = (filters: InvoiceFilters) => filters.overdueOnly || filters.aging !== null;
const isMostOverdueFirst = (sorting: SortingState) => sorting.length === 1 && sorting[0]!.id === 'daysOverdue' && sorting[0]!.desc;

/**
 * The chase: turning on "Overdue only" or an aging bucket sorts by days overdue, most overdue first (the user may
 * re-sort as usual). Turning the last of them off puts back the sort from before, unless the user chose another.
 * State adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
 * Returns `adopt(filters)`: filters set together with their own sort (a saved view) keep that sort, unchased.
 */
export function useChaseSort(filters: InvoiceFilters, sorting: SortingState, setSorting: (next: SortingState) => void): (next: InvoiceFilters) => void {
  const chasing = isChasing(filters);
  const [chase, setChase] = useState<{ on: boolean; before: SortingState | null }>({ on: chasing, before: null });
  const adopt = (next: InvoiceFilters) => setChase({ on: isChasing(next), before: null });
  if (chasing === chase.on) return adopt;
  if (chasing) {
    setChase({ on: true, before: sorting });
    if (!isMostOverdueFirst(sorting)) setSorting(MOST_OVERDUE_FIRST);
    return adopt;
  }
  setChase({ on: false, before: null });
  if (chase.before && isMostOverdueFirst(sorting)) setSorting(chase.before);
  return adopt;
}
