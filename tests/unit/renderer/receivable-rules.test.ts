import { describe, expect, it } from 'vitest';
import { defaultStatusKind } from '../../../electron/contract/invoice-status';
import { computeAging } from '../../../renderer/src/invoices/aging';
import { filterMask, noFilters } from '../../../renderer/src/invoices/filters';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { daysOverdueAt, daysOverdueOfRow, prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { maskIndexes } from '../../../renderer/src/invoices/sort';
import { computeTotals } from '../../../renderer/src/invoices/totals';
import { row } from './invoice-fixtures';

const asOf = dayNumber('2026-03-01');
const ctx = { asOfDay: asOf, agingBasis: 'dueDate' as const };
const statusKinds = { Draft: 'draft', Posted: 'posted', Paid: 'posted', Cancelled: 'cancelled' } as const;

// JPY: one posted invoice overdue, three drafts and a cancelled invoice that still states a balance.
const rows = [
  row({ number: 'P-1', dueDate: '2026-01-15', status: 'Posted', total: 1000, balance: 1000, currency: 'JPY' }),
  row({ number: 'D-1', dueDate: '2026-01-20', status: 'Draft', total: 1_100_000, balance: 1_100_000, currency: 'JPY' }),
  row({ number: 'D-2', dueDate: '2026-04-01', status: 'Draft', total: 1_100_000, balance: 1_100_000, currency: 'JPY' }),
  row({ number: 'D-3', dueDate: '2026-04-01', status: 'Draft', total: 1_100_000, balance: 1_100_000, currency: 'JPY' }),
  row({ number: 'C-1', dueDate: '2025-10-01', status: 'Cancelled', total: 500, balance: 500, currency: 'JPY' }),
  row({ number: 'N-1', dueDate: '2026-02-01', status: null, total: 7, balance: 7, currency: 'USD' }),
];
const all = Uint32Array.from(rows.keys());

describe('receivables: posted invoices only, by default', () => {
  const prepared = prepareInvoices(rows, { statusKinds });

  it('the card counts posted invoices and says what it left out', () => {
    expect(computeTotals(prepared, all)).toEqual([
      { currency: 'JPY', count: 1, total: 1000, balance: 1000, excluded: { drafts: { count: 3, balance: 3_300_000 }, cancelled: { count: 1, balance: 500 } } },
      // An invoice without a status is counted (it is not known to be a draft).
      { currency: 'USD', count: 1, total: 7, balance: 7, excluded: { drafts: { count: 0, balance: 0 }, cancelled: { count: 0, balance: 0 } } },
    ]);
  });

  it('aging, "Overdue only" and days overdue leave drafts and cancelled invoices out', () => {
    const jpy = computeAging(prepared, all, asOf, 'dueDate').find((a) => a.currency === 'JPY')!;
    expect(jpy.buckets.filter((b) => b.count > 0).map((b) => [b.key, b.count, b.balance])).toEqual([['31-60', 1, 1000]]);
    const overdue = maskIndexes(filterMask(prepared, { ...noFilters, overdueOnly: true }, ctx));
    expect([...overdue].map((i) => rows[i]!.number)).toEqual(['P-1', 'N-1']);
    expect(daysOverdueAt(prepared, 1, asOf)).toBe(0);
    expect(daysOverdueOfRow(rows[4]!, asOf, { statusKinds })).toBe(0);
    expect(daysOverdueOfRow(rows[0]!, asOf, { statusKinds })).toBe(45);
  });

  it('with drafts included, drafts count and only cancelled invoices are left out', () => {
    const withDrafts = prepareInvoices(rows, { statusKinds, includeDrafts: true });
    const jpy = computeTotals(withDrafts, all).find((t) => t.currency === 'JPY')!;
    expect(jpy).toMatchObject({ count: 4, balance: 3_301_000, excluded: { drafts: { count: 0, balance: 0 }, cancelled: { count: 1, balance: 500 } } });
    const aging = computeAging(withDrafts, all, asOf, 'dueDate').find((a) => a.currency === 'JPY')!;
    expect(aging.buckets.reduce((sum, b) => sum + b.balance, 0)).toBe(jpy.balance);
    expect(daysOverdueOfRow(rows[1]!, asOf, { statusKinds, includeDrafts: true })).toBe(40);
  });
});

describe('what a status means by default, per invoice object', () => {
  it('reads Revenue Cloud, Salesforce Billing and custom values as an accountant would', () => {
    const meaning = (shape: Parameters<typeof defaultStatusKind>[1], values: string[]) => values.map((v) => defaultStatusKind(v, shape));
    expect(meaning('Invoice', ['Draft', 'Pending', 'Posted', 'Error', 'Canceled', 'Paid'])).toEqual(['draft', 'draft', 'posted', 'draft', 'cancelled', 'posted']);
    expect(meaning('blng__Invoice__c', ['Draft', 'Initiated', 'Posted', 'Cancelled', 'Rebilled'])).toEqual(['draft', 'draft', 'posted', 'cancelled', 'cancelled']);
    expect(meaning('custom', ['Draft', 'Sent', 'Paid', 'Cancelled', 'Void', 'Pending'])).toEqual(['draft', 'posted', 'posted', 'cancelled', 'cancelled', 'posted']);
    expect(defaultStatusKind(null, 'Invoice')).toBe('posted');
  });
});
