import { describe, expect, it } from 'vitest';
import type { SyncMapping } from '../../../electron/core/invoices/mapping/mapping-service';
import type { Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { canRunIncremental, MAX_INCREMENTAL_AGE_MS } from '../../../electron/core/invoices/sync/sync-engine';
import { changesSince, OVERLAP_MS, ReadSpan, spanUnknown } from '../../../electron/core/invoices/sync/overlap';

const mapping: SyncMapping = {
  object: 'Invoice',
  plan: { object: 'Invoice', paths: { number: 'DocumentNumber' }, modstamp: 'SystemModstamp' },
  signature: 'sig-1',
  defaultCurrency: 'USD',
  warnings: [],
};
const now = Date.parse('2026-11-29T12:00:00Z');
const snapshot: Snapshot = { object: 'Invoice', signature: 'sig-1', syncedAt: '2026-11-28T12:00:00.000Z', watermark: now - 86_400_000, rows: [] };

describe('when an incremental sync can stand in for a full one', () => {
  it('after a recent sync with the same mapping', () => {
    expect(canRunIncremental(snapshot, mapping, now)).toBe(true);
  });
  it('never on the first sync, after a mapping change, without a watermark or modstamp field', () => {
    expect(canRunIncremental(null, mapping, now)).toBe(false);
    expect(canRunIncremental({ ...snapshot, signature: 'sig-0' }, mapping, now)).toBe(false);
    expect(canRunIncremental({ ...snapshot, watermark: null }, mapping, now)).toBe(false);
    expect(canRunIncremental(snapshot, { ...mapping, plan: { ...mapping.plan, modstamp: null } }, now)).toBe(false);
  });
  it('not once deletions may have left the recycle bin (last sync too old)', () => {
    const old = new Date(now - MAX_INCREMENTAL_AGE_MS - 1).toISOString();
    expect(canRunIncremental({ ...snapshot, syncedAt: old }, mapping, now)).toBe(false);
  });
});

describe('where an incremental sync starts (review19: a sync longer than the overlap)', () => {
  const watermark = Date.parse('2026-12-06T02:00:00Z');
  it('the watermark less the overlap and the span of the sync that set it', () => {
    expect(changesSince(watermark, 12 * 60_000)).toBe(watermark - OVERLAP_MS - 12 * 60_000);
    expect(changesSince(watermark, 0)).toBe(watermark - OVERLAP_MS);
  });
  it('a copy written before spans were kept (none), or one of another shape: the plain overlap, as before', () => {
    for (const span of [undefined, null, -5, Number.NaN, Infinity, '600000']) expect(changesSince(watermark, span)).toBe(watermark - OVERLAP_MS);
  });
  it('not incremental once the span reaches back past the recycle bin\'s days', () => {
    const syncedAt = new Date(now - MAX_INCREMENTAL_AGE_MS + 3_600_000).toISOString();
    expect(canRunIncremental({ ...snapshot, syncedAt }, mapping, now)).toBe(true);
    expect(canRunIncremental({ ...snapshot, syncedAt, spanMs: 2 * 3_600_000 }, mapping, now)).toBe(false);
  });
});

describe('how long a query was being read', () => {
  it('zero when its answer was one page (read at once), also after a restart that ended in one page', () => {
    let wall = 0;
    const span = new ReadSpan(() => wall);
    span.page();
    wall += 3_600_000;
    expect(span.ms()).toBe(0);
    span.page();
    span.restart();
    span.page();
    expect(span.ms()).toBe(0);
  });
  it('several pages: the app\'s clock counts a laptop asleep mid-sync; a clock set back does not shorten it', () => {
    let wall = 1_000_000;
    const asleep = new ReadSpan(() => wall);
    asleep.page();
    wall += 3 * 3_600_000;
    asleep.page();
    expect(asleep.ms()).toBeGreaterThanOrEqual(3 * 3_600_000);
    const setBack = new ReadSpan(() => wall);
    setBack.page();
    setBack.page();
    wall -= 3_600_000;
    expect(setBack.ms()).toBeGreaterThanOrEqual(0);
    expect(setBack.ms()).toBeLessThan(3_600_000);
  });
  it('a Bulk API job (not paged): its whole time, one part or many', () => {
    let wall = 0;
    const job = new ReadSpan(() => wall, false);
    job.page();
    wall += 90_000;
    expect(job.ms()).toBeGreaterThanOrEqual(90_000);
  });
});

describe('a copy written before spans were kept (reviewJ)', () => {
  const row = { id: 'a', number: '1', customer: null, invoiceDate: null, dueDate: null, status: null, total: null, balance: null, currency: 'USD', lastModified: null };
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ ...row, id: `a${i}` }));
  const related = (records: number, spanMs?: number) => ({
    objects: [{ role: 'payment' as const, object: 'Payment', signature: 's', watermark: 1, ...(spanMs === undefined ? {} : { spanMs }), records: rows(records).map(({ id }) => ({ id })) }],
    warnings: [],
    none: null,
  });
  it('of more than a page: the next sync is full (its last sync may have been longer than the overlap); then it has a span', () => {
    expect(canRunIncremental({ ...snapshot, rows: rows(201) }, mapping, now, 200)).toBe(false);
    expect(canRunIncremental({ ...snapshot, rows: rows(201), spanMs: 0 }, mapping, now, 200)).toBe(true);
    // A related object of more than a page without its span counts too.
    expect(canRunIncremental({ ...snapshot, rows: rows(10), spanMs: 0, related: related(201) } as Snapshot, mapping, now, 200)).toBe(false);
    expect(canRunIncremental({ ...snapshot, rows: rows(10), spanMs: 0, related: related(201, 30_000) } as Snapshot, mapping, now, 200)).toBe(true);
    // Salesforce answers at most 2,000 records a page, whatever was asked.
    expect(canRunIncremental({ ...snapshot, rows: rows(2001) }, mapping, now, 5000)).toBe(false);
  });
  it('of one page: nothing was read across pages, it stays incremental with the plain overlap', () => {
    expect(canRunIncremental({ ...snapshot, rows: rows(200), related: related(200) } as Snapshot, mapping, now, 200)).toBe(true);
    expect(spanUnknown(undefined, 200, 200)).toBe(false);
    expect(spanUnknown(undefined, 201, 200)).toBe(true);
    expect(spanUnknown('junk', 201, 200)).toBe(true);
    expect(spanUnknown(0, 5000, 200)).toBe(false);
  });
});
