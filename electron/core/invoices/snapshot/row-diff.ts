import { CHANGED_IDS_CAP, invoiceFieldKeys, type InvoiceRow, type InvoicesChanged } from '../../../contract';

/**
 * What a sync changed in the offline copy, as the user will see it: rows that are new, rows whose
 * values differ, rows that are gone. (The sync's own `changed` also counts records fetched again in
 * the incremental overlap that did not change.) Ids are listed only when few enough to highlight.
 */
export class ChangeTally {
  added = 0;
  changed = 0;
  deleted = 0;
  private readonly ids: string[] = [];

  /** `row` is now in the copy; `old` is what was there under its id. */
  upserted(old: InvoiceRow | undefined, row: InvoiceRow): void {
    if (old === undefined) this.added++;
    else if (old === row || sameRow(old, row)) return;
    else this.changed++;
    if (this.ids.length < CHANGED_IDS_CAP) this.ids.push(row.id);
  }

  removed(count = 1): void {
    this.deleted += count;
  }

  toEvent(connectionId: string): InvoicesChanged {
    const { added, changed, deleted } = this;
    return { connectionId, added, changed, deleted, ...(added + changed <= CHANGED_IDS_CAP ? { changedIds: [...this.ids] } : {}) };
  }
}

export function sameRow(a: InvoiceRow, b: InvoiceRow): boolean {
  for (const key of invoiceFieldKeys) {
    if (a[key] !== b[key]) return false;
  }
  return true;
}
