import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILIES, minor, paymentsWithCashLeft, received, refundedByPayment, unappliedCashOf } from '../../integration/receivables/org-ledger';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { connectDemo, openCustomerView, waitForSynced, waitForVisibleCount } from '../workspace/workspace-driver';

const f = FAMILIES.Invoice;

/** A payment's amount − net applied − net refunded, in minor units, from the org's records (not the app's code). */
function unappliedOf(w: WorkspaceFixture, paymentId: string): { currency: string; unapplied: number } {
  const payment = w.org.control.records(f.payment).find((p) => p.Id === paymentId)!;
  const currency = String(payment.CurrencyIsoCode);
  let applied = 0;
  for (const app of w.org.control.records(f.paymentApp)) {
    if (app[f.paymentRef] === paymentId) applied += (app[f.type] === f.reversal ? -1 : 1) * minor(app[f.amount] as number, currency);
  }
  const refunded = minor(refundedByPayment(w.org, 'Invoice').get(paymentId) ?? 0, currency);
  return { currency, unapplied: minor(payment[f.amount] as number, currency) - applied - refunded };
}

/** Finds one invoice by its number and opens its detail panel, its payments and credits read. */
async function openDetail(w: WorkspaceFixture, number: string) {
  await w.page.getByTestId('search').fill(number);
  await waitForVisibleCount(w.page, 1);
  await w.page.locator('.grid-body [role="row"]').first().click();
  await w.page.keyboard.press('Enter');
  const panel = w.page.getByTestId('detail-panel');
  await panel.getByTestId('receivables-timeline').waitFor();
  return panel;
}

