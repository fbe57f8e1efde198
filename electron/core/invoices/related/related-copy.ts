import type { RelatedRole } from './related-specs';
import { spanOf } from '../sync/overlap';
import { IdIndex, MergedTable } from './related-merged-table';
import type { RecordTable, RelatedRecord, RelatedValue } from './related-record';

export type { RecordTable, RelatedRecord, RelatedValue };

interface ObjectMeta {
  role: RelatedRole;
  object: string;
  signature: string;
  /** Highest SystemModstamp seen (ms), the base of the next incremental sync of this object. */
  watermark: number | null;
  /** How long the query that set the watermark was being read (ms; sync/overlap.ts); absent in copies written before. */
  spanMs?: number;
}

export interface RelatedObjectCopy extends ObjectMeta {
  records: RelatedRecord[];
}

/** Everything synced with the invoices besides them, as of one sync. */
export interface RelatedCopy {
  objects: RelatedObjectCopy[];
  warnings: string[];
  /** Why nothing is synced with these invoices, or null. */
  none: string | null;
  /** A multi-currency org whose currencies the user cannot read (absent in older files: false). */
  ratesUnreadable?: boolean;
}

/** One object's change in a sync: its whole new set (`replace`) or the records upserted and deleted. */
export interface RelatedObjectDelta extends ObjectMeta {
  replace: boolean;
  upserts: RelatedRecord[];
  deleted: string[];
}

/** What a sync changed in the related copy: every object the sync's plan has (objects left out are dropped). */
export interface RelatedDelta {
  objects: RelatedObjectDelta[];
  warnings: string[];
  none: string | null;
  ratesUnreadable?: boolean;
}

/**
 * Records not read yet (a Bulk object's CSV parts, in the sync or in the file): how many, how to read them, and once read
 * the records themselves. Shared by a change and the copy made of it, so the parts are read once, whoever asks first.
 */
interface Deferred {
  count: number;
  read: () => RelatedRecord[];
  records: RelatedRecord[] | null;
  /** The same records as columns, cell by cell (a Bulk object's CSV parts: related-csv-table.ts CsvTable). */
  table?: RecordTable;
}

const deferredOf = new WeakMap<object, Deferred>();

function defer<T extends object>(target: T, key: 'records' | 'upserts', deferred: Deferred): T {
  deferredOf.set(target, deferred);
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (deferred.records === null) {
        const records = deferred.read();
        if (records.length !== deferred.count) throw new Error(`${records.length} related records read, ${deferred.count} counted`);
        deferred.records = records;
      }
      return deferred.records;
    },
    set: (value: RelatedRecord[]) => {
      deferredOf.delete(target);
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    },
  });
  return target;
}

/**
 * `target[key]` as `count` records that `read` gives when a reader first asks (then kept): a full sync with payments
 * keeps the Bulk objects' ~300k records as the CSV parts they came in until something reads them (BENCHMARKS, session 18).
 */
export function lazyRecords<T extends object>(target: T, key: 'records' | 'upserts', count: number, read: () => RelatedRecord[], table?: RecordTable): T {
  return defer(target, key, { count, read, records: null, ...(table ? { table } : {}) });
}

/** The records of an object as columns, when it has them (a Bulk object's parts, in the sync or the file), else null. */
export function tableOf(target: RelatedObjectCopy): RecordTable | null {
  return deferredOf.get(target)?.table ?? null;
}

/**
 * An object's records read cell by cell (the readers of the whole copy: unapplied cash, the customer view, statements): from its
 * columns when it has them — no record object made, and the ~300k records of a sync with payments are not read back from the
 * CSV parts — else from its records. `reader(key)` gives what `record[key]` holds (null for a key it does not have).
 */
export interface RecordCells {
  readonly length: number;
  id(row: number): string;
  reader(key: string): (row: number) => RelatedValue;
  /** One whole record (a table's made afresh: a reader keeping it keeps its own). */
  record(row: number): RelatedRecord;
}

