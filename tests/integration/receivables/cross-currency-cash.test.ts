import { describe, expect, it } from 'vitest';
import type { CurrencyReceivables, CustomerLedger } from '../../../electron/contract';
import { CONNECTION_ID as connectionId, withOrgHarness } from '../invoices/support/invoice-harness';
import { expectedCurrencies, FAMILIES, minor, paymentsWithCashLeft, summaryInMinor, unappliedCashOf } from './org-ledger';
import { invoiceStatusKind } from './org-families';

/**
 * A payment applied in another currency than its own (Salesforce refuses it; an import can leave it): its own currency
 * is used up — unapplied 0 there, the other currency's application shown beside it, never summed into any currency —
 * in the customer view, statements (they list the ledger's payments) and `receivablesSummary` (headless
 * `unappliedCash`) alike; taken back, the payment's cash is unapplied again. Against the org's records (org-ledger.ts).
 */
describe('unapplied cash of a payment applied in another currency, both shapes', () => {
  for (const shape of ['Invoice', 'blng__Invoice__c'] as const) {
    it(`${shape}: 0 while applied in another currency, shown beside it; its cash back once that is taken back`, async () => {
      await withOrgHarness({ invoices: 300, objects: [shape], multiCurrency: true, unappliedShare: 0.3 }, async (harness, org) => {
        const f = FAMILIES[shape];
        const summary = async () => summaryInMinor((await harness.call('invoices.receivablesSummary', { connectionId })).value as CurrencyReceivables[]);
        expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
        const payments = org.control.records(f.payment);
        // A payment with cash left, and an open invoice in another currency than the payment's.
        const payment = payments.find((p) => paymentsWithCashLeft(org, shape).includes(p.Id as string))!;
        const own = String(payment.CurrencyIsoCode);
        const invoice = org.control.records(shape).find((i) => String(i.CurrencyIsoCode) !== own && (i[f.balance] as number) > 10 && invoiceStatusKind(i[f.status]) === 'posted')!;
        const other = String(invoice.CurrencyIsoCode);
        const before = unappliedCashOf(org, shape).get(payment.Id as string)!;
        expect(before[1]).toBeGreaterThan(0);

        const applicationId = org.control.allocatePayment(payment.Id as string, invoice.Id as string, 5);
        expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
        expect(unappliedCashOf(org, shape).get(payment.Id as string)).toEqual([own, 0]);
        expect(await summary()).toEqual(expectedCurrencies(org, shape));

        // The customer view (and the statement, which lists its payments): 0 unapplied, the yen (pounds …) beside it.
        const account = payment[shape === 'Invoice' ? 'AccountId' : 'blng__Account__c'] as string;
        const name = org.control.records('Account').find((a) => a.Id === account)!.Name as string;
        const ledger = (await harness.call('invoices.customer', { connectionId, customer: name, account })).value as CustomerLedger;
        const shown = ledger.payments.find((p) => p.id === payment.Id)!;
        expect(shown).toMatchObject({ currency: own, unapplied: 0, otherCurrency: [{ currency: other, amount: 5 }] });
        const cash = new Map<string, number>();
        for (const [id, [currency, rest]] of unappliedCashOf(org, shape)) if (ledger.payments.some((p) => p.id === id)) cash.set(currency, (cash.get(currency) ?? 0) + rest);
        expect(ledger.unapplied.map((u) => [u.currency, minor(u.cash, u.currency)])).toEqual([...cash].sort(([a], [b]) => a.localeCompare(b)));

        // Taken back: the payment's cash is as before, nothing shown beside it.
        org.control.reverseApplication(applicationId);
        expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
        expect(unappliedCashOf(org, shape).get(payment.Id as string)).toEqual(before);
        expect(await summary()).toEqual(expectedCurrencies(org, shape));
        const again = ((await harness.call('invoices.customer', { connectionId, customer: name, account })).value as CustomerLedger).payments.find((p) => p.id === payment.Id)!;
        expect(minor(again.unapplied, own)).toBe(before[1]);
        expect(again.otherCurrency).toBeUndefined();
      });
    }, 120_000);
  }
});
