import type { InvoiceListRow, InvoiceRow } from '../../../contract';
import type { ExportRows } from '../../export/export-rows';
import type { Snapshot } from '../snapshot/snapshot';
import { rowTableOf } from '../snapshot/row-table';
import { ledgerIndex } from './applied-ledger';
import { paymentFigures, paymentFiguresState, type PaymentFigures } from './payment-figures';

const NOTHING: PaymentFigures = Object.freeze({ paid: 0, credited: 0, lastPaymentDate: null, fullyPaidOn: null, daysToPay: null });

/**
 * An export's rows read straight from the copy (issue #19): the ids asked are turned into places in the copy once
 * (its index by id, two typed arrays over the columns), and each place is read into ONE row object when the writer
 * comes to it — the same values a list row has (its payment figures when the copy has them; the balance as of a day
 * when `balances` moves it), but no row object, no array and no map of 100,000 invoices. The row handed back is
 * refilled at the next place (export-rows.ts). Ids the copy no longer has are skipped, as before.
 */
export function copyExportRows(snapshot: Snapshot, balances?: ReadonlyMap<string, number>): { rowsOf(ids: readonly string[]): ExportRows } {
  return {
    rowsOf(ids) {
      const table = rowTableOf(snapshot);
      const places = new Int32Array(ids.length);
      let length = 0;
      for (const id of ids) {
        const place = table.indexOfId(id);
        if (place >= 0) places[length++] = place;
      }
      const copy = snapshot.related;
      const index = paymentFiguresState(copy) === 'available' ? ledgerIndex(copy!) : null;
      const moved = balances && balances.size > 0 ? balances : null;
      const row = emptyRow();
      return {
        length,
        at(place) {
          if (!(place >= 0 && place < length)) return undefined;
          table.fillRow(places[place]!, row);
          if (moved) {
            const balance = moved.get(row.id);
            if (balance !== undefined) row.balance = balance;
          }
          // The figures of the row as synced (listRowMaker's), whatever its balance as of the day.
          if (index) Object.assign(row, index.byInvoice.has(row.id) ? paymentFigures(copy!, row) : NOTHING);
          return row;
        },
      };
    },
  };
}

/** One object with every field a list row has, in one order (one hidden class, whatever the row). */
function emptyRow(): InvoiceListRow {
  const row: InvoiceRow = { id: '', number: '', customer: null, invoiceDate: null, dueDate: null, status: null, total: null, balance: null, currency: '', lastModified: null, customerId: undefined };
  return row;
}
