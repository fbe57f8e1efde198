import { describe, expect, it } from 'vitest';
import { useOrgHarness } from '../../support/org-setup';
import type { CurrencyReceivables, InvoiceList } from '../../../electron/contract';
import { TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId } from '../invoices/support/invoice-harness';
import { expectedCurrencies, expectedFigures, minor } from './org-ledger';

/** Follow-up pages only (`/query/<locator>`). */
const NEXT_PAGES = '/services/data/v67.0/query/';

/**
 * An expired cursor (INVALID_QUERY_LOCATOR) in the related fetch's REST paging, not the invoices': the invoices fit in
 * one page (150 < 200), so the only follow-up pages are the payment objects' (Payment 210, PaymentLineInvoice 228 at
 * this seed). tests/integration/invoices/sync-faults.test.ts runs with payments off since 41aad8b, and the other cursor
 * faults (faults/sync-faults-table, receivables/whole-record) check invoice ids or the record phase, never the
 * payment figures: without this file, a related query that kept its first run's records after a restart (paid twice)
 * passed every test.
 */
describe('an expired cursor in the related fetch (payments)', () => {
  const world = useOrgHarness({ invoices: 150, objects: ['Invoice'], multiCurrency: true, batchSize: 200 }, { tuning: { pageSize: 200 }, secretBox: new TestSecretBox() });

  const figures = async () => {
    const list = (await world.harness.call('invoices.list', { connectionId })).value as InvoiceList;
    expect(list.payments).toBe('available');
    return list.invoices.map((row) => ({ id: row.id, paid: minor(row.paid!, row.currency), credited: minor(row.credited!, row.currency), fullyPaidOn: row.fullyPaidOn }));
  };
  const summary = async () => {
    const answer = await world.harness.call('invoices.receivablesSummary', { connectionId });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    return (answer.value as CurrencyReceivables[]).map((c) => ({ currency: c.currency, paymentsApplied: minor(c.paymentsApplied, c.currency), unappliedCash: minor(c.unappliedCash, c.currency) }));
  };
  const expected = () => {
    const want = expectedFigures(world.org, 'Invoice');
    return {
      rows: [...want].map(([id, e]) => ({ id, paid: e.paid, credited: e.credited, fullyPaidOn: e.fullyPaidOn })),
      currencies: expectedCurrencies(world.org, 'Invoice').map((c) => ({ currency: c.currency, paymentsApplied: c.paymentsApplied, unappliedCash: c.unappliedCash })),
    };
  };
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

  for (const mode of ['full', 'incremental'] as const) {
    it(`${mode}: the payments' query starts over and every payment is counted once (the org's figures, to the cent)`, async () => {
      // Every received payment touched (its status set to what it is: only SystemModstamp moves): the incremental's
      // queryAll pages through them too.
      const touch = () => {
        if (mode === 'incremental') for (const p of world.org.control.records('Payment')) if (p.Status === 'Processed') world.org.control.setSourceStatus(p.Id as string, 'Received');
      };
      const firstPages = () => (world.org.control.counters().requests.query ?? 0) + (world.org.control.counters().requests.queryAll ?? 0);
      const syncOnce = async (fault: boolean) => {
        touch();
        const before = firstPages();
        world.org.control.clearFaults();
        if (fault) world.org.control.injectFault({ kind: 'invalidLocator', count: 1, pathPrefix: NEXT_PAGES });
        const sync = await world.harness.call('invoices.sync', { connectionId, mode });
        world.org.control.clearFaults();
        expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
        return firstPages() - before;
      };
      const plain = await syncOnce(false);
      // The fault struck a related query's cursor: its first page was asked for once more than without it.
      expect(await syncOnce(true)).toBe(plain + 1);
      const want = expected();
      expect(byId(await figures())).toEqual(byId(want.rows));
      expect(await summary()).toEqual(want.currencies);
      expect(want.rows.filter((r) => r.paid > 0).length).toBeGreaterThan(20);
    });
  }
});
