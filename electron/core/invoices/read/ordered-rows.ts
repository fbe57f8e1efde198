import type { InvoiceListRow, InvoiceRow } from '../../../contract';
import { FIRST_LIST_WINDOW } from '../../../contract/list-window';
import { defaultInvoiceOrder } from '../../../contract/invoice-order';
import type { FirstScreen } from '../cache/first-screen-file';
import type { Snapshot } from '../snapshot/snapshot';
import { listRowsOf, paymentFiguresState } from './payment-figures';

const ordered = new WeakMap<Snapshot, { rows: InvoiceListRow[]; statuses: string[] }>();

/**
 * The snapshot's rows with their payment figures in the workspace's default order, and the distinct status values of
 * the whole copy; once per snapshot (~60–100 ms at 100k), shared by `invoices.list` and the copy's first screen.
 */
export function orderedRows(snapshot: Snapshot): { rows: InvoiceListRow[]; statuses: string[] } {
  let entry = ordered.get(snapshot);
  if (!entry) {
    const figured = listRowsOf(snapshot);
    const order = defaultInvoiceOrder(figured);
    const rows = new Array<InvoiceListRow>(order.length);
    for (let k = 0; k < order.length; k++) rows[k] = figured[order[k]!]!;
    entry = { rows, statuses: distinctStatuses(figured) };
    ordered.set(snapshot, entry);
  }
  return entry;
}

/** The version a copy's list has when nothing earlier in this run compares with it (a start): what its first screen carries. */
export function coldVersion(snapshot: Snapshot, rows: number): string {
  return `${snapshot.syncedAt}/${rows}`;
}

/** The top of the snapshot's list and what the window's first answer says beside it: written beside the copy (first-screens.ts). */
export function firstScreenOf(snapshot: Snapshot): FirstScreen {
  const { rows, statuses } = orderedRows(snapshot);
  return {
    rows: rows.slice(0, FIRST_LIST_WINDOW),
    total: rows.length,
    version: coldVersion(snapshot, rows.length),
    syncedAt: snapshot.syncedAt,
    object: snapshot.object,
    payments: paymentFiguresState(snapshot.related),
    statuses,
  };
}

/** The status values the rows hold, each once. */
export function distinctStatuses(rows: readonly InvoiceRow[]): string[] {
  const statuses = new Set<string>();
  for (const row of rows) if (row.status !== null) statuses.add(row.status);
  return [...statuses];
}
