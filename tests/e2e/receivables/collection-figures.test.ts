import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedCurrencies, minor } from '../../integration/receivables/org-ledger';
import { daysBetween, daysOverdue, isReceivable, type OrgInvoice } from '../workspace/expected';
import { poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { visibleCount } from '../workspace/workspace-driver';

/**
 * Per currency, straight from the org's records: DSO by the standard method over the 90 days to the as-of day
 * (open balance of the receivables shown ÷ what of them is dated in the period × 90, one decimal) and the
 * average days to pay weighted by total, cancelled invoices left out (org-ledger's expectedCurrencies: averageDaysToPayExcludingCancelled,
 * as demo:headless writes it beside the issue's own averageDaysToPay).
 */
function expectedCards(w: WorkspaceFixture, shown: OrgInvoice[], asOf: string) {
  const out = new Map<string, { dso: number | null; averageDaysToPay: number | null }>();
  const sums = new Map<string, { receivables: number; sales: number }>();
  for (const inv of shown) {
    const s = sums.get(inv.currency) ?? { receivables: 0, sales: 0 };
    sums.set(inv.currency, s);
    if (!isReceivable(inv)) continue;
    s.receivables += minor(inv.balance ?? 0, inv.currency);
    const age = inv.invoiceDate ? daysBetween(inv.invoiceDate, asOf) : NaN;
    if (age >= 0 && age < 90) s.sales += minor(inv.total ?? 0, inv.currency);
  }
  const days = new Map(expectedCurrencies(w.org, 'Invoice', new Set(shown.map((inv) => inv.id))).map((c) => [c.currency, c.averageDaysToPayExcludingCancelled]));
  for (const [currency, s] of sums) {
    out.set(currency, { dso: s.sales > 0 ? Math.round((s.receivables / s.sales) * 90 * 10) / 10 : null, averageDaysToPay: days.get(currency) ?? null });
  }
  return out;
}

describe('collection figures in the currency cards', () => {
  let w: WorkspaceFixture;
  let invoices: OrgInvoice[];

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 3000 } });
    invoices = w.invoices();
  });
  afterAll(async () => {
    await w?.close();
  });

  const shown = () =>
    w.page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('[data-testid="currency-card"]')].map((card) => {
        const value = (id: string) => card.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value');
        const number = (v: string | null | undefined) => (v === '' || v === undefined || v === null ? null : Number(v));
        return [card.getAttribute('data-currency'), { dso: number(value('dso')), averageDaysToPay: number(value('average-days-to-pay')) }];
      })),
    );

  it('shows DSO and average days to pay per currency, over every invoice and then over a filtered view, as the org’s records give them', async () => {
    const asOf = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
    const all = Object.fromEntries(expectedCards(w, invoices, asOf));
    expect(Object.values(all).every((c) => c.dso !== null && c.averageDaysToPay !== null)).toBe(true);
    expect(await shown()).toEqual(all);

    // The figures follow the view: "Overdue only".
    await w.page.getByRole('complementary', { name: 'Filters' }).getByLabel('Overdue only').check();
    const overdue = invoices.filter((inv) => daysOverdue(inv, asOf) > 0);
    await poll(() => visibleCount(w.page)).toBe(overdue.length);
    await poll(shown).toEqual(Object.fromEntries(expectedCards(w, overdue, asOf)));

    // The card says how DSO is computed (hover / accessible description).
    const help = await w.page.getByTestId('dso').first().getAttribute('aria-description');
    expect(help).toMatch(/standard method/);
    expect(help).toMatch(/90 days/);
    // …and its visible label says the method too, not only the hover (issue 13: "say which, in the UI and README").
    expect(await w.page.getByTestId('currency-card').first().getByTestId('dso-label').textContent()).toBe('DSO, standard method (90 days)');
    await w.harness.screenshot('currency-cards-collection-figures');
    await w.page.getByRole('complementary', { name: 'Filters' }).getByLabel('Overdue only').uncheck();
  });
});
