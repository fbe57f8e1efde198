import { getCoreRowModel, useReactTable, type ColumnDef, type RowData, type SortingState, type VisibilityState } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { InvoiceListRow } from '../../../electron/contract';
import type { ColumnWidths } from '../../../electron/contract/column-widths';
import { invoiceColumns, visibleColumnIds } from '../invoices/columns';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import type { ReceivableRules } from '../invoices/prepared';
import { buildColumnDefs } from './invoice-columns';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the parameter must match TanStack's declaration to merge with it
  interface TableMeta<TData extends RowData> {
    /** Every invoice of the list; the grid shows `rows[visible[i]]`. */
    rows: readonly InvoiceListRow[];
    /** The widths the user set (rem per column), and where a new set goes (absent: the columns cannot be resized). */
    widths?: ColumnWidths;
    onWidthsChange?: (next: ColumnWidths) => void;
  }
}

interface Options {
  rows: readonly InvoiceListRow[];
  asOfDay: number;
  /** What counts as a receivable (the Days overdue cell is empty for a draft or a cancelled invoice). */
  rules: ReceivableRules;
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
  savedColumns: readonly string[] | null;
  onColumnsChange: (visible: string[]) => void;
  /** Settings → the widths the user set, and where a change goes. */
  savedWidths?: ColumnWidths;
  onWidthsChange?: (next: ColumnWidths) => void;
  /** Columns of a view of its own, before the invoice's (the combined view's Org column). */
  leadColumns?: readonly ColumnDef<InvoiceListRow>[];
}

/** TanStack gets no data: its row model would be one Row object per invoice, each with its own closures and caches. */
const NO_DATA: InvoiceListRow[] = [];
const NO_COLUMNS: readonly ColumnDef<InvoiceListRow>[] = [];

/**
 * The TanStack table for the columns: their definitions, visibility and the sort state (header,
 * sort buttons, Columns menu). It holds no rows: the pure functions own the row order and the grid
 * renders `rows[visible[i]]` straight from the column definitions, so 100,000 invoices are not
 * copied into 100,000 TanStack rows (a heap that size made every major GC a long task while scrolling).
 * The invoices travel with the table in `table.options.meta.rows`.
 */
export function useInvoiceTable({ rows, asOfDay, rules, sorting, onSortingChange, savedColumns, onColumnsChange, savedWidths, onWidthsChange, leadColumns = NO_COLUMNS }: Options) {
  const { t } = useTranslation('columns');
  const locale = useLocale();
  const columns = useMemo(() => [...leadColumns, ...buildColumnDefs(locale, asOfDay, (id) => t(id), rules)], [leadColumns, locale, asOfDay, t, rules]);
  const columnVisibility = useMemo<VisibilityState>(() => {
    const shown = new Set<string>(visibleColumnIds(savedColumns));
    return Object.fromEntries(invoiceColumns.map((c) => [c.id, shown.has(c.id)]));
  }, [savedColumns]);
  const meta = useMemo(() => ({ rows, widths: savedWidths, onWidthsChange }), [rows, savedWidths, onWidthsChange]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is the grid's engine; the app does not run the React Compiler, so nothing memoizes its functions
  return useReactTable({
    data: NO_DATA,
    columns,
    meta,
    state: { sorting, columnVisibility },
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
