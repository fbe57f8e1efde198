import { describe, expect, it } from 'vitest';
import { lazyRecords, type RelatedCopy, type RelatedObjectCopy, type RelatedRecord } from '../../../electron/core/invoices/related/related-copy';
import type { CsvReading } from '../../../electron/core/invoices/related/related-csv';
import { CsvTable } from '../../../electron/core/invoices/related/related-csv-table';
import { customerLedger } from '../../../electron/core/invoices/read/customer-ledger';
import { collectionFigures } from '../../../electron/core/invoices/read/collection-figures';
import { invoiceReceivables } from '../../../electron/core/invoices/read/invoice-receivables';
import { paymentFigures } from '../../../electron/core/invoices/read/payment-figures';
import { changesAsOf } from '../../../electron/core/invoices/read/balance-as-of';
import type { Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import type { InvoiceListRow, InvoiceRow } from '../../../electron/contract';

/**
 * The customer view, statements and unapplied cash over a copy whose Bulk objects are kept as columns (a full sync with
 * payments: ~300k records at 100k invoices): the same answers as over records, without reading every record back from the
 * CSV parts at their first use (session 19: the customer view's first open read them all, 1.4–2.0 s of CPU).
 */
const quoted = (cells: string[]) => `${cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')}\n`;
const payments: CsvReading = {
  object: 'Payment', modstamp: null,
  paths: { number: 'PaymentNumber', account: 'AccountId', accountName: 'Account.Name', amount: 'Amount', date: 'Date', status: 'Status', currency: 'CurrencyIsoCode' },
  cells: { amount: 'number', date: 'instant' },
};
const applications: CsvReading = {
  object: 'PaymentLineInvoice', modstamp: null,
  paths: { source: 'PaymentId', invoice: 'InvoiceId', amount: 'Amount', type: 'Type', date: 'AppliedDate', created: 'CreatedDate', currency: 'CurrencyIsoCode' },
  cells: { amount: 'number', date: 'instant', created: 'instant' },
};
function paymentsCsv(): string {
  let csv = quoted(['Id', 'PaymentNumber', 'AccountId', 'Account.Name', 'Amount', 'Date', 'Status', 'CurrencyIsoCode']);
  for (let r = 0; r < 60; r++) {
    csv += quoted([`0Pa${String(r).padStart(15, '0')}`, `PAY-${r}`, `001${r % 4}`, `Acme "${r % 4}", Inc`, String(100 + r * 2.5), `2026-0${1 + (r % 9)}-1${r % 10}T1${r % 10}:30:00.000Z`, r % 7 === 0 ? 'Draft' : 'Processed', r % 5 === 0 ? 'EUR' : 'USD']);
  }
  return csv;
}
function applicationsCsv(): string {
  let csv = quoted(['Id', 'PaymentId', 'InvoiceId', 'Amount', 'Type', 'AppliedDate', 'CreatedDate', 'CurrencyIsoCode']);
  for (let r = 0; r < 90; r++) {
    csv += quoted([`0Pl${String(r).padStart(15, '0')}`, `0Pa${String(r % 60).padStart(15, '0')}`, `3tt${r % 30}`, r % 11 === 0 ? '' : String(40 + r), r % 6 === 0 ? 'Unapplied' : 'Applied', r % 3 ? `2026-0${1 + (r % 9)}-2${r % 8}T2${r % 4}:15:00.000Z` : '', '2026-01-01T00:00:00.000Z', r % 10 === 0 ? 'EUR' : '']);
  }
  return csv;
}
const credits: RelatedRecord[] = [{ id: 'cm1', number: 'CM-1', account: '0011', accountName: 'Acme "1", Inc', amount: 50, date: '2026-02-01', status: 'Posted', currency: 'USD' }];
const creditApplications: RelatedRecord[] = [{ id: 'ca1', source: 'cm1', invoice: '3tt1', amount: 20, type: 'Applied', date: '2026-02-02', created: null, currency: null }];

/** The copy as a full sync keeps it (columns, records read when asked: `reads` counts the reads) or as plain records. */
function copyOf(asColumns: boolean): { copy: RelatedCopy; reads: () => number } {
  let reads = 0;
  const object = (role: 'payment' | 'paymentApplication', reading: CsvReading, csv: string): RelatedObjectCopy => {
    const table = new CsvTable(reading);
    table.add(csv);
    const meta = { role, object: reading.object, signature: reading.object, watermark: null };
    if (!asColumns) return { ...meta, records: table.records() };
    return lazyRecords({ ...meta } as RelatedObjectCopy, 'records', table.length, () => (reads++, table.records()), table);
  };
  const copy: RelatedCopy = {
    objects: [
      object('payment', payments, paymentsCsv()),
      object('paymentApplication', applications, applicationsCsv()),
      { role: 'creditNote', object: 'CreditMemo', signature: 'c', watermark: null, records: credits },
      { role: 'creditApplication', object: 'CreditMemoInvApplication', signature: 'ca', watermark: null, records: creditApplications },
    ],
    warnings: [], none: null,
  };
  return { copy, reads: () => reads };
}

describe('readers of the whole copy over the Bulk objects kept as columns', () => {
  it('the customer view (today and as of a day) and unapplied cash: the same answers as over records, no record read back', () => {
    const columns = copyOf(true);
    const records = copyOf(false);
    const rows = [{ id: '3tt1', currency: 'USD', paid: 0, credited: 20 } as InvoiceListRow];
    for (const asOf of [undefined, '2026-05-20']) {
      for (const who of [{ name: 'Acme "1", Inc', account: '0011' }, { name: 'Acme "2", Inc' }, { name: 'Nobody' }]) {
        expect(customerLedger(columns.copy, who, 'USD', asOf)).toEqual(customerLedger(records.copy, who, 'USD', asOf));
      }
      expect(collectionFigures(columns.copy, rows, () => false, asOf)).toEqual(collectionFigures(records.copy, rows, () => false, asOf));
    }
    expect(customerLedger(columns.copy, { name: 'Acme "1", Inc', account: '0011' }, 'USD').payments.length).toBeGreaterThan(5);
    expect(columns.reads()).toBe(0);
  });

  it('an invoice’s applications, its list figures and its balance as of a day: the same answers as over records, no record read back', () => {
    const columns = copyOf(true);
    const records = copyOf(false);
    const invoices: InvoiceRow[] = Array.from({ length: 30 }, (_, i) => ({
      id: `3tt${i}`, number: `INV-${i}`, customer: 'Acme', invoiceDate: '2026-01-05', dueDate: '2026-02-05', status: 'Posted',
      total: 400, balance: 400 - 40 - i, currency: i % 3 === 0 ? 'EUR' : 'USD', lastModified: null,
    }));
    let named = 0;
    let flagged = 0;
    for (const invoice of invoices) {
      const detail = invoiceReceivables(columns.copy, invoice);
      expect(detail).toEqual(invoiceReceivables(records.copy, invoice));
      named += detail.entries.filter((entry) => entry.sourceNumber !== null).length;
      flagged += detail.entries.filter((entry) => entry.problems.length > 0).length;
      for (const asOf of [undefined, '2026-05-20']) expect(paymentFigures(columns.copy, invoice, asOf)).toEqual(paymentFigures(records.copy, invoice, asOf));
    }
    // The payments' numbers are read when the detail asks (each application's payment), and some entries are not counted.
    expect(named).toBeGreaterThan(60);
    expect(flagged).toBeGreaterThan(5);
    const rowsById = new Map(invoices.map((row) => [row.id, { ...row, ...paymentFigures(records.copy, row) } as InvoiceListRow]));
    const asOf = (copy: typeof columns.copy) => changesAsOf({ related: copy } as Snapshot, rowsById, '2026-04-01');
    expect(asOf(columns.copy)).toEqual(asOf(records.copy));
    expect(asOf(columns.copy).balances.size).toBeGreaterThan(3);
    expect(columns.reads()).toBe(0);
  });
});
