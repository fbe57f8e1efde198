import { describe, expect, it } from 'vitest';
import { useOrgHarness } from '../../support/org-setup';
import type { InvoiceList } from '../../../electron/contract';
import { CONNECTION_ID as connectionId, withOrgHarness } from '../invoices/support/invoice-harness';
import { expectedBalancesAsOf, FAMILIES, minor } from './org-ledger';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

/** Balances as of an earlier day, from the applications synced with their dates, against the org's own records. */
describe.each(Object.keys(FAMILIES) as (keyof typeof FAMILIES)[])('invoices.balancesAsOf over %s', (shape) => {
  const world = useOrgHarness({ invoices: 800, objects: [shape], multiCurrency: true }, { sync: 'incremental' });

  for (const back of [45, 120]) {
    it(`as of ${back} days ago: Salesforce's balance plus what was applied after that day, every invoice dated by then`, async () => {
      const asOf = daysAgo(back);
      const list = (await world.harness.call('invoices.list', { connectionId })).value as InvoiceList;
      const answer = await world.harness.call('invoices.balancesAsOf', { connectionId, asOf });
      expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
      expect(answer.value.applications).toBe(true);
      const balances = answer.value.balances as Record<string, number>;
      const expected = expectedBalancesAsOf(world.org, shape, asOf);
      let changed = 0;
      let checked = 0;
      for (const row of list.invoices) {
        const want = expected.get(row.id);
        if (!want) continue; // dated after the day: the workspace leaves it out
        checked++;
        const got = balances[row.id] ?? row.balance!;
        expect(minor(got, row.currency), row.number).toBe(minor(want.balance, want.currency));
        if (balances[row.id] !== undefined) changed++;
      }
      // Both kinds are there: invoices paid (in part) after the day, and invoices whose applications all came before it.
      expect(changed).toBeGreaterThan(10);
      expect(checked - changed).toBeGreaterThan(10);
      // Only the invoices whose balance then differed are sent.
      for (const [id, balance] of Object.entries(balances)) expect(balance).not.toBe(list.invoices.find((row) => row.id === id)!.balance);
    });
  }

  it('today: nothing differs; a bad date is refused with a clear error', async () => {
    const today = await world.harness.call('invoices.balancesAsOf', { connectionId, asOf: '2999-12-31' });
    expect(today.value.balances).toEqual({});
    const bad = await world.harness.call('invoices.balancesAsOf', { connectionId, asOf: '30.11.2026' });
    expect(bad.ok).toBe(false);
    expect(bad.error!.code).toBe('INVALID_INPUT');
  });
});

describe('invoices.balancesAsOf without payment objects', () => {
  it('says the balances are those of the last sync', async () => {
    await withOrgHarness({ invoices: 50, objects: ['Invoice__c'] }, async (harness) => {
      await harness.call('invoices.sync', { connectionId });
      const answer = await harness.call('invoices.balancesAsOf', { connectionId, asOf: daysAgo(30) });
      expect(answer.value).toEqual({ applications: false, balances: {}, figures: {} });
    });
  });
});
