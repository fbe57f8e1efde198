import { describe, expect, it } from 'vitest';
import { customersOf } from '../../../renderer/src/statements/customers-of';
import { row } from './invoice-fixtures';

describe('the customers of the rows on screen, for statements', () => {
  it('one per account when the rows have account ids — two accounts of one name are two, a renamed account is one (its latest invoice’s name); else one per name', () => {
    const rows = [
      row({ id: '1', customer: 'Acme', customerId: '001A', invoiceDate: '2026-03-01' }),
      row({ id: '2', customer: 'Acme', customerId: '001B' }),
      row({ id: '3', customer: 'Acme Old', customerId: '001A', invoiceDate: '2026-01-01' }),
      row({ id: '4', customer: 'Beta' }),
      row({ id: '5', customer: 'Beta' }),
      row({ id: '6', customer: null }),
    ];
    expect(customersOf(rows, [0, 1, 2, 3, 4, 5])).toEqual([{ name: 'Acme', account: '001A' }, { name: 'Acme', account: '001B' }, { name: 'Beta' }]);
    // Only the rows shown count.
    expect(customersOf(rows, [2])).toEqual([{ name: 'Acme Old', account: '001A' }]);
  });
});
