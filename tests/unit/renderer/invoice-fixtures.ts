import type { InvoiceRow } from '../../../electron/contract';

let next = 1;

/** An invoice row with sensible defaults; tests override what they care about. */
export function row(patch: Partial<InvoiceRow> = {}): InvoiceRow {
  const n = next++;
  return {
    id: `a0${String(n).padStart(6, '0')}`,
    number: `INV-${String(n).padStart(5, '0')}`,
    customer: 'Acme',
    invoiceDate: '2026-01-01',
    dueDate: '2026-01-31',
    status: 'Posted',
    total: 100,
    balance: 100,
    currency: 'USD',
    lastModified: null,
    ...patch,
  };
}