export function cellsOf(object: RelatedObjectCopy): RecordCells {
  const deferred = deferredOf.get(object);
  const table = deferred?.table;
  // Records already read (a reader asked for them) are as cheap to walk as the columns: the columns only while unread.
  if (table && deferred.records === null) {
    return {
      length: table.length,
      id: (row) => table.id(row),
      reader: (key) => {
        const column = table.column(key);
        return (row) => table.value(row, column);
      },
      record: (row) => table.record(row),
    };
  }
  const records = object.records;
  return {
    length: records.length,
    id: (row) => records[row]!.id,
    reader: (key) => (row) => records[row]![key] ?? null,
    record: (row) => records[row]!,
  };
}

/** How many records `target[key]` holds, without reading records not read yet. */
export function recordCount(target: RelatedObjectCopy): number {
  const deferred = deferredOf.get(target);
  return deferred ? deferred.count : target.records.length;
}

/** What stands for the records of a change or a copy (the same for a change and the copy made of it), without reading them. */
export function recordsIdentity(target: { records: readonly RelatedRecord[] } | { upserts: readonly RelatedRecord[] }): object {
  return deferredOf.get(target) ?? ('records' in target ? target.records : target.upserts);
}

/**
 * Whether two copies hold the very same records: the same objects in the same order, each sharing its records with the
 * other's (an object an incremental sync did not change keeps them: `applyObjectDelta`) or equal, and the same notes. What is read
 * from a copy (payment figures, the ledger) is then the same for both, without reading a record. False says nothing.
 */
export function sameRelatedRecords(a: RelatedCopy | null | undefined, b: RelatedCopy | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a.none !== b.none || Boolean(a.ratesUnreadable) !== Boolean(b.ratesUnreadable)) return false;
  if (a.warnings.length !== b.warnings.length || a.warnings.some((warning, i) => warning !== b.warnings[i])) return false;
  if (a.objects.length !== b.objects.length) return false;
  return a.objects.every((object, i) => {
    const other = b.objects[i]!;
    return object.role === other.role && object.object === other.object && object.signature === other.signature && sameRecords(object, other);
  });
}

/**
 * The same records: shared (an object the sync did not change), or — for records already read, not a Bulk object's parts —
 * equal one by one (what every sync fetches whole, e.g. the currencies and dated rates: a few hundred records).
 */
function sameRecords(a: RelatedObjectCopy, b: RelatedObjectCopy): boolean {
  if (recordsIdentity(a) === recordsIdentity(b)) return true;
  if (deferredOf.has(a) || deferredOf.has(b) || a.records.length !== b.records.length) return false;
  return a.records.every((record, i) => sameRecord(record, b.records[i]!));
}

/**
 * Applies a delta to a copy (a new copy; the old one is left as it was). Used after an incremental
 * sync in memory and for each journal record when the file is read, so both agree.
 */
export function applyRelatedDelta(copy: RelatedCopy | null, delta: RelatedDelta): RelatedCopy {
  const objects = delta.objects.map((change) => applyObjectDelta(copy, change));
  return relatedCopyOf(objects, delta);
}

/** The copy made of objects already merged (`applyObjectDelta`) and the delta's notes. */
export function relatedCopyOf(objects: RelatedObjectCopy[], delta: Pick<RelatedDelta, 'warnings' | 'none' | 'ratesUnreadable'>): RelatedCopy {
  return { objects, warnings: delta.warnings, none: delta.none, ...(delta.ratesUnreadable ? { ratesUnreadable: true } : {}) };
}

/**
 * One object's change applied to its records in a copy (a new array; the copy's is left as it was). A sync applies each
 * object as soon as its query is complete (the others still fetching); `applyRelatedDelta` applies them all at once.
 */
