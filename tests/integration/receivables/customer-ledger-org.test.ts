import { describe, expect, it } from 'vitest';
import type { CustomerLedger, InvoiceList } from '../../../electron/contract';
import type { RunningOrg } from '../../org';
import { CONNECTION_ID as connectionId, withOrgHarness } from '../invoices/support/invoice-harness';
import { creditNotesLeft, FAMILIES, minor, paymentsWithCashLeft, received, refundedByPayment } from './org-ledger';

/** Names of the sources' own fields, as Salesforce has them (independent of the app's specs). */
const SOURCES = {
  Invoice: { paymentAccount: 'AccountId', paymentAmount: 'Amount', creditAccount: 'BillingAccountId', creditAmount: 'TotalAmountWithTax' },
  blng__Invoice__c: { paymentAccount: 'blng__Account__c', paymentAmount: 'blng__Amount__c', creditAccount: 'blng__Account__c', creditAmount: 'blng__TotalAmount__c' },
} as const;

/** One customer's (by name, or the one account `accountId`) unapplied cash and credits per currency (minor units) and the ids of their payments and open credit notes, from the org's records. */
function expectedCustomer(org: RunningOrg, shape: keyof typeof FAMILIES, customer: string, accountId?: string) {
  const f = FAMILIES[shape];
  const s = SOURCES[shape];
  const accounts = accountId ? new Set([accountId]) : new Set(org.control.records('Account').filter((a) => a.Name === customer).map((a) => a.Id as string));
  const unapplied = new Map<string, { cash: number; credits: number }>();
  // What refund lines paid back of a payment is no longer unapplied cash; of a Billing credit note (through its lines), no longer credit to apply.
  const refunded = refundedByPayment(org, shape);
  const creditRefunded = shape === 'blng__Invoice__c' ? creditNotesLeft(org) : new Map<string, { refunded: number }>();
  const side = (object: string, accountField: string, amountField: string, appObject: string, ref: string, key: 'cash' | 'credits') => {
    const applied = new Map<string, number>();
    for (const app of org.control.records(appObject)) {
      if (!((app[f.amount] as number) > 0)) continue;
      applied.set(app[ref] as string, (applied.get(app[ref] as string) ?? 0) + (app[f.type] === f.reversal ? -1 : 1) * (app[f.amount] as number));
    }
    const ids: string[] = [];
    for (const record of org.control.records(object)) {
      if (!accounts.has(record[accountField] as string) || !received(record, f.sourceStatus)) continue;
      const currency = String(record.CurrencyIsoCode);
      const rest = minor(record[amountField] as number, currency) - minor(applied.get(record.Id as string) ?? 0, currency)
        - (key === 'cash' ? minor(refunded.get(record.Id as string) ?? 0, currency) : (creditRefunded.get(record.Id as string)?.refunded ?? 0));
      const e = unapplied.get(currency) ?? { cash: 0, credits: 0 };
      unapplied.set(currency, e);
      e[key] += rest;
      if (key === 'cash' || rest !== 0) ids.push(record.Id as string);
    }
    return ids.sort();
  };
  const payments = side(f.payment, s.paymentAccount, s.paymentAmount, f.paymentApp, f.paymentRef, 'cash');
  const credits = side(f.credit, s.creditAccount, s.creditAmount, f.creditApp, f.creditRef, 'credits');
  return { payments, credits, unapplied: [...unapplied].sort(([a], [b]) => a.localeCompare(b)).map(([currency, e]) => ({ currency, ...e })) };
}

async function compareCustomers(harness: Parameters<Parameters<typeof withOrgHarness>[1]>[0], org: RunningOrg, shape: keyof typeof FAMILIES): Promise<number> {
  const list = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
  const customers = [...new Set(list.invoices.map((row) => row.customer).filter((c): c is string => c !== null))];
  let withUnapplied = 0;
  for (const customer of customers) {
    const got = (await harness.call('invoices.customer', { connectionId, customer })).value as CustomerLedger;
    const want = expectedCustomer(org, shape, customer);
    expect(got.available, customer).toBe(true);
    expect({
      payments: got.payments.map((p) => p.id).sort(),
      credits: got.credits.map((c) => c.id).sort(),
      unapplied: got.unapplied.map((u) => ({ currency: u.currency, cash: minor(u.cash, u.currency), credits: minor(u.credits, u.currency) })),
    }, customer).toEqual(want);
    if (want.unapplied.some((u) => u.cash > 0 || u.credits > 0)) withUnapplied++;
  }
  return withUnapplied;
}

