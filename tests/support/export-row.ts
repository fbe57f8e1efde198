import type { InvoiceRow } from '../../electron/contract';

/** Invoice `n` of an export test: Acme's, 100 USD, paid, dated 31 Jan 2026; `patch` sets what the test is about. */
export const exportRow = (n: number, patch: Partial<InvoiceRow> = {}): InvoiceRow => ({
  id: `a0G${String(n).padStart(12, '0')}AAA`,
  number: `INV-${n}`,
  customer: 'Acme',
  invoiceDate: '2026-01-31',
  dueDate: '2026-02-28',
  status: 'Posted',
  total: 100,
  balance: 0,
  currency: 'USD',
  lastModified: null,
  ...patch,
});