export function applyObjectDelta(copy: RelatedCopy | null, change: RelatedObjectDelta): RelatedObjectCopy {
  const { role, object, signature, watermark, spanMs, replace, deleted } = change;
  const meta = { role, object, signature, watermark, ...(spanOf(spanMs) === undefined ? {} : { spanMs }) };
  // A whole set (a full query: one record per id) is the copy as it came, not copied again record by record (nor read, if
  // its records are not read yet: the copy reads them when asked, once for both).
  if (replace && deleted.length === 0) {
    const deferred = deferredOf.get(change);
    return deferred ? defer({ ...meta } as RelatedObjectCopy, 'records', deferred) : { ...meta, records: change.upserts };
  }
  const upserts = change.upserts;
  const before = replace ? undefined : copy?.objects.find((o) => o.role === change.role && o.object === change.object);
  // Nothing changed (most objects of most incremental syncs, once `changedRecords` has left out what the overlap fetched
  // again): the records as they are, shared — not a merged view of every row made again (~150k rows for Payment at 100k).
  if (before && upserts.length === 0 && deleted.length === 0) {
    const deferred = deferredOf.get(before);
    return deferred ? defer({ ...meta } as RelatedObjectCopy, 'records', deferred) : { ...meta, records: before.records };
  }
  // A copy kept as columns, its records not read: the merge is a view over its rows (no record of every row made).
  const table = before ? tableOf(before) : null;
  if (table && deferredOf.get(before!)!.records === null) {
    const merged = new MergedTable(table, change.upserts, deleted);
    return defer({ ...meta } as RelatedObjectCopy, 'records', { count: merged.length, read: () => merged.all(), records: null, table: merged });
  }
  // Indexed by the few changed ids, not by every kept record (an incremental at 100k kept ~300k ids in a Map each time):
  // an upserted record takes its old one's place, a new one goes at the end (first upsert's place, last upsert's value).
  const changed = new Map<string, RelatedRecord>();
  for (const record of upserts) changed.set(record.id, record);
  const gone = new Set(deleted);
  const records: RelatedRecord[] = [];
  for (const record of before?.records ?? []) {
    if (gone.size && gone.has(record.id)) continue;
    const update = changed.size ? changed.get(record.id) : undefined;
    if (update === undefined) {
      records.push(record);
    } else {
      records.push(update);
      changed.delete(record.id);
    }
  }
  for (const record of changed.values()) if (!gone.has(record.id)) records.push(record);
  return { ...meta, records };
}

/**
 * What of an incremental change changes the copy: an upsert that is its record as the copy keeps it, and a deletion of an
 * id the copy does not have, change nothing. The overlap (sync/overlap.ts) fetches again every record stamped within
 * minutes of the watermark, changed or not (at 100k with payments ~40 Payment and PaymentLineInvoice records at every
 * incremental): left out, an object with no other change keeps its records as they are (`applyObjectDelta`). The same
 * records in the same order as merging them all: a repeated id is left out only when its last upsert is the kept record.
 */
export function changedRecords(before: RelatedObjectCopy | undefined, upserts: RelatedRecord[], deleted: string[]): { upserts: RelatedRecord[]; deleted: string[] } {
  if (!before || (upserts.length === 0 && deleted.length === 0)) return { upserts, deleted };
  const last = new Map<string, RelatedRecord>();
  for (const record of upserts) last.set(record.id, record);
  const kept = keptRecords(before, [...last.keys(), ...deleted]);
  if (kept === null) return { upserts, deleted };
  const same = new Set<string>();
  for (const [id, record] of last) {
    const old = kept.get(id);
    if (old !== undefined && sameRecord(old, record)) same.add(id);
  }
  return {
    upserts: same.size === 0 ? upserts : upserts.filter((record) => !same.has(record.id)),
    deleted: deleted.filter((id) => kept.has(id) || last.has(id)),
  };
}

