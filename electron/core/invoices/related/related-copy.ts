import type { RelatedRole } from './related-specs';

export type RelatedValue = string | number | boolean | null;
/** One related record as the copy keeps it: its id and its canonical keys (see related-specs.ts). */
export type RelatedRecord = { id: string } & Record<string, RelatedValue>;

interface ObjectMeta {
  role: RelatedRole;
  object: string;
  signature: string;
  /** Highest SystemModstamp seen (ms), the base of the next incremental sync of this object. */
  watermark: number | null;
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
  const { replace, upserts, deleted, ...meta } = change;
  // A whole set (a full query: one record per id) is the copy as it came, not copied again record by record.
  if (replace && deleted.length === 0) return { ...meta, records: upserts };
  const before = replace ? undefined : copy?.objects.find((o) => o.role === change.role && o.object === change.object);
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
