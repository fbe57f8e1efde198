import type { InvoiceListRow, InvoiceRow } from '../../../contract';
import { isCustomersRow, type CustomerRef } from '../../../contract/customer-aging';
import type { Snapshot } from '../snapshot/snapshot';
import { rowOfId, rowTableOf } from '../snapshot/row-table';
import { listRowMaker } from './payment-figures';

/**
 * Single answers from a copy that read its invoices by position (snapshot/row-table.ts): no row is made but the ones
 * answered, so a detail, a customer's ledger or a statement does not turn a million-invoice copy into objects.
 */

/** The invoice with this id as the list shows it (with its payment figures), or undefined. */
export function listRowById(snapshot: Snapshot, id: string): InvoiceListRow | undefined {
  const row = rowOfId(snapshot, id);
  const make = row && listRowMaker(snapshot.related);
  return make ? make(row) : row;
}

/** The currency of the copy's first invoice ('USD' when it has none): what records without a currency are in. */
export function firstCurrency(snapshot: Snapshot): string {
  const table = rowTableOf(snapshot);
  return table.length > 0 ? table.currency(0) : 'USD';
}

/** The currency of the customer's first invoice, else the copy's first one's. */
export function customersCurrency(snapshot: Snapshot, who: CustomerRef): string {
  const table = rowTableOf(snapshot);
  for (let i = 0; i < table.length; i++) {
    const row = table.rowAt(i);
    if (isCustomersRow(row, who)) return row.currency;
  }
  return firstCurrency(snapshot);
}

/** The invoices with a balance other than zero (the rows the open-invoice filters start from). */
export function rowsWithBalance(snapshot: Snapshot): InvoiceRow[] {
  const table = rowTableOf(snapshot);
  const rows: InvoiceRow[] = [];
  for (let i = 0; i < table.length; i++) {
    const balance = table.balance(i);
    if (balance !== null && balance !== 0) rows.push(table.rowAt(i));
  }
  return rows;
}
