import { describe, expect, it } from 'vitest';
import { CustomerAgingSums, NO_CUSTOMER, sortCustomerLines } from '../../../electron/contract/customer-aging';
import { buildRateTable } from '../../../electron/contract/conversion/rate-table';
import { computeAging, agingBucketOf } from '../../../renderer/src/invoices/aging';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { convertPrepared } from '../../../renderer/src/currency/corporate-figures';
import { corporateCustomerAging, customerAgingOf } from '../../../renderer/src/report/customer-aging';
import { row } from '../renderer/invoice-fixtures';

const asOf = '2026-03-31';
const asOfDay = dayNumber(asOf);
const rows = [
  row({ customer: 'Beta AG', dueDate: '2026-04-10', balance: 0.1, currency: 'EUR' }), // current
  row({ customer: 'Beta AG', dueDate: '2026-03-20', balance: 0.2, currency: 'EUR' }), // 1–30
  row({ customer: 'Alpha', dueDate: '2026-01-15', balance: 1000.3, currency: 'EUR' }), // 61–90
  row({ customer: 'Alpha', dueDate: '2025-10-01', balance: 50, currency: 'EUR' }), // 90+
  row({ customer: 'Alpha', dueDate: '2026-02-20', balance: 5, currency: 'USD' }), // 31–60
  row({ customer: null, dueDate: '2026-03-01', balance: 7, currency: 'EUR' }), // 1–30
  row({ customer: 'Alpha', dueDate: '2025-01-01', balance: 0, currency: 'EUR' }), // nothing owed
  row({ customer: 'Gamma', dueDate: '2025-01-01', balance: 80, status: 'Draft', currency: 'EUR' }), // a draft: not a receivable
  row({ customer: 'Gamma', dueDate: '2025-01-01', balance: 90, status: 'Cancelled', currency: 'EUR' }),
];
const rules = { statusKinds: { Draft: 'draft', Cancelled: 'cancelled', Posted: 'posted' } as const };
const prepared = prepareInvoices(rows, rules);
const all = Uint32Array.from(rows.keys());

describe('aging by customer', () => {
  it('puts each open receivable in its customer × bucket cell, one table per currency, with exact totals', () => {
    const [eur, usd] = customerAgingOf(prepared, all, asOfDay, 'dueDate');
    expect(eur!.currency).toBe('EUR');
    expect(eur!.lines.map((l) => [l.customer, l.amounts, l.total, l.count])).toEqual([
      ['Alpha', [0, 0, 0, 1000.3, 50], 1050.3, 2],
      ['Beta AG', [0.1, 0.2, 0, 0, 0], 0.3, 2],
      [NO_CUSTOMER, [0, 7, 0, 0, 0], 7, 1],
    ]);
    expect(eur!.totals).toEqual({ amounts: [0.1, 7.2, 0, 1000.3, 50], total: 1057.6, count: 5 });
    expect(usd!.lines).toEqual([{ customer: 'Alpha', key: 'Alpha', amounts: [0, 0, 5, 0, 0], total: 5, count: 1 }]);
  });

  it('has the same bucket totals as the aging cards, drafts in when included', () => {
    for (const includeDrafts of [false, true]) {
      const p = prepareInvoices(rows, { ...rules, includeDrafts });
      const cards = computeAging(p, all, asOfDay, 'dueDate');
      const report = customerAgingOf(p, all, asOfDay, 'dueDate');
      expect(report.map((t) => [t.currency, t.totals.amounts])).toEqual(cards.map((c) => [c.currency, c.buckets.map((b) => b.balance)]));
    }
  });

  it('follows the aging basis', () => {
    const byInvoiceDate = customerAgingOf(prepared, all, asOfDay, 'invoiceDate');
    // Every fixture is dated 2026-01-01: 89 days before the as-of date.
    expect(byInvoiceDate[0]!.totals.amounts).toEqual([0, 0, 0, 1057.6, 0]);
  });

  it('sorts by any column, ties and names stable, no customer last', () => {
    const lines = customerAgingOf(prepared, all, asOfDay, 'dueDate')[0]!.lines;
    const names = (column: Parameters<typeof sortCustomerLines>[1], desc: boolean) => sortCustomerLines(lines, column, desc).map((l) => l.customer);
    expect(names('total', true)).toEqual(['Alpha', NO_CUSTOMER, 'Beta AG']);
    expect(names('total', false)).toEqual(['Beta AG', NO_CUSTOMER, 'Alpha']);
    expect(names('1-30', true)).toEqual([NO_CUSTOMER, 'Beta AG', 'Alpha']);
    expect(names('customer', true)).toEqual(['Beta AG', 'Alpha', NO_CUSTOMER]);
    expect(names('current', false)).toEqual(['Alpha', NO_CUSTOMER, 'Beta AG']);
  });

  it('sums in minor units: many small amounts add up exactly', () => {
    const sums = new CustomerAgingSums(() => 100);
    for (let i = 0; i < 1000; i++) sums.add('EUR', 'X', 'current', 10); // 1000 × 0.10
    expect(sums.tables()[0]!.totals.total).toBe(100);
  });

  it('in the corporate currency: converted per invoice, summed, rows without a rate counted apart', () => {
    const table = buildRateTable({
      state: 'available',
      corporate: 'EUR',
      currencies: [
        { isoCode: 'EUR', rate: 1, decimals: 2, active: true, corporate: true },
        { isoCode: 'USD', rate: 2, decimals: 2, active: true, corporate: false },
      ],
      dated: [],
      syncedAt: null,
    });
    const converted = convertPrepared(prepared, table!, 'invoiceDate', asOf);
    const { table: corporate, missing } = corporateCustomerAging(converted, prepared, all, (i) => agingBucketOf(prepared, i, asOfDay, 'dueDate'));
    expect(missing).toBe(0);
    expect(corporate!.currency).toBe('EUR');
    expect(corporate!.lines.find((l) => l.customer === 'Alpha')).toEqual({ customer: 'Alpha', key: 'Alpha', amounts: [0, 0, 2.5, 1000.3, 50], total: 1052.8, count: 3 });
    expect(corporate!.totals.total).toBe(1060.1);
  });
});
