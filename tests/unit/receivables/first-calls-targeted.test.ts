import { describe, expect, it } from 'vitest';
import type { InvoiceDetail, InvoiceRow } from '../../../electron/contract';
import { lazyRecords, type RelatedCopy, type RelatedObjectCopy, type RelatedRecord } from '../../../electron/core/invoices/related/related-copy';
import type { CsvReading } from '../../../electron/core/invoices/related/related-csv';
import { CsvTable } from '../../../electron/core/invoices/related/related-csv-table';
import { MergedTable } from '../../../electron/core/invoices/related/related-merged-table';
import { ledgerIndex } from '../../../electron/core/invoices/read/applied-ledger';
import { listRowById } from '../../../electron/core/invoices/read/copy-lookups';
import { customerLedger } from '../../../electron/core/invoices/read/customer-ledger';
import { invoiceReceivables } from '../../../electron/core/invoices/read/invoice-receivables';
import { withReferenceNames } from '../../../electron/core/invoices/read/reference-names';
import { appliedBySource } from '../../../electron/core/invoices/read/source-applied';
import type { Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';

/**
 * Issue #13: right after a sync's answer, before the background warm-up has made the read indexes, the first detail panel
 * and customer view built the whole index at once (0.3 / 0.5 s at 100k invoices). They now read their own entries by a
 * scan (applied-ledger.ts ledgerFor, customer-ledger.ts, source-applied.ts appliedFor, copy-lookups.ts): the answers must
 * be exactly those of the whole index — over Bulk columns, over an incremental's merged view of them (changed, added and
 * deleted records), with reversals, other currencies, drafts and refunds — and no whole index may be built by them.
 */
const quoted = (cells: string[]) => `${cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')}\n`;
const paymentReading: CsvReading = {
  object: 'Payment', modstamp: null,
  paths: { number: 'PaymentNumber', account: 'AccountId', accountName: 'Account.Name', amount: 'Amount', date: 'Date', status: 'Status', currency: 'CurrencyIsoCode' },
  cells: { amount: 'number', date: 'instant' },
};
const applicationReading: CsvReading = {
  object: 'PaymentLineInvoice', modstamp: null,
  paths: { source: 'PaymentId', invoice: 'InvoiceId', amount: 'Amount', type: 'Type', date: 'AppliedDate', created: 'CreatedDate', currency: 'CurrencyIsoCode' },
  cells: { amount: 'number', date: 'instant', created: 'instant' },
};
const payId = (r: number) => `0Pa${String(r).padStart(15, '0')}`;
const INVOICES = 30;

function paymentsCsv(): string {
  let csv = quoted(['Id', 'PaymentNumber', 'AccountId', 'Account.Name', 'Amount', 'Date', 'Status', 'CurrencyIsoCode']);
  for (let r = 0; r < 60; r++) {
    csv += quoted([payId(r), `PAY-${r}`, r % 9 === 0 ? '' : `001${r % 4}`, `Acme ${r % 4}`, String(100 + r * 2.5), `2026-0${1 + (r % 9)}-1${r % 10}T1${r % 10}:30:00.000Z`, r % 7 === 0 ? 'Draft' : 'Processed', r % 5 === 0 ? 'EUR' : 'USD']);
  }
  return csv;
}
function applicationsCsv(): string {
  let csv = quoted(['Id', 'PaymentId', 'InvoiceId', 'Amount', 'Type', 'AppliedDate', 'CreatedDate', 'CurrencyIsoCode']);
  for (let r = 0; r < 120; r++) {
    csv += quoted([`0Pl${String(r).padStart(15, '0')}`, r % 13 === 0 ? `0PaMISSING${r}` : payId(r % 60), `3tt${r % INVOICES}`, r % 11 === 0 ? '' : String(40 + r), r % 6 === 0 ? 'Unapplied' : 'Applied', r % 3 ? `2026-0${1 + (r % 9)}-2${r % 8}T2${r % 4}:15:00.000Z` : '', '2026-01-01T00:00:00.000Z', r % 10 === 0 ? 'EUR' : '']);
  }
  return csv;
}

/** An incremental's change: a payment moved to another account and its amount changed, one added, one deleted; an application moved to another invoice, one added, one deleted. */
const paymentChange = {
  upserts: [
    { id: payId(3), number: 'PAY-3', account: '0012', accountName: 'Acme 2', amount: 999, date: '2026-03-01T10:00:00.000Z', status: 'Processed', currency: 'USD' },
    { id: payId(70), number: 'PAY-70', account: '0011', accountName: 'Acme 1', amount: 70, date: '2026-04-01T10:00:00.000Z', status: 'Processed', currency: 'USD' },
  ] as RelatedRecord[],
  deleted: [payId(5)],
};
const applicationChange = {
  upserts: [
    { id: `0Pl${String(4).padStart(15, '0')}`, source: payId(4), invoice: '3tt7', amount: 33, type: 'Applied', date: '2026-05-05T10:00:00.000Z', created: '2026-05-05T10:00:00.000Z', currency: null },
    { id: '0PlNEW000000000001', source: payId(70), invoice: '3tt1', amount: 20, type: 'Applied', date: '2026-05-06T10:00:00.000Z', created: '2026-05-06T10:00:00.000Z', currency: null },
  ] as RelatedRecord[],
  deleted: [`0Pl${String(8).padStart(15, '0')}`],
};

/** A copy as a full sync keeps it (Bulk columns), or as the next incremental's copy keeps it (a merged view over them). */
function copyOf(merged: boolean): RelatedCopy {
  const object = (role: 'payment' | 'paymentApplication', reading: CsvReading, csv: string, change: typeof paymentChange): RelatedObjectCopy => {
    const columns = new CsvTable(reading);
    columns.add(csv);
    const table = merged ? new MergedTable(columns, change.upserts, change.deleted) : columns;
    const all = () => Array.from({ length: table.length }, (_, row) => table.record(row));
    return lazyRecords({ role, object: reading.object, signature: reading.object, watermark: null } as RelatedObjectCopy, 'records', table.length, all, table);
  };
  const records = (role: RelatedObjectCopy['role'], list: RelatedRecord[]): RelatedObjectCopy => ({ role, object: role, signature: role, watermark: null, records: list });
  return {
    objects: [
      object('payment', paymentReading, paymentsCsv(), paymentChange),
      object('paymentApplication', applicationReading, applicationsCsv(), applicationChange),
      records('creditNote', [
        { id: 'cm1', number: 'CM-1', account: '0011', accountName: 'Acme 1', amount: 50, date: '2026-02-01', status: 'Posted', currency: 'USD' },
        { id: 'cm2', number: 'CM-2', account: '0012', accountName: 'Acme 2', amount: 80, date: '2026-02-03', status: 'Posted', currency: 'USD' },
      ]),
      records('creditApplication', [
        { id: 'ca1', source: 'cm1', invoice: '3tt1', amount: 20, type: 'Applied', date: '2026-02-02', created: null, currency: null },
        { id: 'ca2', source: 'cm2', invoice: '3tt2', amount: 30, type: 'Applied', date: '2026-02-04', created: null, currency: null },
        { id: 'ca3', source: 'cm2', invoice: '3tt2', amount: 30, type: 'Unapplied', date: '2026-02-05', created: null, currency: null },
      ]),
      records('refundApplication', [
        { id: 'rf1', payment: payId(1), amount: 10, type: 'Applied', date: '2026-06-01', created: null, currency: null, status: null },
        { id: 'rf2', payment: payId(2), amount: 15, type: 'Applied', date: '2026-06-02', created: null, currency: 'EUR', status: null },
      ]),
    ],
    warnings: [], none: null,
  };
}

const invoices: InvoiceRow[] = Array.from({ length: INVOICES }, (_, i) => ({
  id: `3tt${i}`, number: `INV-${i}`, customer: `Acme ${i % 4}`, customerId: `001${i % 4}`, invoiceDate: '2026-01-05', dueDate: '2026-02-05', status: 'Posted',
  total: 400, balance: 400 - 40 - i, currency: i % 3 === 0 ? 'EUR' : 'USD', lastModified: null,
}));
const customers = [
  ...[0, 1, 2, 3].map((c) => ({ name: `Acme ${c}`, account: `001${c}` })),
  { name: 'Acme 0' }, { name: 'Acme 2' }, { name: 'Acme 1', account: '' }, { name: 'Nobody', account: '0019' },
];
const detail: InvoiceDetail = {
  invoice: invoices[1]!, lines: [], terms: null,
  fields: [payId(1), payId(3), 'cm2', 'unknown'].map((value, i) => ({ name: `Ref${i}__c`, label: `Ref ${i}`, type: 'reference', value })),
} as unknown as InvoiceDetail;

/** A copy whose whole indexes are made (what a call finds once the warm-up is over). */
function warmed(merged: boolean): RelatedCopy {
  const copy = copyOf(merged);
  ledgerIndex(copy);
  appliedBySource(copy);
  customerLedger(copy, customers[0]!, 'USD');
  return copy;
}

describe("the first detail and customer calls right after a sync's answer read their own entries, not the whole index", () => {
  for (const merged of [false, true]) {
    it(`${merged ? "an incremental's merged copy" : "a full sync's copy"}: every invoice's detail, every customer's view and the detail's reference names as from the whole index, none built`, () => {
      const whole = warmed(merged);
      let entries = 0;
      for (const invoice of invoices) {
        const copy = copyOf(merged);
        const snapshot = { object: 'Invoice', signature: 's', syncedAt: '', watermark: 1, rows: invoices, related: copy } as Snapshot;
        const wholeSnapshot = { ...snapshot, related: whole } as Snapshot;
        expect(listRowById(snapshot, invoice.id)).toEqual(listRowById(wholeSnapshot, invoice.id));
        const got = invoiceReceivables(copy, invoice);
        expect(got).toEqual(invoiceReceivables(whole, invoice));
        entries += got.entries.length;
        expect(ledgerIndex.made(copy)).toBeUndefined();
      }
      expect(entries).toBeGreaterThan(100);
      for (const who of customers) {
        const copy = copyOf(merged);
        const got = customerLedger(copy, who, 'USD');
        expect(got).toEqual(customerLedger(whole, who, 'USD'));
        expect(appliedBySource.made(copy)).toBeUndefined();
      }
      expect(customerLedger(copyOf(merged), customers[1]!, 'USD').payments.length).toBeGreaterThan(5);
      const copy = copyOf(merged);
      const named = withReferenceNames(detail, invoices[1], undefined, copy);
      expect(named).toEqual(withReferenceNames(detail, invoices[1], undefined, whole));
      expect(named.fields.filter((field) => field.referenceName)).toHaveLength(3);
      expect(ledgerIndex.made(copy)).toBeUndefined();
    });
  }

  it('a copy whose indexes are never warmed has them built after a few such calls (and the answers stay the same)', () => {
    const copy = copyOf(true);
    const whole = warmed(true);
    for (const invoice of invoices.slice(0, 8)) expect(invoiceReceivables(copy, invoice)).toEqual(invoiceReceivables(whole, invoice));
    expect(ledgerIndex.made(copy)).toBeDefined();
  });

  it('an id that came twice in the invoices: the detail finds the later row, as the index of ids does', () => {
    const copy = copyOf(false);
    const twice = [...invoices, { ...invoices[4]!, number: 'INV-4-again', balance: 1 }];
    const snapshot = { object: 'Invoice', signature: 's', syncedAt: '', watermark: 1, rows: twice, related: copy } as Snapshot;
    expect(listRowById(snapshot, invoices[4]!.id)?.number).toBe('INV-4-again');
    expect(ledgerIndex.made(copy)).toBeUndefined();
  });
});
