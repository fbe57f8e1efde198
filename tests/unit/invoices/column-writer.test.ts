import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ObjectDescribe } from '../../../electron/core/invoices/mapping/describe-types';
import { columnWriter } from '../../../electron/core/invoices/mapping/column-writer';
import { rowMapper, type SalesforceRecord } from '../../../electron/core/invoices/mapping/row-mapper';
import { ColumnChunkBuilder, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { buildQueryPlan, type QueryPlan } from '../../../electron/core/invoices/sync/soql';

const invoice: ObjectDescribe = {
  name: 'Invoice',
  label: 'Invoice',
  fields: [
    { name: 'Id', type: 'id', label: 'Id' },
    { name: 'DocumentNumber', type: 'string', label: 'Document Number' },
    { name: 'BillingAccountId', type: 'reference', label: 'Billing Account', referenceTo: ['Account'], relationshipName: 'BillingAccount' },
    { name: 'InvoiceDate', type: 'date', label: 'Invoice Date' },
    { name: 'DueDate', type: 'date', label: 'Due Date' },
    { name: 'Status', type: 'picklist', label: 'Status' },
    { name: 'TotalAmountWithTax', type: 'currency', label: 'Total' },
    { name: 'Balance', type: 'currency', label: 'Balance' },
    { name: 'CurrencyIsoCode', type: 'picklist', label: 'Currency' },
    { name: 'LastModifiedDate', type: 'datetime', label: 'Last Modified' },
    { name: 'SystemModstamp', type: 'datetime', label: 'System Modstamp' },
  ],
};
const plan = buildQueryPlan(invoice, {
  number: 'DocumentNumber', customer: 'BillingAccountId', invoiceDate: 'InvoiceDate', dueDate: 'DueDate', status: 'Status',
  total: 'TotalAmountWithTax', balance: 'Balance', currency: 'CurrencyIsoCode', lastModified: 'LastModifiedDate',
});

/** The rows the column writer puts into one chunk, made back into objects. */
function written(records: SalesforceRecord[], queryPlan: QueryPlan = plan, currency = 'EUR') {
  const builder = new ColumnChunkBuilder();
  const write = columnWriter(queryPlan, currency);
  for (const record of records) write(record, builder);
  const chunk = builder.chunk();
  return chunk ? new RowColumns([chunk]).materialize() : [];
}
const mapped = (records: SalesforceRecord[], queryPlan: QueryPlan = plan, currency = 'EUR') => records.map(rowMapper(queryPlan, currency));

/** Whatever a record's field may hold: Salesforce's forms, other zones and shapes, blanks, junk. */
const anyValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', ' ', '2026-01-31', '2024-02-29', '2026-02-30', '2026-1-31', '２０２６-01-31', '2026-11-29T12:00:00.000+0000', '0999-01-01T00:00:00.000+0000',
    '2026-11-29T23:30:00.000-0500', '2026-11-29T12:00:00Z', '2026-13-01T10:00:00.000+0000', '2026-11-29T24:00:00.000+0000', '12.50', '1e3', 'NaN', 'Zürich ✓', '\ud800'),
  fc.double(),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().replace('Z', '+0000')),
);
const anyRecord: fc.Arbitrary<SalesforceRecord> = fc.record({
  Id: fc.oneof(fc.string({ minLength: 1, maxLength: 18 }), fc.integer()),
  DocumentNumber: anyValue,
  BillingAccount: fc.oneof(fc.constant(null), fc.record({ Name: anyValue })),
  BillingAccountId: anyValue,
  InvoiceDate: anyValue,
  DueDate: anyValue,
  Status: anyValue,
  TotalAmountWithTax: anyValue,
  Balance: anyValue,
  CurrencyIsoCode: anyValue,
  LastModifiedDate: anyValue,
}, { requiredKeys: ['Id'] });

