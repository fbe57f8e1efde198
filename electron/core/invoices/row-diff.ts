import { CHANGED_IDS_CAP, type InvoiceRow, type InvoicesChanged } from '../../contract';

/**
 * What a sync changed in the offline copy, as the user will see it: rows that are new, rows whose
 * values differ, rows that are gone. (The sync's own `changed` also counts records fetched again in
 * the incremental overlap that did not change.) Ids are listed only when there are few enough to
 * highlight. O(rows): about 20 ms at 100,000 rows.
 */
export function diffRows(connectionId: string, before: readonly InvoiceRow[], after: readonly InvoiceRow[]): InvoicesChanged {
  const previous = new Map<string, InvoiceRow>();
  for (const row of before) previous.set(row.id, row);
  let added = 0;
  let changed = 0;
  const ids: string[] = [];
  for (const row of after) {
    const old = previous.get(row.id);
    if (old === undefined) added++;
    else {
      previous.delete(row.id);
      if (sameRow(old, row)) continue;
      changed++;
    }
    if (ids.length < CHANGED_IDS_CAP) ids.push(row.id);
  }
  const deleted = previous.size;
  return { connectionId, added, changed, deleted, ...(added + changed <= CHANGED_IDS_CAP ? { changedIds: ids } : {}) };
}

function sameRow(a: InvoiceRow, b: InvoiceRow): boolean {
  for (const key of Object.keys(a) as (keyof InvoiceRow)[]) {
    if (a[key] !== b[key]) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}
