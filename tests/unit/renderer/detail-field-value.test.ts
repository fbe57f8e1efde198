import { describe, expect, it } from 'vitest';
import { detailFieldValue } from '../../../renderer/src/workspace/detail-field-value';

const yesNo = { yes: 'Yes', no: 'No' };
const show = (name: string, value: string | number | boolean | null, type?: string, referenceName?: string | null, currency = 'EUR', locale = 'en-US') =>
  detailFieldValue({ name, label: name, value, ...(type ? { type } : {}), ...(referenceName !== undefined ? { referenceName } : {}) }, currency, locale, yesNo);

describe('a field of the detail panel, shown by its describe type', () => {
  it('shows a currency field as money in the record’s currency, whatever its name (was “Payments 4995.279999999999”)', () => {
    expect(show('Payments__c', 4995.279999999999, 'currency')).toBe('€4,995.28');
    expect(show('Payments__c', 4995.279999999999, 'currency', undefined, 'JPY')).toBe('¥4,995');
    expect(show('Payments__c', 1234.5, 'currency', undefined, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
  });

  it('shows percentages, numbers, dates, date-times, booleans and references as such', () => {
    expect(show('Discount__c', 12.5, 'percent')).toBe('12.5%');
    expect(show('Quantity__c', 1234.5, 'double', undefined, 'EUR', 'de-DE')).toBe('1.234,5');
    // A number field whose name sounds like money is still a number when describe says so.
    expect(show('AmountOfLines__c', 3, 'double')).toBe('3');
    expect(show('DueDate', '2026-06-30', 'date', undefined, 'EUR', 'de-DE')).toBe('30. Juni 2026');
    expect(show('Flag__c', true, 'boolean')).toBe('Yes');
    expect(show('BillingAccountId', '0015g0000000001AAA', 'reference', 'Acme GmbH')).toBe('Acme GmbH');
    expect(show('OwnerId', '0055g0000000001AAA', 'reference', null)).toBe('0055g0000000001AAA');
    expect(show('Memo__c', '2026-06-30 was a Tuesday', 'string')).toBe('2026-06-30 was a Tuesday');
    expect(show('Empty__c', null, 'currency')).toBe('—');
  });

  it('reads a field without a type (kept by an older version) from its value, as before', () => {
    expect(show('TotalAmount', 10, undefined)).toBe('€10.00');
    expect(show('InvoiceDate', '2026-06-30', undefined)).toBe('Jun 30, 2026');
  });
});
