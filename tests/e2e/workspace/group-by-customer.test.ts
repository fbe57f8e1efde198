import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReceivable, type OrgInvoice } from './expected';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';
import { visibleCount } from './workspace-driver';

/** A row of the grid as the user sees it: a customer's header (name, count, subtotals) or an invoice. */
type Shown = { group: string; expanded: boolean; count: string; subtotals: { currency: string; text: string }[] } | { number: string; id: string };

/** The grid's rendered rows, top to bottom. */
async function shownRows(page: Page): Promise<Shown[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[role="grid"] .grid-body [role="row"]')]
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((row) =>
        row.getAttribute('data-testid') === 'group-header'
          ? {
              group: row.getAttribute('data-group') ?? '',
              expanded: row.querySelector('[data-testid="group-toggle"]')?.getAttribute('aria-expanded') === 'true',
              count: row.querySelector('[data-testid="group-count"]')?.textContent ?? '',
              subtotals: [...row.querySelectorAll('[data-testid="group-subtotal"]')].map((s) => ({ currency: s.getAttribute('data-currency') ?? '', text: s.textContent ?? '' })),
            }
          : { number: row.querySelector('[data-column="number"]')?.textContent ?? '', id: row.getAttribute('data-invoice-id') ?? '' },
      ),
  );
}

/** What a customer's header must say, from the org's records: every invoice counted, receivables summed per currency in thousandths. */
function expectedGroup(invoices: OrgInvoice[]) {
  const cents = new Map<string, { total: number; balance: number }>();
  for (const inv of invoices.filter((i) => isReceivable(i))) {
    const sums = cents.get(inv.currency) ?? { total: 0, balance: 0 };
    sums.total += Math.round((inv.total ?? 0) * 1000);
    sums.balance += Math.round((inv.balance ?? 0) * 1000);
    cents.set(inv.currency, sums);
  }
  const money = (amount: number, currency: string) => new Intl.NumberFormat('en-US', { style: 'currency', currency, currencySign: 'accounting' }).format(amount / 1000);
  return {
    count: invoices.length === 1 ? '1 invoice' : `${invoices.length.toLocaleString('en-US')} invoices`,
    subtotals: [...cents.keys()].sort().map((currency) => {
      const sums = cents.get(currency)!;
      return { currency, text: `Total ${money(sums.total, currency)} · balance ${money(sums.balance, currency)}` };
    }),
  };
}

