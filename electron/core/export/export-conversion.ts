import type { CurrencyRates, InvoiceListRow } from '../../contract';
import { convertToMinor, type ConversionBasis } from '../../contract/conversion/convert';
import { buildRateTable, rateSlot } from '../../contract/conversion/rate-table';
import { dayNumber } from '../../contract/invoice-order';

export interface ConvertedCells {
  /** Corporate major units, rounded per invoice; null without a rate (or without the amount). */
  total: number | null;
  balance: number | null;
  rate: number | null;
  /** The day the rate applies from (its period's StartDate); null for a plain rate. */
  rateDate: string | null;
}

/** The conversion columns of an export: each row converted as the workspace's corporate-currency view converts it. */
export interface RowConversion {
  corporate: string;
  of(row: InvoiceListRow): ConvertedCells;
}

const NONE: ConvertedCells = Object.freeze({ total: null, balance: null, rate: null, rateDate: null });

/** null when the copy has nothing to convert with (the columns stay empty). */
export function exportConversion(rates: CurrencyRates, basis: ConversionBasis, asOf: string): RowConversion | null {
  const table = buildRateTable(rates);
  if (!table) return null;
  const asOfDay = dayNumber(asOf);
  const scale = 10 ** table.decimals;
  // A row's four cells are asked for one after another: converted once. By the object and its id: an export read from
  // the copy refills one row object place after place (invoices/read/export-rows.ts), and the same id is the same row.
  let last: InvoiceListRow | null = null;
  let lastId = '';
  let cells = NONE;
  return {
    corporate: table.corporate,
    of(row) {
      if (row === last && row.id === lastId) return cells;
      last = row;
      lastId = row.id;
      const slot = rateSlot(table, row.currency, basis === 'asOf' ? asOfDay : dayNumber(row.invoiceDate));
      if (slot < 0) return (cells = NONE);
      const used = table.used[slot]!;
      const convert = (amount: number | null) => (amount === null ? null : convertToMinor(amount, used.rate, table.decimals) / scale);
      return (cells = { total: convert(row.total), balance: convert(row.balance), rate: used.rate, rateDate: used.start });
    },
  };
}
