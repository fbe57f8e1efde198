import { describe, expect, it } from 'vitest';
import type { InvoiceList } from '../../../electron/contract';
import { CONNECTION_ID as connectionId, withOrgHarness } from '../invoices/support/invoice-harness';
import { FAMILIES } from './org-families';

type Shape = keyof typeof FAMILIES;
const listOf = async (harness: Parameters<Parameters<typeof withOrgHarness>[1]>[0]) => (await harness.call('invoices.list', { connectionId })).value as InvoiceList;

/**
 * A launch or scheduled sync usually changes nothing: the list keeps its version (a window list that is loading goes on) and
 * its rows, payment figures included, are those of before — found without computing every invoice's figures twice
 * (invoice-list.ts sameRows over the same related records), whether the related objects came through REST or Bulk jobs.
 * A changed application moves the figures and the version (in a real org its roll-up moves the invoice's balance too:
 * tests/unit/invoices/list-version-figures.test.ts changes the related records alone).
 */
describe('the invoice list after a sync that changed nothing, with payments', () => {
  for (const [shape, bulk] of (Object.keys(FAMILIES) as Shape[]).flatMap((shape) => [[shape, undefined], [shape, 1]] as const)) {
    it(`${shape}${bulk ? ', Bulk jobs' : ''}: same version and rows (figures included); then an application changed in the org: new version, new figures`, async () => {
      await withOrgHarness({ invoices: 300, objects: [shape], multiCurrency: true }, async (harness, org) => {
        expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
        const before = await listOf(harness);
        expect(before.invoices.filter((row) => (row.paid ?? 0) > 0).length).toBeGreaterThan(10);

        expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
        const after = await listOf(harness);
        expect(after.version).toBe(before.version);
        expect(after.invoices).toEqual(before.invoices);

        const f = FAMILIES[shape];
        const paidBefore = new Map(before.invoices.map((row) => [row.id, row.paid ?? 0]));
        const app = org.control.records(f.paymentApp).find((a) => a[f.type] !== f.reversal && (a[f.amount] as number) > 2 && (paidBefore.get(a[f.appInvoice] as string) ?? 0) > 0)!;
        org.control.setApplicationAmount(app.Id as string, 1);
        expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
        const changed = await listOf(harness);
        expect(changed.version).not.toBe(before.version);
        const invoice = app[f.appInvoice] as string;
        expect(changed.invoices.find((row) => row.id === invoice)!.paid).toBeCloseTo(paidBefore.get(invoice)! - (app[f.amount] as number) + 1, 2);
      }, bulk ? { tuning: { bulkMinRecords: bulk } } : {});
    }, 120_000);
  }
});
