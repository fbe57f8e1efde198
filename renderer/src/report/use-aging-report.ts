import { useMemo, useState } from 'react';
import { agingBucketOf, type AgingBasis } from '../invoices/aging';
import type { InvoiceFilters } from '../invoices/filters';
import type { PreparedInvoices } from '../invoices/prepared';
import type { ConvertedRows } from '../../../electron/contract/conversion/convert';
import type { ReportDrill } from './AgingByCustomer';
import { corporateCustomerAging, customerAgingOf } from './customer-aging';

interface Input {
  prepared: PreparedInvoices;
  /** The rows the aging chart is over (the filters, less the aging bucket's own: every bucket stays in view). */
  agingSet: ArrayLike<number>;
  asOfDay: number;
  basis: AgingBasis;
  /** The corporate-currency view's converted rows (null when not shown in the corporate currency). */
  converted: ConvertedRows | null;
  filters: InvoiceFilters;
  changeFilters: (next: InvoiceFilters) => void;
}

/**
 * The aging-by-customer report of the workspace: open or not, its tables (computed only while open), and the
 * drill-down that sets the customer filter (a cell: its bucket and currency too) and returns to the grid.
 */
export function useAgingReport({ prepared, agingSet, asOfDay, basis, converted, filters, changeFilters }: Input) {
  const [open, setOpen] = useState(false);
  const tables = useMemo(() => (open ? customerAgingOf(prepared, agingSet, asOfDay, basis) : []), [open, prepared, agingSet, asOfDay, basis]);
  const corporate = useMemo(
    () => (open && converted ? corporateCustomerAging(converted, prepared, agingSet, (i) => agingBucketOf(prepared, i, asOfDay, basis)) : null),
    [open, converted, prepared, agingSet, asOfDay, basis],
  );
  const drill = ({ customer, currency, bucket }: ReportDrill) => {
    changeFilters({ ...filters, customer, aging: bucket, currencies: currency === null ? filters.currencies : [currency] });
    setOpen(false);
  };
  // The filters the report applies: all but the aging bucket's own (its columns are the buckets). The Summary sheet
  // of its export says these, so the file never claims a bucket filter its sheets do not follow.
  const applied = useMemo(() => (open && filters.aging ? { ...filters, aging: null } : filters), [open, filters]);
  return { open, setOpen, tables, corporate, drill, applied };
}
