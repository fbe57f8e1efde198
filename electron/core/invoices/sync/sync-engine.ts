import type { SyncResult } from '../../../contract';
import type { SyncMapping } from '../mapping/mapping-service';
import { runQuery, type PagerOptions, type Requester } from './query-pager';
import { ChangeTally } from '../snapshot/row-diff';
import { modstampReader, rowMapper } from '../mapping/row-mapper';
import { columnWriter } from '../mapping/column-writer';
import { columnSnapshot, columnsOf, mergeChanges, rowCount, type Change, type Delta, type Snapshot, type SnapshotMeta } from '../snapshot/snapshot';
import { mergeIntoColumns } from '../snapshot/columns-fold';
import { rowTableOf } from '../snapshot/row-table';
import { ColumnChunkBuilder, EXTERNAL_TEXT_CHARS, RowColumns, type ColumnChunk } from '../snapshot/row-columns';
import { fullSyncQuery, incrementalQuery } from './soql';
import { changesSince, ReadSpan, spanOf, spanUnknown } from './overlap';
import { recordCount } from '../related/related-copy';
import { holdYoungGeneration } from './young-generation';
import { ROWS_PER_SEGMENT } from '../cache/cache-format';

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
  /** Where a full sync also hands each page's rows as they come (the new cache file is written while paging). */
  openBase?: () => BaseSink | null;
}

export interface BaseSink {
  /** One page's rows, as columns. */
  addChunk(chunk: ColumnChunk): void;
  /** The query starts over: forget the rows added so far. */
  restart(): void;
}

export interface SyncOutcome {
  snapshot: Snapshot;
  result: SyncResult;
  tally: ChangeTally;
  /** An incremental sync's net changes to the previous snapshot; null after a full sync. */
  delta: Delta | null;
}

/** `mergeChanges` over a copy made of row objects (a file written before the columns). */
function mergedRows(previous: Snapshot, meta: SnapshotMeta, changes: Iterable<Change>) {
  const { rows, ...merged } = mergeChanges(previous.rows, changes);
  return { snapshot: { ...meta, rows } as Snapshot, ...merged };
}

/**
 * A copy written before spans were kept whose invoices, or one of whose related objects, hold more than a page of
 * records (overlap.ts `spanUnknown`): its last sync may have been longer than the overlap, so the next one is full.
 */
export function copySpanUnknown(previous: Snapshot, pageSize?: number): boolean {
  return spanUnknown(previous.spanMs, rowCount(previous), pageSize) || (previous.related?.objects.some((o) => spanUnknown(o.spanMs, recordCount(o), pageSize)) ?? false);
}

/**
 * Whether an incremental refresh can give the same result as a full sync. `pageSize`: the records per page the app
 * asks (a copy without a span of more than a page syncs in full once: `copySpanUnknown`).
 */
export function canRunIncremental(previous: Snapshot | null, mapping: SyncMapping, now: number, pageSize?: number): previous is Snapshot & { watermark: number } {
  return (
    previous !== null &&
    previous.signature === mapping.signature &&
    previous.watermark !== null &&
    mapping.plan.modstamp !== null &&
    // The changes asked for reach back the previous sync's span too (overlap.ts): all of it within the recycle bin's days.
    now - Date.parse(previous.syncedAt) + (spanOf(previous.spanMs) ?? 0) < MAX_INCREMENTAL_AGE_MS &&
    !copySpanUnknown(previous, pageSize)
  );
}

/**
 * Fetches a complete new snapshot in memory (the file is written by the caller, or by the base sink
 * while paging). A full sync reads every record; an incremental one reads changes and deletions since
 * the last watermark (minus the overlap and the last sync's span, overlap.ts) through queryAll and applies their net effect to the
 * previous rows.
 */
