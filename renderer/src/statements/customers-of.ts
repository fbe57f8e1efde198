import type { InvoiceListRow } from '../../../electron/contract';

/** The customers of these rows (by name, as the list shows them), each once, in name order; invoices without one have no statement. */
export function customersOf(rows: readonly InvoiceListRow[], indexes: ArrayLike<number>): string[] {
  const names = new Set<string>();
  for (let i = 0; i < indexes.length; i++) {
    const customer = rows[indexes[i]!]?.customer;
    if (customer) names.add(customer);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}
