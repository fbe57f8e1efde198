/** The receivables feature's words (English), until they move into the app's catalogue. */
export const receivablesText = {
  heading: 'Payments and credits',
  loading: 'Loading payments and credit notes…',
  none: 'Nothing has been applied to this invoice yet.',
  payment: 'Payment',
  credit: 'Credit note',
  reversal: (kind: string) => `${kind} taken back`,
  open: 'Open in Salesforce',
  noDate: 'No date',
  arithmetic: 'How the balance is reached',
  total: 'Invoice total',
  payments: 'Payments applied',
  credits: 'Credits applied',
  computed: 'Balance from what was applied',
  stated: 'Balance in Salesforce',
  mismatch: (difference: string) =>
    `Salesforce’s balance differs from what was applied by ${difference}. Budgetly shows both and changes neither: check the invoice in Salesforce.`,
  agrees: 'Agrees with Salesforce’s balance.',
  fullyPaidOn: (date: string) => `Fully paid on ${date}`,
} as const;
