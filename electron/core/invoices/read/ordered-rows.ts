import type { InvoiceListRow } from '../../../contract';
import { encodeInvoiceColumns, type InvoiceColumns } from '../../../contract/invoice-columns';
import { FIRST_LIST_WINDOW } from '../../../contract/list-window';
import type { FirstScreen } from '../cache/first-screen-file';
import type { Snapshot } from '../snapshot/snapshot';
import type { RelatedCopy } from '../related/related-copy';
import { rowTableOf, type RowTable } from '../snapshot/row-table';
import { listRowMaker, paymentFiguresState } from './payment-figures';
import { oncePerCopy } from './once-per-copy';
import { windowColumns } from './window-columns';
import { copyOrder } from './copy-order';
import { SharedValues } from './shared-values';

/**
 * A snapshot's invoices in the workspace's default order, read by position (issue #19): only the rows a window asks
 * for are made (with their payment figures); the order itself is one Uint32Array. The same rows `invoices.list`
 * always gave, in the same order.
 */
export interface OrderedList {
  readonly length: number;
  /** The copy's positions (RowTable) in this order. */
  readonly order: Uint32Array;
  /** The distinct status values of the whole copy. */
  readonly statuses: string[];
  /** The row at this place of the order, with its payment figures. */
  rowAt(k: number): InvoiceListRow;
  /** The row at this place of the order as the copy holds it: no payment figures (what they are read from is `related`). */
  copyRowAt(k: number): InvoiceListRow;
  /** The records the payment figures are read from. */
  readonly related: RelatedCopy | null | undefined;
  /** The rows at places [from, to) of the order. */
  slice(from: number, to: number): InvoiceListRow[];
  /** The same rows as a list window's columns: read straight from the copy's columns when it has them (window-columns.ts). */
  columns(from: number, to: number): InvoiceColumns;
}

/**
 * The snapshot's invoices in the default order and the distinct status values of the whole copy; ordered once per
 * snapshot (~60–100 ms at 100k), shared by `invoices.list` and the copy's first screen.
 */
export const orderedRows = oncePerCopy((snapshot: Snapshot): OrderedList => {
  const table = rowTableOf(snapshot);
  const order = copyOrder(table.length, { dayAt: table.invoiceDay, numberAt: table.number, idAt: table.id });
  const make = listRowMaker(snapshot.related);
  const rowAt = make ? (k: number) => make(table.rowAt(order[k]!)) : (k: number) => table.rowAt(order[k]!) as InvoiceListRow;
  const slice = (from: number, to: number): InvoiceListRow[] => {
    const rows = table.rowsAt(order.subarray(from, Math.max(from, to)));
    return make ? rows.map(make) : (rows as InvoiceListRow[]);
  };
  // The customers, dates … every window of the list meets, found once for all of them (shared-values.ts).
  const shared = new SharedValues();
  return {
    length: order.length,
    order,
    statuses: statusesOf(snapshot),
    rowAt,
    copyRowAt: (k: number) => table.rowAt(order[k]!) as InvoiceListRow,
    related: snapshot.related,
    slice,
    columns: (from, to) => windowColumns(table, order.subarray(from, Math.max(from, to)), snapshot.related, shared) ?? encodeInvoiceColumns(slice(from, to)),
  };
});

/** The version a copy's list has when nothing earlier in this run compares with it (a start): what its first screen carries. */
export function coldVersion(snapshot: Snapshot, rows: number): string {
  return `${snapshot.syncedAt}/${rows}`;
}

/** The top of the snapshot's list and what the window's first answer says beside it: written beside the copy (first-screens.ts). */
export function firstScreenOf(snapshot: Snapshot): FirstScreen {
  const list = orderedRows(snapshot);
  return {
    rows: list.slice(0, Math.min(FIRST_LIST_WINDOW, list.length)),
    total: list.length,
    version: coldVersion(snapshot, list.length),
    syncedAt: snapshot.syncedAt,
    object: snapshot.object,
    payments: paymentFiguresState(snapshot.related),
    statuses: list.statuses,
  };
}

/** The status values the snapshot's invoices hold, each once (in the order they first come), once per snapshot. */
export const statusesOf = oncePerCopy((snapshot: Snapshot): string[] => distinctStatuses(rowTableOf(snapshot)));

function distinctStatuses(table: RowTable): string[] {
  const statuses = new Set<string>();
  for (let i = 0; i < table.length; i++) {
    const status = table.status(i);
    if (status !== null) statuses.add(status);
  }
  return [...statuses];
}
