import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditNoteApplications, creditNotesLeft, minor, paymentsWithCashLeft } from '../../integration/receivables/org-ledger';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { connectDemo, openCustomerView, waitForSynced, waitForVisibleCount } from '../workspace/workspace-driver';

/**
 * A new user in German, Salesforce Billing: a credit note refunded (through its line) and partly taken by a debit note allocated
 * to its line, then applied beyond what was left by an import, and a payment refunded beyond what was left — the customer view
 * says what each refund paid back, what the debit note took and why a rest is below zero, in the user's words.
 */
describe('refunded credit note and a refund beyond the rest, in German (issue 13)', () => {
  let w: WorkspaceFixture;
  let account: string;
  let noteId: string;
  let paymentId: string;

  beforeAll(async () => {
    w = await startWorkspace({ org: { invoices: 400, objects: ['blng__Invoice__c'], unappliedShare: 0.5 }, harness: { locale: 'de-DE' } });
    // A customer with a credit note applied to an invoice and left to apply, and a payment with cash left (one account).
    const applied = creditNoteApplications(w.org);
    const notes = [...creditNotesLeft(w.org)].filter(([id, c]) => c.unapplied >= 300 && c.refunded === 0 && [...(applied.get(id)?.values() ?? [])].some((net) => net > 0));
    const payments = new Set(paymentsWithCashLeft(w.org, 'blng__Invoice__c'));
    const byId = new Map(w.org.control.records('blng__Payment__c').map((p) => [p.Id as string, p]));
    const noteAccount = new Map(w.org.control.records('blng__CreditNote__c').map((c) => [c.Id as string, c.blng__Account__c as string]));
    const pick = notes.map(([id]) => [id, [...payments].find((p) => byId.get(p)!.blng__Account__c === noteAccount.get(id) && byId.get(p)!.blng__Status__c !== 'Draft')] as const).find(([, p]) => p)!;
    [noteId, paymentId] = [pick[0], pick[1]!];
    account = noteAccount.get(noteId)!;
    w.org.control.issueCreditNoteRefund(noteId, 2);
    // A debit note of the same account allocated to the credit note's line for 1 (its blng__Debits__c): taken off what is left too.
    w.org.control.allocateDebitNote(w.org.control.issueDebitNote(account, 4), noteId, 1);
    // Then an import applies all that was left of the credit note and 1 more to an invoice of its currency: its rest is 1 below
    // zero, refunds and the debit note having taken part (both said beside it; the currency's sum says it counts one below zero).
    const left = creditNotesLeft(w.org).get(noteId)!;
    const open = w.org.control.records('blng__Invoice__c').find((i) => (i.CurrencyIsoCode ?? 'USD') === left.currency && (i.blng__Balance__c as number) > left.unapplied / 100 + 5)!;
    w.org.control.allocateCreditNote(noteId, open.Id as string, left.unapplied / 100 + 1);
    // The whole rest of the payment refunded, then 1 more allocated to an invoice of its currency: 1 below zero.
    w.org.control.issueRefund(paymentId);
    const currency = byId.get(paymentId)!.CurrencyIsoCode;
    const invoice = w.org.control.records('blng__Invoice__c').find((i) => i.CurrencyIsoCode === currency && (i.blng__Balance__c as number) > 5)!;
    w.org.control.allocatePayment(paymentId, invoice.Id as string, 1);
    await connectDemo(w.page, w.agent());
    await waitForSynced(w.page, w.org.control.records('blng__Invoice__c').length);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('says what was refunded of the credit note, and why the payment’s rest is below zero', async () => {
    const customer = w.org.control.records('Account').find((a) => a.Id === account)!.Name as string;
    const view = await openCustomerView(w.page, customer);

    const note = view.locator(`[data-testid="customer-credit"][data-id="${noteId}"]`);
    const left = creditNotesLeft(w.org).get(noteId)!;
    expect(minor(Number(await note.getAttribute('data-unapplied')), left.currency)).toBe(left.unapplied);
    expect(await note.getByTestId('customer-refunded').textContent()).toMatch(/an den Kunden erstattet/);
    expect(left.debited).toBe(100);
    expect(await note.getByTestId('customer-debited').textContent()).toMatch(/^− 1,00\s*\S+ durch Belastungsanzeigen verrechnet$/);
    // Below zero as the org's records give it, never clamped: flagged beside the credit note and on its currency's sum.
    expect(left.unapplied).toBe(-100);
    expect(await note.getByTestId('customer-over-debited').textContent()).toMatch(/^Durch Belastungsanzeigen mehr verrechnet, als nicht zugeordnet war/);
    const card = view.locator(`[data-testid="customer-card"][data-currency="${left.currency}"]`);
    expect(await card.getByTestId('customer-credits-below-zero').textContent()).toBe('Enthält 1 Gutschrift unter null (von ihr wurde mehr verrechnet, als sie umfasst): so mitgezählt, siehe unten.');

    const payment = view.locator(`[data-testid="customer-payment"][data-id="${paymentId}"]`);
    expect(Number(await payment.getAttribute('data-unapplied'))).toBe(-1);
    expect(await payment.getByTestId('customer-over-refunded').textContent()).toMatch(/^Mehr erstattet, als nicht zugeordnet war/);
    await w.harness.screenshot('customer-view-credit-refund-de');
    await expectAccessible(w.page, 'customer view (de) with a refunded credit note and a refund beyond the rest');
    await view.press('Escape');
  });

  it('lists the credit note’s refund on the invoice it was applied to, dated, as information: the balance unchanged', async () => {
    // An invoice the credit note is still applied to (its allocations there net of unallocations > 0).
    const [invoiceId] = [...creditNoteApplications(w.org).get(noteId)!].find(([, net]) => net > 0)!;
    const invoice = w.org.control.records('blng__Invoice__c').find((i) => i.Id === invoiceId)!;
    await w.page.getByTestId('search').fill(String(invoice.Name));
    await waitForVisibleCount(w.page, 1);
    await w.page.locator('.grid-body [role="row"]').first().click();
    await w.page.keyboard.press('Enter');
    const panel = w.page.getByTestId('detail-panel');
    await panel.getByTestId('receivables-timeline').waitFor();
    const refund = panel.locator('[data-testid="receivables-entry"][data-refund-of="credit"]');
    await poll(() => refund.count()).toBe(1);
    expect(await refund.textContent()).toContain('Erstattung aus Gutschrift');
    expect(await refund.textContent()).toContain('Aus dieser Gutschrift an den Kunden zurückgezahlt');
    expect(await refund.getByTestId('receivables-effect').getAttribute('data-effect')).toBe('0');
    expect(await refund.getByTestId('receivables-effect').getAttribute('data-shown')).toBe('-2');
    // The arithmetic is the applications' alone: it still reaches Salesforce's balance.
    expect(await panel.getByTestId('receivables-computed').textContent()).toBe(await panel.getByTestId('detail-balance').textContent());
    await expectAccessible(w.page, 'detail panel (de) with a credit note refund');
  });
});
