import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedCurrencies, expectedFigures, minor, unappliedCashOf } from '../../integration/receivables/org-ledger';
import { tempDir } from '../../support/test-ports';
import type { OrgInvoice } from '../workspace/expected';
import { exportXlsx, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { setAsOf, visibleCount, waitForSynced, waitForVisibleCount } from '../workspace/workspace-driver';

/**
 * An as-of view is the ledger as it stood that day (README "Aging as of a date") — its payment figures too, not only its
 * balances (reviewC, session 16: as of 45 days back "Paid late" listed 1,251 invoices, 45 of them still open that day; a
 * payment taken back and applied again today moved yesterday's average days to pay). Expected values straight from the
 * org's records (org-ledger.ts, applications dated after the day left out), never from the app.
 */
describe('payment figures in an as-of view', () => {
  let w: WorkspaceFixture;
  let invoices: OrgInvoice[];
  const files = tempDir('budgetly-as-of-');

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 3000 } });
    invoices = w.invoices();
  });
  afterAll(async () => {
    await w?.close();
    files.remove();
  });

  const cards = () =>
    w.page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('[data-testid="currency-card"]')].map((card) => {
        const v = card.querySelector('[data-testid="average-days-to-pay"]')?.getAttribute('data-value');
        return [card.getAttribute('data-currency'), v === '' || v === undefined || v === null ? null : Number(v)];
      })),
    );
  const filters = () => w.page.getByRole('complementary', { name: 'Filters' });

  it('"Paid late", "Has credit notes" and the exported Paid amount count the applications made by the day', async () => {
    const asOf = new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10);
    expect(await setAsOf(w.page, asOf)).toBe('applications');
    const existing = invoices.filter((i) => i.invoiceDate === null || i.invoiceDate <= asOf);
    await waitForVisibleCount(w.page, existing.length);
    const then = expectedFigures(w.org, 'Invoice', asOf);
    const today = expectedFigures(w.org, 'Invoice');
    const late = (figures: typeof then) => existing.filter((i) => {
      const f = figures.get(i.id)!;
      return f.fullyPaidOn !== null && i.dueDate !== null && f.fullyPaidOn > i.dueDate;
    });
    const credited = (figures: typeof then) => existing.filter((i) => figures.get(i.id)!.credited > 0);
    // The data holds invoices paid late only after the day (else this would prove nothing).
    expect(late(today).length).toBeGreaterThan(late(then).length);

    await filters().getByLabel('Paid late').check();
    await poll(() => visibleCount(w.page)).toBe(late(then).length);
    await filters().getByLabel('Paid late').uncheck();
    await filters().getByLabel('Has credit notes').check();
    await poll(() => visibleCount(w.page)).toBe(credited(then).length);
    await filters().getByLabel('Has credit notes').uncheck();
    await waitForVisibleCount(w.page, existing.length);

    // The export of the as-of view writes the same figures: Paid amount as of the day, for every row.
    const menu = w.page.getByTestId('columns-menu');
    await menu.locator('summary').click();
    await menu.getByLabel('Paid amount', { exact: true }).check();
    await menu.locator('summary').click();
    const book = await exportXlsx(w, join(files.dir, 'as-of.xlsx'));
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    const rows = book.worksheets[0]!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    expect(rows).toHaveLength(existing.length);
    const byNumber = new Map(existing.map((i) => [i.number, i]));
    const wrong = rows.filter((r) => {
      const invoice = byNumber.get(r[header.indexOf('Number')] as string)!;
      return minor((r[header.indexOf('Paid amount')] as number | undefined) ?? 0, invoice.currency) !== then.get(invoice.id)!.paid;
    });
    expect(wrong).toEqual([]);
    await menu.locator('summary').click();
    await menu.getByLabel('Paid amount', { exact: true }).uncheck();
    await menu.locator('summary').click();
  });

  it('a payment taken back and applied again today leaves yesterday’s average days to pay, and the customer’s unapplied cash in the as-of customer view, as they were', async () => {
    const todayDay = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const figures = expectedFigures(w.org, 'Invoice');
    // The fully paid invoice (not cancelled) that weighs most in its currency's average: the largest total.
    const paid = w.org.control.records('Invoice')
      .filter((i) => i.Status !== 'Cancelled' && (figures.get(i.Id as string)!.fullyPaidOn ?? '9999') < yesterday)
      .sort((a, b) => (b.TotalAmountWithTax as number) - (a.TotalAmountWithTax as number))[0]!;
    const app = w.org.control.records('PaymentLineInvoice').filter((a) => a.InvoiceId === paid.Id && a.Type === 'Applied').at(-1)!;
    w.org.control.reverseApplication(app.Id as string);
    w.org.control.applyPayment(paid.Id as string, app.Amount as number);
    await w.page.getByTestId('sync-button').click();
    await poll(() => w.page.getByTestId('freshness-status').textContent()).toContain('1 changed');
    await waitForSynced(w.page);
    expect(expectedFigures(w.org, 'Invoice').get(paid.Id as string)!.fullyPaidOn).toBe(todayDay);

    expect(await setAsOf(w.page, yesterday)).toBe('applications');
    const existing = w.org.control.records('Invoice').filter((i) => (i.InvoiceDate as string) <= yesterday).map((i) => i.Id as string);
    const want = Object.fromEntries(expectedCurrencies(w.org, 'Invoice', new Set(existing), yesterday).map((c) => [c.currency, c.averageDaysToPayExcludingCancelled]));
    await poll(cards).toEqual(want);

    // The customer view of that as-of view: the customer's unapplied cash as it stood yesterday (the payment taken back today was
    // still applied then; the new one not received yet), as the org's records give it — not today's, which has the amount more.
    const currency = String(paid.CurrencyIsoCode ?? 'USD');
    const theirs = new Set(w.org.control.records('Payment').filter((p) => p.AccountId === paid.BillingAccountId).map((p) => p.Id as string));
    const cashOf = (day?: string) => [...unappliedCashOf(w.org, 'Invoice', day)].filter(([id, [c]]) => theirs.has(id) && c === currency).reduce((sum, [, [, cash]]) => sum + cash, 0);
    expect(cashOf()).not.toBe(cashOf(yesterday));
    await w.page.getByTestId('search').fill(String(paid.DocumentNumber));
    await w.page.locator('.grid-body [role="row"]').filter({ hasText: String(paid.DocumentNumber) }).first().locator('.customer-link').click();
    const view = w.page.getByTestId('customer-view');
    await view.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    const cash = view.locator(`[data-testid="customer-card"][data-currency="${currency}"] [data-testid="customer-unapplied-cash"]`);
    await poll(async () => minor(Number(await cash.getAttribute('data-amount')), currency)).toBe(cashOf(yesterday));
    await view.getByRole('button', { name: 'Close the customer view' }).click();
  });
});
