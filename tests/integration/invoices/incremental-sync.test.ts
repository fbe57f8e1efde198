import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESCRIBE_REUSE_MS } from '../../../electron/core/invoices/mapping/mapping-service';
import { systemClock, type Clock } from '../../../electron/core/ports';
import { startOrg, type RunningOrg } from '../../org';
import { tempDir } from '../../support/test-ports';
import { CONNECTION_ID, startHarness, type Harness } from './support/invoice-harness';

type Row = { id: string } & Record<string, unknown>;
const byId = (rows: Row[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('incremental sync and field-level security', () => {
  let org: RunningOrg;
  let harness: Harness;
  const temps = [tempDir(), tempDir(), tempDir()];
  const connectionId = CONNECTION_ID;
  /** Real time, which the test can move forward (past the describe reuse window). */
  let skew = 0;
  const clock: Clock = { now: () => Date.now() + skew, setTimeout: systemClock.setTimeout };
  const describes = () => org.control.counters().requests.describe ?? 0;

  const list = async (h: Harness) => (await h.call('invoices.list', { connectionId })).value as { invoices: Row[]; warnings: string[] };
  /** A brand-new app (own data folder) doing a full sync: what "equals a full sync" compares with. */
  const freshFullSync = async (dir: string) => {
    const fresh = await startHarness(org, dir, { tokens: harness.tokens, tuning: { pageSize: 500 } });
    await fresh.call('invoices.mapping.set', { connectionId, object: 'Invoice' });
    const sync = await fresh.call('invoices.sync', { connectionId, mode: 'full' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    const rows = (await list(fresh)).invoices;
    await fresh.dispose();
    return rows;
  };

  beforeAll(async () => {
    org = await startOrg({ invoices: 4000, multiCurrency: true });
    harness = await startHarness(org, temps[0]!.dir, { tuning: { pageSize: 500 }, clock });
  });
  afterAll(async () => {
    await harness?.dispose();
    await org?.stop();
    for (const temp of temps) temp.remove();
  });

  it('the first sync is full even when incremental is asked for', async () => {
    org.control.resetCounters();
    const sync = await harness.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(sync.value).toMatchObject({ mode: 'full', total: 4000 });
    // The org's objects asked for once: the invoice object chosen from them, and the related plan made from the same answer.
    expect(org.control.counters().requests.describeGlobal).toBe(1);
  });

  it('after the org creates, updates and deletes, an incremental sync fetches only changes and equals a fresh full sync', async () => {
    const existing = org.control.records('Invoice').map((record) => record.Id as string);
    const created = org.control.createInvoices(60, 'Invoice');
    org.control.updateInvoices(existing.slice(100, 140));
    org.control.updateInvoices(existing.slice(200, 210), { Balance: 0 });
    org.control.deleteInvoices(existing.slice(300, 325));

    const describesBefore = describes();
    const sync = await harness.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    expect(sync.value).toMatchObject({ mode: 'incremental', deleted: 25, total: 4000 + 60 - 25 });
    // Right after a sync in this process, its describe is reused: no extra API call.
    expect(describes()).toBe(describesBefore);
    expect(sync.value.fetched).toBeLessThan(1000);

    const rows = (await list(harness)).invoices;
    expect(rows.some((row) => row.id === created[0])).toBe(true);
    expect(rows.some((row) => row.id === existing[300])).toBe(false);
    expect(rows.find((row) => row.id === existing[205])?.balance).toBe(0);
    expect(byId(rows)).toEqual(byId(await freshFullSync(temps[1]!.dir)));
  });

  it('leaves a field hidden by field-level security out with a warning instead of failing, and brings it back once visible', async () => {
    org.control.setFieldHidden('Invoice', 'Balance', true);
    try {
      // The reused describe still has Balance: Salesforce answers INVALID_FIELD, the sync describes again.
      const describesBefore = describes();
      const sync = await harness.call('invoices.sync', { connectionId });
      expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
      expect(describes()).toBeGreaterThan(describesBefore);
      // A different set of readable fields changes the rows: the sync is a full one.
      expect(sync.value.mode).toBe('full');
      const hidden = await list(harness);
      expect(hidden.invoices.every((row) => row.balance === null)).toBe(true);
      expect(hidden.warnings.join(' ')).toMatch(/Balance.*field-level security/);
      expect((await harness.call('invoices.mapping.get', { connectionId })).value.fields.balance).toBeUndefined();
    } finally {
      org.control.setFieldHidden('Invoice', 'Balance', false);
    }
    // A field made readable again shows once the reused describe is older than DESCRIBE_REUSE_MS.
    skew += DESCRIBE_REUSE_MS;
    const sync = await harness.call('invoices.sync', { connectionId });
    expect(sync.value.mode).toBe('full');
    const visible = await list(harness);
    expect(visible.warnings).toEqual([]);
    expect(byId(visible.invoices)).toEqual(byId(await freshFullSync(temps[2]!.dir)));
  });

  it('a changed mapping makes the next sync a full one', async () => {
    await harness.call('invoices.mapping.set', { connectionId, object: 'Invoice', fields: { total: 'TotalAmount' } });
    const sync = await harness.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(sync.value.mode).toBe('full');
    const again = await harness.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(again.value.mode).toBe('incremental');
  });
});
