import type { ExportColumn } from '../../../electron/contract';
import type { SortColumn } from './sort';

/** The workspace's columns, in display order. Their ids are also the export's column names. */
export interface ColumnInfo {
  id: SortColumn & ExportColumn;
  numeric: boolean;
  /** Hidden columns can be shown again from the Columns menu; `number` is always shown. */
  hideable: boolean;
  /** Not shown until the user picks it in the Columns menu (the payment columns: the grid stays as wide as it was). */
  optIn?: boolean;
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
  // From the payments and credit notes applied (computed by the core from the offline copy).
  { id: 'paid', numeric: true, hideable: true, optIn: true },
  { id: 'lastPaymentDate', numeric: false, hideable: true, optIn: true },
  { id: 'fullyPaidOn', numeric: false, hideable: true, optIn: true },
  { id: 'daysToPay', numeric: true, hideable: true, optIn: true },
  // What changed: when Salesforce last modified the invoice (opt-in, sortable).
  { id: 'lastModified', numeric: false, hideable: true, optIn: true },
];

/** Visible column ids from the saved setting (null = every column but the opt-in ones), in display order. */
export function visibleColumnIds(saved: readonly string[] | null): ColumnInfo['id'][] {
  if (!saved) return invoiceColumns.filter((column) => !column.optIn).map((column) => column.id);
  const keep = new Set(saved);
  return invoiceColumns.filter((column) => !column.hideable || keep.has(column.id)).map((column) => column.id);
}

const paymentColumns = new Set<string>(['paid', 'lastPaymentDate', 'fullyPaidOn', 'daysToPay'] satisfies ColumnInfo['id'][]);

/** A column computed from the payments and credit notes applied (empty when the org has none). */
export function isPaymentColumn(id: string): boolean {
  return paymentColumns.has(id);
}
