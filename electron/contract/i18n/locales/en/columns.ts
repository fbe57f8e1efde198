/** The invoice columns, as the workspace and the exported files (CSV/XLSX header row, save dialog) name them. */
export const columns = {
  number: 'Number',
  customer: 'Customer',
  invoiceDate: 'Invoice date',
  dueDate: 'Due date',
  status: 'Status',
  total: 'Total',
  balance: 'Balance',
  currency: 'Currency',
  lastModified: 'Last modified',
  daysOverdue: 'Days overdue',
  fileInvoices: 'invoices',
  fileCsv: 'CSV (comma-separated)',
  fileXlsx: 'Excel workbook',
} as const;
