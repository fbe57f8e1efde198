import { modstampReader, readPath, type SalesforceRecord } from '../mapping/row-mapper';
import { runQuery, type PagerOptions, type Requester } from '../sync/query-pager';
import { selectList, soqlDateTime } from '../sync/soql';
import { applyObjectDelta, changedRecords, lazyRecords, relatedCopyOf, type RelatedCopy, type RelatedDelta, type RelatedObjectCopy, type RelatedObjectDelta, type RelatedRecord, type RelatedValue } from './related-copy';
import type { RelatedObjectPlan, RelatedPlan } from './related-plan';
import { startBulkJob, type BulkQueryOptions, type StartedBulkJob } from './bulk-query';
import { csvPartHead, type CsvParts, type CsvReading } from './related-csv';
import { CsvTable } from './related-csv-table';
import { changesSince, ReadSpan } from '../sync/overlap';

/**
 * Related queries open at once (besides the invoices' own): Salesforce keeps several query cursors open per user
 * (10 at a time before it closes the oldest), and serves them in parallel; two more beside the invoices keep the org busy
 * while the app maps and stores pages, without holding many cursors of one sync.
 */
export const RELATED_QUERIES_AT_ONCE = 2;

/**
 * Related queries open at once in an incremental sync: its queries are small (the changes since the watermark, most of
 * them one page, which holds no cursor), so waiting for one before asking the next only adds round trips — the org
 * works on them while the app reads the others' answers. Seven: every object of a Revenue Cloud plan (five and the two
 * rate objects) asked with the invoices' query, none waiting for another's answer (four at a time left three for a
 * second round trip after the first answers: 3–35 ms of an incremental's wall at 100k, BENCHMARKS, session 29); a
 * Billing plan's ten go seven at a time. A cursor stays open only while a query has pages left to read, so a sync holds
 * at most eight of Salesforce's ten a user (the oldest is released beyond: the pager starts that query again), and eight
 * only when seven objects and the invoices each have more than a page of changes.
 */
export const RELATED_INCREMENTAL_QUERIES_AT_ONCE = 7;

/**
 * From how many records a full sync fetches an object through a Bulk API 2.0 query job (CSV: ~170 bytes a record
 * against ~450 of REST JSON, no `attributes`, no nested objects; BENCHMARKS "session 12"). Below it, a job's
 * round trips (create, poll, results) cost more than the pages they save. Incremental syncs always use REST.
 * 10,000 since session 19 (was 20,000): at 100k invoices CreditMemo and CreditMemoInvApplication (12,221 records each) come
 * as CSV parts too — kept as columns, written to the file as they came — not as ~24k records parsed from JSON pages.
 */
export const BULK_MIN_RECORDS = 10_000;

/** The sync's paging options, and from how many records a full query goes through Bulk API 2.0 (Infinity: never). */
export interface RelatedSyncOptions extends PagerOptions, Pick<BulkQueryOptions, 'partRecords' | 'pollDelaysMs' | 'jobs'> {
  bulkMinRecords?: number;
  /** The app's clock, for each query's span (sync/overlap.ts; default Date.now). */
  now?: () => number;
}

/** A function from a Salesforce record to the record the copy keeps, the plan's paths resolved once. */
function recordMapper(plan: RelatedObjectPlan): (record: SalesforceRecord) => RelatedRecord {
  const keys = Object.keys(plan.paths);
  const paths = keys.map((key) => plan.paths[key]!);
  const nested = paths.map((path) => path.includes('.'));
  return (record) => {
    const out: RelatedRecord = { id: String(record.Id) };
    for (let i = 0; i < keys.length; i++) {
      const value = nested[i] ? readPath(record, paths[i]!) : (record[paths[i]!] ?? null);
      out[keys[i]!] = value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? (value as RelatedValue) : null;
    }
    return out;
  };
}

/**
 * Where a full sync hands each related object as soon as its query is complete (the new file, written meanwhile); an
 * object fetched through Bulk API 2.0 comes with its CSV parts as Salesforce sent them, which the file keeps as they are.
 */
export interface RelatedSink {
  object(change: RelatedObjectDelta, csv?: CsvParts): void;
  /** A Bulk object's part as it comes (the last of `csv`'s), before its object is complete: the same `csv` at `object`. */
  part?(object: Pick<RelatedObjectDelta, 'role' | 'object'>, csv: CsvParts): void;
}

/**
 * Syncs every related object of the plan under the invoices' rules: a full query (every record) or, when the
 * previous copy of that object has the same signature and a watermark, queryAll of the changes since it (minus the
 * overlap and the span of the query that set it, sync/overlap.ts) with IsDeleted. Up to RELATED_QUERIES_AT_ONCE queries run at a time in a full sync,
 * RELATED_INCREMENTAL_QUERIES_AT_ONCE in an incremental one (beside the invoices' query, which the caller runs meanwhile).
 * Each object's change is merged into its records as soon as its query is complete, while the others still fetch: `copy`
 * is `applyRelatedDelta(previous, delta)`, made along the way. Any failure stops the others and throws: the caller keeps
 * the previous copy, invoices and related records alike.
 */
