/** The details of one invoice beside the grid: its amounts, its line items and all its fields. */
export const invoiceDetail = {
  title: 'Invoice {{number}}',
  close: 'Close details (Escape)',
  noCustomer: 'No customer',
  /** Under the heading: where the invoice stands as of the aging date. */
  standingOverdue_one: '{{n}} day overdue',
  standingOverdue_other: '{{n}} days overdue',
  standingNotOverdue: 'Not overdue',
  standingBucket: '{{days}} · aging {{bucket}}',
  standingNothingOwed: 'Nothing owed',
  standingDraft: 'Draft: not in receivables',
  standingCancelled: 'Cancelled: not in receivables',
  openInSalesforce: 'Open in Salesforce',
  cachedOnly: 'Showing the copy from your last sync. Line items and the other fields need Salesforce: {{reason}}',
  loadingLines: 'Loading line items…',
  lineItems: 'Line items',
  allFields: 'All fields',
  fields: 'Fields',
  invoiceNumber: 'Invoice number',
  yes: 'Yes',
  no: 'No',
  noLines: 'No line items.',
  item: 'Item',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  amount: 'Amount',
  /** Under the customer: the invoice's payment terms as the org names them ("Net 30"). */
  paymentTerms: 'Payment terms: {{terms}}',
  /** Folds the record's bookkeeping fields (Deleted, System Modstamp, ids) under "All fields". */
  moreFields_one: 'More ({{count}} system field)',
  moreFields_other: 'More ({{count}} system fields)',
  keptCopy: 'Salesforce is out of reach: every field and line as Salesforce gave them on {{date}}, from the offline copy.',
  /** Status bar: the background phase after a sync that keeps every invoice's lines and fields offline. */
  recordFetching: 'Keeping every invoice offline: {{fetched}} of {{total}} records',
  recordSaving: 'Keeping every invoice offline: saving…',
  recordFailed: 'Could not keep every invoice’s lines and fields offline; the next sync tries again.',
} as const;
