import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { startOrg, type RunningOrg } from '../../org';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID, startHarness, type Harness } from './support/invoice-harness';

type Row = { id: string } & Record<string, unknown>;
const byId = (rows: Row[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

/**
 * Issue #19: at a million invoices a row object per invoice is ~900 MB kept by the core. The copy stays columns
 * through a full sync, the index the next incremental sync uses, the incremental sync itself, a full sync over a
 * previous copy and a restart that reads the journal — and gives the same invoices as a fresh full sync.
 */
describe('a copy kept as columns through every sync', () => {
  let org: RunningOrg;
  let harness: Harness;
  const temps = [tempDir(), tempDir()];
  const connectionId = CONNECTION_ID;
  const box = new TestSecretBox();
  const materialize = vi.spyOn(RowColumns.prototype, 'materialize');

  const list = async (h: Harness) => (await h.call('invoices.list', { connectionId })).value as { invoices: Row[] };
  const sync = async (h: Harness, mode: 'full' | 'incremental') => {
    const result = await h.call('invoices.sync', { connectionId, mode });
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    // The copy's background work after the answer (first screen, the ids' index) is done before the next step.
    await h.module.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    return result.value as { mode: string; total: number; deleted: number };
  };
  const freshFullSync = async () => {
    const fresh = await startHarness(org, temps[1]!.dir, { tokens: harness.tokens, tuning: { pageSize: 700 } });
    await fresh.call('invoices.mapping.set', { connectionId, object: 'Invoice' });
    await sync(fresh, 'full');
    const rows = (await list(fresh)).invoices;
    await fresh.dispose();
    return rows;
  };

  beforeAll(async () => {
    org = await startOrg({ invoices: 3000, multiCurrency: true });
    harness = await startHarness(org, temps[0]!.dir, { tuning: { pageSize: 500 }, secretBox: box });
  });
  afterAll(async () => {
    materialize.mockRestore();
    await harness?.dispose();
    await org?.stop();
    for (const temp of temps) temp.remove();
  });

  it('an incremental sync after a full one changes, adds and removes invoices without making a row per invoice', async () => {
    expect((await sync(harness, 'full')).total).toBe(3000);
    await list(harness);
    const existing = org.control.records('Invoice').map((record) => record.Id as string);
    const created = org.control.createInvoices(40, 'Invoice');
    org.control.updateInvoices(existing.slice(10, 50));
    org.control.updateInvoices(existing.slice(600, 610), { Balance: 0 });
    org.control.deleteInvoices([...existing.slice(0, 5), ...existing.slice(1490, 1510), existing.at(-1)!]);

    const incremental = await sync(harness, 'incremental');
    expect(incremental).toMatchObject({ mode: 'incremental', deleted: 26, total: 3000 + 40 - 26 });
    const rows = (await list(harness)).invoices;
    expect(rows.find((row) => row.id === existing[605])?.balance).toBe(0);
    expect(rows.some((row) => row.id === created[39])).toBe(true);
    expect(rows.some((row) => row.id === existing[1500])).toBe(false);
    expect(byId(rows)).toEqual(byId(await freshFullSync()));
    expect(materialize).not.toHaveBeenCalled();
  });

  it('a second incremental, a restart that reads the journal, and a full sync over the copy name what changed and still make no row per invoice', async () => {
    const existing = org.control.records('Invoice').map((record) => record.Id as string);
    org.control.updateInvoices(existing.slice(100, 103), { Balance: 0 });
    org.control.createInvoices(3, 'Invoice');
    expect(await sync(harness, 'incremental')).toMatchObject({ mode: 'incremental', total: 3000 + 40 - 26 + 3 });
    const before = (await list(harness)).invoices;
    await harness.dispose();

    // A new app on the same data folder: the base and its two journal records, read back as they were.
    harness = await startHarness(org, temps[0]!.dir, { tokens: harness.tokens, tuning: { pageSize: 500 }, secretBox: box });
    expect((await list(harness)).invoices).toEqual(before);

    org.control.deleteInvoices(existing.slice(200, 207));
    const changed = harness.events.of('invoices.changed').length;
    expect(await sync(harness, 'full')).toMatchObject({ mode: 'full', total: before.length - 7 });
    expect(harness.events.of('invoices.changed').slice(changed)).toEqual([expect.objectContaining({ added: 0, changed: 0, deleted: 7 })]);
    expect(byId((await list(harness)).invoices)).toEqual(byId(await freshFullSync()));
    expect(materialize).not.toHaveBeenCalled();
  });
});
