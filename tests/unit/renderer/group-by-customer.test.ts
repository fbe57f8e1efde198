import { describe, expect, it } from 'vitest';
import { activeAfterToggle, groupByCustomer } from '../../../renderer/src/invoices/group-by-customer';
import { NO_CUSTOMER, prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { row } from './invoice-fixtures';

const statusKinds = { Draft: 'draft', Posted: 'posted', Paid: 'posted', Cancelled: 'cancelled' } as const;

// Zeta buys in EUR and USD and got a credit note; Acme has a draft and a cancelled invoice (not receivables); one invoice has no customer.
const rows = [
  row({ number: 'Z-1', customer: 'Zeta', total: 100.1, balance: 50.05, currency: 'EUR' }),
  row({ number: 'A-1', customer: 'Acme', total: 200, balance: 200, currency: 'USD' }),
  row({ number: 'N-1', customer: null, total: 10, balance: 10, currency: 'USD' }),
  row({ number: 'Z-2', customer: 'Zeta', total: 0.2, balance: 0.2, currency: 'EUR' }),
  row({ number: 'Z-3', customer: 'Zeta', total: 40, balance: 40, currency: 'USD' }),
  row({ number: 'Z-4', customer: 'Zeta', total: -25.5, balance: -25.5, currency: 'EUR' }),
  row({ number: 'A-2', customer: 'Acme', status: 'Draft', total: 999, balance: 999, currency: 'USD' }),
  row({ number: 'A-3', customer: 'Acme', status: 'Cancelled', total: 77, balance: 77, currency: 'USD' }),
  row({ number: 'Ä-1', customer: 'Äpfel GmbH', total: 5, balance: 0, currency: 'EUR' }),
];
const prepared = prepareInvoices(rows, { statusKinds });
/** Display order of the view (as if sorted by something): reversed. */
const visible = Uint32Array.from([8, 7, 6, 5, 4, 3, 2, 1, 0]);
const numbers = (indexes: ArrayLike<number>) => Array.from(indexes, (i) => rows[i]!.number);

describe('group by customer', () => {
  it('headers by customer name (locale order, no customer last), each followed by its invoices in the view order', () => {
    const groups = groupByCustomer(prepared, visible, new Set());
    const shape = groups.items.map((item) => (item.kind === 'group' ? `# ${item.key} (${item.count})` : rows[item.index]!.number));
    expect(shape).toEqual([
      '# Acme (3)', 'A-3', 'A-2', 'A-1',
      '# Äpfel GmbH (1)', 'Ä-1',
      '# Zeta (4)', 'Z-4', 'Z-3', 'Z-2', 'Z-1',
      `# ${NO_CUSTOMER} (1)`, 'N-1',
    ]);
    expect(numbers(groups.order)).toEqual(['A-3', 'A-2', 'A-1', 'Ä-1', 'Z-4', 'Z-3', 'Z-2', 'Z-1', 'N-1']);
    // Each invoice's position points back at its slot.
    groups.order.forEach((_, position) => expect(groups.items[groups.slotOf[position]!]).toMatchObject({ kind: 'row', position }));
  });

  it('subtotals per currency, never added across currencies; credits subtract; drafts and cancelled invoices are not receivables', () => {
    const headers = groupByCustomer(prepared, visible, new Set()).items.filter((item) => item.kind === 'group');
    const totals = Object.fromEntries(headers.map((h) => [h.key, h.totals]));
    // Zeta EUR: 100.10 + 0.20 − 25.50 = 74.80 total; 50.05 + 0.20 − 25.50 = 24.75 balance. USD: 40.
    expect(totals.Zeta).toEqual([
      { currency: 'EUR', total: 74.8, balance: 24.75 },
      { currency: 'USD', total: 40, balance: 40 },
    ]);
    // Acme: three invoices shown, only A-1 is owed.
    expect(totals.Acme).toEqual([{ currency: 'USD', total: 200, balance: 200 }]);
    expect(totals[NO_CUSTOMER]).toEqual([{ currency: 'USD', total: 10, balance: 10 }]);
    expect(totals['Äpfel GmbH']).toEqual([{ currency: 'EUR', total: 5, balance: 0 }]);
  });

  it('a collapsed group keeps its header (count and subtotals) and hides its invoices', () => {
    const groups = groupByCustomer(prepared, visible, new Set(['Zeta']));
    const zeta = groups.items.find((item) => item.kind === 'group' && item.key === 'Zeta');
    expect(zeta).toMatchObject({ count: 4, collapsed: true, totals: [{ currency: 'EUR', total: 74.8 }, { currency: 'USD', total: 40 }] });
    expect(numbers(groups.order)).toEqual(['A-3', 'A-2', 'A-1', 'Ä-1', 'N-1']);
    expect(groups.items).toHaveLength(4 + 5);
  });

  it('only the visible rows are grouped (a filter leaves the others out of counts and subtotals)', () => {
    const groups = groupByCustomer(prepared, Uint32Array.from([0, 5]), new Set());
    expect(groups.items).toEqual([
      { kind: 'group', key: 'Zeta', count: 2, collapsed: false, totals: [{ currency: 'EUR', total: 74.6, balance: 24.55 }] },
      { kind: 'row', index: 0, position: 0 },
      { kind: 'row', index: 5, position: 1 },
    ]);
  });

  it('after a collapse the active row stays on its invoice, or moves to the first invoice after the collapsed group', () => {
    const zetaClosed = groupByCustomer(prepared, visible, new Set(['Zeta']));
    // A-1 (index 1) is still shown, at position 2.
    expect(activeAfterToggle(zetaClosed, 1, 'Zeta')).toBe(2);
    // Z-3 (index 4) went with its group: the next invoice shown is N-1.
    expect(numbers([zetaClosed.order[activeAfterToggle(zetaClosed, 4, 'Zeta')]!])).toEqual(['N-1']);
    // The last group collapsed with the active invoice in it: the last invoice shown.
    const noneClosed = groupByCustomer(prepared, visible, new Set([NO_CUSTOMER]));
    expect(numbers([noneClosed.order[activeAfterToggle(noneClosed, 2, NO_CUSTOMER)]!])).toEqual(['Z-1']);
  });

  it('three-decimal currencies add up exactly, as on the cards (1.235 + 2.235 KWD is 3.47)', () => {
    const kwd = [row({ customer: 'Gulf', total: 1.235, balance: 1.235, currency: 'KWD' }), row({ customer: 'Gulf', total: 2.235, balance: 2.235, currency: 'KWD' })];
    const groups = groupByCustomer(prepareInvoices(kwd, { statusKinds }), Uint32Array.from([0, 1]), new Set());
    expect(groups.items[0]).toMatchObject({ totals: [{ currency: 'KWD', total: 3.47, balance: 3.47 }] });
  });

  it('no rows: no groups', () => {
    expect(groupByCustomer(prepared, new Uint32Array(0), new Set())).toEqual({ items: [], order: new Uint32Array(0), slotOf: new Uint32Array(0) });
  });
});
