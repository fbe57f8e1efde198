import type { PreparedInvoices } from './prepared';

/**
 * Whether the prepared rows already stand in the workspace's default order — invoice date newest first, invoices
 * without a date last, ties by the invoice number's sort key, then by id (electron/contract/invoice-order.ts) — as the
 * core sends them. Sorting such a list in that order only finds the order it came in: the tie-break ranks alone (a
 * comparator sort of every row) were ~27 of the default order's 54 ms in the first complete render at 100,000 invoices
 * (issue #19, load19's page profile). One pass over neighbours, once per prepared set; any pair out of place says no
 * (All connections' combined list, a list put together otherwise), and the list is sorted as before.
 */
export function arrivedInDefaultOrder(prepared: PreparedInvoices, numberKey: () => Float64Array): boolean {
  let known = checked.get(prepared);
  if (known === undefined) checked.set(prepared, (known = neighboursInOrder(prepared, numberKey)));
  return known;
}

const checked = new WeakMap<PreparedInvoices, boolean>();

function neighboursInOrder({ rows, invoiceDay: day }: PreparedInvoices, numberKey: () => Float64Array): boolean {
  const n = rows.length;
  if (day.length !== n) return false;
  let key: Float64Array | null = null;
  for (let i = 1; i < n; i++) {
    const a = day[i - 1]!;
    const b = day[i]!;
    const dated = a === a;
    if (dated !== (b === b)) {
      // A dated invoice before one without a date is in order; the other way round is not.
      if (dated) continue;
      return false;
    }
    // Newer first (−0 and 0 are one day, as the ranks have them).
    if (dated && a !== b) {
      if (a < b) return false;
      continue;
    }
    // The same day, or neither dated: the invoice number's key, then the id.
    key ??= numberKey();
    const x = key[i - 1]!;
    const y = key[i]!;
    if (x !== y) {
      if (x > y) return false;
      continue;
    }
    if (rows[i - 1]!.id > rows[i]!.id) return false;
  }
  return true;
}

/** The rows as they stand: 0 … n − 1. */
export function arrivalOrder(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}