export async function syncRelated(
  conn: Requester,
  plan: RelatedPlan,
  previous: RelatedCopy | null,
  incremental: boolean,
  pager: RelatedSyncOptions,
  sink?: RelatedSink,
): Promise<{ delta: RelatedDelta; copy: RelatedCopy; fetched: number }> {
  const objects = new Array<RelatedObjectDelta>(plan.objects.length);
  const merged = new Array<RelatedObjectCopy>(plan.objects.length);
  let fetched = 0;
  const stop = new AbortController();
  const shared = { ...pager, signal: AbortSignal.any([pager.signal, stop.signal]) };
  let failure: { error: unknown } | null = null;
  const fail = (error: unknown) => {
    // The first failure is the one reported; the queries still running stop (their cancellation is not the news).
    failure ??= { error };
    stop.abort();
  };
  // A full sync starts every object's way in at once — its count, and a large one's Bulk job, created and looked at until
  // Salesforce has finished it — before reading any: the jobs run at Salesforce meanwhile (in parallel there, seconds each),
  // not one after another behind the parts read before them. The objects are then read, RELATED_QUERIES_AT_ONCE at a time, in
  // the order their ways are ready: the small REST queries while the jobs still run, each job's parts as soon as a reader is
  // free. An incremental sync reads its objects in the plan's order, each way found when it is read (most are changes, REST).
  const ways = incremental ? null : plan.objects.map((object) => (object.whole ? Promise.resolve(null) : fullQueryWay(conn, object, shared)));
  const ready = new ReadyQueue(plan.objects.length, ways, fail);
  // The jobs read, being deleted: waited for before the answer (none left behind), not each before the next object.
  const closings: Promise<void>[] = [];
  const worker = async () => {
    for (let at = await ready.next(); at !== null && !failure; at = await ready.next()) {
      try {
        const { change, count, csv } = await syncObject(conn, plan.objects[at]!, previous, incremental, shared, { way: ways?.[at], sink, closings });
        objects[at] = change;
        merged[at] = applyObjectDelta(previous, change);
        fetched += count;
        if (change.replace) sink?.object(change, csv);
      } catch (error) {
        fail(error);
      }
    }
  };
  const atOnce = incremental ? RELATED_INCREMENTAL_QUERIES_AT_ONCE : RELATED_QUERIES_AT_ONCE;
  try {
    await Promise.all(Array.from({ length: Math.min(atOnce, plan.objects.length) }, worker));
  } finally {
    // A job started ahead and never read (a failure, a cancel) is deleted at Salesforce; one read was deleted after its parts.
    for (const way of ways ?? []) void way.then((bulk) => bulk?.job.close(), () => undefined);
  }
  if (failure) throw (failure as { error: unknown }).error;
  await Promise.all(closings);
  const delta: RelatedDelta = { objects, warnings: plan.warnings, none: plan.none, ...(plan.ratesUnreadable ? { ratesUnreadable: true } : {}) };
  return { delta, copy: relatedCopyOf(merged, delta), fetched };
}

async function syncObject(
  conn: Requester,
  object: RelatedObjectPlan,
  previous: RelatedCopy | null,
  incremental: boolean,
  pager: RelatedSyncOptions,
  bulk: { way?: Promise<BulkWay | null>; sink?: RelatedSink; closings: Promise<void>[] },
): Promise<{ change: RelatedObjectDelta; count: number; csv?: CsvParts }> {
  const before = previous?.objects.find((o) => o.role === object.role && o.object === object.object && o.signature === object.signature);
  const since = incremental && !object.whole && before && before.watermark !== null && object.modstamp ? changesSince(before.watermark, before.spanMs) : null;
  const fields = selectList({ object: object.object, paths: object.paths as never, modstamp: object.modstamp }, since === null ? [] : ['IsDeleted']);
  const soql = `SELECT ${fields.join(', ')} FROM ${object.object}${since === null ? '' : ` WHERE ${object.modstamp} > ${soqlDateTime(since)}`}`;
  if (since === null && !object.whole) {
    const way = await (bulk.way ?? fullQueryWay(conn, object, pager));
    if (way) return readBulk(object, way, bulk);
  }
  const toRecord = recordMapper(object);
  const stampOf = modstampReader({ object: object.object, paths: {}, modstamp: object.modstamp });
  let upserts: RelatedRecord[] = [];
  let deleted: string[] = [];
  let watermark = since === null ? null : before!.watermark;
  const span = new ReadSpan(pager.now ?? Date.now);
  const outcome = await runQuery(conn, soql, since === null ? 'query' : 'queryAll', pager, {
    restart: () => {
      span.restart();
      upserts = [];
      deleted = [];
      watermark = since === null ? null : before!.watermark;
    },
    page: (records) => {
      span.page();
      for (const record of records) {
        const stamp = stampOf(record);
        if (stamp !== null && (watermark === null || stamp > watermark)) watermark = stamp;
        if (record.IsDeleted === true) deleted.push(String(record.Id));
        else upserts.push(toRecord(record));
      }
    },
  });
  // What the overlap fetched again as the copy has it changes nothing (related-copy.ts changedRecords): left out of the change.
  const changed = since === null ? { upserts, deleted } : changedRecords(before, upserts, deleted);
  const change = { role: object.role, object: object.object, signature: object.signature, watermark, spanMs: span.ms(), replace: since === null, ...changed };
  return { change, count: outcome.fetched };
}