/** The copy's records with these ids (those it has), found by its index when kept as columns; null when it cannot tell. */
function keptRecords(object: RelatedObjectCopy, ids: string[]): Map<string, RelatedRecord> | null {
  const found = new Map<string, RelatedRecord>();
  const deferred = deferredOf.get(object);
  const table = deferred?.table;
  if (table && deferred.records === null) {
    const merged = table instanceof MergedTable ? table : null;
    const index = IdIndex.of(merged ? merged.below : table);
    if (index === null) return null;
    for (const id of ids) {
      // A merged view's record by its id: not by its row, whose map of every row is made only when a reader walks them.
      if (merged) {
        const record = merged.recordOf(id, index);
        if (record !== undefined) found.set(id, record);
        continue;
      }
      const row = index.rowOf(id);
      if (row >= 0) found.set(id, table.record(row));
    }
    return found;
  }
  // An object kept as records (a REST object: fewer than BULK_MIN_RECORDS): by its index when the background has made it
  // (`warmRelatedIndexes`), else one walk over its records — the few changed ids of an incremental, not every record.
  const records = object.records;
  const index = recordIndexes.get(records);
  if (index) {
    for (const id of ids) {
      const record = index.get(id);
      if (record !== undefined) found.set(id, record);
    }
    return found;
  }
  const wanted = new Set(ids);
  for (const record of records) if (wanted.has(record.id)) found.set(record.id, record);
  return found;
}

/** Each records array's records by id (the last of an id, as a walk over them finds it), made by `warmRelatedIndexes`. */
const recordIndexes = new WeakMap<readonly RelatedRecord[], Map<string, RelatedRecord>>();

function indexRecords(records: readonly RelatedRecord[]): void {
  if (recordIndexes.has(records)) return;
  const index = new Map<string, RelatedRecord>();
  for (const record of records) index.set(record.id, record);
  recordIndexes.set(records, index);
}

/** The same keys with the same values (a record from REST's JSON beside one read from a Bulk part's columns). */
function sameRecord(kept: RelatedRecord, fetched: RelatedRecord): boolean {
  const keys = Object.keys(fetched);
  if (keys.length !== Object.keys(kept).length) return false;
  for (const key of keys) if (kept[key] !== fetched[key]) return false;
  return true;
}

/**
 * Soon, outside the caller's work (after a sync has answered): the index by id of each related object — of its columns
 * when it is kept as columns (a Bulk object), of its records when it is kept as records (a REST object, read) — so that the next incremental sync
 * finds its few changed records without reading every row's id or walking every record (as `warmIdIndex` does for the
 * invoices; a walk over RefundLinePayment's records was 1–5 ms of the incremental's compare: BENCHMARKS, session 33).
 * Records not read yet are not read for it.
 */
export function warmRelatedIndexes(copy: RelatedCopy | null | undefined): void {
  if (!copy) return;
  const tables: RecordTable[] = [];
  const lists: RelatedRecord[][] = [];
  for (const object of copy.objects) {
    const deferred = deferredOf.get(object);
    if (deferred?.table) tables.push(deferred.table);
    else if (!deferred || deferred.records !== null) lists.push(object.records);
  }
  if (tables.length === 0 && lists.length === 0) return;
  setTimeout(() => {
    for (const table of tables) IdIndex.of(table instanceof MergedTable ? table.below : table);
    for (const records of lists) indexRecords(records);
  }, 0).unref();
}

export function isRelatedRecord(value: unknown): value is RelatedRecord {
  if (!value || typeof value !== 'object' || Array.isArray(value) || typeof (value as { id?: unknown }).id !== 'string') return false;
  return Object.values(value).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
}

/** A journal's or base's related payload back from JSON; anything of another shape throws. */
export function relatedDeltaFrom(value: unknown): RelatedDelta {
  const v = value as Partial<RelatedDelta> | null;
  const ok = v && Array.isArray(v.objects) && Array.isArray(v.warnings) && (v.none === null || typeof v.none === 'string')
    && (v.ratesUnreadable === undefined || typeof v.ratesUnreadable === 'boolean')
    && v.objects.every((o) => typeof o?.role === 'string' && typeof o.object === 'string' && typeof o.signature === 'string'
      && (o.watermark === null || typeof o.watermark === 'number') && typeof o.replace === 'boolean'
      && Array.isArray(o.upserts) && o.upserts.every(isRelatedRecord) && Array.isArray(o.deleted) && o.deleted.every((id) => typeof id === 'string'));
  if (!ok) throw new Error('related records of an unexpected shape');
  return v as RelatedDelta;
}
