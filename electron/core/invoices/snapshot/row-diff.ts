import { chunkId, chunkRow, type ColumnChunk } from './row-columns';
import { CHANGED_IDS_CAP, invoiceFieldKeys, type ChangeLogEntry, type InvoiceFieldKey, type InvoiceRow, type InvoicesChanged, type SyncChangeLog } from '../../../contract';

/** A row as the change log names it; for a changed row, the fields that differ (Last modified left out: it always does). */
function entryOf(row: InvoiceRow, old?: InvoiceRow): ChangeLogEntry {
  const entry: ChangeLogEntry = { id: row.id, number: row.number, customer: row.customer, total: row.total, balance: row.balance, currency: row.currency };
  if (old) entry.fields = invoiceFieldKeys.filter((key): key is InvoiceFieldKey => key !== 'lastModified' && old[key] !== row[key]);
  return entry;
}

/**
 * What a sync changed in the offline copy, as the user will see it: rows that are new, rows whose
 * values differ, rows that are gone. (The sync's own `changed` also counts records fetched again in
 * the incremental overlap that did not change.) Ids are listed only when few enough to highlight;
 * the change log keeps the first CHANGED_IDS_CAP invoices of each kind (a deleted one as it was).
 */
export class ChangeTally {
  added = 0;
  changed = 0;
  deleted = 0;
  private readonly ids: string[] = [];
  private readonly entries: SyncChangeLog['entries'] = { added: [], changed: [], deleted: [] };

  /** `row` is now in the copy; `old` is what was there under its id. */
  upserted(old: InvoiceRow | undefined, row: InvoiceRow): void {
    if (old === undefined) {
      this.added++;
      if (this.entries.added.length < CHANGED_IDS_CAP) this.entries.added.push(entryOf(row));
    } else if (old === row || sameRow(old, row)) return;
    else {
      this.changedRow(row, () => old);
      return;
    }
    if (this.ids.length < CHANGED_IDS_CAP) this.ids.push(row.id);
  }

  /**
   * `row` replaced a different row under its id; `oldOf()` is that row, made only when the log names it (the first
   * CHANGED_IDS_CAP changed invoices): an incremental sync over columns compares the cells in place and makes no row for
   * the others (columns-changes.ts).
   */
  changedRow(row: InvoiceRow, oldOf: () => InvoiceRow): void {
    this.changed++;
    if (this.entries.changed.length < CHANGED_IDS_CAP) this.entries.changed.push(entryOf(row, oldOf()));
    if (this.ids.length < CHANGED_IDS_CAP) this.ids.push(row.id);
  }

  /**
   * Every row of a chunk (a full sync's page) is now in the copy; `oldOf(id)` is what was there under its id. A row
   * object is made only when needed (compared with an old one, or named in the log): a first sync makes 500, not one
   * per invoice. Returns how many of the rows were there before.
   */
  upsertedChunk(chunk: ColumnChunk, oldOf: ((id: string) => InvoiceRow | undefined) | null): number {
    let kept = 0;
    for (let row = 0; row < chunk.rows; row++) {
      const old = oldOf === null ? undefined : oldOf(chunkId(chunk, row));
      if (old !== undefined) kept++;
      else if (this.entries.added.length >= CHANGED_IDS_CAP && this.ids.length >= CHANGED_IDS_CAP) {
        this.added++;
        continue;
      }
      this.upserted(old, chunkRow(chunk, row));
    }
    return kept;
  }

  /** `old` left the copy (deleted in Salesforce). */
  removed(old: InvoiceRow): void {
    this.deleted++;
    if (this.entries.deleted.length < CHANGED_IDS_CAP) this.entries.deleted.push(entryOf(old));
  }

  /** `first`: the connection had no copy before this sync. */
  toEvent(connectionId: string, first = false): InvoicesChanged {
    const { added, changed, deleted } = this;
    // A first copy highlights nothing: every row would flash.
    const ids = !first && added + changed <= CHANGED_IDS_CAP ? { changedIds: [...this.ids] } : {};
    return { connectionId, added, changed, deleted, ...ids, ...(first ? { first } : {}) };
  }

  toLog(syncedAt: string, first: boolean): SyncChangeLog {
    const { added, changed, deleted } = this;
    // A first copy lists no invoices: all of them were loaded, none is news.
    const entries = first ? { added: [], changed: [], deleted: [] } : this.entries;
    return { syncedAt, first, added, changed, deleted, entries };
  }
}

export function sameRow(a: InvoiceRow, b: InvoiceRow): boolean {
  for (const key of invoiceFieldKeys) {
    if (a[key] !== b[key]) return false;
  }
  // Another account of the same name is another customer.
  return a.customerId === b.customerId;
}
