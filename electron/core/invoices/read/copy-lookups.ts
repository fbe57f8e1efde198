import type { InvoiceListRow, InvoiceRow } from '../../../contract';
import { isCustomersRow, type CustomerRef } from '../../../contract/customer-aging';
import type { Snapshot } from '../snapshot/snapshot';
import { rowOfId, rowTableOf, type RowTable } from '../snapshot/row-table';
import { listRowMaker } from './payment-figures';
import { ledgerIndex } from './applied-ledger';

/**
 * Single answers from a copy that read its invoices by position (snapshot/row-table.ts): no row is made but the ones
 * answered, so a detail, a customer's ledger or a statement does not turn a million-invoice copy into objects.
 */

/** The invoice with this id as the list shows it (with its payment figures), or undefined. */
export function listRowById(snapshot: Snapshot, id: string): InvoiceListRow | undefined {
  const row = rowById(snapshot, id);
  const make = row && listRowMaker(snapshot.related, id);
  return make ? make(row) : row;
}

/** How many lookups of one copy find their row by a scan (`rowById`) before its index of ids is asked. */
const SCANNED_LOOKUPS = 4;
const scannedLookups = new WeakMap<RowTable, number>();

/**
 * The snapshot's row with this id (snapshot/row-table.ts rowOfId): the first few lookups of a copy by a scan of its ids compared
 * where they lie (from the end: the later row of an id that came twice, as the index answers; ~1 ms at 100k invoices), then its
 * index of ids — right after a sync's answer the detail panel's first call built that index itself (~30 ms at 100k under load,
 * BENCHMARKS session 32) before the background (warmIdIndex) had.
 */
function rowById(snapshot: Snapshot, id: string): InvoiceRow | undefined {
  const table = rowTableOf(snapshot);
  const scans = scannedLookups.get(table) ?? 0;
  // The index of ids is warmed after the ledger's (invoice-repository.ts warmIndexes): once that is made, the index is asked.
  if (scans >= SCANNED_LOOKUPS || !snapshot.related || ledgerIndex.made(snapshot.related)) return rowOfId(snapshot, id);
  scannedLookups.set(table, scans + 1);
  for (let i = table.length - 1; i >= 0; i--) if (table.hasId(i, id)) return table.rowAt(i);
  return undefined;
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
