import { describe, expect, it } from 'vitest';
import { computeAging, bucketOfDays } from '../../../renderer/src/invoices/aging';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { filterChips } from '../../../renderer/src/invoices/chips';
import { filterMask, noFilters, type InvoiceFilters } from '../../../renderer/src/invoices/filters';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { daysOverdueAt, prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { sortedOrder, visibleIndexes } from '../../../renderer/src/invoices/sort';
import { computeTotals } from '../../../renderer/src/invoices/totals';
import { visibleColumnIds } from '../../../renderer/src/invoices/columns';
import { row } from './invoice-fixtures';

const asOf = dayNumber('2026-03-01');
const ctx = { asOfDay: asOf, agingBasis: 'dueDate' as const };

const rows = [
  row({ number: 'INV-10', customer: 'Zeta GmbH', dueDate: '2026-03-05', status: 'Posted', total: 10.1, balance: 10.1, currency: 'EUR' }),
  row({ number: 'INV-2', customer: 'acme corp', dueDate: '2026-02-20', status: 'Posted', total: 0.2, balance: 0.2, currency: 'USD' }),
  row({ number: 'INV-3', customer: 'Beta', dueDate: '2025-12-01', status: 'Paid', total: 0.1, balance: 0, currency: 'USD' }),
  row({ number: 'INV-4', customer: null, dueDate: null, invoiceDate: null, status: null, total: null, balance: null, currency: 'JPY' }),
  row({ number: 'INV-5', customer: 'Acme Corp', dueDate: '2025-11-01', status: 'Posted', total: 5000, balance: 4000, currency: 'JPY' }),
  row({ number: 'INV-6', customer: 'Gamma', dueDate: '2026-01-30', status: 'Draft', total: 0.7, balance: 0.7, currency: 'USD' }),
];
const prepared = prepareInvoices(rows);
const numbersOf = (indexes: Uint32Array) => [...indexes].map((i) => rows[i]!.number);
const view = (filters: Partial<InvoiceFilters>, sort = null as Parameters<typeof sortedOrder>[1]) =>
  numbersOf(visibleIndexes(sortedOrder(prepared, sort, asOf), filterMask(prepared, { ...noFilters, ...filters }, ctx)));

describe('filters', () => {
  it('searches number and customer, case-insensitively', () => {
    expect(view({ search: 'acme' })).toEqual(['INV-2', 'INV-5']);
    expect(view({ search: 'inv-1' })).toEqual(['INV-10']);
    expect(view({ search: '  ZETA ' })).toEqual(['INV-10']);
  });

  it('filters by several statuses, currency, overdue and date ranges (inclusive)', () => {
    expect(view({ statuses: ['Paid', 'Draft'] })).toEqual(['INV-3', 'INV-6']);
    expect(view({ statuses: ['(no status)'] })).toEqual(['INV-4']);
    expect(view({ currencies: ['JPY'] })).toEqual(['INV-4', 'INV-5']);
    expect(view({ overdueOnly: true })).toEqual(['INV-2', 'INV-5', 'INV-6']);
    expect(view({ dueDateFrom: '2026-01-30', dueDateTo: '2026-02-20' })).toEqual(['INV-2', 'INV-6']);
    expect(view({ dueDateTo: '2025-12-01' })).toEqual(['INV-3', 'INV-5']);
  });

  it('filters to one aging bucket', () => {
    expect(view({ aging: 'current' })).toEqual(['INV-10']);
    expect(view({ aging: '1-30' })).toEqual(['INV-2', 'INV-6']);
    expect(view({ aging: '90+' })).toEqual(['INV-5']);
  });

  it('lists the active filters as chips that each remove themselves', () => {
    const filters = { ...noFilters, search: 'x', statuses: ['Paid', 'Draft'], overdueOnly: true, dueDateFrom: '2026-01-01' };
    const chips = filterChips(filters, createI18n('en').getFixedT('en', 'workspace'), 'en-US');
    expect(chips.map((c) => c.label)).toEqual(['Search: “x”', 'Status: Paid', 'Status: Draft', 'Due date: from Jan 1, 2026', 'Overdue only']);
    expect(chips[1]!.without(filters).statuses).toEqual(['Draft']);
    expect(chips[3]!.without(filters).dueDateFrom).toBeNull();
  });

  it("names the chips in the user's language, dates in the locale, the invoices without a status too", () => {
    const filters = { ...noFilters, search: 'acme', statuses: ['(no status)'], invoiceDateFrom: '2026-01-01', invoiceDateTo: '2026-01-31', dueDateTo: '2026-03-01', aging: '31-60' as const };
    const german = filterChips(filters, createI18n('de').getFixedT('de', 'workspace'), 'de-DE').map((c) => c.label);
    expect(german).toEqual([
      'Suche: „acme“',
      'Status: (ohne Status)',
      'Rechnungsdatum: 1. Jan. 2026 – 31. Jan. 2026',
      'Fälligkeit: bis 1. März 2026',
      'Altersstruktur: 31–60 Tage überfällig',
    ]);
    const french = filterChips({ ...filters, aging: 'current' }, createI18n('fr').getFixedT('fr', 'workspace'), 'fr-FR').map((c) => c.label);
    expect(french.at(-1)).toBe('Balance âgée : Non échu');
    expect(french[2]).toBe('Date de facture : du 1 janv. 2026 au 31 janv. 2026');
  });
});

describe('sort', () => {
  it('sorts numbers naturally and puts empty values last in both directions', () => {
    expect(view({}, { column: 'number', desc: false })).toEqual(['INV-2', 'INV-3', 'INV-4', 'INV-5', 'INV-6', 'INV-10']);
    expect(view({}, { column: 'customer', desc: false })).toEqual(['INV-2', 'INV-5', 'INV-3', 'INV-6', 'INV-10', 'INV-4']);
    expect(view({}, { column: 'customer', desc: true }).at(-1)).toBe('INV-4');
    expect(view({}, { column: 'total', desc: true })).toEqual(['INV-5', 'INV-10', 'INV-6', 'INV-2', 'INV-3', 'INV-4']);
    expect(view({}, { column: 'dueDate', desc: false })).toEqual(['INV-5', 'INV-3', 'INV-6', 'INV-2', 'INV-10', 'INV-4']);
    expect(view({}, { column: 'daysOverdue', desc: true }).slice(0, 3)).toEqual(['INV-5', 'INV-6', 'INV-2']);
  });
});

describe('totals and aging', () => {
  it('totals per currency, exactly, never across currencies', () => {
    const all = Uint32Array.from(rows.keys());
    // Without status meanings (prepareInvoices(rows) alone) every invoice counts, and nothing is left out.
    const none = { drafts: { count: 0, balance: 0 }, cancelled: { count: 0, balance: 0 } };
    expect(computeTotals(prepared, all)).toEqual([
      { currency: 'EUR', count: 1, total: 10.1, balance: 10.1, excluded: none },
      { currency: 'JPY', count: 2, total: 5000, balance: 4000, excluded: none },
      { currency: 'USD', count: 3, total: 1, balance: 0.9, excluded: none },
    ]);
  });

  it('buckets open balances by days past due and the buckets add up to the balance', () => {
    const all = Uint32Array.from(rows.keys());
    const aging = computeAging(prepared, all, asOf, 'dueDate');
    const usd = aging.find((a) => a.currency === 'USD')!;
    expect(usd.buckets.map((b) => [b.key, b.count, b.balance])).toEqual([
      ['current', 0, 0],
      ['1-30', 2, 0.9],
      ['31-60', 0, 0],
      ['61-90', 0, 0],
      ['90+', 0, 0],
    ]);
    for (const totals of computeTotals(prepared, all)) {
      const buckets = aging.find((a) => a.currency === totals.currency)?.buckets ?? [];
      expect(buckets.reduce((sum, b) => sum + b.balance, 0)).toBeCloseTo(totals.balance, 6);
    }
  });

  it('puts the bucket edges where accountants expect them', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91].map(bucketOfDays)).toEqual(['current', '1-30', '1-30', '31-60', '31-60', '61-90', '61-90', '90+']);
    expect(daysOverdueAt(prepared, 4, asOf)).toBe(120);
    expect(daysOverdueAt(prepared, 2, asOf)).toBe(0); // paid
  });
});

