import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ObjectDescribe } from '../../../electron/core/invoices/mapping/describe-types';
import { recordUrl } from '../../../electron/core/invoices/read/record-link';
import { modstampReader, toInstant, toInvoiceRow } from '../../../electron/core/invoices/mapping/row-mapper';
import { mergeChanges } from '../../../electron/core/invoices/snapshot/snapshot';
import { buildQueryPlan, byIdQuery, fullSyncQuery, incrementalQuery, soqlDateTime, soqlString } from '../../../electron/core/invoices/sync/soql';

const invoice: ObjectDescribe = {
  name: 'Invoice',
  label: 'Invoice',
  fields: [
    { name: 'Id', type: 'id', label: 'Id' },
    { name: 'DocumentNumber', type: 'string', label: 'Document Number' },
    { name: 'BillingAccountId', type: 'reference', label: 'Billing Account', referenceTo: ['Account'], relationshipName: 'BillingAccount' },
    { name: 'DueDate', type: 'date', label: 'Due Date' },
    { name: 'Balance', type: 'currency', label: 'Balance' },
    { name: 'SystemModstamp', type: 'datetime', label: 'System Modstamp' },
  ],
};
const plan = buildQueryPlan(invoice, { number: 'DocumentNumber', customer: 'BillingAccountId', dueDate: 'DueDate', balance: 'Balance' });

describe('SOQL builder', () => {
  it('selects only described fields, lookups through their relationship name (and the customer lookup’s id: two accounts of one name are two customers)', () => {
    expect(fullSyncQuery(plan)).toBe('SELECT Id, DocumentNumber, BillingAccount.Name, DueDate, Balance, BillingAccountId, SystemModstamp FROM Invoice');
    expect(incrementalQuery(plan, Date.parse('2026-11-29T12:05:00.789Z'))).toBe(
      'SELECT Id, DocumentNumber, BillingAccount.Name, DueDate, Balance, BillingAccountId, SystemModstamp, IsDeleted FROM Invoice WHERE SystemModstamp > 2026-11-29T12:05:00Z',
    );
    expect(soqlDateTime(0)).toBe('1970-01-01T00:00:00Z');
  });

  it('escapes every string literal so it cannot end early', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const literal = soqlString(text);
        // Inside the quotes, every quote and backslash is escaped: strip escapes and no bare quote remains.
        const inner = literal.slice(1, -1).replace(/\\./g, '');
        expect(inner).not.toMatch(/['\\\n\r]/);
      }),
    );
    expect(soqlString("O'Brien \\ x")).toBe("'O\\'Brien \\\\ x'");
  });

  it('refuses ids that are not Salesforce ids before they reach a query', () => {
    expect(byIdQuery('Invoice', ['Id'], '3tt000000000001AAA')).toBe("SELECT Id FROM Invoice WHERE Id = '3tt000000000001AAA'");
    for (const hostile of ["3tt000000000001' OR Id != '", '3tt00000000000', '../sobjects']) {
      expect(() => byIdQuery('Invoice', ['Id'], hostile)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });
});

describe('records onto rows', () => {
  it('keeps dates as dates, reads lookups, falls back to the default currency', () => {
    const row = toInvoiceRow(
      { Id: '3tt1', DocumentNumber: 'INV-1', BillingAccount: { Name: 'Acme' }, BillingAccountId: '001000000000001AAA', DueDate: '2026-01-31', Balance: 12.5, SystemModstamp: '2026-11-29T12:00:00.000+0000' },
      plan,
      'EUR',
    );
    expect(row).toEqual({
      id: '3tt1', number: 'INV-1', customer: 'Acme', invoiceDate: null, dueDate: '2026-01-31', status: null, total: null, balance: 12.5, currency: 'EUR', lastModified: null,
      customerId: '001000000000001AAA',
    });
    expect(toInvoiceRow({ Id: '3tt2', BillingAccount: null }, plan, 'USD')).toMatchObject({ number: '3tt2', customer: null });
  });
});

