import { readPath, type SalesforceRecord } from '../mapping/row-mapper';
import { runQuery, type PagerOptions, type Requester } from '../sync/query-pager';
import { selectList, soqlDateTime } from '../sync/soql';
import type { RelatedCopy, RelatedDelta, RelatedObjectDelta, RelatedRecord, RelatedValue } from './related-copy';
import type { RelatedObjectPlan, RelatedPlan } from './related-plan';

/** Same overlap as the invoices' incremental sync (clock skew, in-flight commits). */
const OVERLAP_MS = 5 * 60_000;

function stampOf(record: SalesforceRecord, field: string | null): number | null {
  const value = field ? record[field] : null;
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value.replace(/\+0000$/, 'Z'));
  return Number.isFinite(ms) ? ms : null;
}

function toRecord(record: SalesforceRecord, plan: RelatedObjectPlan): RelatedRecord {
  const out: RelatedRecord = { id: String(record.Id) };
  for (const [key, path] of Object.entries(plan.paths)) {
    const value = readPath(record, path);
    out[key] = value === null || ['string', 'number', 'boolean'].includes(typeof value) ? (value as RelatedValue) : null;
  }
  return out;
}

/**
 * Syncs every related object of the plan, one after the other, under the invoices' rules: a full
 * query (every record) or, when the previous copy of that object has the same signature and a
 * watermark, queryAll of the changes since it (minus the overlap) with IsDeleted. Any failure
 * throws: the caller keeps the previous copy, invoices and related records alike.
 */
export async function syncRelated(
  conn: Requester,
  plan: RelatedPlan,
  previous: RelatedCopy | null,
  incremental: boolean,
  pager: PagerOptions,
): Promise<{ delta: RelatedDelta; fetched: number }> {
  const objects: RelatedObjectDelta[] = [];
  let fetched = 0;
  for (const object of plan.objects) {
    const before = previous?.objects.find((o) => o.role === object.role && o.object === object.object && o.signature === object.signature);
    const since = incremental && !object.whole && before && before.watermark !== null && object.modstamp ? before.watermark - OVERLAP_MS : null;
    const fields = selectList({ object: object.object, paths: object.paths as never, modstamp: object.modstamp }, since === null ? [] : ['IsDeleted']);
    const soql = `SELECT ${fields.join(', ')} FROM ${object.object}${since === null ? '' : ` WHERE ${object.modstamp} > ${soqlDateTime(since)}`}`;
    let upserts: RelatedRecord[] = [];
    let deleted: string[] = [];
    let watermark = since === null ? null : before!.watermark;
    const outcome = await runQuery(conn, soql, since === null ? 'query' : 'queryAll', pager, {
      restart: () => {
        upserts = [];
        deleted = [];
        watermark = since === null ? null : before!.watermark;
      },
      page: (records) => {
        for (const record of records) {
          const stamp = stampOf(record, object.modstamp);
          if (stamp !== null && (watermark === null || stamp > watermark)) watermark = stamp;
          if (record.IsDeleted === true) deleted.push(String(record.Id));
          else upserts.push(toRecord(record, object));
        }
      },
    });
    fetched += outcome.fetched;
    objects.push({ role: object.role, object: object.object, signature: object.signature, watermark, replace: since === null, upserts, deleted });
  }
  return { delta: { objects, warnings: plan.warnings, none: plan.none, ...(plan.ratesUnreadable ? { ratesUnreadable: true } : {}) }, fetched };
}
