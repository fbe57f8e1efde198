import { getCoreRowModel, useReactTable, type SortingState, type VisibilityState } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { InvoiceRow } from '../../../electron/contract';
import { invoiceColumns, visibleColumnIds } from '../invoices/columns';
import { buildColumnDefs } from './invoice-columns';

interface Options {
  rows: readonly InvoiceRow[];
  locale: string | undefined;
  asOfDay: number;
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
  savedColumns: readonly string[] | null;
  onColumnsChange: (visible: string[]) => void;
}

/**
 * The TanStack table over the whole invoice list (its row model is built once per sync);
 * it owns column visibility and the sort state, the pure functions own the row order.
 */
export function useInvoiceTable({ rows, locale, asOfDay, sorting, onSortingChange, savedColumns, onColumnsChange }: Options) {
  const columns = useMemo(() => buildColumnDefs(locale, asOfDay), [locale, asOfDay]);
  const columnVisibility = useMemo<VisibilityState>(() => {
    const shown = new Set<string>(visibleColumnIds(savedColumns));
    return Object.fromEntries(invoiceColumns.map((c) => [c.id, shown.has(c.id)]));
  }, [savedColumns]);
  return useReactTable({
    data: rows as InvoiceRow[],
    columns,
    state: { sorting, columnVisibility },
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === 'function' ? updater(columnVisibility) : updater;
      onColumnsChange(invoiceColumns.filter((c) => next[c.id] !== false).map((c) => c.id));
    },
  });
}