describe('Salesforce dates', () => {
  it('a ten-character YYYY-MM-DD stays as it is, exactly when the pattern it was checked with before accepts it', () => {
    const datePlan = { object: 'Invoice', paths: { dueDate: 'DueDate' }, modstamp: null };
    const dueDate = (value: string) => toInvoiceRow({ Id: 'x', DueDate: value }, datePlan, 'USD').dueDate;
    const tenChars = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', 'a', '/', ' ', '٣', 'T'), minLength: 10, maxLength: 10 });
    fc.assert(
      fc.property(fc.oneof(tenChars, fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), (value) => {
        if (/^\d{4}-\d{2}-\d{2}$/.test(value)) expect(dueDate(value)).toBe(value);
        else expect(dueDate(value)).toBe(Number.isFinite(Date.parse(value)) ? new Date(Date.parse(value)).toISOString().slice(0, 10) : null);
      }),
      { numRuns: 3000 },
    );
  });

  // What the check before 47c7979 (/^\d{4}-\d{2}-\d{2}$/, then the datetime reader) gave for the edges: the same now.
  it.each([
    ['2026-02-28', '2026-02-28'],
    ['2026-02-30', '2026-02-30'], // a shape check, as before: kept as sent, never rolled into March
    ['0001-01-01', '0001-01-01'],
    ['9999-12-31', '9999-12-31'],
    ['2026-02-28T23:59:59.000+0000', '2026-02-28'],
    ['2026-13-01', '2026-13-01'], // likewise
    ['2026/02/2X', null],
    ['', null],
  ])('%j is read as %j', (value, expected) => {
    const datePlan = { object: 'Invoice', paths: { dueDate: 'DueDate' }, modstamp: null };
    expect(toInvoiceRow({ Id: 'x', DueDate: value }, datePlan, 'USD').dueDate).toBe(expected);
  });
});

describe('Salesforce datetimes', () => {
  it('read as the same instant and watermark as Date would, for any moment (leap days, years before 1000 included)', () => {
    const plan = { object: 'Invoice', paths: {}, modstamp: 'SystemModstamp' };
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
        const iso = new Date(ms).toISOString();
        const salesforce = iso.replace('Z', '+0000');
        expect(toInstant(salesforce)).toBe(iso);
        expect(modstampReader(plan)({ Id: 'x', SystemModstamp: salesforce })).toBe(ms);
      }),
      { numRuns: 2000 },
    );
    expect(toInstant('2026-13-01T10:00:00.000+0000')).toBeNull();
    expect(toInstant('2026-01-01T10:00:00.000+0100')).toBe('2026-01-01T09:00:00.000Z');
  });
});

describe('merging an incremental batch', () => {
  const row = (id: string, balance: number) => ({ id, number: id, customer: null, invoiceDate: null, dueDate: null, status: null, total: null, balance, currency: 'USD', lastModified: null });
  it('updates in place, appends new rows, removes deleted ones', () => {
    const merged = mergeChanges([row('a', 1), row('b', 2), row('c', 3)], [
      { row: row('b', 0), deleted: false },
      { row: row('d', 4), deleted: false },
      { row: row('a', 1), deleted: true },
      { row: row('zz', 1), deleted: true },
    ]);
    expect(merged.rows).toEqual([row('b', 0), row('c', 3), row('d', 4)]);
    expect(merged).toMatchObject({ changed: 2, deleted: 1 });
  });
});

describe('links to Salesforce', () => {
  it('builds the Lightning URL on the instance origin only', () => {
    expect(recordUrl('https://acme.my.salesforce.com', 'Invoice', '3tt000000000001AAA')).toBe('https://acme.my.salesforce.com/lightning/r/Invoice/3tt000000000001AAA/view');
    expect(recordUrl('http://127.0.0.1:4000', 'Invoice__c', 'a0G000000000001', ['http://127.0.0.1:4000'])).toBe('http://127.0.0.1:4000/lightning/r/Invoice__c/a0G000000000001/view');
    expect(() => recordUrl('http://acme.my.salesforce.com', 'Invoice', '3tt000000000001AAA')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => recordUrl('https://acme.my.salesforce.com', 'Invoice', '//evil.example/x')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('opens nothing on an instance address that is not Salesforce’s (the connection list is plain JSON: a rewritten instanceUrl)', () => {
    for (const instance of ['https://evil.example', 'https://acme.my.salesforce.com.evil.example', 'https://acme.my.site.com', 'https://acme.my.salesforce.com:8443']) {
      expect(() => recordUrl(instance, 'Invoice', '3tt000000000001AAA'), instance).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
  });
});