describe('a refund of a payment (issue 13)', () => {
  let w: WorkspaceFixture;
  let paymentId: string;
  let invoiceId: string;
  let overId: string;
  let driftId: string;

  beforeAll(async () => {
    w = await startWorkspace({ org: { invoices: 400, unappliedShare: 0.4 } });
    // A payment with cash left, not refunded yet, applied to an invoice: Salesforce refunds 1.50 of it.
    const refunded = refundedByPayment(w.org, 'Invoice');
    const apps = w.org.control.records(f.paymentApp);
    paymentId = paymentsWithCashLeft(w.org, 'Invoice').find((id) => !refunded.has(id) && unappliedOf(w, id).unapplied >= 300 && apps.some((a) => a[f.paymentRef] === id))!;
    invoiceId = apps.find((a) => a[f.paymentRef] === paymentId)![f.appInvoice] as string;
    w.org.control.issueRefund(paymentId, 1.5);
    // Another payment with cash left, of another account, not refunded: an import allocates all that is left and 20 more (its
    // applications alone exceed its amount by 20).
    const accountOf = (id: string) => w.org.control.records(f.payment).find((p) => p.Id === id)!.AccountId;
    overId = paymentsWithCashLeft(w.org, 'Invoice').find((id) => id !== paymentId && accountOf(id) !== accountOf(paymentId) && !refunded.has(id) && unappliedOf(w, id).unapplied >= 300)!;
    const over = unappliedOf(w, overId);
    const amount = (over.unapplied + minor(20, over.currency)) / (over.currency === 'JPY' ? 1 : 100);
    const open = w.invoices().find((i) => i.currency === over.currency && (i.balance ?? 0) >= amount)!;
    w.org.control.allocatePayment(overId, open.id, amount);
    // An invoice of a third account, partly paid by a payment, whose balance Salesforce then halves with no application
    // record (what real orgs show: a roll-up or an import out of step): its applications no longer reach its balance.
    const busy = new Set([paymentId, overId].map(accountOf));
    const paidTo = new Set(apps.map((a) => a[f.appInvoice] as string));
    driftId = w.org.control.records('Invoice').find((i) => i.Status === 'Posted' && !busy.has(i.BillingAccountId) && paidTo.has(i.Id as string) && (i.Balance as number) >= 300 && i.Id !== invoiceId && i.Id !== open.id)!.Id as string;
    w.org.control.updateInvoices([driftId]);
    await connectDemo(w.page, w.agent());
    await waitForSynced(w.page, w.invoices().length);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('is listed on the invoice its payment paid, as information: its amount and date, no effect on the balance', async () => {
    const invoice = w.invoices().find((i) => i.id === invoiceId)!;
    const panel = await openDetail(w, invoice.number);
    const refund = panel.locator('[data-testid="receivables-entry"][data-kind="refund"]');
    await poll(() => refund.count()).toBe(1);
    expect(await refund.getByTestId('receivables-effect').getAttribute('data-effect')).toBe('0');
    expect(await refund.getByTestId('receivables-effect').textContent()).toMatch(/1\.50/);
    // Signed as money paid back out of the payment (−), as the arithmetic signs a payment.
    expect(await refund.getByTestId('receivables-effect').getAttribute('data-shown')).toBe('-1.5');
    expect(await refund.textContent()).toContain('Paid back to the customer out of this payment');
    // The balance is Salesforce's, reached by the applications alone: no mismatch.
    expect(await panel.getByTestId('receivables-computed').textContent()).toBe(await panel.getByTestId('detail-balance').textContent());
    expect(await panel.getByTestId('receivables-mismatch').count()).toBe(0);
    await w.harness.screenshot('detail-receivables-refund');
    await expectAccessible(w.page, 'detail panel with a refund');
  });

  it('lowers the payment’s unapplied cash in the customer view by what was paid back', async () => {
    const panel = w.page.getByTestId('detail-panel');
    await panel.getByTestId('detail-customer').click();
    const view = w.page.getByTestId('customer-view');
    await view.getByTestId('customer-card').first().waitFor();
    await view.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    const row = view.locator(`[data-testid="customer-payment"][data-id="${paymentId}"]`);
    const { currency, unapplied } = unappliedOf(w, paymentId);
    expect(minor(Number(await row.getAttribute('data-unapplied')), currency)).toBe(unapplied);
    expect(Number(await row.getByTestId('customer-refunded').getAttribute('data-amount'))).toBe(1.5);
    expect(await row.getByTestId('customer-refunded').textContent()).toContain('refunded to the customer');
    await w.harness.screenshot('customer-view-refund');
    await expectAccessible(w.page, 'customer view with a refund');
  });
  it('a payment applied for more than its amount: its unapplied below zero, said beside it as over-applied (not refunded), and counted on its currency’s card', async () => {
    const payment = w.org.control.records(f.payment).find((p) => p.Id === overId)!;
    const customer = w.org.control.records('Account').find((a) => a.Id === payment.AccountId)!.Name as string;
    await w.page.keyboard.press('Escape');
    const view = await openCustomerView(w.page, customer);
    const row = view.locator(`[data-testid="customer-payment"][data-id="${overId}"]`);
    const { currency, unapplied } = unappliedOf(w, overId);
    expect(unapplied).toBe(-minor(20, currency));
    expect(minor(Number(await row.getAttribute('data-unapplied')), currency)).toBe(unapplied);
    expect(await row.getByTestId('customer-over-applied').textContent()).toBe('Applied to invoices for more than its amount: shown below zero, as Salesforce’s records give it.');
    expect(await row.getByTestId('customer-over-refunded').count()).toBe(0);
    // The card counts the account's payments below zero in that currency, as the org's records give them.
    const cash = unappliedCashOf(w.org, 'Invoice');
    const belowZero = w.org.control.records(f.payment)
      .filter((p) => p.AccountId === payment.AccountId && String(p.CurrencyIsoCode) === currency && received(p, f.sourceStatus) && cash.get(p.Id as string)![1] < 0).length;
    const card = view.locator(`[data-testid="customer-card"][data-currency="${currency}"]`);
    expect(await card.getByTestId('customer-cash-below-zero').textContent()).toBe(
      belowZero === 1 ? 'Includes 1 payment below zero (more was taken of it than it holds): summed as it is, see below.' : `Includes ${belowZero} payments below zero (more was taken of them than they hold): summed as they are, see below.`,
    );
    await expectAccessible(w.page, 'customer view with an over-applied payment');
  });

  it('an invoice whose applications do not reach Salesforce’s balance: the difference flagged, both balances shown, neither changed', async () => {
    await w.page.keyboard.press('Escape');
    const invoice = w.invoices().find((i) => i.id === driftId)!;
    // From the org's records: total − net payments − net credits applied, against the balance Salesforce states.
    const net = (object: string) => w.org.control.records(object).filter((a) => a[f.appInvoice] === driftId)
      .reduce((sum, a) => sum + (a[f.type] === f.reversal ? -1 : 1) * minor(a[f.amount] as number, invoice.currency), 0);
    const computed = minor(invoice.total!, invoice.currency) - net(f.paymentApp) - net(f.creditApp);
    const stated = minor(invoice.balance!, invoice.currency);
    expect(stated).toBeLessThan(computed);
    const panel = await openDetail(w, invoice.number);
    const digits = async (text: Promise<string | null>) => Number((await text)!.replace(/\D/g, ''));
    // The computed balance is the applications' (not replaced by Salesforce's), the header keeps Salesforce's.
    expect(await digits(panel.getByTestId('receivables-computed').textContent())).toBe(computed);
    expect(await digits(panel.getByTestId('detail-balance').textContent())).toBe(stated);
    const flag = panel.getByTestId('receivables-mismatch');
    await poll(() => flag.count()).toBe(1);
    expect(await flag.textContent()).toContain('Salesforce’s balance differs from what was applied by');
    expect(await digits(flag.textContent())).toBe(computed - stated);
    await expectAccessible(w.page, 'detail panel with a balance mismatch');
  });
});
