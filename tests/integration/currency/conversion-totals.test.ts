import { describe, expect, it } from 'vitest';
import type { CurrencyRates, InvoiceListRow } from '../../../electron/contract';
import { convertedTotals, convertRows } from '../../../electron/contract/conversion/convert';
import { buildRateTable } from '../../../electron/contract/conversion/rate-table';
import type { RunningOrg } from '../../org';
import { independentTotals, orgRatesOf, type OrgAmounts } from '../../support/independent-conversion';
import { useOrgHarness } from '../../support/org-setup';
import { CONNECTION_ID as connectionId } from '../invoices/support/invoice-harness';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

/** The org's invoices as records say them (TotalAmountWithTax is the total the app shows). */
function orgAmounts(org: RunningOrg): OrgAmounts[] {
  return org.control.records('Invoice').map((r) => ({
    currency: String(r.CurrencyIsoCode), total: r.TotalAmountWithTax as number, balance: r.Balance as number, invoiceDate: r.InvoiceDate as string,
  }));
}

describe('org → sync → conversion: every total and balance in the corporate currency equals the independent computation', () => {
  const world = useOrgHarness({ invoices: 1500, multiCurrency: true, datedRates: true, corporateCurrency: 'EUR' }, { sync: 'full' });

  async function appTotals(basis: 'invoiceDate' | 'asOf', asOf: string) {
    const rows = (await world.harness.call('invoices.list', { connectionId })).value.invoices as InvoiceListRow[];
    const rates = (await world.harness.call('invoices.rates', { connectionId })).value as CurrencyRates;
    const converted = convertRows(rows, buildRateTable(rates)!, basis, asOf);
    const all = convertedTotals(converted, rows, Uint32Array.from(rows.keys()));
    return { count: all.count, missing: all.missing, total: all.total, balance: all.balance };
  }

  // Today, six weeks back (another period of most currencies), and a day before the first period (only the corporate currency converts as of it).
  const asOfDates = [daysAgo(0), daysAgo(45), daysAgo(710)];

  for (const basis of ['invoiceDate', 'asOf'] as const) {
    it(`at ${basis === 'asOf' ? 'the as-of date' : 'the invoice date'}, for three as-of dates`, async () => {
      const rates = orgRatesOf((object) => world.org.control.records(object), true);
      for (const asOf of asOfDates) {
        const want = independentTotals(rates, orgAmounts(world.org), basis, asOf);
        expect(await appTotals(basis, asOf), `${basis} ${asOf}`).toEqual(want);
      }
      if (basis === 'invoiceDate') expect((await appTotals(basis, asOfDates[0]!)).missing).toBeGreaterThan(0);
      else expect((await appTotals(basis, asOfDates[2]!)).count).toBe(
        orgAmounts(world.org).filter((r) => r.currency === 'EUR').length, // only the corporate currency converts before the first period
      );
    });
  }

  it('a rate edited in Salesforce between syncs: after the next sync the totals follow it', async () => {
    const before = await appTotals('asOf', asOfDates[0]!);
    const usd = world.org.control.records('DatedConversionRate').filter((r) => r.IsoCode === 'USD' && r.NextStartDate === null)[0]!;
    world.org.control.setRate('USD', 2 * (usd.ConversionRate as number), usd.StartDate as string);
    world.org.control.setCurrency('GBP', { isActive: false });
    expect(await appTotals('asOf', asOfDates[0]!)).toEqual(before); // not synced yet: the copy's rates
    expect((await world.harness.call('invoices.sync', { connectionId, mode: 'incremental' })).value.mode).toBe('incremental');
    const after = await appTotals('asOf', asOfDates[0]!);
    const rates = orgRatesOf((object) => world.org.control.records(object), true);
    expect(after).toEqual(independentTotals(rates, orgAmounts(world.org), 'asOf', asOfDates[0]!));
    expect(after.total).toBeLessThan(before.total);
    expect(after.missing).toBe(orgAmounts(world.org).filter((r) => r.currency === 'GBP').length);
  });
});
