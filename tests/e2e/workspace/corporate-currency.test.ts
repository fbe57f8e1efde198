import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../support/csv';
import { tempDir } from '../../support/test-ports';
import { independentMinor, independentRate, independentTotals, orgRatesOf, type OrgRates } from '../../support/independent-conversion';
import { expectedBalancesAsOf } from '../../integration/receivables/org-ledger';
import { asOfInvoices, bucketOf, isReceivable, type OrgInvoice } from './expected';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';
import { connectDemo, readCorporate as readCorporateOf, setAsOf, showInCorporate, visibleCount, waitForSynced, waitForVisibleCount } from './workspace-driver';

const readCorporate = (w: WorkspaceFixture) => readCorporateOf(w.page);

/** Aging of the converted open balances, bucketed like the per-currency cards. */
function independentAging(rates: OrgRates, rows: OrgInvoice[], basis: 'invoiceDate' | 'asOf', asOf: string): Record<string, number> {
  const minor: Record<string, number> = { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 };
  for (const row of rows) {
    const rate = independentRate(rates, row.currency, basis === 'asOf' ? asOf : row.invoiceDate);
    const bucket = bucketOf(row, asOf);
    if (rate === null || !bucket || row.balance === null) continue;
    minor[bucket]! += independentMinor(row.balance, rate, 2);
  }
  return Object.fromEntries(Object.entries(minor).map(([k, v]) => [k, v / 100]));
}

