import type { InvoiceListRow } from '../../../electron/contract';
import { invoiceNumberKeys, prefixedNumberKeys } from '../../../electron/contract/invoice-order';

/** By rows: the keys do not depend on the view's rules (a set prepared again reads the same). */
const byRows = new WeakMap<readonly InvoiceListRow[], Float64Array>();

/** The invoice numbers' sort keys of these rows (invoice-order.ts), made once per list. */
export function numberKeysOf(rows: readonly InvoiceListRow[]): Float64Array {
  let keys = byRows.get(rows);
  if (!keys) byRows.set(rows, (keys = invoiceNumberKeys(rows)));
  return keys;
}

/**
 * One window's keys on the fast path, after the list's prefix (its first number's: numberKeyPrefix) — null when a
 * number of the window is not of that shape, or the list has no prefix (then the list's keys are made whole, when first
 * asked). Made while the next window crosses (workspace/list-parts.ts).
 */
export function numberKeysPiece(rows: readonly InvoiceListRow[], prefix: string | undefined): Float64Array | null {
  return prefix === undefined ? null : prefixedNumberKeys(rows.length, (i) => rows[i]!.number, prefix);
}

/**
 * What numberKeysOf then answers for `rows`, from its windows' pieces in order (workspace/list-parts.ts checks the
 * rows): the fast path's keys are each number's own, so the list's are its windows' one after the other — when every
 * window had them (else nothing is kept: one number off the shape puts the whole list on the ranked path).
 */
export function joinNumberKeys(rows: readonly InvoiceListRow[], pieces: readonly (Float64Array | null)[]): void {
  const keys = new Float64Array(rows.length);
  let at = 0;
  for (const piece of pieces) {
    if (!piece) return;
    keys.set(piece, at);
    at += piece.length;
  }
  byRows.set(rows, keys);
}
