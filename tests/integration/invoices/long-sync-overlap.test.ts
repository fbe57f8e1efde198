import { describe, expect, it } from 'vitest';
import { useOrgsPerTest } from '../../support/org-setup';
import { InvoiceCacheStore } from '../../../electron/core/invoices/cache/cache-store';
import { OVERLAP_MS } from '../../../electron/core/invoices/sync/overlap';
import { systemClock, type Clock } from '../../../electron/core/ports';
import type { OrgOptions, RunningOrg } from '../../org';
import { MemoryLogger, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, startHarness } from './support/invoice-harness';

/**
 * review19: a full sync's watermark is the largest SystemModstamp it saw, and the org reads a query page by page. When a
 * sync takes longer than the 5-minute overlap, a record on a page already read can change, and a later page can carry a
 * stamp more than 5 minutes after that change: `SystemModstamp > watermark − 5 min` never fetched it again, and the copy
 * kept the old value (a wrong balance offline) until a full sync. The next incremental now reaches back the previous
 * query's span as well (sync/overlap.ts), measured on the app's clocks; a copy written before keeps the plain overlap.
 */
const instant = (value: unknown) => Date.parse(String(value).replace(/\+0000$/, 'Z'));
type Rows = { invoices: { id: string; dueDate: string | null }[] };

const perTest = useOrgsPerTest();

async function begin(options: OrgOptions, pageSize: number, clock?: Clock) {
  const box = new TestSecretBox();
  const world = await perTest.start(options, { tuning: { pageSize }, secretBox: box, ...(clock ? { clock } : {}) });
  return { org: world.org, harness: world.harness, dir: world.dir, box, world };
}

/** What `SystemModstamp > watermark − 5 min` (whole seconds, as the app writes it) selects at the org now. */
function plainSelection(org: RunningOrg, watermark: number): number {
  const since = Math.floor((watermark - OVERLAP_MS) / 1000) * 1000;
  return org.control.records('Invoice').filter((record) => instant(record.SystemModstamp) > since).length;
}

const watermarkOf = (org: RunningOrg) => Math.max(...org.control.records('Invoice').map((record) => instant(record.SystemModstamp)));

describe('an incremental sync after a sync longer than the overlap', () => {
  it('fetches a change to a record already read, made while the sync read later pages (the org\'s clock 10 minutes on by its last page)', async () => {
    // Ten minutes pass for the org and for the app alike (their clocks run at one rate, whatever their skew); the monotonic
    // clock cannot be moved here, the app's clock can — as it moves on while a laptop sleeps mid-sync.
    let offset = 0;
    const clock: Clock = { now: () => Date.now() + offset, setTimeout: systemClock.setTimeout };
    // Four pages: the first read before the changes, the last two after them (the second may be asked for before the delay).
    const { org, harness } = await begin({ invoices: 800, objects: ['Invoice'], payments: false, now: () => Date.now() + offset }, 200, clock);
    const ids = org.control.records('Invoice').map((record) => record.Id as string);
    const first = ids[0]!;
    const last = ids.at(-1)!;
    const pagesAsked = () => org.control.counters().requests.queryMore ?? 0;
    // The pages after the first wait 3 s each (the second and third; the fourth follows the third): the sync's later pages
    // over a slow link (minutes at 1M invoices). Armed before the sync, on the next-page path only (`…/query/<locator>`, not
    // the query itself): armed once the second page was asked, it raced the app's paging — on a loaded CI machine the test's
    // 5 ms poll woke after every page had been served, and the last page was read before its change (CI of 15aa05b).
    const versions = (await (await fetch(`${org.url}/services/data`)).json()) as { url: string }[];
    org.control.injectFault({ kind: 'latency', ms: 3000, count: 2, pathPrefix: `${versions.at(-1)!.url}/query/` });
    const sync = harness.call('invoices.sync', { connectionId, mode: 'full' });
    for (let k = 0; k < 2000 && pagesAsked() < 1; k++) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Meanwhile the first page's invoice changes; 10 minutes later (the org's clock) the last page's.
    org.control.updateInvoices([first], { DueDate: '2031-01-15' });
    offset += 10 * 60_000;
    org.control.updateInvoices([last], { DueDate: '2031-02-15' });
    const done = await sync;
    expect(done.ok, JSON.stringify(done.error)).toBe(true);
    // The case itself, or the test proves nothing: the full sync read the first invoice before its change, the last after.
    const read = new Map(((await harness.call('invoices.list', { connectionId })).value as Rows).invoices.map((row) => [row.id, row.dueDate]));
    expect(read.get(last)).toBe('2031-02-15');
    expect(read.get(first)).not.toBe('2031-01-15');
    const inc = await harness.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(inc.ok, JSON.stringify(inc.error)).toBe(true);
    expect(inc.value.mode).toBe('incremental');
    const rows = ((await harness.call('invoices.list', { connectionId })).value as Rows).invoices;
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(last)?.dueDate).toBe('2031-02-15');
    // Before: still 2026-12-16 (the value the full sync read) while the org had 2031-01-15, until a full sync.
    expect(byId.get(first)?.dueDate).toBe('2031-01-15');
  }, 180_000);
});

