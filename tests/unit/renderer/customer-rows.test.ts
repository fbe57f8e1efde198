import { describe, expect, it } from 'vitest';
import type { InvoiceListRow } from '../../../electron/contract';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { customerInvoices } from '../../../renderer/src/receivables/customer-rows';

const row = (id: string, customer: string | null, extra: Partial<InvoiceListRow>): InvoiceListRow => ({
  id, number: id, customer, invoiceDate: '2026-09-01', dueDate: '2026-10-01', status: 'Posted', total: 100, balance: 100, currency: 'EUR', lastModified: null, ...extra,
});

describe('one customer’s invoices as the workspace counts them', () => {
  const rows = [
    row('A', 'Acme', { dueDate: '2026-11-20', balance: 10.1 }),
    row('B', 'Acme', { dueDate: '2026-09-15', balance: 20.2 }),
    row('C', 'Acme', { balance: 0, invoiceDate: '2026-08-01' }),
    row('D', 'Acme', { status: 'Draft', balance: 500 }),
    row('E', 'Acme', { currency: 'JPY', balance: 3000, dueDate: '2026-12-31' }),
    row('F', 'Other', { balance: 999 }),
    row('G', 'Acme', { invoiceDate: '2026-12-05', balance: 7 }),
  ];
  const prepared = prepareInvoices(rows, { statusKinds: { Draft: 'draft' } });

  it('lists open invoices oldest due first, then the rest newest first; totals, overdue and aging per currency leave drafts out', () => {
    const got = customerInvoices(prepared, { name: 'Acme' }, dayNumber('2026-12-01'), 'dueDate');
    expect(Array.from(got.indexes, (i) => rows[i]!.id)).toEqual(['B', 'G', 'A', 'E', 'D', 'C']);
    expect(got.totals.map((t) => [t.currency, t.count, t.balance])).toEqual([['EUR', 4, 37.3], ['JPY', 1, 3000]]);
    // B (77 days), G (61 days, the default due date) and A (11 days) are past due; E is not yet due; D is a draft.
    expect(got.overdue).toEqual(new Map([['EUR', 37.3]]));
    const eur = got.aging.find((a) => a.currency === 'EUR')!.buckets;
    expect(eur.map((b) => [b.key, b.balance])).toEqual([['current', 0], ['1-30', 10.1], ['31-60', 0], ['61-90', 27.2], ['90+', 0]]);
  });

  it('leaves out invoices dated after the as-of day of an as-of view', () => {
    const asOf = dayNumber('2026-11-30');
    const got = customerInvoices(prepared, { name: 'Acme' }, asOf, 'dueDate', asOf);
    expect(Array.from(got.indexes, (i) => rows[i]!.id)).not.toContain('G');
    // Only G goes: the others keep their places (an empty list would pass the line above).
    expect(Array.from(got.indexes, (i) => rows[i]!.id)).toEqual(['B', 'A', 'E', 'D', 'C']);
  });

  it('with account ids, a customer is its account: not another account of the same name, and its invoices under an older name too', () => {
    const keyed = [
      row('A1', 'Acme', { customerId: '001A' }),
      row('A2', 'Acme (old name)', { customerId: '001A', invoiceDate: '2026-07-01' }),
      row('B1', 'Acme', { customerId: '001B', balance: 55 }),
    ];
    const both = prepareInvoices(keyed, {});
    const first = customerInvoices(both, { name: 'Acme', account: '001A' }, dayNumber('2026-09-02'), 'dueDate');
    expect(Array.from(first.indexes, (i) => keyed[i]!.id).sort()).toEqual(['A1', 'A2']);
    expect(first.totals.map((t) => t.balance)).toEqual([200]);
    const second = customerInvoices(both, { name: 'Acme', account: '001B' }, dayNumber('2026-09-02'), 'dueDate');
    expect(Array.from(second.indexes, (i) => keyed[i]!.id)).toEqual(['B1']);
    // By name alone (a copy from before the ids): both accounts called Acme, as before.
    expect(Array.from(customerInvoices(both, { name: 'Acme' }, dayNumber('2026-09-02'), 'dueDate').indexes, (i) => keyed[i]!.id).sort()).toEqual(['A1', 'B1']);
  });

  it('an invoice without a customer is nobody’s, and an empty account id asks by name', () => {
    const mixed = [row('N1', null, {}), row('A1', 'Acme', {}), row('N2', null, { customerId: '001A' })];
    const prepared = prepareInvoices(mixed, {});
    const byName = customerInvoices(prepared, { name: 'Acme', account: '' }, dayNumber('2026-09-02'), 'dueDate');
    expect(Array.from(byName.indexes, (i) => mixed[i]!.id)).toEqual(['A1']);
    expect(byName.totals.map((t) => t.balance)).toEqual([100]);
  });
});
