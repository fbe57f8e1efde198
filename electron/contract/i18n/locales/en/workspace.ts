/** The workspace: filters and search (more of the workspace's words move here folder by folder). */
export const workspace = {
  filters: 'Filters',
  status: 'Status',
  noInvoicesYet: 'No invoices yet',
  currency: 'Currency',
  payment: 'Payment',
  overdueOnly: 'Overdue only',
  invoiceDate: 'Invoice date',
  dueDate: 'Due date',
  from: 'From',
  to: 'To',
  searchLabel: 'Search invoices by number or customer',
  searchPlaceholder: 'Search number or customer (Ctrl+F)',
} as const;
