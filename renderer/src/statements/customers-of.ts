import type { InvoiceListRow } from '../../../electron/contract';
import type { CustomerRef } from '../../../electron/contract/customer-aging';
import { newerName } from '../../../electron/contract/customer-directory';

/**
 * The customers of these rows, each once, in name order; invoices without one have no statement. A customer is its
 * account when the rows have account ids (two accounts of one name are two statements; an account renamed since some
 * of its invoices were synced is one, under the name Salesforce gave last: account-name.ts), else its name.
 */
export function customersOf(rows: readonly InvoiceListRow[], indexes: ArrayLike<number>): CustomerRef[] {
  const found = new Map<string, { ref: CustomerRef; row: InvoiceListRow }>();
  for (let i = 0; i < indexes.length; i++) {
    const row = rows[indexes[i]!];
    if (!row?.customer) continue;
    const key = row.customerId ? `id:${row.customerId}` : `name:${row.customer}`;
    const seen = found.get(key);
    if (seen && !newerName(row, seen.row)) continue;
    found.set(key, { ref: row.customerId ? { name: row.customer, account: row.customerId } : { name: row.customer }, row });
  }
  return [...found.values()].map((f) => f.ref).sort((a, b) => a.name.localeCompare(b.name) || (a.account ?? '').localeCompare(b.account ?? ''));
}
