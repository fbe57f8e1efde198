import type { InvoiceRow, SyncResult } from '../../contract';
import type { SyncMapping } from './mapping-service';
import { runQuery, type PagerOptions, type Requester } from './query-pager';
import { diffRows, type ChangeTally } from './row-diff';
import { modstampOf, toInvoiceRow, type SalesforceRecord } from './row-mapper';
import { mergeChanges, type Change, type Snapshot } from './snapshot';
import { fullSyncQuery, incrementalQuery } from './soql';

/** Records changed within this window before the last watermark are fetched again (clock skew, in-flight commits). */
export const OVERLAP_MS = 5 * 60_000;
/** Salesforce empties the recycle bin after 15 days; past that, deletions can no longer be seen, so sync in full. */
export const MAX_INCREMENTAL_AGE_MS = 14 * 24 * 3_600_000;

export interface SyncRun {
  conn: Requester;
  mapping: SyncMapping;
  previous: Snapshot | null;
  requested: 'full' | 'incremental';
  pager: PagerOptions;
  now: () => number;
  onProgress: (fetched: number, total: number) => void;
}

/** Whether an incremental refresh can give the same result as a full sync. */
export function canRunIncremental(previous: Snapshot | null, mapping: SyncMapping, now: number): previous is Snapshot & { watermark: number } {
  return (
    previous !== null &&
    previous.signature === mapping.signature &&
    previous.watermark !== null &&
    mapping.plan.modstamp !== null &&
    now - Date.parse(previous.syncedAt) < MAX_INCREMENTAL_AGE_MS
  );
}

/**
 * Fetches a complete new snapshot in memory (nothing is written here). A full sync reads every
 * record; an incremental one reads changes and deletions since the last watermark (minus the
 * overlap) through queryAll and merges them into the previous rows.
 */
export async function runSync(run: SyncRun): Promise<{ snapshot: Snapshot; result: SyncResult; tally: ChangeTally }> {
  const { mapping, previous } = run;
  const incremental = run.requested === 'incremental' && canRunIncremental(previous, mapping, run.now());
  let watermark = incremental ? previous!.watermark : null;
  const seen = (record: SalesforceRecord) => {
    const stamp = modstampOf(record, mapping.plan);
    if (stamp !== null && (watermark === null || stamp > watermark)) watermark = stamp;
  };

  let rows: InvoiceRow[];
  let fetched: number;
  let changed: number;
  let deleted = 0;
  let tally: ChangeTally;
  if (incremental) {
    let changes: Change[] = [];
    const since = previous!.watermark! - OVERLAP_MS;
    const outcome = await runQuery(run.conn, incrementalQuery(mapping.plan, since), 'queryAll', run.pager, {
      restart: () => (changes = []),
      page: (records, count, total) => {
        for (const record of records) {
          seen(record);
          changes.push({ row: toInvoiceRow(record, mapping.plan, mapping.defaultCurrency), deleted: record.IsDeleted === true });
        }
        run.onProgress(count, total);
      },
    });
    const merged = mergeChanges(previous!.rows, changes);
    ({ rows, changed, deleted, tally } = merged);
    fetched = outcome.fetched;
  } else {
    rows = [];
    watermark = null;
    const outcome = await runQuery(run.conn, fullSyncQuery(mapping.plan), 'query', run.pager, {
      restart: () => {
        rows = [];
        watermark = null;
      },
      page: (records, count, total) => {
        for (const record of records) {
          seen(record);
          rows.push(toInvoiceRow(record, mapping.plan, mapping.defaultCurrency));
        }
        run.onProgress(count, total);
      },
    });
    fetched = outcome.fetched;
    changed = rows.length;
    tally = diffRows(previous?.rows ?? [], rows);
  }
  const syncedAt = new Date(run.now()).toISOString();
  return {
    snapshot: { object: mapping.object, signature: mapping.signature, syncedAt, watermark, rows },
    result: { mode: incremental ? 'incremental' : 'full', fetched, total: rows.length, changed, deleted, syncedAt },
    tally,
  };
}