describe('group by customer: a header per customer with its count and subtotals per currency', () => {
  let w: WorkspaceFixture;
  let invoices: OrgInvoice[];
  /** The org's customers in the grid's order: by name (locale-aware), the invoices without one last. */
  let customers: string[];
  const byCustomer = (name: string) => invoices.filter((i) => (i.customer ?? '(no customer)') === name);

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 1500 } });
    invoices = w.invoices();
    const names = [...new Set(invoices.map((i) => i.customer).filter((c): c is string => c !== null))].sort((a, b) => a.localeCompare(b, 'en-US'));
    customers = invoices.some((i) => i.customer === null) ? [...names, '(no customer)'] : names;
  });
  afterAll(async () => w?.close());

  it('shows the first three customers with the counts and per-currency subtotals of their invoices in the org; collapsing one by keyboard hides only its invoices', async () => {
    const page = w.page;
    expect(customers.length).toBeGreaterThanOrEqual(3);
    // (This org's customers each buy in one currency: two currencies in one customer is in the unit test.)
    const firstThree = customers.slice(0, 3);
    const toggle = page.getByTestId('group-by-customer');
    await expect(toggle.getAttribute('title')).resolves.toContain('Export still holds the invoices only');
    await toggle.click();
    await poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await poll(async () => (await shownRows(page))[0]).toMatchObject({ group: firstThree[0], expanded: true });
    // The row count still counts invoices (headers are not invoices).
    expect(await visibleCount(page)).toBe(invoices.length);

    // The first customer's header, then its invoices (as many as the window holds), all of them its own.
    let rows = await shownRows(page);
    const first = byCustomer(firstThree[0]!);
    expect(rows[0]).toMatchObject({ group: firstThree[0], ...expectedGroup(first) });
    const firstIds = new Set(first.map((i) => i.id));
    const under = rows.slice(1, 1 + first.length).filter((r): r is { number: string; id: string } => 'id' in r);
    expect(under.length).toBeGreaterThan(0);
    expect(under.every((r) => firstIds.has(r.id))).toBe(true);
    await w.harness.screenshot('group-by-customer');

    // Collapse the first group with Enter on its focused header: its invoices go, the next customer follows at once.
    await page.getByTestId('group-toggle').first().focus();
    await page.keyboard.press('Enter');
    await poll(async () => (await shownRows(page))[0]).toMatchObject({ group: firstThree[0], expanded: false, ...expectedGroup(first) });
    rows = await shownRows(page);
    expect(rows.some((r) => 'id' in r && firstIds.has(r.id))).toBe(false);
    const second = byCustomer(firstThree[1]!);
    expect(rows[1]).toMatchObject({ group: firstThree[1], expanded: true, ...expectedGroup(second) });
    const secondIds = new Set(second.map((i) => i.id));
    const secondUnder = rows.slice(2, 2 + second.length);
    expect(secondUnder.length).toBeGreaterThan(0);
    expect(secondUnder.every((r) => 'id' in r && secondIds.has(r.id))).toBe(true);
    // The active row (the first invoice, collapsed away) moved to the first invoice still shown after that group.
    await poll(async () => secondIds.has((await page.locator('.grid-body [aria-selected="true"]').getAttribute('data-invoice-id')) ?? '')).toBe(true);
    expect(await visibleCount(page)).toBe(invoices.length);

    // Space collapses the second too; the third customer's header comes right after, its invoices still there.
    await page.getByTestId('group-toggle').nth(1).focus();
    await page.keyboard.press('Space');
    await poll(async () => (await shownRows(page))[1]).toMatchObject({ group: firstThree[1], expanded: false });
    rows = await shownRows(page);
    const third = byCustomer(firstThree[2]!);
    expect(rows[2]).toMatchObject({ group: firstThree[2], expanded: true, ...expectedGroup(third) });
    const thirdIds = new Set(third.map((i) => i.id));
    expect(rows[3]).toMatchObject({ id: expect.any(String) });
    expect(thirdIds.has((rows[3] as { id: string }).id)).toBe(true);
    await expectAccessible(page, 'the grid grouped by customer, two groups collapsed');

    // Enter again expands the first group: its invoices are back under it (the grid keeps the active invoice, the
    // third customer's, in view: back to the top to see the first group).
    const activeId = await page.locator('.grid-body [aria-selected="true"]').getAttribute('data-invoice-id');
    const rowCount = () => page.getByTestId('invoice-grid').getAttribute('aria-rowcount').then(Number);
    const before = await rowCount();
    await page.getByTestId('group-toggle').first().focus();
    await page.keyboard.press('Enter');
    await poll(rowCount).toBe(before + first.length);
    await poll(() => page.locator('.grid-body [aria-selected="true"]').getAttribute('data-invoice-id')).toBe(activeId);
    await page.getByTestId('invoice-grid').evaluate((grid) => (grid.scrollTop = 0));
    await poll(async () => (await shownRows(page))[0]).toMatchObject({ group: firstThree[0], expanded: true });
    rows = await shownRows(page);
    expect(rows[1]).toMatchObject({ id: expect.any(String) });
    expect(firstIds.has((rows[1] as { id: string }).id)).toBe(true);
  });

  it('a click on a header does not open an invoice; a click on an invoice under it does; turning grouping off shows the plain list', async () => {
    const page = w.page;
    await page.getByTestId('group-toggle').first().click();
    await poll(async () => (await shownRows(page))[0]).toMatchObject({ expanded: false });
    expect(await page.getByTestId('detail-panel').count()).toBe(0);
    const rows = await shownRows(page);
    const invoiceRow = rows.find((r): r is { number: string; id: string } => 'id' in r)!;
    await page.locator(`[data-invoice-id="${invoiceRow.id}"]`).click();
    await poll(() => page.getByTestId('detail-panel').getByRole('heading', { level: 2 }).textContent()).toBe(`Invoice ${invoiceRow.number}`);
    await page.keyboard.press('Escape');
    await page.getByTestId('group-by-customer').click();
    await poll(() => page.getByTestId('group-header').count()).toBe(0);
    expect((await shownRows(page)).length).toBeGreaterThan(0);
  });
});
