import type { ColumnDef } from '@tanstack/react-table';
import type { InvoiceListRow } from '../../../electron/contract';
import { invoiceColumns, type ColumnInfo } from '../invoices/columns';
import { formatMoney, formatCount } from '../invoices/money';
import { formatPlainDate } from '../invoices/plain-date';
import { formatInstant } from '../lib/relative-time';
import { daysOverdueOfRow, type ReceivableRules } from '../invoices/prepared';
import { remOf } from './column-fit';

export const columnWidths: Record<ColumnInfo['id'], string> = {
  number: '8.75rem',
  customer: 'minmax(12rem, 1fr)',
  invoiceDate: '8.75rem',
  dueDate: '8.75rem',
  status: '7rem',
  total: '9.25rem',
  balance: '9.25rem',
  currency: '6.5rem',
  daysOverdue: '9rem',
  paid: '9.25rem',
  lastPaymentDate: '8.75rem',
  fullyPaidOn: '8.75rem',
  daysToPay: '7.5rem',
  lastModified: '11rem',
};

/** The narrowest the grid may get (customer at its minimum), so every row lines up. */
export function gridMinWidth(ids: readonly ColumnInfo['id'][], widths: Record<ColumnInfo['id'], string> = columnWidths): string {
  return `${ids.reduce((sum, id) => sum + remOf(widths[id]), 0)}rem`;
}

/** Most invoices share their dates with many others: each date is formatted once (up to a bound). */
const DATE_CACHE_LIMIT = 20_000;

function cellText(id: ColumnInfo['id'], row: InvoiceListRow, locale: string | undefined, asOfDay: number, dates: Map<string, string>, rules: ReceivableRules): string {
  switch (id) {
    case 'invoiceDate':
    case 'dueDate':
    case 'lastPaymentDate':
    case 'fullyPaidOn': {
      const iso = row[id];
      if (!iso) return '';
      let text = dates.get(iso);
      if (text === undefined) {
        if (dates.size >= DATE_CACHE_LIMIT) dates.clear();
        dates.set(iso, (text = formatPlainDate(iso, locale)));
      }
      return text;
    }
    case 'total':
    case 'balance':
    case 'paid':
      return formatMoney(row[id], row.currency, locale);
    case 'daysToPay':
      return row.daysToPay === null || row.daysToPay === undefined ? '' : formatCount(row.daysToPay, locale);
    case 'daysOverdue': {
      const days = daysOverdueOfRow(row, asOfDay, rules);
      return days > 0 ? formatCount(days, locale) : '';
    }
    case 'lastModified':
      return row.lastModified ? formatInstant(row.lastModified, locale) : '';
    case 'customer':
    case 'status':
      return row[id] ?? '';
    default:
      return row[id];
  }
}

/** A column as the grid renders it: its description and the text of its cell in a row. */
export interface GridColumn extends ColumnInfo {
  /** The column's name in the user's language. */
  label: string;
  text: (row: InvoiceListRow) => string;
  /** A column of its own (the combined view's Org): its track, its cell's tooltip, and whether the cell is muted. */
  width?: string;
  title?: (row: InvoiceListRow) => string | undefined;
  muted?: (row: InvoiceListRow) => boolean;
}

/**
 * TanStack column definitions; sorting and filtering are done by the pure functions, not by the table.
 * Each definition's `meta` is a GridColumn: the grid renders a cell as `meta.text(row)`, with no
 * TanStack row or cell objects in between.
 */
export function buildColumnDefs(
  locale: string | undefined,
  asOfDay: number,
  labelOf: (id: ColumnInfo['id']) => string,
  rules: ReceivableRules = {},
): ColumnDef<InvoiceListRow>[] {
  const dates = new Map<string, string>();
  return invoiceColumns.map((info) => {
    const meta: GridColumn = { ...info, label: labelOf(info.id), text: (row) => cellText(info.id, row, locale, asOfDay, dates, rules) };
    return {
      id: info.id,
      // Sorting is done by the pure functions; TanStack only needs an accessor to allow it.
      accessorFn: (row: InvoiceListRow) => (info.id === 'daysOverdue' ? null : (row[info.id] ?? null)),
      header: meta.label,
      enableHiding: info.hideable,
      sortDescFirst: info.numeric,
      meta,
      cell: ({ row }) => meta.text(row.original),
    };
  });
}
