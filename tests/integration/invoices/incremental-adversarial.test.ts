import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID, startHarness, type Harness } from './support/invoice-harness';

type Row = { id: string; balance: number | null; status: string | null } & Record<string, unknown>;
const byId = (rows: Row[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
const NEXT_PAGES = '/services/data/v67.0/query/';

/**
 * Review (session 13): the incremental sync folded over the copy's columns (3d1b93d) against the local org at chunk
 * edges — a whole page deleted, a page's first and last invoices changed, one invoice changed twice (in one interval
 * and across two syncs in the same second), invoices created and deleted between syncs, a fault and a cancel mid-
 * incremental — never loses, doubles or keeps a stale invoice, and a restart reads the same rows in the same order.
 */
describe('incremental over columns, adversarial', () => {
  let org: RunningOrg;
  let harness: Harness;
  const temps = [tempDir(), tempDir()];
  const connectionId = CONNECTION_ID;
  const box = new TestSecretBox();

  const list = async (h: Harness) => (await h.call('invoices.list', { connectionId })).value as { invoices: Row[]; syncedAt: string };
  const sync = async (h: Harness, mode: 'full' | 'incremental') => {
    const result = await h.call('invoices.sync', { connectionId, mode });
    await h.module.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    return result;
  };
  const okSync = async (h: Harness, mode: 'full' | 'incremental') => {
    const result = await sync(h, mode);
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    return result.value as { mode: string; total: number; deleted: number };
  };
  const freshFullSync = async () => {
    const fresh = await startHarness(org, temps[1]!.dir, { tokens: harness.tokens, tuning: { pageSize: 700 } });
    await fresh.call('invoices.mapping.set', { connectionId, object: 'Invoice' });
    await okSync(fresh, 'full');
    const rows = (await list(fresh)).invoices;
    await fresh.dispose();
    return rows;
  };
  const expectExact = async () => {
    const rows = (await list(harness)).invoices;
    const ids = rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(byId(rows)).toEqual(byId(await freshFullSync()));
    return rows;
  };
  const cachePath = () => `${temps[0]!.dir}/invoices/${readdirSync(`${temps[0]!.dir}/invoices`).find((name) => name.endsWith('.cache'))}`;

  beforeAll(async () => {
    org = await startOrg({ invoices: 3000, multiCurrency: true });
    harness = await startHarness(org, temps[0]!.dir, { tuning: { pageSize: 500 }, secretBox: box });
  });
  afterAll(async () => {
    await harness?.dispose();
    await org?.stop();
    for (const temp of temps) temp.remove();
  });

  it('chunk edges, a page deleted whole, changed twice, created then deleted', async () => {
    expect((await okSync(harness, 'full')).total).toBe(3000);
    const existing = (await list(harness)).invoices.map((row) => row.id);
    // A whole page (chunk) of the copy deleted, the first and last of the next, the copy's very first and last.
    org.control.deleteInvoices(existing.slice(500, 1000));
    org.control.updateInvoices([existing[1000]!, existing[1499]!, existing[0]!, existing[2999]!], { Balance: 1 });
    // Changed twice in the interval.
    org.control.updateInvoices([existing[1200]!], { Balance: 2 });
    org.control.updateInvoices([existing[1200]!], { Balance: 3 });
    // Created, then one of them deleted before the sync; one changed.
    const created = org.control.createInvoices(30, 'Invoice');
    org.control.deleteInvoices(created.slice(0, 3));
    org.control.updateInvoices([created[10]!], { Balance: 4 });
    const incremental = await okSync(harness, 'incremental');
    expect(incremental).toMatchObject({ mode: 'incremental', total: 3000 - 500 + 27 });
    const rows = await expectExact();
    expect(rows.find((row) => row.id === existing[1200])?.balance).toBe(3);

    // Same second: changed again right after the sync, and one of the new ones deleted, a new one made.
    org.control.updateInvoices([existing[1200]!], { Balance: 5 });
    org.control.deleteInvoices([created[10]!, existing[1000]!]);
    const more = org.control.createInvoices(2, 'Invoice');
    expect(await okSync(harness, 'incremental')).toMatchObject({ mode: 'incremental', total: 3000 - 500 + 27 - 2 + 2 });
    const after = await expectExact();
    expect(after.find((row) => row.id === existing[1200])?.balance).toBe(5);
    for (const id of more) expect(after.some((row) => row.id === id)).toBe(true);
  });

  it('a fault and a cancel mid-incremental keep the copy; the next incremental is exact; a restart reads the same', async () => {
    const before = await list(harness);
    const file = readFileSync(cachePath());
    const ids = before.invoices.map((row) => row.id);
    // More changes than a page: the incremental needs follow-up pages.
    org.control.updateInvoices(ids.slice(0, 1200), { Balance: 7 });
    org.control.deleteInvoices(ids.slice(1500, 1600));
    org.control.createInvoices(40, 'Invoice');
    org.control.injectFault({ kind: 'http500', count: 50, pathPrefix: NEXT_PAGES });
    const failed = await sync(harness, 'incremental');
    expect(failed.ok).toBe(false);
    org.control.clearFaults();
    expect(await list(harness)).toEqual(before);
    expect(readFileSync(cachePath()).equals(file)).toBe(true);

    org.control.injectFault({ kind: 'latency', ms: 300, count: 10, pathPrefix: NEXT_PAGES });
    const running = harness.call('invoices.sync', { connectionId, mode: 'incremental' });
    await new Promise<void>((resolve) => {
      const stop = harness.events.listen((event, payload) => {
        if (event === 'invoices.syncProgress' && (payload as { phase: string }).phase === 'fetching') {
          stop();
          resolve();
        }
      });
    });
    expect((await harness.call('invoices.cancelSync', { connectionId })).ok).toBe(true);
    expect((await running).error?.code).toBe('CANCELLED');
    await harness.module.idle();
    org.control.clearFaults();
    expect(await list(harness)).toEqual(before);
    expect(readFileSync(cachePath()).equals(file)).toBe(true);

    expect(await okSync(harness, 'incremental')).toMatchObject({ mode: 'incremental', total: before.invoices.length - 100 + 40 });
    const rows = await expectExact();
    expect(rows.filter((row) => row.balance === 7)).toHaveLength(rows.filter((row) => ids.slice(0, 1200).includes(row.id)).length);

    await harness.dispose();
    harness = await startHarness(org, temps[0]!.dir, { tokens: harness.tokens, tuning: { pageSize: 500 }, secretBox: box });
    expect((await list(harness)).invoices).toEqual(rows);
    // An incremental over the copy the journal was folded into as it was read.
    org.control.updateInvoices([rows[3]!.id, rows.at(-3)!.id], { Balance: 9 });
    org.control.deleteInvoices([rows[4]!.id]);
    expect(await okSync(harness, 'incremental')).toMatchObject({ mode: 'incremental', total: rows.length - 1 });
    const again = await expectExact();
    expect(again.filter((row) => row.balance === 9).map((row) => row.id).sort()).toEqual([rows[3]!.id, rows.at(-3)!.id].sort());
    // And a full sync over the journaled copy.
    org.control.deleteInvoices([rows[0]!.id, rows.at(-1)!.id]);
    expect(await okSync(harness, 'full')).toMatchObject({ mode: 'full', total: rows.length - 3 });
    await expectExact();
  });
});
