import type { InvoiceRow } from '../../contract';
import { ChangeTally } from './row-diff';

/** The complete set of invoices of one connection as of one successful sync. */
export interface Snapshot {
  object: string;
  /** Identifies the mapping the rows were built with; a different one forces a full sync. */
  signature: string;
  /** ISO instant the sync finished. */
  syncedAt: string;
  /** Highest modification stamp seen (server clock, ms), the base of the next incremental sync. */
  watermark: number | null;
  rows: InvoiceRow[];
}

export interface Change {
  row: InvoiceRow;
  deleted: boolean;
}

/**
 * Applies an incremental batch (from queryAll: upserts and deletions) to the previous rows.
 * Rows keep their place; new ones are appended. The result has the same members as a full sync.
 */
export function mergeChanges(
  previous: readonly InvoiceRow[],
  changes: Iterable<Change>,
): { rows: InvoiceRow[]; changed: number; deleted: number; tally: ChangeTally } {
  const byId = new Map<string, InvoiceRow>();
  for (const row of previous) byId.set(row.id, row);
  let changed = 0;
  let deleted = 0;
  const tally = new ChangeTally();
  for (const change of changes) {
    if (change.deleted) {
      if (byId.delete(change.row.id)) {
        deleted++;
        tally.removed();
      }
    } else {
      tally.upserted(byId.get(change.row.id), change.row);
      byId.set(change.row.id, change.row);
      changed++;
    }
  }
  return { rows: [...byId.values()], changed, deleted, tally };
}