describe('records written straight into columns (issue #22)', () => {
  it('give exactly the rows the row mapper makes, for any record (every field blank, junk, another zone, another type)', () => {
    fc.assert(
      fc.property(fc.array(anyRecord, { maxLength: 30 }), (records) => {
        expect(written(records)).toEqual(mapped(records));
        // -0 stays -0, as the mapper gives it.
        written(records).forEach((row, i) => expect(Object.is(row.total, mapped(records)[i]!.total)).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it('blank fields: a missing number is the id, a missing currency the org default, missing text and amounts are null', () => {
    const [row] = written([{ Id: '3tt000000000001AAA', BillingAccount: null, TotalAmountWithTax: '', Balance: ' ' }], plan, 'CHF');
    expect(row).toEqual({
      id: '3tt000000000001AAA', number: '3tt000000000001AAA', customer: null, invoiceDate: null, dueDate: null, status: null,
      total: null, balance: null, currency: 'CHF', lastModified: null, customerId: undefined,
    });
  });

  it('JPY amounts (no minor unit) and amounts sent as text keep their value', () => {
    const rows = written([
      { Id: 'a', TotalAmountWithTax: 1_250_000, Balance: 0, CurrencyIsoCode: 'JPY' },
      { Id: 'b', TotalAmountWithTax: '98765', Balance: -0, CurrencyIsoCode: 'JPY' },
    ]);
    expect(rows.map((r) => [r.total, r.balance, r.currency])).toEqual([[1_250_000, 0, 'JPY'], [98765, -0, 'JPY']]);
    expect(Object.is(rows[1]!.balance, -0)).toBe(true);
  });

  it('time zones: a datetime in another zone is the same instant in UTC; a plain date is never moved to another day', () => {
    const [row] = written([{ Id: 'a', LastModifiedDate: '2026-11-29T23:30:00.000-0500', InvoiceDate: '2026-11-29T23:30:00.000-0500', DueDate: '2026-12-31' }]);
    expect(row).toMatchObject({ lastModified: '2026-11-30T04:30:00.000Z', invoiceDate: '2026-11-30', dueDate: '2026-12-31' });
    const [utc] = written([{ Id: 'b', LastModifiedDate: '2026-02-28T23:59:59.999+0000' }]);
    expect(utc!.lastModified).toBe('2026-02-28T23:59:59.999Z');
  });

  it('a field the org hides (not in the plan) is null on every row, whatever the record holds', () => {
    const hidden = buildQueryPlan(invoice, { number: 'DocumentNumber', balance: 'Balance' });
    const records = [{ Id: 'a', DocumentNumber: 'INV-1', Status: 'Posted', TotalAmountWithTax: 5, Balance: 2, BillingAccount: { Name: 'Acme' } }];
    expect(written(records, hidden)).toEqual([
      { id: 'a', number: 'INV-1', customer: null, invoiceDate: null, dueDate: null, status: null, total: null, balance: 2, currency: 'EUR', lastModified: null, customerId: undefined },
    ]);
    expect(written(records, hidden)).toEqual(mapped(records, hidden));
  });

  it('many pages through one builder: rows past its first capacity and a fresh chunk after each page stay exact', () => {
    const records = Array.from({ length: 700 }, (_, i) => ({ Id: `r${i}`, DocumentNumber: i % 7 === 0 ? null : `INV-${i}`, TotalAmountWithTax: i % 5 === 0 ? null : i * 1.5, LastModifiedDate: '2026-11-29T12:00:00.000+0000' }));
    const builder = new ColumnChunkBuilder();
    const write = columnWriter(plan, 'USD');
    const chunks = [];
    for (const [from, to] of [[0, 600], [600, 700]] as const) {
      for (const record of records.slice(from, to)) write(record, builder);
      chunks.push(builder.chunk()!);
    }
    expect(new RowColumns(chunks).materialize()).toEqual(mapped(records, plan, 'USD'));
  });
});

describe('a datetime field holding a number past the range of Date', () => {
  it('is no instant (null), for the mapper and the column writer alike, instead of failing the whole sync', () => {
    const records = [{ Id: 'a', LastModifiedDate: -8_640_000_000_000_001, InvoiceDate: 9e15 }];
    expect(mapped(records)[0]).toMatchObject({ lastModified: null, invoiceDate: null });
    expect(written(records)).toEqual(mapped(records));
  });
});
