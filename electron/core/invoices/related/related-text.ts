/**
 * Words the receivables core shows (offline-copy notes, discovery warnings, why an application is not
 * counted). English, in one place, until the i18n catalogue lands.
 */
export const relatedText = {
  notInCopyYet: 'Payments and credit notes come with the next sync.',
  noReadableObjects: 'No payment or credit objects can be read in this org.',
  noneForObject: (invoiceObject: string) =>
    `Payments and credit notes are not available: this org's invoice object (${invoiceObject}) has no payment or credit objects Budgetly knows.`,
  objectUnreadable: (label: string, object: string) =>
    `${label} (${object}) are not in this org or cannot be read with your Salesforce access, so they are not shown.`,
  requiredFieldsHidden: (label: string, hidden: string[]) =>
    `${label} are not shown: the field${hidden.length > 1 ? 's' : ''} ${hidden.join(', ')} ${hidden.length > 1 ? 'are' : 'is'} hidden from you (field-level security).`,
  optionalFieldsHidden: (label: string, hidden: string[]) =>
    `${label}: ${hidden.join(', ')} ${hidden.length > 1 ? 'are' : 'is'} hidden from you (field-level security) and left blank.`,
  otherCurrency: (entryCurrency: string, invoiceCurrency: string) => `In ${entryCurrency} while the invoice is in ${invoiceCurrency}: not counted.`,
  notPositive: 'Its amount is zero, negative or missing: not counted.',
  sourceMissing: (kind: 'payment' | 'credit') =>
    `The ${kind === 'payment' ? 'payment' : 'credit note'} it comes from is not in the offline copy (deleted, or not visible to you).`,
} as const;
