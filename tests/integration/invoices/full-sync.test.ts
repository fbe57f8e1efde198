import { describe, expect, it } from 'vitest';
import { useOrgHarness } from '../../support/org-setup';
import { CONNECTION_ID } from './support/invoice-harness';

/** The synced set equals the org's: every id, total, balance and currency, past every 2,000 / 10,000 cap. */
describe('full sync of 25,000 invoices in pages of 500', () => {
  const world = useOrgHarness({ invoices: 25_000, multiCurrency: true }, { tuning: { pageSize: 500 } });

  it('fetches every page and the cached set equals the org', async () => {
    const started = Date.now();
    const sync = await world.harness.call('invoices.sync', { connectionId: CONNECTION_ID, mode: 'full' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    expect(sync.value).toMatchObject({ mode: 'full', fetched: 25_000, total: 25_000 });
    const elapsed = Date.now() - started;

    const list = await world.harness.call('invoices.list', { connectionId: CONNECTION_ID });
    expect(list.ok).toBe(true);
    const rows = list.value.invoices as { id: string; number: string; total: number; balance: number; currency: string }[];
    const expected = world.org.control.records('Invoice');
    expect(rows).toHaveLength(expected.length);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const record of expected) {
      const row = byId.get(record.Id as string);
      expect(row, `missing ${String(record.Id)}`).toBeDefined();
      expect([row!.number, row!.total, row!.balance, row!.currency]).toEqual([record.DocumentNumber, record.TotalAmountWithTax, record.Balance, record.CurrencyIsoCode]);
    }
    expect(new Set(rows.map((row) => row.currency))).toEqual(new Set(['USD', 'EUR', 'GBP', 'JPY']));
    expect(list.value.syncedAt).toBe(sync.value.syncedAt);
    expect(list.value.object).toBe('Invoice');

    // 50 pages of 500, each reported once, ending with `done`.
    const progress = world.harness.events.of('invoices.syncProgress').filter((event) => event.phase === 'fetching');
    expect(progress).toHaveLength(50);
    expect(progress.at(-1)).toMatchObject({ fetched: 25_000, total: 25_000 });
    expect(world.harness.events.of('invoices.syncProgress').at(-1)?.phase).toBe('done');
    expect(world.harness.directory.outcomes.at(-1)).toMatchObject({ at: sync.value.syncedAt, error: null, apiVersion: expect.stringMatching(/^\d+\.0$/) as unknown, durationMs: expect.any(Number) as unknown });
    console.info(`full sync of 25,000 invoices (pages of 500): ${elapsed} ms`);
  });
});
