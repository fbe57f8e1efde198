import { describe, expect, it } from 'vitest';
import type { CurrencyReceivables, CustomerLedger, InvoiceList, InvoiceReceivables } from '../../../electron/contract';
import { CONNECTION_ID as connectionId, withOrgHarness } from '../invoices/support/invoice-harness';
import { FAMILIES } from './org-ledger';

/**
 * One application object hidden from the user (the other readable): nothing applied of that kind is in the copy, so
 * what the app could compute from the rest — every payment "unapplied", every invoice "paid 0", days to pay from
 * credit notes alone, balances as of a past day from half the applications — would be wrong. The app says it cannot
 * tell instead of showing those figures; the detail panel still lists what it can read and flags the difference.
 */
describe('payment or credit applications hidden from the user, the rest readable', () => {
  for (const [shape, hidden] of [['Invoice', 'paymentApp'], ['blng__Invoice__c', 'creditApp']] as const) {
    it(`${shape}: ${FAMILIES[shape][hidden]} unreadable — no payment columns, no collection figures, no unapplied cash or credits`, async () => {
      await withOrgHarness({ invoices: 200, objects: [shape], multiCurrency: true, unappliedShare: 0.3 }, async (harness, org) => {
        org.control.setObjectHidden(FAMILIES[shape][hidden], true);
        expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);

        const list = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
        expect(list.payments).toBe('unreadable');
        expect(list.invoices.every((row) => row.paid === undefined && row.fullyPaidOn === undefined)).toBe(true);

        expect((await harness.call('invoices.receivablesSummary', { connectionId })).value as CurrencyReceivables[]).toEqual([]);

        const asOf = (await harness.call('invoices.balancesAsOf', { connectionId, asOf: '2026-01-31' })).value as { applications: boolean };
        expect(asOf.applications).toBe(false);

        const customer = list.invoices.find((row) => row.customer)!.customer!;
        const ledger = (await harness.call('invoices.customer', { connectionId, customer })).value as CustomerLedger;
        expect(ledger).toMatchObject({ available: false, payments: [], credits: [], unapplied: [] });
        expect(ledger.note).toMatch(/cannot be read/);

        // The detail panel still shows what can be read, with the warning and the difference from Salesforce's balance.
        const settled = list.invoices.find((row) => row.balance === 0 && (row.total ?? 0) > 0)!;
        const detail = (await harness.call('invoices.receivables', { connectionId, id: settled.id })).value as InvoiceReceivables;
        expect(detail.available).toBe(true);
        expect(detail.warnings.join(' ')).toContain(FAMILIES[shape][hidden]);
      });
    }, 120_000);
  }
});

describe('an application object the user cannot read', () => {
  it('is named once in the warning (its label and its API name, not the API name twice)', async () => {
    await withOrgHarness({ invoices: 20, objects: ['Invoice'] }, async (harness, org) => {
      org.control.setObjectHidden('PaymentLineInvoice', true);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const id = ((await harness.call('invoices.list', { connectionId })).value as InvoiceList).invoices[0]!.id;
      const detail = (await harness.call('invoices.receivables', { connectionId, id })).value as InvoiceReceivables;
      expect(detail.warnings).toContain('Payment applications (PaymentLineInvoice) are not in this org or cannot be read with your Salesforce access, so they are not shown.');
    });
  });
});
