import type { ColumnInfo } from '../invoices/columns';

type ColumnId = ColumnInfo['id'];

/** Narrower widths for when the detail panel shares the window: the customer and the amounts give way; numbers and dates still fit (in bold too, as the open row is). */
export const compactColumnWidths: Record<ColumnId, string> = {
  number: '8.75rem',
  customer: 'minmax(8rem, 1fr)',
  invoiceDate: '8.75rem',
  dueDate: '8.75rem',
  status: '6.25rem',
  total: '8.25rem',
  balance: '8.25rem',
  currency: '6.25rem',
  daysOverdue: '8.5rem',
  paid: '8.25rem',
  lastPaymentDate: '8.75rem',
  fullyPaidOn: '8.75rem',
  daysToPay: '7rem',
  lastModified: '10.5rem',
};

/**
 * Least important first: hidden in this order when even the narrow widths do not fit. The payment
 * columns (opt-in) go first, their figures being in the detail panel's payments; amounts keep
 * their currency symbol, days overdue are in the detail panel; number, customer, due date, total
 * and balance always stay.
 */
const tuckOrder: readonly ColumnId[] = ['lastModified', 'daysToPay', 'lastPaymentDate', 'fullyPaidOn', 'paid', 'daysOverdue', 'currency', 'invoiceDate', 'status'];

/**
 * Widths that leave room for each header's own words: the widths above are sized for English, and a German
 * "Rechnungsdatum" or "Tage überfällig" would be cut off. A track never gets narrower than its label
 * (`labelRem`: the label's width in rem as the header draws it) plus 2rem for the sort mark, the gap and the
 * cell's padding; English labels fit the widths above as they are.
 */
export function roomForLabels(
  widths: Record<ColumnId, string>,
  labels: Partial<Record<ColumnId, string>>,
  labelRem: (label: string) => number,
): Record<ColumnId, string> {
  const fitted = { ...widths };
  for (const id of Object.keys(widths) as ColumnId[]) {
    const label = labels[id];
    if (!label) continue;
    const needed = Math.ceil((labelRem(label) + 2) * 4) / 4;
    if (needed > remOf(widths[id])) fitted[id] = widths[id].replace(/[\d.]+rem/, `${needed}rem`);
  }
  return fitted;
}

/** A track's minimum in rem ("8rem", "minmax(8rem, 1fr)"). */
export function remOf(width: string): number {
  return Number(/([\d.]+)rem/.exec(width)?.[1] ?? 8);
}

/** The columns that fit in `availableRem` (at the given widths) and the ones tucked away, both in display order. */
export function fitColumns(ids: readonly ColumnId[], widths: Record<ColumnId, string>, availableRem: number): { shown: ColumnId[]; tucked: ColumnId[] } {
  const tucked = new Set<ColumnId>();
  let needed = ids.reduce((sum, id) => sum + remOf(widths[id]), 0);
  for (const id of tuckOrder) {
    if (needed <= availableRem) break;
    if (!ids.includes(id)) continue;
    tucked.add(id);
    needed -= remOf(widths[id]);
  }
  return { shown: ids.filter((id) => !tucked.has(id)), tucked: ids.filter((id) => tucked.has(id)) };
}
