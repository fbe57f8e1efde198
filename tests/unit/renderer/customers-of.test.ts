import { describe, expect, it } from 'vitest';
import { accountName } from '../../../renderer/src/receivables/account-name';
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

describe('the name a statement gives a renamed account', () => {
  it('is the name Salesforce gave last (the row synced last), not the name of the latest-dated invoice an incremental sync did not fetch again', () => {
    // Renamed in Salesforce; only the old invoice was paid since, so only it came again (with the new name).
    const rows = [
      row({ id: '1', customer: 'Old Name Ltd', customerId: '001C', invoiceDate: '2026-05-01', lastModified: '2026-05-02T10:00:00.000Z' }),
      row({ id: '2', customer: 'New Name Ltd', customerId: '001C', invoiceDate: '2026-01-01', lastModified: '2026-06-01T09:00:00.000Z' }),
      row({ id: '3', customer: 'Old Name Ltd', customerId: '001C', invoiceDate: '2026-03-01', lastModified: null }),
    ];
    expect(customersOf(rows, [0, 1, 2])).toEqual([{ name: 'New Name Ltd', account: '001C' }]);
    expect(customersOf(rows, [2, 1, 0])).toEqual([{ name: 'New Name Ltd', account: '001C' }]);
    // The customer view opened from an old row is headed (and its statement made) with the same name.
    expect(accountName(rows, '001C', 'Old Name Ltd')).toBe('New Name Ltd');
    expect(accountName(rows, '001X', 'Elsewhere')).toBe('Elsewhere');
  });
});
