import { TEXT_CELLS, type ColumnChunkBuilder } from '../snapshot/row-columns';
import type { QueryPlan } from '../sync/soql';
import { fieldReaders, isPlainDate, isSalesforceUtc, readerFor, toAmount, toDate, toInstant, toText, type SalesforceRecord } from './row-mapper';

/** Writes one Salesforce record into a chunk being built, as the row `rowMapper` would make of it. */
export type ColumnWriter = (record: SalesforceRecord, out: ColumnChunkBuilder) => void;

const bit = (cell: (typeof TEXT_CELLS)[number]): number => 1 << TEXT_CELLS.indexOf(cell);
const CUSTOMER = bit('customer');
const INVOICE_DATE = bit('invoiceDate');
const DUE_DATE = bit('dueDate');
const STATUS = bit('status');
const LAST_MODIFIED = bit('lastModified');
const CUSTOMER_ID = bit('customerId');

/** A text cell (`toText`): a string as it is, null / undefined as null, anything else as `String(value)`. Its null bit. */
function putText(out: ColumnChunkBuilder, value: unknown, nullBit: number): number {
  if (typeof value === 'string') {
    out.putText(value);
    return 0;
  }
  const text = toText(value);
  if (text === null) {
    out.putNull();
    return nullBit;
  }
  out.putText(text);
  return 0;
}

/** A calendar date cell (`toDate`): YYYY-MM-DD as it is, a datetime as its UTC day, anything else null. */
function putDate(out: ColumnChunkBuilder, value: unknown, nullBit: number): number {
  if (typeof value === 'string' && value.length === 10 && isPlainDate(value)) {
    out.putText(value);
    return 0;
  }
  return putText(out, toDate(value), nullBit);
}

/** An instant cell (`toInstant`): Salesforce's +0000 form rewritten to …Z without parsing, anything else the general way. */
function putInstant(out: ColumnChunkBuilder, value: unknown, nullBit: number): number {
  if (typeof value === 'string' && isSalesforceUtc(value)) {
    out.putTextZ(value, 23);
    return 0;
  }
  return putText(out, toInstant(value), nullBit);
}

/**
 * The mapping of one sync compiled into per-field writers (issue #22): each record goes straight into the page's
 * columns — text cells appended to the chunk's text, amounts into its Float64Arrays, null bits — with no `InvoiceRow`
 * made in between (100,000 short-lived objects per full sync at 100k, and their copy into the columns). Exactly the
 * values `rowMapper` gives (tests/unit/invoices/column-writer.test.ts holds the two side by side).
 */
export function columnWriter(plan: QueryPlan, defaultCurrency: string): ColumnWriter {
  const { number, customer, invoiceDate, dueDate, status, total, balance, currency, lastModified } = fieldReaders(plan);
  const customerId = readerFor(plan.customerId);
  return (record, out) => {
    out.beginRow();
    // In TEXT_CELLS order: id, number, customer, invoiceDate, dueDate, status, currency, lastModified, customerId.
    const id = String(record.Id);
    out.putText(id);
    out.putText(toText(number(record)) ?? id);
    let nulls = putText(out, customer(record), CUSTOMER);
    nulls |= putDate(out, invoiceDate(record), INVOICE_DATE);
    nulls |= putDate(out, dueDate(record), DUE_DATE);
    nulls |= putText(out, status(record), STATUS);
    out.putText(toText(currency(record)) ?? defaultCurrency);
    nulls |= putInstant(out, lastModified(record), LAST_MODIFIED);
    nulls |= putText(out, customerId(record), CUSTOMER_ID);
    out.endRow(nulls, toAmount(total(record)), toAmount(balance(record)));
  };
}