describe('columns', () => {
  it('keeps the number column and the display order whatever was saved', () => {
    expect(visibleColumnIds(['balance', 'customer'])).toEqual(['number', 'customer', 'balance']);
    expect(visibleColumnIds(null)).toHaveLength(9);
  });
});

describe('at 100,000 invoices', () => {
  // Speed is measured by `npm run bench`; this proves the one-pass view logic stays exact at scale.
  it('filters, sorts and totals exactly what a naive pass over the rows gives', () => {
    const many = Array.from({ length: 100_000 }, (_, k) =>
      row({ number: `INV-${k}`, customer: `Customer ${k % 997}`, total: k % 1000, balance: k % 3 ? k % 500 : 0, currency: ['USD', 'EUR', 'JPY'][k % 3]!, dueDate: `2025-${String((k % 12) + 1).padStart(2, '0')}-15` }),
    );
    const big = prepareInvoices(many);
    const order = sortedOrder(big, { column: 'customer', desc: false }, asOf);
    const mask = filterMask(big, { ...noFilters, search: 'customer 12', overdueOnly: true }, ctx);
    const visible = visibleIndexes(order, mask);
    const expected = many
      .filter((r) => r.customer!.toLowerCase().includes('customer 12') && (r.balance ?? 0) > 0 && dayNumber(r.dueDate!) < asOf)
      .sort((a, b) => a.customer!.localeCompare(b.customer!));
    expect([...visible].map((i) => many[i]!.customer)).toEqual(expected.map((r) => r.customer));
    const totals = computeTotals(big, visible);
    const aging = computeAging(big, visible, asOf, 'dueDate');
    for (const currency of ['EUR', 'JPY']) {
      const own = expected.filter((r) => r.currency === currency);
      const balance = own.reduce((sum, r) => sum + Math.round(r.balance! * 100), 0) / 100;
      expect(totals.find((t) => t.currency === currency)).toMatchObject({ count: own.length, balance });
      const buckets = aging.find((a) => a.currency === currency)!.buckets;
      expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(own.length);
      expect(Math.round(buckets.reduce((sum, b) => sum + b.balance, 0) * 100) / 100).toBe(balance);
    }
    expect(totals.map((t) => t.currency).sort()).toEqual(['EUR', 'JPY']);
  });
});
