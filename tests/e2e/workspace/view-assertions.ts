import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { BUCKETS, expectedFilter, expectedSort, expectedSummary, type Basis, type Filter, type OrgInvoice } from './expected';
import { readSummary, renderedNumbers, waitForVisibleCount } from './workspace-driver';


/**
 * The screen shows exactly the invoices `filter` selects from the org's data: the same count,
 * the same per-currency count/total/balance, aging that matches and adds up, and the rows on
 * screen in the expected order.
 */
export async function expectView(
  page: Page,
  invoices: OrgInvoice[],
  filter: Filter,
  sort: { key: Parameters<typeof expectedSort>[1]; desc: boolean },
  basis: Basis = 'dueDate',
): Promise<OrgInvoice[]> {
  const asOf = (await page.getByTestId('as-of').getAttribute('data-value'))!;
  const rows = expectedFilter(invoices, filter, asOf, basis);
  await waitForVisibleCount(page, rows.length);
  const shown = await readSummary(page);
  const totals = expectedSummary(rows, asOf, basis);
  // The aging chart shows the filtered set before its own bucket filter.
  const aging = expectedSummary(expectedFilter(invoices, { ...filter, aging: undefined }, asOf, basis), asOf, basis);
  const currencies = [...new Set([...totals, ...aging].map((c) => c.currency))].sort();
  expect(shown.map((c) => c.currency)).toEqual(currencies);
  for (const card of shown) {
    const t = totals.find((c) => c.currency === card.currency);
    expect({ currency: card.currency, count: card.count, total: card.total, balance: card.balance }).toEqual({
      currency: card.currency,
      count: t?.count ?? 0,
      total: t?.total ?? 0,
      balance: t?.balance ?? 0,
    });
    // What the card says it left out: the drafts and cancelled invoices among the rows shown.
    expect(card.excluded).toEqual(t?.excluded ?? { drafts: { count: 0, amount: 0 }, cancelled: { count: 0, amount: 0 } });
    const a = aging.find((c) => c.currency === card.currency)!;
    expect(card.aging).toEqual(a.aging);
    const bucketSum = BUCKETS.reduce((sum, b) => sum + card.aging[b]!.amount, 0);
    expect(bucketSum).toBeCloseTo(a.balance, 2);
  }
  const sorted = expectedSort(rows, sort.key, sort.desc, asOf);
  expect(await page.getByTestId('invoice-grid').getAttribute('aria-rowcount')).toBe(String(rows.length + 1));
  const onScreen = await renderedNumbers(page);
  expect(onScreen.length).toBeGreaterThan(Math.min(rows.length, 10) - 1);
  expect(onScreen).toEqual(sorted.slice(0, onScreen.length).map((r) => r.number));
  return sorted;
}