describe('the workspace in the corporate currency, at dated rates', () => {
  let w: WorkspaceFixture;
  let invoices: OrgInvoice[];
  let receivables: OrgInvoice[];
  let rates: OrgRates;

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 800, datedRates: true, corporateCurrency: 'EUR' } });
    invoices = w.invoices();
    // What the cards count: receivables (posted invoices; drafts and cancelled ones are not owed).
    receivables = invoices.filter((i) => isReceivable(i));
    rates = orgRatesOf((object) => w.org.control.records(object), true);
  });
  afterAll(async () => w?.close());

  it('"Show in" the corporate currency: one card whose total, balance and aging are the org records converted row by row; the rows without a rate are counted in a notice', async () => {
    const asOf = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
    await expect(w.page.getByTestId('corporate-card').count()).resolves.toBe(0);
    await w.page.getByTestId('show-in').selectOption('corporate');
    const shown = await readCorporate(w);
    const want = independentTotals(rates, receivables, 'invoiceDate', asOf);
    expect(want.missing).toBeGreaterThan(0); // invoices dated before the first rate period
    expect(shown).toMatchObject({ currency: 'EUR', count: want.count, total: want.total, balance: want.balance, missingRate: want.missing });
    expect(shown.totalText).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR', currencySign: 'accounting' }).format(want.total));
    expect(shown.aging).toEqual(independentAging(rates, invoices, 'invoiceDate', asOf));
    const notice = w.page.getByTestId('missing-rate-notice');
    const perCurrency = new Map<string, number>();
    for (const i of receivables) if (independentRate(rates, i.currency, i.invoiceDate) === null) perCurrency.set(i.currency, (perCurrency.get(i.currency) ?? 0) + 1);
    const byCurrency = [...perCurrency.keys()].sort().map((code) => `${code} ${perCurrency.get(code)!.toLocaleString('en-US')}`).join(' · ');
    expect(perCurrency.size).toBeGreaterThan(1); // several currencies lack a rate: the notice says which, and how many each
    await expect(notice.textContent()).resolves.toBe(`${want.missing} invoices without a rate are left out of the EUR total. (${byCurrency})`);
    // Beside each currency's own card: its figures converted, and the rates used on hover.
    const usd = w.page.locator('[data-testid="currency-card"][data-currency="USD"] [data-testid="converted-amounts"]');
    const usdWant = independentTotals(rates, receivables.filter((i) => i.currency === 'USD'), 'invoiceDate', asOf);
    expect(Number(await usd.getAttribute('data-total'))).toBe(usdWant.total);
    expect(await usd.getAttribute('title')).toMatch(/^Converted at each invoice’s date: \d+ rate periods used$/);
    await w.harness.screenshot('corporate-currency');
    await expectAccessible(w.page, 'corporate currency');
  });

  it('at the as-of date: every open balance revalued at the rate in force that day, none left out', async () => {
    const asOf = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
    await w.page.getByTestId('conversion-basis').selectOption('asOf');
    const want = independentTotals(rates, receivables, 'asOf', asOf);
    expect(want.missing).toBe(0);
    await poll(async () => (await readCorporate(w)).balance).toBe(want.balance);
    expect((await readCorporate(w)).aging).toEqual(independentAging(rates, invoices, 'asOf', asOf));
    await expect(w.page.getByTestId('missing-rate-notice').count()).resolves.toBe(0);
    const gbp = w.page.locator('[data-testid="currency-card"][data-currency="GBP"] [data-testid="converted-amounts"]');
    expect(await gbp.getAttribute('title')).toMatch(/^1 EUR = [\d.]+ GBP · dated rate from /);
  });

  it('the aging drill-down, search and the detail panel keep working; the detail says which rate and period', async () => {
    const asOf = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
    await w.page.getByTestId('corporate-card').locator('[data-bucket="90+"]').click();
    const old = invoices.filter((i) => bucketOf(i, asOf) === '90+');
    await waitForVisibleCount(w.page, old.length);
    await poll(async () => (await readCorporate(w)).count).toBe(old.length);
    await w.page.getByTestId('corporate-card').locator('[data-bucket="90+"]').click();
    await waitForVisibleCount(w.page, invoices.length);
    await w.page.locator('.grid-body [role="row"][aria-rowindex="2"]').click();
    const rate = w.page.getByTestId('detail-rate');
    await expect(rate.textContent()).resolves.toMatch(/^1 EUR = [\d.]+ [A-Z]{3}( · |$)/);
    expect(await visibleCount(w.page)).toBe(invoices.length);
  });

  it('the export carries the converted total and balance, the rate and its date, exactly as the view converts them (as-of basis)', async () => {
    const asOf = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
    const files = tempDir('budgetly-corporate-export-');
    try {
      const path = join(files.dir, 'corporate.csv');
      w.harness.testCore.saveDialog.answer = path;
      await w.page.getByTestId('export-menu').click();
      await w.page.getByTestId('export-csv').click();
      await poll(() => w.page.getByTestId('export-status').getAttribute('data-state')).toBe('done');
      const [header, ...lines] = parseCsv(readFileSync(path, 'utf8'));
      expect(header!.slice(-4)).toEqual(['Total (EUR)', 'Balance (EUR)', 'Exchange rate', 'Rate date']);
      expect(lines).toHaveLength(invoices.length);
      const numberAt = header!.indexOf('Number');
      const byNumber = new Map(invoices.map((i) => [i.number, i]));
      for (const line of lines) {
        const invoice = byNumber.get(line[numberAt]!)!;
        const rate = independentRate(rates, invoice.currency, asOf)!;
        const period = rates.dated.filter((p) => p.isoCode === invoice.currency && p.start <= asOf).sort((a, b) => b.start.localeCompare(a.start))[0]!;
        const [total, balance, shownRate, rateDate] = line.slice(-4);
        expect(Number(total), invoice.number).toBe(independentMinor(invoice.total!, rate, 2) / 100);
        expect(Number(balance)).toBe(independentMinor(invoice.balance!, rate, 2) / 100);
        expect(Number(shownRate)).toBe(rate);
        expect(rateDate).toBe(invoice.currency === 'EUR' ? '' : period.start);
      }
    } finally {
      files.remove();
    }
  });

  it('the choice is remembered for the connection; back in each invoice’s currency the corporate card goes', async () => {
    await w.page.reload();
    await w.page.getByTestId('corporate-card').waitFor();
    await expect(w.page.getByTestId('show-in').inputValue()).resolves.toBe('corporate');
    await expect(w.page.getByTestId('conversion-basis').inputValue()).resolves.toBe('asOf');
    await w.page.getByTestId('show-in').selectOption('own');
    await poll(() => w.page.getByTestId('corporate-card').count()).toBe(0);
    await expect(w.page.getByTestId('conversion-basis').isDisabled()).resolves.toBe(true);
  });

  it('as of two past days, at both bases: count, total, balance, the rows without a rate and every bucket are the org\u2019s receivables dated by then, at their balances then, converted row by row', async () => {
    for (const days of [45, 150]) {
      const asOf = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
      await setAsOf(w.page, asOf);
      const asOfView = asOfInvoices(invoices, asOf, expectedBalancesAsOf(w.org, 'Invoice', asOf));
      const owed = asOfView.filter((i) => isReceivable(i));
      expect(asOfView.length).toBeLessThan(invoices.length); // invoices dated later are left out: a different set from today's
      for (const basis of ['invoiceDate', 'asOf'] as const) {
        await showInCorporate(w.page, basis);
        const want = independentTotals(rates, owed, basis, asOf);
        const wantAging = independentAging(rates, asOfView, basis, asOf);
        await poll(async () => {
          const { count, total, balance, missingRate, aging } = await readCorporate(w);
          return { count, total, balance, missingRate, aging };
        }).toEqual({ count: want.count, total: want.total, balance: want.balance, missingRate: want.missing, aging: wantAging });
      }
    }
    await w.page.getByTestId('as-of-reset').click();
    await w.page.getByTestId('show-in').selectOption('own');
  });
});

describe('a user who cannot read the exchange rates', () => {
  let w: WorkspaceFixture;
  afterAll(async () => w?.close());

  it('is told so; there is no "Show in", each invoice\u2019s currency and the per-currency cards work as before', async () => {
    w = await startWorkspace({ org: { invoices: 300, datedRates: true } });
    w.org.control.setObjectHidden('CurrencyType', true);
    w.org.control.setObjectHidden('DatedConversionRate', true);
    await connectDemo(w.page, w.agent());
    await waitForSynced(w.page, 300);
    await poll(() => w.page.getByTestId('rates-notice').textContent()).toBe(
      'Exchange rates cannot be read with your Salesforce access (CurrencyType, DatedConversionRate), so amounts stay in each invoice\u2019s currency.',
    );
    await expect(w.page.getByTestId('show-in').count()).resolves.toBe(0);
    await expect(w.page.getByTestId('corporate-card').count()).resolves.toBe(0);
    await expect(w.page.getByTestId('currency-card').count()).resolves.toBe(4);
  });
});
