import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { bucketOf } from '../workspace/expected';
import { connectDemo, waitForSynced, waitForVisibleCount } from '../workspace/workspace-driver';
import { openReport, readReport } from './report-driver';

/**
 * The aging report's "Show in list" (a customer's name in the report) by account id (reviewB, session 10): two
 * accounts of one name are two lines, told apart by the account id, and each shows exactly its own invoices in the
 * grid — not the other account's of the same name. Counted from the org's records.
 */
describe('aging by customer: two accounts of one name', () => {
  let w: WorkspaceFixture;
  let name: string;
  let currency: string;
  let a: string;
  let b: string;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    w = await startWorkspace({ org: { invoices: 800 } });
    const records = w.org.control.records('Invoice');
    const owing = (account: string, cur: string) => records.some((i) => i.BillingAccountId === account && i.CurrencyIsoCode === cur && bucketOf(w.invoices().find((x) => x.id === i.Id)!, today));
    // Two accounts that both owe something in one currency: b takes a's name, in Salesforce, before the first sync.
    const accounts = [...new Set(records.map((i) => i.BillingAccountId as string))];
    outer: for (const first of accounts) {
      for (const second of accounts) {
        if (first === second) continue;
        const shared = ['USD', 'EUR', 'GBP', 'JPY'].find((cur) => owing(first, cur) && owing(second, cur));
        if (shared) {
          [a, b, currency] = [first, second, shared];
          break outer;
        }
      }
    }
    name = w.org.control.records('Account').find((x) => x.Id === a)!.Name as string;
    w.org.control.renameAccount(b, name);
    await connectDemo(w.page, w.agent());
    await waitForSynced(w.page, w.invoices().length);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('two lines, each with the account id; each line\'s name shows exactly that account\'s invoices of the currency', async () => {
    await openReport(w.page);
    const table = (await readReport(w.page)).find((t) => t.currency === currency)!;
    const twins = table.lines.filter((line) => line.customer.startsWith(`${name} (`)).map((line) => line.customer);
    expect(new Set(twins)).toEqual(new Set([`${name} (${a})`, `${name} (${b})`]));

    const records = w.org.control.records('Invoice');
    for (const account of [b, a]) {
      const label = `${name} (${account})`;
      const own = records.filter((i) => i.BillingAccountId === account && i.CurrencyIsoCode === currency);
      await openReport(w.page);
      await w.page.locator(`[data-testid="aging-report-table"][data-currency="${currency}"] [data-testid="aging-report-line"][data-customer="${label}"] [data-testid="aging-report-customer"]`).click();
      await w.page.getByTestId('aging-report').waitFor({ state: 'detached' });
      await waitForVisibleCount(w.page, own.length);
      // The very invoices of that account (the rows the grid draws), not another account's of the same name.
      const shown = await w.page.locator('[role="row"][data-invoice-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-invoice-id')!));
      const ids = new Set(own.map((i) => String(i.Id)));
      expect(shown.length).toBeGreaterThan(0);
      for (const id of shown) expect(ids.has(id), id).toBe(true);
      // The filter says which account, in its chip and in the Filters panel's customer box.
      await expect(w.page.getByTestId('filter-chips').textContent()).resolves.toContain(`Customer: ${label}`);
      await poll(() => w.page.getByTestId('filter-customer-input').inputValue()).toBe(label);
      await w.page.getByRole('button', { name: 'Clear all' }).click();
      await waitForVisibleCount(w.page, records.length);
    }
    // The customer box offers the two accounts apart: typing one label filters to it.
    await w.page.getByTestId('filter-customer-input').fill(`${name} (${a})`);
    await waitForVisibleCount(w.page, records.filter((i) => i.BillingAccountId === a).length);
    await expectAccessible(w.page, 'customer filter of one of two same-named accounts');
    await w.page.getByTestId('filter-customer-input').fill('');
    await waitForVisibleCount(w.page, records.length);
  });
});