describe('the overlap after a short sync, and in a copy written before spans were kept', () => {
  it('a full sync answered in one page widens nothing: the next incremental fetches exactly what the plain overlap selects', async () => {
    const { org, harness, dir, box } = await begin({ invoices: 1500, objects: ['Invoice'] }, 2000);
    const full = await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(full.ok, JSON.stringify(full.error)).toBe(true);
    expect((await new InvoiceCacheStore(dir, box, new MemoryLogger()).read(connectionId)).snapshot?.spanMs).toBe(0);
    const watermark = watermarkOf(org);
    const ids = org.control.records('Invoice').filter((_, i) => i % 100 === 0).map((record) => record.Id as string);
    org.control.updateInvoices(ids);
    const inc = await harness.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(inc.ok, JSON.stringify(inc.error)).toBe(true);
    expect(inc.value.mode).toBe('incremental');
    expect(inc.value.fetched).toBe(plainSelection(org, watermark));
    expect(inc.value.fetched).toBeGreaterThanOrEqual(ids.length);
  }, 120_000);

  /** The copy as the previous version wrote it: the same records, no span with the watermarks. */
  async function stripSpans(dir: string, box: TestSecretBox): Promise<void> {
    const store = new InvoiceCacheStore(dir, box, new MemoryLogger());
    const kept = (await store.read(connectionId)).snapshot!;
    expect(typeof kept.spanMs).toBe('number');
    delete kept.spanMs;
    for (const object of kept.related?.objects ?? []) delete object.spanMs;
    await store.write(connectionId, kept);
    const old = (await store.read(connectionId)).snapshot!;
    expect(old.spanMs).toBeUndefined();
    expect((old.related?.objects ?? []).filter((object) => object.spanMs !== undefined)).toEqual([]);
  }

  it('a copy without a span (written before) of more than a page opens and syncs in full once (its last sync may have been long: reviewJ), then keeps spans and syncs incrementally', async () => {
    const { org, harness, dir, box, world } = await begin({ invoices: 1000, objects: ['Invoice'] }, 200);
    const full = await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(full.ok, JSON.stringify(full.error)).toBe(true);
    await harness.dispose();
    const kept = (await new InvoiceCacheStore(dir, box, new MemoryLogger()).read(connectionId)).snapshot!;
    expect(kept.spanMs).toBeGreaterThan(0);
    expect(kept.related?.objects.length).toBeGreaterThan(0);
    await stripSpans(dir, box);

    const again = await startHarness(org, dir, { tuning: { pageSize: 200 }, secretBox: box });
    world.harness = again;
    // Changed while that (now unknown-length) sync read: an incremental with the plain overlap could miss such a change.
    const ids = org.control.records('Invoice').filter((_, i) => i % 50 === 0).map((record) => record.Id as string);
    org.control.updateInvoices(ids, { DueDate: '2030-03-03' });
    const whole = await again.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(whole.ok, JSON.stringify(whole.error)).toBe(true);
    expect(whole.value.mode).toBe('full');
    expect(whole.value.fetched).toBe(1000);
    const rows = ((await again.call('invoices.list', { connectionId })).value as Rows).invoices;
    expect(rows.filter((row) => ids.includes(row.id) && row.dueDate !== '2030-03-03')).toEqual([]);
    const now = (await new InvoiceCacheStore(dir, box, new MemoryLogger()).read(connectionId)).snapshot!;
    expect(typeof now.spanMs).toBe('number');
    expect(now.related!.objects.filter((object) => typeof object.spanMs !== 'number').map((object) => object.object)).toEqual([]);

    org.control.updateInvoices(ids.slice(0, 3), { DueDate: '2030-04-04' });
    const inc = await again.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(inc.ok, JSON.stringify(inc.error)).toBe(true);
    expect(inc.value.mode).toBe('incremental');
  }, 120_000);

  it('a copy without a span of one page (nothing read across pages) keeps syncing incrementally, with the plain overlap', async () => {
    const { org, harness, dir, box, world } = await begin({ invoices: 150, objects: ['Invoice'], payments: false }, 200);
    const full = await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(full.ok, JSON.stringify(full.error)).toBe(true);
    await harness.dispose();
    await stripSpans(dir, box);

    const again = await startHarness(org, dir, { tuning: { pageSize: 200 }, secretBox: box });
    world.harness = again;
    const watermark = watermarkOf(org);
    const ids = org.control.records('Invoice').filter((_, i) => i % 50 === 0).map((record) => record.Id as string);
    org.control.updateInvoices(ids, { DueDate: '2030-03-03' });
    const inc = await again.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(inc.ok, JSON.stringify(inc.error)).toBe(true);
    expect(inc.value.mode).toBe('incremental');
    expect(inc.value.fetched).toBe(plainSelection(org, watermark));
    const rows = ((await again.call('invoices.list', { connectionId })).value as Rows).invoices;
    expect(rows.filter((row) => ids.includes(row.id) && row.dueDate !== '2030-03-03')).toEqual([]);
  }, 120_000);
});