/** A large object's full query as a Bulk API 2.0 job, complete at Salesforce, its parts not read yet. */
interface BulkWay {
  job: StartedBulkJob;
  reading: CsvReading;
  /** From before the job was created: a job reads its records while it runs, whatever the number of parts it hands back. */
  span: ReadSpan;
}

/**
 * How a full query of `object` is fetched: through a Bulk API 2.0 job when the object holds at least the threshold's records
 * (counted first) and the org has Bulk API 2.0 for this user — the job created and looked at until complete — else null
 * (REST pages).
 */
async function fullQueryWay(conn: Requester, object: RelatedObjectPlan, pager: RelatedSyncOptions): Promise<BulkWay | null> {
  const threshold = pager.bulkMinRecords ?? BULK_MIN_RECORDS;
  if (!Number.isFinite(threshold)) return null;
  if (threshold > 1) {
    const { totalSize } = await runQuery(conn, `SELECT COUNT() FROM ${object.object}`, 'query', pager, { restart: () => undefined, page: () => undefined });
    if (totalSize < threshold) return null;
  }
  const fields = selectList({ object: object.object, paths: object.paths as never, modstamp: object.modstamp }, []);
  const reading: CsvReading = { object: object.object, paths: object.paths, modstamp: object.modstamp, ...(object.cells ? { cells: object.cells } : {}) };
  const span = new ReadSpan(pager.now ?? Date.now, false);
  // Each part comes in one buffer behind the line the file keeps in front of it: the file has it with no copy.
  const job = await startBulkJob(conn, `SELECT ${fields.join(', ')} FROM ${object.object}`, object.object, { ...pager, partPrefix: csvPartHead(object, reading) });
  return job && { job, reading, span };
}

/** A Bulk job's parts mapped into the same records as REST's pages. */
async function readBulk(object: RelatedObjectPlan, { job, reading, span }: BulkWay, { sink, closings }: { sink?: RelatedSink; closings: Promise<void>[] }): Promise<{ change: RelatedObjectDelta; count: number; csv: CsvParts }> {
  const table = new CsvTable(reading);
  const payloads: (Buffer | null)[] = [];
  const csv: CsvParts = { reading, parts: table.bytes, payloads };
  let watermark: number | null = null;
  await job.read((bytes, whole, declared) => {
    // Checked and placed as columns now, over the bytes as they came (related-csv-table.ts CsvTable): no text of the part, no
    // record object until a reader asks for one.
    const part = table.add(bytes, declared);
    if (part.count > 0) {
      payloads.push(whole);
      sink?.part?.(object, csv);
    }
    if (part.watermark !== null && (watermark === null || part.watermark > watermark)) watermark = part.watermark;
    return part.count;
  });
  closings.push(job.closed());
  const change = lazyRecords<RelatedObjectDelta>(
    { role: object.role, object: object.object, signature: object.signature, watermark, spanMs: span.ms(), replace: true, upserts: [], deleted: [] },
    'upserts', table.length, () => table.records(), table,
  );
  return { change, count: table.length, csv };
}

/**
 * Object indexes handed to the readers as their ways are ready (`ways`; all at once without them), the plan's order among the ready; a
 * way that fails is the sync's failure (`fail`), and the readers stop. `next` resolves with null once every object is handed
 * out (or the readers are to stop).
 */
class ReadyQueue {
  private readonly ready: number[] = [];
  private handed = 0;
  private stopped = false;
  private waiting: (() => void)[] = [];

  constructor(
    private readonly count: number,
    ways: readonly Promise<unknown>[] | null,
    fail: (error: unknown) => void,
  ) {
    if (!ways) for (let at = 0; at < count; at++) this.ready.push(at);
    else ways.forEach((way, at) => void way.then(() => this.add(at), (error: unknown) => {
      fail(error);
      this.stopped = true;
      this.wake();
    }));
  }

  async next(): Promise<number | null> {
    while (!this.stopped && this.handed < this.count) {
      if (this.ready.length > 0) {
        this.handed++;
        // Of those ready, the first in the plan's order: the large objects (planned first) before the small ones that
        // finish the sync, as the plan's order had it.
        const first = this.ready.indexOf(Math.min(...this.ready));
        return this.ready.splice(first, 1)[0]!;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    return null;
  }

  private add(at: number): void {
    this.ready.push(at);
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
