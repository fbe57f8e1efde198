import type { ExportColumn } from '../../../electron/contract';
import type { SortColumn } from './sort';

/** The workspace's columns, in display order. Their ids are also the export's column names. */
export interface ColumnInfo {
  id: SortColumn & ExportColumn;
  numeric: boolean;
  /** Hidden columns can be shown again from the Columns menu; `number` is always shown. */
  hideable: boolean;
}

export const invoiceColumns: readonly ColumnInfo[] = [
  { id: 'number', numeric: false, hideable: false },
  { id: 'customer', numeric: false, hideable: true },
  { id: 'invoiceDate', numeric: false, hideable: true },
  { id: 'dueDate', numeric: false, hideable: true },
  { id: 'status', numeric: false, hideable: true },
  { id: 'total', numeric: true, hideable: true },
  { id: 'balance', numeric: true, hideable: true },
  { id: 'currency', numeric: false, hideable: true },
  { id: 'daysOverdue', numeric: true, hideable: true },
];

export const allColumnIds = invoiceColumns.map((column) => column.id);

/** Visible column ids from the saved setting (null = all), in display order. */
export function visibleColumnIds(saved: readonly string[] | null): ColumnInfo['id'][] {
  if (!saved) return [...allColumnIds];
  const keep = new Set(saved);
  return invoiceColumns.filter((column) => !column.hideable || keep.has(column.id)).map((column) => column.id);
}
