import type { SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import type { InvoiceFilters } from '../invoices/filters';

const MOST_OVERDUE_FIRST: SortingState = [{ id: 'daysOverdue', desc: true }];
const isMostOverdueFirst = (sorting: SortingState) => sorting.length === 1 && sorting[0]!.id === 'daysOverdue' && sorting[0]!.desc;

/**
 * The chase: turning on "Overdue only" or an aging bucket sorts by days overdue, most overdue first (the user may
 * re-sort as usual). Turning the last of them off puts back the sort from before, unless the user chose another.
 * State adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
 */
export function useChaseSort(filters: InvoiceFilters, sorting: SortingState, setSorting: (next: SortingState) => void): void {
  const chasing = filters.overdueOnly || filters.aging !== null;
  const [chase, setChase] = useState<{ on: boolean; before: SortingState | null }>({ on: chasing, before: null });
  if (chasing === chase.on) return;
  if (chasing) {
    setChase({ on: true, before: sorting });
    if (!isMostOverdueFirst(sorting)) setSorting(MOST_OVERDUE_FIRST);
    return;
  }
  setChase({ on: false, before: null });
  if (chase.before && isMostOverdueFirst(sorting)) setSorting(chase.before);
}