describe('the customer view’s payments, unapplied cash and credits against the org’s records, both shapes', () => {
  for (const shape of ['Invoice', 'blng__Invoice__c'] as const) {
    it(`${shape}: every customer, after a full sync and after the control API applies, reverses, credits and deletes`, async () => {
      await withOrgHarness({ invoices: 300, objects: [shape], multiCurrency: true, unappliedShare: 0.3 }, async (harness, org) => {
        const f = FAMILIES[shape];
        expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
        expect(await compareCustomers(harness, org, shape)).toBeGreaterThan(5);

        const open = org.control.records(shape).filter((i) => (i[f.balance] as number) > 1).map((i) => i.Id as string);
        org.control.applyPayment(open[0]!, 1);
        org.control.issueCreditNote(open[1]!, 0.5);
        const apps = org.control.records(f.paymentApp).filter((a) => a[f.type] !== f.reversal);
        org.control.reverseApplication(apps[0]!.Id as string);
        org.control.deletePayment(apps[7]![f.paymentRef] as string);
        // A payment turns Draft, another Canceled, a credit note Draft: never money received / credit issued.
        const withCash = paymentsWithCashLeft(org, shape);
        org.control.setSourceStatus(withCash[0]!, 'Draft');
        org.control.setSourceStatus(withCash[1]!, 'Canceled');
        org.control.setSourceStatus(org.control.records(f.credit)[0]!.Id as string, 'Draft');
        expect(org.control.records(f.payment).filter((p) => !received(p, f.sourceStatus)).length).toBeGreaterThanOrEqual(2);
        expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
        await compareCustomers(harness, org, shape);
      });
    }, 120_000);
  }

  it('by the invoices’ account id: two accounts of one name are two customers, an account renamed after a sync is one', async () => {
    await withOrgHarness({ invoices: 300, objects: ['Invoice'], multiCurrency: true, unappliedShare: 0.3 }, async (harness, org) => {
      const shape = 'Invoice';
      const nameOf = (id: string) => org.control.records('Account').find((a) => a.Id === id)!.Name as string;
      const payers = [...new Set(org.control.records('Payment').map((p) => p.AccountId as string))];
      const [a, b, c] = payers as [string, string, string];
      // b is given a's name before the first sync: the copy has two accounts called the same.
      org.control.renameAccount(b, nameOf(a));
      const name = nameOf(a);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const list = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
      // The copy carries each invoice's account id.
      for (const account of [a, b]) {
        const own = org.control.records(shape).filter((i) => i.BillingAccountId === account).map((i) => i.Id as string).sort();
        expect(list.invoices.filter((r) => r.customerId === account).map((r) => r.id).sort()).toEqual(own);
        expect(own.length).toBeGreaterThan(0);
      }
      const ledgerOf = async (customer: string, account?: string) =>
        (await harness.call('invoices.customer', { connectionId, customer, ...(account ? { account } : {}) })).value as CustomerLedger;
      const seen = (got: CustomerLedger) => ({
        payments: got.payments.map((p) => p.id).sort(),
        credits: got.credits.map((x) => x.id).sort(),
        unapplied: got.unapplied.map((u) => ({ currency: u.currency, cash: minor(u.cash, u.currency), credits: minor(u.credits, u.currency) })),
      });
      const first = await ledgerOf(name, a);
      const second = await ledgerOf(name, b);
      expect(first.accounts).toBe(1);
      expect(seen(first)).toEqual(expectedCustomer(org, shape, name, a));
      expect(seen(second)).toEqual(expectedCustomer(org, shape, name, b));
      expect(first.payments.some((p) => second.payments.some((q) => q.id === p.id))).toBe(false);
      // By name alone (a copy from before the ids): both accounts, as before.
      expect((await ledgerOf(name)).accounts).toBe(2);

      // c is renamed; one of its invoices is paid (that invoice and the new payment come again with the new name, the rest keep the old one).
      const oldName = nameOf(c);
      org.control.renameAccount(c, 'Renamed Co');
      const openOfC = org.control.records(shape).find((i) => i.BillingAccountId === c && (i.Balance as number) > 1)!;
      const paid = org.control.applyPayment(openOfC.Id as string, 1);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
      const after = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
      const names = new Set(after.invoices.filter((r) => r.customerId === c).map((r) => r.customer));
      expect(names).toEqual(new Set([oldName, 'Renamed Co']));
      const renamed = await ledgerOf('Renamed Co', c);
      expect(seen(renamed)).toEqual(expectedCustomer(org, shape, 'Renamed Co', c));
      expect(renamed.payments.length).toBeGreaterThan(1);
      expect(renamed.payments.map((p) => p.id)).toContain(paid.paymentId);
    });
  }, 120_000);
});