export async function runSync(run: SyncRun): Promise<SyncOutcome> {
  const { mapping, previous } = run;
  const toRow = rowMapper(mapping.plan, mapping.defaultCurrency);
  const stampOf = modstampReader(mapping.plan);
  const syncedAt = () => new Date(run.now()).toISOString();

  if (run.requested === 'incremental' && canRunIncremental(previous, mapping, run.now(), run.pager.pageSize)) {
    let watermark = previous.watermark;
    let changes: Change[] = [];
    const span = new ReadSpan(run.now);
    const outcome = await runQuery(run.conn, incrementalQuery(mapping.plan, changesSince(previous.watermark, previous.spanMs)), 'queryAll', run.pager, {
      restart: () => {
        changes = [];
        span.restart();
      },
      page: (records, count, total) => {
        span.page();
        for (const record of records) {
          const stamp = stampOf(record);
          if (stamp !== null && stamp > watermark) watermark = stamp;
          changes.push({ row: toRow(record), deleted: record.IsDeleted === true });
        }
        run.onProgress(count, total);
      },
    });
    const at = syncedAt();
    const meta = { object: mapping.object, signature: mapping.signature, syncedAt: at, watermark, spanMs: span.ms() };
    // A copy made of columns stays columns (no row object per invoice); one made of rows (an older file) stays rows.
    const { snapshot, changed, deleted, tally, delta } = columnsOf(previous) ? mergeIntoColumns(previous, meta, changes) : mergedRows(previous, meta, changes);
    return {
      snapshot,
      result: { mode: 'incremental', fetched: outcome.fetched, total: rowCount(snapshot), changed, deleted, syncedAt: at },
      tally,
      delta,
    };
  }

  // Full: every record; the tally against the previous rows is kept page by page (no second pass at the end). Each
  // record is written straight into the page's columns (the snapshot and the new file are made of them): no row
  // object per invoice, but for the tally's few (ChangeTally.upsertedChunk).
  // The previous copy is looked up by id through its table (typed, over its columns): no row object per invoice.
  const before = previous && rowCount(previous) > 0 ? rowTableOf(previous) : null;
  const oldOf = before === null ? null : (id: string) => {
    const at = before.indexOfId(id);
    return at < 0 ? undefined : before.rowAt(at);
  };
  const write = columnWriter(mapping.plan, mapping.defaultCurrency);
  const base = run.openBase?.() ?? null;
  const builder = new ColumnChunkBuilder();
  let chunks: ColumnChunk[] = [];
  let watermark: number | null = null;
  let tally = new ChangeTally();
  let kept = 0;
  const span = new ReadSpan(run.now);
  // Latin-1 rows are gathered over pages into a chunk of a segment's rows (the copy's segments come out as before) and
  // text enough to be kept outside V8's heap (EXTERNAL_TEXT_CHARS: the young generation no longer grows on the kept text;
  // BENCHMARKS.md, session 29). Text with a character past U+00FF is on the heap whatever its length: a chunk a page, as
  // before (a rope over pages would keep every cell's string alive until it is flattened).
  const chunkDue = () => !builder.allLatin1 || (builder.rows >= ROWS_PER_SEGMENT && builder.textLength >= EXTERNAL_TEXT_CHARS);
  const takeChunk = () => {
    const chunk = builder.chunk();
    if (!chunk) return;
    kept += tally.upsertedChunk(chunk, oldOf);
    chunks.push(chunk);
    base?.addChunk(chunk);
  };
  const release = holdYoungGeneration();
  const outcome = await runQuery(run.conn, fullSyncQuery(mapping.plan), 'query', run.pager, {
    restart: () => {
      span.restart();
      chunks = [];
      builder.chunk();
      watermark = null;
      tally = new ChangeTally();
      kept = 0;
      base?.restart();
    },
    page: (records, count, total) => {
      span.page();
      for (let i = 0; i < records.length; i++) {
        const record = records[i]!;
        const stamp = stampOf(record);
        if (stamp !== null && (watermark === null || stamp > watermark)) watermark = stamp;
        write(record, builder);
      }
      if (chunkDue()) takeChunk();
      run.onProgress(count, total);
    },
  }).finally(release);
  takeChunk();
  const columns = new RowColumns(chunks);
  const at = syncedAt();
  const snapshot = columnSnapshot({ object: mapping.object, signature: mapping.signature, syncedAt: at, watermark, spanMs: span.ms() }, columns);
  // Gone since the last copy (deleted in Salesforce): named in the change log as they were.
  if (before !== null && before.length > kept) {
    const now = rowTableOf(snapshot);
    for (let i = 0; i < before.length; i++) if (now.indexOfId(before.id(i)) < 0) tally.removed(before.rowAt(i));
  }
  return {
    snapshot,
    result: { mode: 'full', fetched: outcome.fetched, total: columns.length, changed: columns.length, deleted: 0, syncedAt: at },
    tally,
    delta: null,
  };
}
