/** The controller's report (aging by customer) and the customer filter it drills down to. */
export const report = {
  customer: 'Customer',
  anyCustomer: 'Any customer',
  noCustomer: '(no customer)',
  customerHint: 'Pick or type a customer’s name as the grid shows it',
  title: 'Aging by customer',
  backToInvoices: 'Back to invoices',
  rulesDueDate: 'Open balances of the receivables shown (the filters apply), as of {{date}}, by days past the due date.',
  rulesInvoiceDate: 'Open balances of the receivables shown (the filters apply), as of {{date}}, by days since the invoice date.',
  caption: '{{currency}}',
  captionCorporate: 'All currencies in {{currency}} (corporate currency)',
  total: 'Total',
  showInvoicesOf: 'Show the invoices of {{customer}}',
  showBucketOf: 'Show the invoices of {{customer}}, {{bucket}}: {{amount}}',
  missingRate_one: '{{count}} invoice without an exchange rate is not in the {{currency}} table.',
  missingRate_other: '{{count}} invoices without an exchange rate are not in the {{currency}} table.',
  nothingOpen: 'Nothing is owed on the invoices shown.',
} as const;
